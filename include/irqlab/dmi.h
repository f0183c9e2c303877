/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the firmware's SMBIOS (DMI) tables say the machine is, as Linux's
 * <linux/dmi.h>: dmi_setup() reads them once at boot (arch/x86_64/dmi.c),
 * and oops reports name the machine with the result ("Hardware name:").
 */
#ifndef _IRQLAB_DMI_H
#define _IRQLAB_DMI_H

enum dmi_field {
	DMI_NONE,
	DMI_BIOS_VENDOR,
	DMI_BIOS_VERSION,
	DMI_BIOS_DATE,
	DMI_SYS_VENDOR,
	DMI_PRODUCT_NAME,
	DMI_PRODUCT_VERSION,
	DMI_BOARD_VENDOR,
	DMI_BOARD_NAME,
	DMI_STRING_MAX,
};

/* Finds the tables (EFI configuration table, else the BIOS's F segment)
 * and logs "DMI: ...", as Linux's dmi_setup(). */
void dmi_setup(void);
/* The string the tables give for field, or NULL. */
const char *dmi_get_system_info(int field);

#endif /* _IRQLAB_DMI_H */
