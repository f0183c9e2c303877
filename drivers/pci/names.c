// SPDX-License-Identifier: GPL-2.0
/*
 * The few lines of pciutils' pci.ids that QEMU's pc machine needs, so
 * `lspci` prints the names a Linux guest shows for the same devices.
 * Anything else falls back to numbers, as lspci does for unknown IDs.
 */
#include <irqlab/pci.h>

struct pci_id_name {
	u16 vendor, device;
	const char *name;
};

static const struct pci_id_name pci_vendors[] = {
	{ 0x8086, 0, "Intel Corporation" },
	{ 0x1af4, 0, "Red Hat, Inc." },
	{ 0x1b36, 0, "Red Hat, Inc." },
};

static const struct pci_id_name pci_devices_names[] = {
	{ 0x8086, 0x1237, "440FX - 82441FX PMC [Natoma]" },
	{ 0x8086, 0x7000, "82371SB PIIX3 ISA [Natoma/Triton II]" },
	{ 0x8086, 0x7010, "82371SB PIIX3 IDE [Natoma/Triton II]" },
	{ 0x8086, 0x7113, "82371AB/EB/MB PIIX4 ACPI" },
	{ 0x8086, 0x100e, "82540EM Gigabit Ethernet Controller" },
	{ 0x8086, 0x29c0, "82G33/G31/P35/P31 Express DRAM Controller" },
	{ 0x8086, 0x2918, "82801IB (ICH9) LPC Interface Controller" },
	{ 0x8086, 0x2922, "82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]" },
	{ 0x8086, 0x2930, "82801I (ICH9 Family) SMBus Controller" },
};

/* pci.ids' class names (base class << 8 | subclass). */
static const struct {
	u16 class;
	const char *name;
} pci_classes[] = {
	{ 0x0100, "SCSI storage controller" },
	{ 0x0101, "IDE interface" },
	{ 0x0106, "SATA controller" },
	{ 0x0200, "Ethernet controller" },
	{ 0x0280, "Network controller" },
	{ 0x0300, "VGA compatible controller" },
	{ 0x0600, "Host bridge" },
	{ 0x0601, "ISA bridge" },
	{ 0x0604, "PCI bridge" },
	{ 0x0680, "Bridge" },
	{ 0x0c05, "SMBus" },
};

const char *pci_vendor_name(u16 vendor)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pci_vendors); i++)
		if (pci_vendors[i].vendor == vendor)
			return pci_vendors[i].name;
	return NULL;
}

const char *pci_device_name(u16 vendor, u16 device)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pci_devices_names); i++)
		if (pci_devices_names[i].vendor == vendor &&
		    pci_devices_names[i].device == device)
			return pci_devices_names[i].name;
	return NULL;
}

const char *pci_class_name(unsigned int class)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pci_classes); i++)
		if (pci_classes[i].class == class >> 8)
			return pci_classes[i].name;
	return NULL;
}
