// SPDX-License-Identifier: GPL-2.0
/*
 * Enumeration, as Linux's drivers/pci/probe.c: scan bus 0 slot by slot,
 * every function of a multi-function device, read each header, size its
 * BARs, and follow PCI-to-PCI bridges to the buses behind them.  irqlab
 * trusts the firmware's resource assignment (SeaBIOS and OVMF both assign
 * BARs and bus numbers) and only numbers a bridge the firmware left at
 * secondary bus 0.
 */
#include <irqlab/init.h>
#include <irqlab/errno.h>
#include <irqlab/pci.h>
#include <irqlab/slab.h>
#include <irqlab/printk.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>

LIST_HEAD(pci_devices);

#define PCI_MAX_BUSES	256
static struct pci_bus *pci_buses[PCI_MAX_BUSES];
static int nr_pci_buses;
static unsigned int pci_next_busn = 1;	/* for bridges firmware left unset */

int pci_bus_count(void)
{
	return nr_pci_buses;
}

static struct pci_bus *pci_alloc_bus(unsigned int nr, struct pci_dev *self)
{
	struct pci_bus *b;

	if (nr >= PCI_MAX_BUSES || pci_buses[nr])
		return NULL;	/* a loop of bridges, or a broken numbering */
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NULL;
	b->number = nr;
	b->self = self;
	b->primary = self ? self->bus->number : 0;
	pci_buses[nr] = b;
	nr_pci_buses++;
	return b;
}

/*
 * Linux's pci_size(): the bits a BAR kept after all ones were written are
 * its address bits; the lowest one set is its size.
 */
static u64 pci_size(u64 base, u64 maxbase, u64 mask)
{
	u64 size = mask & maxbase;

	if (!size)
		return 0;
	size = size & ~(size - 1);
	if (base == maxbase && ((base | (size - 1)) & mask) != mask)
		return 0;
	return size;
}

/*
 * Linux's __pci_read_base(): remember the BAR, write all ones, read what
 * stuck, put the BAR back.  Decoding is off meanwhile (the caller clears
 * the command bits) so the device never answers at the all-ones address.
 * Returns 1 if the BAR was the low half of a 64-bit one.
 */
static int pci_read_base(struct pci_dev *dev, int bar, struct resource *res)
{
	int pos = PCI_BASE_ADDRESS_0 + 4 * bar;
	u32 l, sz, lhi = 0, szhi = 0;
	u64 base, maxbase, mask, size;
	int is64;

	pci_read_config_dword(dev, pos, &l);
	pci_write_config_dword(dev, pos, ~0u);
	pci_read_config_dword(dev, pos, &sz);
	pci_write_config_dword(dev, pos, l);

	memset(res, 0, sizeof(*res));
	if (sz == 0 || sz == ~0u) {
		res->flags = IORESOURCE_UNSET;
		return 0;
	}

	if (l & PCI_BASE_ADDRESS_SPACE_IO) {
		res->flags = IORESOURCE_IO;
		mask = PCI_BASE_ADDRESS_IO_MASK & 0xffffffffu;
		/* Ports above 64 KiB do not exist on x86: ignore the top. */
		if (!(sz & 0xffff0000u))
			mask &= 0xffff;
		base = l & mask;
		maxbase = sz;
	} else {
		res->flags = IORESOURCE_MEM;
		if (l & PCI_BASE_ADDRESS_MEM_PREFETCH)
			res->flags |= IORESOURCE_PREFETCH;
		mask = PCI_BASE_ADDRESS_MEM_MASK & 0xffffffffu;
		if ((l & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
		    PCI_BASE_ADDRESS_MEM_TYPE_64 && bar < 5) {
			res->flags |= IORESOURCE_MEM_64;
			pci_read_config_dword(dev, pos + 4, &lhi);
			pci_write_config_dword(dev, pos + 4, ~0u);
			pci_read_config_dword(dev, pos + 4, &szhi);
			pci_write_config_dword(dev, pos + 4, lhi);
			mask |= 0xffffffff00000000ull;
		}
		base = ((u64)lhi << 32 | l) & mask;
		maxbase = (u64)szhi << 32 | sz;
		if (!(res->flags & IORESOURCE_MEM_64))
			maxbase |= 0xffffffff00000000ull;
	}

	is64 = res->flags & IORESOURCE_MEM_64 ? 1 : 0;
	size = pci_size(base, maxbase, mask);
	if (!size) {
		res->flags = IORESOURCE_UNSET;
		return is64;
	}
	res->start = base;
	res->end = base + size - 1;
	return is64;
}

static void pci_read_bases(struct pci_dev *dev, int howmany)
{
	u16 cmd;
	int bar;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (bar = 0; bar < howmany; bar++) {
		if (pci_read_base(dev, bar, &dev->resource[bar])) {
			/* The high half of a 64-bit BAR is not a BAR. */
			bar++;
			if (bar < PCI_NUM_RESOURCES)
				dev->resource[bar].flags = IORESOURCE_UNSET;
		}
	}
	for (; bar < PCI_NUM_RESOURCES; bar++)
		dev->resource[bar].flags = IORESOURCE_UNSET;
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND, cmd);
}

