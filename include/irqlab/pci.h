/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI (drivers/pci/), the API of Linux's <linux/pci.h> for what irqlab
 * needs: configuration space through the 0xCF8/0xCFC mechanism,
 * enumeration of every bus behind the host bridge, BARs sized and
 * recorded as resources, and drivers bound by their id_table.
 */
#ifndef _IRQLAB_PCI_H
#define _IRQLAB_PCI_H

#include <irqlab/module.h>
#include <irqlab/types.h>
#include <irqlab/list.h>
#include <irqlab/pci_regs.h>
#include <asm/io_map.h>

#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

#define PCI_ANY_ID		(~0U)
#define PCI_VENDOR_ID_INTEL	0x8086

/* The class codes irqlab names (base class << 8 | subclass). */
#define PCI_CLASS_NETWORK_ETHERNET	0x0200
#define PCI_CLASS_BRIDGE_PCI		0x0604

#define PCI_NUM_RESOURCES	6	/* irqlab records the standard BARs */

/* struct resource flags: Linux's IORESOURCE_* values. */
#define IORESOURCE_IO		0x00000100
#define IORESOURCE_MEM		0x00000200
#define IORESOURCE_PREFETCH	0x00002000
#define IORESOURCE_MEM_64	0x00100000
#define IORESOURCE_UNSET	0x20000000	/* BAR not implemented */

struct resource {
	u64 start;
	u64 end;		/* inclusive, as Linux's */
	unsigned long flags;
};

static inline u64 resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

struct pci_bus {
	unsigned char number;
	unsigned char primary;		/* the bus its bridge sits on */
	struct pci_dev *self;		/* its bridge; NULL for bus 0 */
};

struct pci_driver;

struct pci_dev {
	struct list_head bus_list;	/* on pci_devices, in scan order */
	struct pci_bus *bus;
	unsigned int devfn;
	unsigned short vendor;
	unsigned short device;
	unsigned short subsystem_vendor;
	unsigned short subsystem_device;
	unsigned int class;		/* 3 bytes: base, sub, prog-if */
	u8 revision;
	u8 hdr_type;			/* without the multi-function bit */
	bool multifunction;		/* that bit: functions 1-7 may exist */
	u8 pin;				/* 1 = INTA ... 0 = none */
	unsigned int irq;		/* from the Interrupt Line register */
	struct resource resource[PCI_NUM_RESOURCES];
	int enable_cnt;
	bool is_busmaster;
	struct pci_driver *driver;	/* bound driver, or NULL */
	void *driver_data;
};

#define pci_resource_start(dev, bar)	((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)	((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar)	((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar)					\
	(pci_resource_flags(dev, bar) & (IORESOURCE_IO | IORESOURCE_MEM) ? \
	 resource_size(&(dev)->resource[(bar)]) : 0)

struct pci_device_id {
	u32 vendor, device;		/* PCI_ANY_ID matches any */
	u32 subvendor, subdevice;
	u32 class, class_mask;
	unsigned long driver_data;
};

#define PCI_DEVICE(vend, dev)						\
	.vendor = (vend), .device = (dev),				\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

struct pci_driver {
	struct list_head node;
	const char *name;
	const struct pci_device_id *id_table;	/* ends with a zero entry */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
};

/* Every device found, in bus order (Linux's pci_devices walk). */
extern struct list_head pci_devices;
#define for_each_pci_dev(d)	list_for_each_entry(d, &pci_devices, bus_list)

/* drivers/pci/access.c: configuration mechanism #1. */
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn,
			     int where, u8 *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn,
			     int where, u16 *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn,
			      int where, u32 *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn,
			      int where, u8 val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn,
			      int where, u16 val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn,
			       int where, u32 val);
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

/* Return values of the accessors (Linux's PCIBIOS_*). */
#define PCIBIOS_SUCCESSFUL		0x00
#define PCIBIOS_BAD_REGISTER_NUMBER	0x87

/* drivers/pci/probe.c */
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn);
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
int pci_bus_count(void);

/* drivers/pci/pci.c */
int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
u8 pci_find_capability(struct pci_dev *dev, int cap);
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void __iomem *pci_ioremap_bar(struct pci_dev *dev, int bar);
const char *pci_name(const struct pci_dev *dev);

/* drivers/pci/pci-driver.c */
int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);

/* Registers a pci_driver at device_initcall time, as Linux's. */
#define module_pci_driver(__pci_driver)					\
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	pdev->driver_data = data;
}

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return pdev->driver_data;
}

/* drivers/pci/names.c: the short names lspci prints, for QEMU's devices. */
const char *pci_vendor_name(u16 vendor);
const char *pci_device_name(u16 vendor, u16 device);
const char *pci_class_name(unsigned int class);

#endif /* _IRQLAB_PCI_H */
