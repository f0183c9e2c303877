// SPDX-License-Identifier: GPL-2.0
/*
 * Configuration space through mechanism #1 (Linux's arch/x86/pci/direct.c
 * pci_conf1_read/write, wrapped as drivers/pci/access.c does): write the
 * address of a dword to 0xCF8, then move data through 0xCFC..0xCFF.
 *
 * The address and the data are two separate port accesses, so one lock
 * (pci_lock, with interrupts off: a handler may read config space) keeps
 * another CPU from changing 0xCF8 in between.
 */
#include <irqlab/pci.h>
#include <irqlab/spinlock.h>
#include <asm/io.h>

#define PCI_CONF1_ADDRESS	0xcf8
#define PCI_CONF1_DATA		0xcfc
#define PCI_CONF1_ENABLE	0x80000000u

static DEFINE_SPINLOCK(pci_lock);

static u32 conf1_address(unsigned int bus, unsigned int devfn, int reg)
{
	return PCI_CONF1_ENABLE | bus << 16 | devfn << 8 | (reg & 0xfc);
}

/*
 * An absent device does not answer: the host bridge returns all ones,
 * which is how enumeration (a vendor ID of 0xffff) tells it is absent.
 */
static int pci_conf1_read(unsigned int bus, unsigned int devfn, int reg,
			  int len, u32 *value)
{
	unsigned long flags;
	u16 port = PCI_CONF1_DATA + (reg & 3);

	if (reg < 0 || reg + len > PCI_CFG_SPACE_SIZE || (reg & (len - 1))) {
		*value = ~0u;
		return PCIBIOS_BAD_REGISTER_NUMBER;
	}
	spin_lock_irqsave(&pci_lock, flags);
	outl(conf1_address(bus, devfn, reg), PCI_CONF1_ADDRESS);
	switch (len) {
	case 1:
		*value = inb(port);
		break;
	case 2:
		*value = inw(port);
		break;
	default:
		*value = inl(port);
		break;
	}
	spin_unlock_irqrestore(&pci_lock, flags);
	return PCIBIOS_SUCCESSFUL;
}

static int pci_conf1_write(unsigned int bus, unsigned int devfn, int reg,
			   int len, u32 value)
{
	unsigned long flags;
	u16 port = PCI_CONF1_DATA + (reg & 3);

	if (reg < 0 || reg + len > PCI_CFG_SPACE_SIZE || (reg & (len - 1)))
		return PCIBIOS_BAD_REGISTER_NUMBER;
	spin_lock_irqsave(&pci_lock, flags);
	outl(conf1_address(bus, devfn, reg), PCI_CONF1_ADDRESS);
	switch (len) {
	case 1:
		outb(value, port);
		break;
	case 2:
		outw(value, port);
		break;
	default:
		outl(value, port);
		break;
	}
	spin_unlock_irqrestore(&pci_lock, flags);
	return PCIBIOS_SUCCESSFUL;
}

#define PCI_BUS_READ(size, type, len)					\
int pci_bus_read_config_##size(struct pci_bus *bus, unsigned int devfn,	\
			       int where, type *val)			\
{									\
	u32 v;								\
	int ret = pci_conf1_read(bus->number, devfn, where, len, &v);	\
									\
	*val = (type)v;							\
	return ret;							\
}									\
int pci_read_config_##size(const struct pci_dev *dev, int where,	\
			   type *val)					\
{									\
	return pci_bus_read_config_##size(dev->bus, dev->devfn, where,	\
					  val);				\
}

#define PCI_BUS_WRITE(size, type, len)					\
int pci_bus_write_config_##size(struct pci_bus *bus, unsigned int devfn, \
				int where, type val)			\
{									\
	return pci_conf1_write(bus->number, devfn, where, len, val);	\
}									\
int pci_write_config_##size(const struct pci_dev *dev, int where,	\
			    type val)					\
{									\
	return pci_bus_write_config_##size(dev->bus, dev->devfn, where,	\
					   val);			\
}

PCI_BUS_READ(byte, u8, 1)
PCI_BUS_READ(word, u16, 2)
PCI_BUS_READ(dword, u32, 4)
PCI_BUS_WRITE(byte, u8, 1)
PCI_BUS_WRITE(word, u16, 2)
PCI_BUS_WRITE(dword, u32, 4)
