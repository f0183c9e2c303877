// SPDX-License-Identifier: GPL-2.0
/*
 * ACPI table discovery: RSDP (from the multiboot2 tag, never by scanning
 * BIOS memory) -> XSDT, or RSDT for ACPI 1.0 -> the tables.  Every table
 * is checksum-checked before use.  The boot log lists them as Linux does.
 */
#include <irqlab/acpi.h>
#include <irqlab/bootinfo.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>
#include <asm/page.h>
#include <asm/pgtable.h>

static const struct acpi_table_header *root;	/* XSDT or RSDT */
static int root_entry_size;			/* 8 or 4 */

bool acpi_checksum_ok(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

/* A table header at a physical address, if it lies in the direct map. */
static const struct acpi_table_header *map_table(phys_addr_t pa)
{
	const struct acpi_table_header *t;

	if (!pa || pa + sizeof(*t) > direct_map_end)
		return NULL;
	t = __va(pa);
	if (t->length < sizeof(*t) || pa + t->length > direct_map_end)
		return NULL;
	return t;
}

static void print_table(const struct acpi_table_header *t)
{
	pr_info("ACPI: %.4s 0x%016lx %06x (v%02u %.6s %.8s %08x %.4s %08x)\n",
		t->signature, (unsigned long)__pa(t), t->length, t->revision,
		t->oem_id, t->oem_table_id, t->oem_revision,
		t->asl_compiler_id, t->asl_compiler_revision);
}

static phys_addr_t root_entry(int i)
{
	const u8 *e = (const u8 *)(root + 1) + i * root_entry_size;
	u64 v = 0;

	memcpy(&v, e, root_entry_size);	/* entries are unaligned */
	return v;
}

static int root_entries(void)
{
	return (root->length - sizeof(*root)) / root_entry_size;
}

bool acpi_table_init(void)
{
	const struct acpi_rsdp *rsdp = (const void *)boot_info.rsdp;
	phys_addr_t pa;
	int i;

	if (boot_info.rsdp_len < 20 ||
	    memcmp(rsdp->signature, "RSD PTR ", 8) != 0) {
		pr_warn("ACPI: no RSDP from the boot loader: ACPI disabled\n");
		return false;
	}
	if (!acpi_checksum_ok(rsdp, 20)) {
		pr_warn("ACPI: RSDP checksum is wrong: ACPI disabled\n");
		return false;
	}
	pr_info("ACPI: RSDP %06x (v%02u %.6s)\n",
		rsdp->revision >= 2 ? rsdp->length : 20, rsdp->revision,
		rsdp->oem_id);

	if (rsdp->revision >= 2 && boot_info.rsdp_len >= 36 &&
	    acpi_checksum_ok(rsdp, 36) && rsdp->xsdt_address) {
		pa = rsdp->xsdt_address;
		root_entry_size = 8;
	} else {
		pa = rsdp->rsdt_address;
		root_entry_size = 4;
	}
	root = map_table(pa);
	if (!root || !acpi_checksum_ok(root, root->length)) {
		pr_warn("ACPI: %s at 0x%lx is missing or corrupt: ACPI disabled\n",
			root_entry_size == 8 ? "XSDT" : "RSDT",
			(unsigned long)pa);
		root = NULL;
		return false;
	}
	print_table(root);
	for (i = 0; i < root_entries(); i++) {
		const struct acpi_table_header *t = map_table(root_entry(i));

		if (!t)
			continue;
		if (acpi_checksum_ok(t, t->length))
			print_table(t);
		else
			pr_warn("ACPI: %.4s has a bad checksum, ignored\n",
				t->signature);
	}
	return true;
}

const struct acpi_table_header *acpi_get_table(const char *signature)
{
	int i;

	if (!root)
		return NULL;
	for (i = 0; i < root_entries(); i++) {
		const struct acpi_table_header *t = map_table(root_entry(i));

		if (t && memcmp(t->signature, signature, 4) == 0 &&
		    acpi_checksum_ok(t, t->length))
			return t;
	}
	return NULL;
}
