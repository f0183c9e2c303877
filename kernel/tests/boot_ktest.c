// SPDX-License-Identifier: GPL-2.0
/* What the boot path established: memory map, direct map, ACPI, cmdline. */
#include <irqlab/ktest.h>
#include <irqlab/bootinfo.h>
#include <irqlab/cmdline.h>
#include <irqlab/acpi.h>
#include <asm/page.h>
#include <asm/pgtable.h>

extern const char _end[];

static void test_mmap_has_ram(struct ktest *t)
{
	KTEST_ASSERT_GT(t, boot_info.nr_mmap, 0);
	/* The harness boots with at least 128 MiB. */
	KTEST_EXPECT_GE(t, boot_mem_total(E820_TYPE_RAM), 100UL << 20);
}

static void test_mmap_regions_disjoint(struct ktest *t)
{
	int i, j;

	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mem_region *a = &boot_info.mmap[i];

		KTEST_EXPECT_GT(t, a->len, 0);
		for (j = i + 1; j < boot_info.nr_mmap; j++) {
			const struct boot_mem_region *b = &boot_info.mmap[j];
			bool overlap = a->addr < b->addr + b->len &&
				       b->addr < a->addr + a->len;

			KTEST_EXPECT_FALSE(t, overlap);
		}
	}
}

/* GRUB must have put us in RAM that the map calls usable. */
static void test_kernel_in_ram(struct ktest *t)
{
	phys_addr_t start = LOAD_PHYSICAL_ADDR, end = __pa_symbol(_end);
	bool inside = false;
	int i;

	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mem_region *r = &boot_info.mmap[i];

		if (r->type == E820_TYPE_RAM && r->addr <= start &&
		    end <= r->addr + r->len)
			inside = true;
	}
	KTEST_EXPECT_TRUE(t, inside);
}

static volatile u64 alias_probe;

/* The direct map and the kernel mapping reach the same memory. */
static void test_direct_map_alias(struct ktest *t)
{
	volatile u64 *via_direct = __va(__pa_symbol(&alias_probe));

	KTEST_ASSERT_GE(t, direct_map_end, boot_mem_end());
	alias_probe = 0x1234abcd5678ef00ULL;
	KTEST_EXPECT_EQ(t, *via_direct, 0x1234abcd5678ef00ULL);
	*via_direct = 7;
	KTEST_EXPECT_EQ(t, alias_probe, 7);
}

static void test_cmdline_live(struct ktest *t)
{
	char val[64];

	/* We only run because the command line has ktest=. */
	KTEST_EXPECT_TRUE(t, cmdline_get("ktest", val, sizeof(val)));
	KTEST_EXPECT_GT(t, strlen(val), 0);
	KTEST_EXPECT_FALSE(t, cmdline_get("no.such.option", NULL, 0));
}

static void test_cmdline_parse(struct ktest *t)
{
	const char *line = "  a=1 b=\"x y\"  flag c= a=2 long=abcdefgh ";
	char v[8];

	KTEST_EXPECT_TRUE(t, cmdline_find(line, "a", v, sizeof(v)));
	KTEST_EXPECT_STREQ(t, v, "2");		/* the last one wins */
	KTEST_EXPECT_TRUE(t, cmdline_find(line, "b", v, sizeof(v)));
	KTEST_EXPECT_STREQ(t, v, "x y");
	KTEST_EXPECT_TRUE(t, cmdline_find(line, "flag", v, sizeof(v)));
	KTEST_EXPECT_STREQ(t, v, "");
	KTEST_EXPECT_TRUE(t, cmdline_find(line, "c", v, sizeof(v)));
	KTEST_EXPECT_STREQ(t, v, "");
	/* Truncated to the buffer, still terminated. */
	KTEST_EXPECT_TRUE(t, cmdline_find(line, "long", v, sizeof(v)));
	KTEST_EXPECT_STREQ(t, v, "abcdefg");
	/* Whole names only. */
	KTEST_EXPECT_FALSE(t, cmdline_find(line, "fla", NULL, 0));
	KTEST_EXPECT_FALSE(t, cmdline_find(line, "x", NULL, 0));
	KTEST_EXPECT_FALSE(t, cmdline_find("", "a", NULL, 0));
}

static void test_acpi_tables(struct ktest *t)
{
	const struct acpi_table_header *fadt;

	if (!boot_info.rsdp_len) {
		ktest_skip(t, "no RSDP from the boot loader");
		return;
	}
	fadt = acpi_get_table("FACP");
	KTEST_ASSERT_NOT_NULL(t, fadt);
	KTEST_EXPECT_TRUE(t, acpi_checksum_ok(fadt, fadt->length));
	KTEST_EXPECT_NULL(t, acpi_get_table("NOPE"));
}

static void test_acpi_checksum(struct ktest *t)
{
	u8 table[16] = { 'T', 'E', 'S', 'T', 16 };
	u8 sum = 0;
	int i;

	for (i = 0; i < 16; i++)
		sum += table[i];
	table[9] = -sum;
	KTEST_EXPECT_TRUE(t, acpi_checksum_ok(table, sizeof(table)));
	table[12] ^= 0x40;	/* one flipped bit */
	KTEST_EXPECT_FALSE(t, acpi_checksum_ok(table, sizeof(table)));
}

static const struct ktest_case boot_cases[] = {
	KTEST_CASE(test_mmap_has_ram),
	KTEST_CASE(test_mmap_regions_disjoint),
	KTEST_CASE(test_kernel_in_ram),
	KTEST_CASE(test_direct_map_alias),
	KTEST_CASE(test_cmdline_live),
	KTEST_CASE(test_cmdline_parse),
	KTEST_CASE(test_acpi_tables),
	KTEST_CASE(test_acpi_checksum),
	{}
};
KTEST_SUITE(boot, boot_cases);
