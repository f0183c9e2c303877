// SPDX-License-Identifier: GPL-2.0
/*
 * What a driver does to its device (Linux's drivers/pci/pci.c and
 * lib/pci_iomap.c): turn decoding and bus mastering on, find a
 * capability, map a BAR.
 */
#include <irqlab/pci.h>
#include <irqlab/sprintf.h>
#include <irqlab/printk.h>
#include <irqlab/errno.h>
#include <asm/io_apic.h>

const char *pci_name(const struct pci_dev *dev)
{
	/* One buffer per device would be Linux's dev_name(); irqlab formats
	 * into a small rotating set so a printk may name two devices. */
	static char names[4][16];
	static unsigned int next;
	char *buf = names[next++ & 3];

	snprintf(buf, sizeof(names[0]), "%02x:%02x.%d", dev->bus->number,
		 PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn));
	return buf;
}

/*
 * On QEMU's i440fx the PIIX routes INTx to the ISA IRQ the firmware wrote
 * into the Interrupt Line register, and that IRQ is the IOAPIC GSI of the
 * same number.  PCI INTx is level-triggered and shared; the polarity is
 * what the MADT's override says (QEMU: active high at the IOAPIC), active
 * low when there is none, as the PCI specification defines the wire.  The
 * ACPI _PRT path Linux takes here (acpi_pci_irq_enable) reaches the same
 * answer on this machine.
 */
static int pcibios_enable_irq(struct pci_dev *dev)
{
	bool level, low;
	u32 gsi;

	if (!dev->pin || !dev->irq)
		return 0;
	gsi = isa_irq_to_gsi(dev->irq, &level, &low);
	if (!level)	/* no override: the PCI wire's own convention */
		low = true;
	return ioapic_setup_irq(dev->irq, gsi, true, low);
}

static int pci_enable_resources(struct pci_dev *dev)
{
	u16 cmd, old;
	int i;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	old = cmd;
	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		if (dev->resource[i].flags & IORESOURCE_IO)
			cmd |= PCI_COMMAND_IO;
		if (dev->resource[i].flags & IORESOURCE_MEM)
			cmd |= PCI_COMMAND_MEMORY;
	}
	/* INTx is how irqlab's devices interrupt; MSI is not used. */
	cmd &= ~PCI_COMMAND_INTX_DISABLE;
	if (cmd != old) {
		pr_info("pci 0000:%s: enabling device (%04x -> %04x)\n",
			pci_name(dev), old, cmd);
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	}
	return 0;
}

int pci_enable_device(struct pci_dev *dev)
{
	int err;

	if (dev->enable_cnt++)
		return 0;
	err = pci_enable_resources(dev);
	if (!err)
		err = pcibios_enable_irq(dev);
	if (err)
		dev->enable_cnt--;
	return err;
}

void pci_disable_device(struct pci_dev *dev)
{
	u16 cmd;

	if (!dev->enable_cnt || --dev->enable_cnt)
		return;
	pci_clear_master(dev);
	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_write_config_word(dev, PCI_COMMAND,
			      cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
}

static void __pci_set_master(struct pci_dev *dev, bool enable)
{
	u16 old, cmd;

	pci_read_config_word(dev, PCI_COMMAND, &old);
	cmd = enable ? old | PCI_COMMAND_MASTER : old & ~PCI_COMMAND_MASTER;
	if (cmd != old)
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	dev->is_busmaster = enable;
}

/* Without bus mastering the device's descriptor DMA goes nowhere. */
void pci_set_master(struct pci_dev *dev)
{
	__pci_set_master(dev, true);
}

void pci_clear_master(struct pci_dev *dev)
{
	__pci_set_master(dev, false);
}

/*
 * Linux's __pci_find_next_cap_ttl(): at most 48 hops (256 bytes of config
 * space hold no more dword-aligned capabilities past the header), so a
 * looping list from a broken device still ends.
 */
#define PCI_FIND_CAP_TTL	48

u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	int ttl = PCI_FIND_CAP_TTL;
	u16 status;
	u8 pos, id;

	pci_read_config_word(dev, PCI_STATUS, &status);
	if (!(status & PCI_STATUS_CAP_LIST))
		return 0;
	pci_read_config_byte(dev, PCI_CAPABILITY_LIST, &pos);
	while (ttl--) {
		if (pos < 0x40)
			break;	/* 0 ends the list; below 0x40 is the header */
		pos &= ~3;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_ID, &id);
		if (id == 0xff)
			break;
		if (id == cap)
			return pos;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	}
	return 0;
}

/* Memory BARs only: irqlab has no port-I/O cookies behind a pointer. */
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	u64 len;

	if (bar < 0 || bar >= PCI_NUM_RESOURCES)
		return NULL;
	len = pci_resource_len(dev, bar);
	if (!len || !(pci_resource_flags(dev, bar) & IORESOURCE_MEM))
		return NULL;
	if (maxlen && len > maxlen)
		len = maxlen;
	return ioremap(pci_resource_start(dev, bar), len);
}

void __iomem *pci_ioremap_bar(struct pci_dev *dev, int bar)
{
	return pci_iomap(dev, bar, 0);
}
