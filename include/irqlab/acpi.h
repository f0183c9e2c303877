/* SPDX-License-Identifier: GPL-2.0 */
/* ACPI tables, found through the RSDP that the boot loader passed on. */
#ifndef _IRQLAB_ACPI_H
#define _IRQLAB_ACPI_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

struct acpi_table_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

struct acpi_rsdp {
	char signature[8];	/* "RSD PTR " */
	u8 checksum;		/* of the first 20 bytes */
	char oem_id[6];
	u8 revision;		/* 0: ACPI 1.0, 2: ACPI 2.0+ */
	u32 rsdt_address;
	u32 length;		/* the rest: revision 2 only */
	u64 xsdt_address;
	u8 extended_checksum;
	u8 reserved[3];
} __packed;

/* Finds the root table; false (and a message) if there is none usable. */
bool acpi_table_init(void);
/* The first table with this signature whose checksum is right, or NULL. */
const struct acpi_table_header *acpi_get_table(const char *signature);
/* True if the bytes sum to zero, as every ACPI checksum requires. */
bool acpi_checksum_ok(const void *p, size_t len);

/* ACPI S5 (soft off). Returns only if it failed. */
void acpi_power_off(void);

#endif /* _IRQLAB_ACPI_H */
