// SPDX-License-Identifier: GPL-2.0
/*
 * Power off through ACPI S5, the way an OS without a full AML interpreter
 * can: the FADT gives the PM1 control registers, and the DSDT's \_S5
 * package gives the sleep type to write into them with SLP_EN.
 */
#include <irqlab/acpi.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>
#include <irqlab/errno.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

/* FADT field offsets (ACPI 6.x, table 5.9). */
#define FADT_DSDT		40
#define FADT_SMI_CMD		48
#define FADT_ACPI_ENABLE	52
#define FADT_PM1A_CNT		64
#define FADT_PM1B_CNT		68
#define FADT_X_DSDT		140

#define ACPI_SCI_EN		(1 << 0)
#define ACPI_SLP_TYP_SHIFT	10
#define ACPI_SLP_EN		(1 << 13)

#define AML_NAME_OP		0x08
#define AML_PACKAGE_OP		0x12
#define AML_BYTE_PREFIX		0x0a
#define AML_ZERO_OP		0x00
#define AML_ONE_OP		0x01

static u32 fadt_u32(const struct acpi_table_header *f, size_t off)
{
	u32 v = 0;

	if (off + 4 <= f->length)
		memcpy(&v, (const u8 *)f + off, 4);
	return v;
}

/* One AML integer of a package: a ByteConst, Zero or One; or -EINVAL. */
static int aml_small_int(const u8 **p, const u8 *end)
{
	if (*p >= end)
		return -EINVAL;
	switch (*(*p)++) {
	case AML_ZERO_OP:
		return 0;
	case AML_ONE_OP:
		return 1;
	case AML_BYTE_PREFIX:
		return *p < end ? *(*p)++ : -EINVAL;
	default:
		return -EINVAL;
	}
}

/* Finds Name(\_S5, Package() { SLP_TYPa, SLP_TYPb, ... }) in the DSDT. */
static bool find_s5(const struct acpi_table_header *dsdt, int *a, int *b)
{
	const u8 *p = (const u8 *)(dsdt + 1);
	const u8 *end = (const u8 *)dsdt + dsdt->length;

	for (; p + 4 < end; p++) {
		if (memcmp(p, "_S5_", 4) != 0)
			continue;
		/* NameOp, optionally followed by the root prefix '\'. */
		if (!(p[-1] == AML_NAME_OP ||
		      (p[-1] == '\\' && p[-2] == AML_NAME_OP)))
			continue;
		p += 4;
		if (p >= end || *p++ != AML_PACKAGE_OP)
			return false;
		/* PkgLength: its first byte's bits 7-6 count the bytes after. */
		p += 1 + ((*p >> 6) & 3);
		p++;			/* NumElements */
		*a = aml_small_int(&p, end);
		*b = aml_small_int(&p, end);
		return *a >= 0;
	}
	return false;
}

void acpi_power_off(void)
{
	const struct acpi_table_header *fadt = acpi_get_table("FACP");
	const struct acpi_table_header *dsdt = NULL;
	u32 pm1a, pm1b, smi_cmd, enable;
	u64 dsdt_pa = 0;
	int typa, typb, tries;

	if (!fadt) {
		pr_err("reboot: no FADT, cannot power off\n");
		return;
	}
	if (fadt->length >= FADT_X_DSDT + 8)
		memcpy(&dsdt_pa, (const u8 *)fadt + FADT_X_DSDT, 8);
	if (!dsdt_pa)
		dsdt_pa = fadt_u32(fadt, FADT_DSDT);
	if (dsdt_pa && dsdt_pa < direct_map_end)
		dsdt = __va(dsdt_pa);
	if (!dsdt || memcmp(dsdt->signature, "DSDT", 4) != 0 ||
	    !find_s5(dsdt, &typa, &typb)) {
		pr_err("reboot: no \\_S5 object in the DSDT, "
		       "cannot power off\n");
		return;
	}
	if (typb < 0)
		typb = typa;

	pm1a = fadt_u32(fadt, FADT_PM1A_CNT);
	pm1b = fadt_u32(fadt, FADT_PM1B_CNT);
	smi_cmd = fadt_u32(fadt, FADT_SMI_CMD);
	enable = ((const u8 *)fadt)[FADT_ACPI_ENABLE];

	/* Firmware may still own the PM registers: ask for ACPI mode. */
	if (!(inw(pm1a) & ACPI_SCI_EN) && smi_cmd && enable) {
		outb(enable, smi_cmd);
		for (tries = 0; tries < 1000000; tries++)
			if (inw(pm1a) & ACPI_SCI_EN)
				break;
	}

	/* Console writes return once sent: this line is out before S5. */
	pr_emerg("reboot: Power down\n");
	local_irq_disable();
	outw((typa << ACPI_SLP_TYP_SHIFT) | ACPI_SLP_EN, pm1a);
	if (pm1b)
		outw((typb << ACPI_SLP_TYP_SHIFT) | ACPI_SLP_EN, pm1b);
	/* Real hardware may take a moment; QEMU stops at once. */
	for (tries = 0; tries < 100000000; tries++)
		cpu_relax();
	pr_err("reboot: ACPI S5 did not power the machine off\n");
}
