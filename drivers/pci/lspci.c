// SPDX-License-Identifier: GPL-2.0
/*
 * `lspci` and `lspci -n`: pciutils' terse format (show_terse), one line a
 * device in bus order, revision shown only when non-zero, and pciutils'
 * fallbacks ("Device 1234:1111", "Class 0380") for names it lacks.
 */
#include <irqlab/pci.h>
#include <irqlab/shell.h>
#include <irqlab/string.h>

static void lspci_show(struct pci_dev *dev, bool numeric)
{
	const char *cls = pci_class_name(dev->class);
	const char *vend = pci_vendor_name(dev->vendor);
	const char *name = pci_device_name(dev->vendor, dev->device);

	sh_printf("%s ", pci_name(dev));
	if (numeric) {
		sh_printf("%04x: %04x:%04x", dev->class >> 8, dev->vendor,
			  dev->device);
	} else {
		if (cls)
			sh_printf("%s: ", cls);
		else
			sh_printf("Class %04x: ", dev->class >> 8);
		if (vend && name)
			sh_printf("%s %s", vend, name);
		else if (vend)
			sh_printf("%s Device %04x", vend, dev->device);
		else
			sh_printf("Device %04x:%04x", dev->vendor, dev->device);
	}
	if (dev->revision)
		sh_printf(" (rev %02x)", dev->revision);
	sh_printf("\n");
}

static int cmd_lspci(int argc, char **argv)
{
	bool numeric = false;
	struct pci_dev *dev;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n")) {
			numeric = true;
		} else {
			sh_printf("lspci: unknown option '%s'\n", argv[i]);
			return 1;
		}
	}
	for_each_pci_dev(dev)
		lspci_show(dev, numeric);
	return 0;
}
SHELL_COMMAND("lspci", "lspci [-n]: list PCI devices", cmd_lspci);
