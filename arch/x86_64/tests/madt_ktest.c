// SPDX-License-Identifier: GPL-2.0
/* MADT parsing, of the firmware's table and of crafted ones. */
#include <irqlab/ktest.h>
#include <irqlab/errno.h>
#include <asm/madt.h>

static u8 buf[1024];
static size_t len;
static struct madt_info info;

static void table_begin(void)
{
	struct acpi_table_header *h = (void *)buf;

	memset(buf, 0, sizeof(buf));
	memcpy(h->signature, "APIC", 4);
	h->revision = 3;
	len = sizeof(*h);
	buf[len] = 0x00;	/* local APIC at 0xfee00000 */
	buf[len + 2] = 0xe0;
	buf[len + 3] = 0xfe;
	buf[len + 4] = 1;	/* PCAT_COMPAT */
	len += 8;
}

static void add(const u8 *entry, size_t n)
{
	memcpy(buf + len, entry, n);
	len += n;
}

/* Sets the length and makes the bytes sum to zero, as ACPI requires. */
static const struct acpi_table_header *table_end(void)
{
	struct acpi_table_header *h = (void *)buf;
	u8 sum = 0;
	size_t i;

	h->length = len;
	h->checksum = 0;
	for (i = 0; i < len; i++)
		sum += buf[i];
	h->checksum = -sum;
	return h;
}

static const u8 lapic0[] = { 0, 8, 0, 0, 1, 0, 0, 0 };
static const u8 lapic1_off[] = { 0, 8, 1, 3, 0, 0, 0, 0 };
static const u8 ioapic[] = { 1, 12, 7, 0, 0x00, 0x00, 0xc0, 0xfe, 0, 0, 0, 0 };
static const u8 ovr_pit[] = { 2, 10, 0, 0, 2, 0, 0, 0, 0, 0 };
static const u8 ovr_sci[] = { 2, 10, 0, 9, 9, 0, 0, 0, 0x0f, 0 };
static const u8 nmi[] = { 4, 6, 0xff, 0, 0, 1 };
static const u8 x2apic[] = { 9, 16, 0, 0, 0x00, 0x01, 0, 0, 1, 0, 0, 0,
			     5, 0, 0, 0 };

static void test_crafted(struct ktest *t)
{
	table_begin();
	add(lapic0, sizeof(lapic0));
	add(lapic1_off, sizeof(lapic1_off));
	add(ioapic, sizeof(ioapic));
	add(ovr_pit, sizeof(ovr_pit));
	add(ovr_sci, sizeof(ovr_sci));
	add(nmi, sizeof(nmi));
	add(x2apic, sizeof(x2apic));
	KTEST_ASSERT_EQ(t, madt_parse(table_end(), &info), 0);

	KTEST_EXPECT_EQ(t, info.lapic_address, 0xfee00000);
	KTEST_EXPECT_TRUE(t, info.pcat_compat);
	KTEST_ASSERT_EQ(t, info.nr_cpus, 3);
	KTEST_EXPECT_TRUE(t, info.cpus[0].enabled);
	KTEST_EXPECT_EQ(t, info.cpus[1].apic_id, 3);
	KTEST_EXPECT_FALSE(t, info.cpus[1].enabled);
	KTEST_EXPECT_EQ(t, info.cpus[2].apic_id, 0x100);	/* x2APIC id */
	KTEST_EXPECT_EQ(t, info.cpus[2].acpi_id, 5);
	KTEST_ASSERT_EQ(t, info.nr_ioapics, 1);
	KTEST_EXPECT_EQ(t, info.ioapics[0].id, 7);
	KTEST_EXPECT_EQ(t, info.ioapics[0].address, 0xfec00000);
	KTEST_ASSERT_EQ(t, info.nr_overrides, 2);
	KTEST_EXPECT_EQ(t, info.overrides[0].source, 0);
	KTEST_EXPECT_EQ(t, info.overrides[0].gsi, 2);
	KTEST_EXPECT_EQ(t, info.overrides[1].flags & MPS_INTI_TRIGGER_MASK,
			MPS_INTI_TRIGGER_LEVEL);
	KTEST_EXPECT_EQ(t, info.overrides[1].flags & MPS_INTI_POLARITY_MASK,
			MPS_INTI_POLARITY_LOW);
	KTEST_ASSERT_EQ(t, info.nr_nmis, 1);
	KTEST_EXPECT_EQ(t, info.nmis[0].lint, 1);
}

static void test_bad_checksum(struct ktest *t)
{
	table_begin();
	add(lapic0, sizeof(lapic0));
	table_end();
	buf[len - 1] ^= 1;
	KTEST_EXPECT_EQ(t, madt_parse((void *)buf, &info), -EINVAL);
}

/* A zero-length entry would loop forever if it were believed. */
static void test_zero_length_entry(struct ktest *t)
{
	static const u8 zero[] = { 0, 0, 0, 0, 0, 0, 0, 0 };

	table_begin();
	add(lapic0, sizeof(lapic0));
	add(zero, sizeof(zero));
	KTEST_EXPECT_EQ(t, madt_parse(table_end(), &info), -EINVAL);
	KTEST_EXPECT_EQ(t, info.nr_cpus, 1);	/* what came before stays */
}

static void test_truncated_entries(struct ktest *t)
{
	static const u8 short_ioapic[] = { 1, 4, 0, 0 };

	table_begin();
	add(short_ioapic, sizeof(short_ioapic));
	KTEST_EXPECT_EQ(t, madt_parse(table_end(), &info), -EINVAL);

	/* An entry claiming more bytes than the table has. */
	table_begin();
	add(ioapic, sizeof(ioapic));
	buf[len - sizeof(ioapic) + 1] = 40;
	KTEST_EXPECT_EQ(t, madt_parse(table_end(), &info), -EINVAL);
}

static void test_too_many_cpus(struct ktest *t)
{
	u8 e[8] = { 0, 8, 0, 0, 1, 0, 0, 0 };
	int i;

	table_begin();
	for (i = 0; i < NR_CPUS + 3; i++) {
		e[2] = e[3] = i;
		add(e, sizeof(e));
	}
	KTEST_ASSERT_EQ(t, madt_parse(table_end(), &info), 0);
	KTEST_EXPECT_EQ(t, info.nr_cpus, NR_CPUS);
	KTEST_EXPECT_EQ(t, info.nr_cpus_dropped, 3);
}

/* The firmware's table, as QEMU builds it. */
static void test_firmware_madt(struct ktest *t)
{
	int i, enabled = 0;

	KTEST_ASSERT_GE(t, madt.nr_ioapics, 1);
	KTEST_EXPECT_EQ(t, madt.ioapics[0].address, 0xfec00000);
	for (i = 0; i < madt.nr_cpus; i++)
		enabled += madt.cpus[i].enabled;
	KTEST_EXPECT_GE(t, enabled, 1);
	KTEST_EXPECT_EQ(t, madt.cpus[0].apic_id, 0);
}

static const struct ktest_case madt_cases[] = {
	KTEST_CASE(test_crafted),
	KTEST_CASE(test_bad_checksum),
	KTEST_CASE(test_zero_length_entry),
	KTEST_CASE(test_truncated_entries),
	KTEST_CASE(test_too_many_cpus),
	KTEST_CASE(test_firmware_madt),
	{}
};
KTEST_SUITE(madt, madt_cases);