/* Kept in bus:devfn order, as lspci sorts, whatever order bridges scan in. */
static void pci_device_add(struct pci_dev *dev)
{
	unsigned int key = dev->bus->number << 8 | dev->devfn;
	struct pci_dev *d;

	for_each_pci_dev(d) {
		if ((unsigned int)(d->bus->number << 8 | d->devfn) > key) {
			list_add_tail(&dev->bus_list, &d->bus_list);
			return;
		}
	}
	list_add_tail(&dev->bus_list, &pci_devices);
}

static struct pci_dev *pci_scan_device(struct pci_bus *bus, unsigned int devfn)
{
	struct pci_dev *dev;
	u32 l, class;
	u8 hdr;

	if (pci_bus_read_config_dword(bus, devfn, PCI_VENDOR_ID, &l))
		return NULL;
	/* All ones: nobody there; all zeros: a broken bridge's answer. */
	if (l == 0xffffffffu || l == 0 || (l & 0xffff) == 0xffff)
		return NULL;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return NULL;
	dev->bus = bus;
	dev->devfn = devfn;
	dev->vendor = l & 0xffff;
	dev->device = l >> 16;
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class);
	dev->revision = class & 0xff;
	dev->class = class >> 8;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &hdr);
	dev->hdr_type = hdr & PCI_HEADER_TYPE_MASK;
	dev->multifunction = !!(hdr & PCI_HEADER_TYPE_MFD);
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	if (dev->pin) {
		u8 line;

		pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
		/* 0xff: not connected (PCI spec); 0 is never a PCI IRQ. */
		dev->irq = line == 0xff ? 0 : line;
	}

	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID,
				     &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID,
				     &dev->subsystem_device);
		pci_read_bases(dev, 6);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		pci_read_bases(dev, 2);
		break;
	default:
		pci_read_bases(dev, 0);
		break;
	}
	pci_device_add(dev);
	return dev;
}

static void pci_scan_bus(struct pci_bus *bus);

/*
 * Linux's pci_scan_bridge(): the bus behind a bridge is the bridge's
 * secondary bus number.  If the firmware left it at 0, number it here
 * (primary, secondary, subordinate 0xff while scanning, then the last
 * bus actually found below).
 */
static void pci_scan_bridge(struct pci_dev *dev)
{
	struct pci_bus *child;
	u8 secondary, subordinate;

	pci_read_config_byte(dev, PCI_SECONDARY_BUS, &secondary);
	if (!secondary) {
		if (pci_next_busn >= PCI_MAX_BUSES)
			return;
		secondary = pci_next_busn++;
		pci_write_config_byte(dev, PCI_PRIMARY_BUS, dev->bus->number);
		pci_write_config_byte(dev, PCI_SECONDARY_BUS, secondary);
		pci_write_config_byte(dev, PCI_SUBORDINATE_BUS, 0xff);
		child = pci_alloc_bus(secondary, dev);
		if (!child)
			return;
		pci_scan_bus(child);
		subordinate = pci_next_busn - 1;
		pci_write_config_byte(dev, PCI_SUBORDINATE_BUS, subordinate);
		return;
	}
	if (secondary >= pci_next_busn)
		pci_next_busn = secondary + 1;
	child = pci_alloc_bus(secondary, dev);
	if (child)
		pci_scan_bus(child);
}

static void pci_scan_bus(struct pci_bus *bus)
{
	unsigned int slot, fn;
	struct pci_dev *dev;

	for (slot = 0; slot < 32; slot++) {
		for (fn = 0; fn < 8; fn++) {
			dev = pci_scan_device(bus, PCI_DEVFN(slot, fn));
			if (!dev) {
				if (fn == 0)
					break;	/* no function 0: empty slot */
				continue;
			}
			if (dev->hdr_type == PCI_HEADER_TYPE_BRIDGE)
				pci_scan_bridge(dev);
			/* Functions 1-7 exist only on a multi-function device. */
			if (fn == 0 && !dev->multifunction)
				break;
		}
	}
}

struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn)
{
	struct pci_dev *dev;

	if (domain != 0)
		return NULL;
	for_each_pci_dev(dev)
		if (dev->bus->number == bus && dev->devfn == devfn)
			return dev;
	return NULL;
}

/* Linux's pci_get_device() minus the reference count: devices never go. */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from)
{
	struct list_head *pos = from ? from->bus_list.next : pci_devices.next;

	for (; pos != &pci_devices; pos = pos->next) {
		struct pci_dev *dev = list_entry(pos, struct pci_dev, bus_list);

		if ((vendor == PCI_ANY_ID || dev->vendor == vendor) &&
		    (device == PCI_ANY_ID || dev->device == device))
			return dev;
	}
	return NULL;
}

static int pci_init(void)
{
	struct pci_bus *root = pci_alloc_bus(0, NULL);
	struct pci_dev *dev;
	int n = 0;

	if (!root) {
		pr_err("PCI: cannot allocate the root bus\n");
		return -ENOMEM;
	}
	pci_scan_bus(root);
	for_each_pci_dev(dev) {
		pr_info("pci 0000:%s: [%04x:%04x] type %02x class 0x%06x\n",
			pci_name(dev), dev->vendor, dev->device, dev->hdr_type,
			dev->class);
		n++;
	}
	pr_info("PCI: %d devices on %d buses\n", n, nr_pci_buses);
	return 0;
}
/* Before drivers register (device_initcall), which probe what it found. */
subsys_initcall(pci_init);
