// SPDX-License-Identifier: GPL-2.0
/*
 * The MADT lists the CPUs' local APICs, the IOAPICs and how ISA IRQs are
 * wired to IOAPIC pins (on QEMU, the PIT's IRQ 0 arrives at GSI 2).
 * Linux reads it in arch/x86/kernel/acpi/boot.c; the boot log lines below
 * are Linux's.
 */
#include <asm/madt.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>
#include <irqlab/errno.h>

enum madt_type {
	MADT_LOCAL_APIC		= 0,
	MADT_IO_APIC		= 1,
	MADT_INT_SRC_OVR	= 2,
	MADT_NMI_SRC		= 3,
	MADT_LOCAL_APIC_NMI	= 4,
	MADT_LOCAL_APIC_OVR	= 5,
	MADT_LOCAL_X2APIC	= 9,
};

/* Minimum lengths of the entries we read. */
static const u8 madt_min_len[] = {
	[MADT_LOCAL_APIC]	= 8,
	[MADT_IO_APIC]		= 12,
	[MADT_INT_SRC_OVR]	= 10,
	[MADT_NMI_SRC]		= 8,
	[MADT_LOCAL_APIC_NMI]	= 6,
	[MADT_LOCAL_APIC_OVR]	= 12,
	[6 ... 8]		= 2,
	[MADT_LOCAL_X2APIC]	= 16,
};

struct madt_info madt;

static u16 get16(const u8 *p) { u16 v; memcpy(&v, p, 2); return v; }
static u32 get32(const u8 *p) { u32 v; memcpy(&v, p, 4); return v; }
static u64 get64(const u8 *p) { u64 v; memcpy(&v, p, 8); return v; }

static void add_cpu(struct madt_info *info, u32 apic_id, u32 acpi_id,
		    u32 flags)
{
	struct madt_cpu *c;

	if (info->nr_cpus == NR_CPUS) {
		info->nr_cpus_dropped++;
		return;
	}
	c = &info->cpus[info->nr_cpus++];
	c->apic_id = apic_id;
	c->acpi_id = acpi_id;
	c->enabled = flags & 1;
}

static void parse_entry(struct madt_info *info, const u8 *e)
{
	switch (e[0]) {
	case MADT_LOCAL_APIC:
		add_cpu(info, e[3], e[2], get32(e + 4));
		break;
	case MADT_LOCAL_X2APIC:
		add_cpu(info, get32(e + 4), get32(e + 12), get32(e + 8));
		break;
	case MADT_IO_APIC:
		if (info->nr_ioapics < MAX_IO_APICS) {
			struct madt_ioapic *io =
				&info->ioapics[info->nr_ioapics++];

			io->id = e[2];
			io->address = get32(e + 4);
			io->gsi_base = get32(e + 8);
		}
		break;
	case MADT_INT_SRC_OVR:
		if (info->nr_overrides < MAX_IRQ_OVERRIDES) {
			struct madt_override *o =
				&info->overrides[info->nr_overrides++];

			o->bus = e[2];
			o->source = e[3];
			o->gsi = get32(e + 4);
			o->flags = get16(e + 8);
		}
		break;
	case MADT_LOCAL_APIC_NMI:
		if (info->nr_nmis < MAX_LAPIC_NMIS) {
			struct madt_lapic_nmi *n = &info->nmis[info->nr_nmis++];

			n->acpi_id = e[2];
			n->flags = get16(e + 3);
			n->lint = e[5];
		}
		break;
	case MADT_LOCAL_APIC_OVR:
		info->lapic_address = get64(e + 4);
		break;
	}
}

int madt_parse(const struct acpi_table_header *table, struct madt_info *info)
{
	const u8 *p, *end;

	memset(info, 0, sizeof(*info));
	if (table->length < sizeof(*table) + 8 ||
	    memcmp(table->signature, "APIC", 4) != 0 ||
	    !acpi_checksum_ok(table, table->length))
		return -EINVAL;

	p = (const u8 *)(table + 1);
	info->lapic_address = get32(p);
	info->pcat_compat = get32(p + 4) & 1;
	end = (const u8 *)table + table->length;
	for (p += 8; p + 2 <= end; p += p[1]) {
		if (p[1] < 2 || p + p[1] > end)
			return -EINVAL;
		if (p[0] < ARRAY_SIZE(madt_min_len) && p[1] < madt_min_len[p[0]])
			return -EINVAL;
		parse_entry(info, p);
	}
	return 0;
}

static const char *const inti_polarity[] = { "dfl", "high", "res", "low" };
static const char *const inti_trigger[] = { "dfl", "edge", "res", "level" };

static void madt_print(void)
{
	int i;

	for (i = 0; i < madt.nr_cpus; i++)
		pr_info("ACPI: LAPIC (acpi_id[0x%02x] lapic_id[0x%02x] %s)\n",
			madt.cpus[i].acpi_id, madt.cpus[i].apic_id,
			madt.cpus[i].enabled ? "enabled" : "disabled");
	for (i = 0; i < madt.nr_nmis; i++)
		pr_info("ACPI: LAPIC_NMI (acpi_id[0x%02x] %s %s lint[0x%x])\n",
			madt.nmis[i].acpi_id,
			inti_polarity[madt.nmis[i].flags & 3],
			inti_trigger[(madt.nmis[i].flags >> 2) & 3],
			madt.nmis[i].lint);
	for (i = 0; i < madt.nr_ioapics; i++)
		pr_info("ACPI: IOAPIC (id[0x%02x] address[0x%08x] gsi_base[%u])\n",
			madt.ioapics[i].id, madt.ioapics[i].address,
			madt.ioapics[i].gsi_base);
	for (i = 0; i < madt.nr_overrides; i++)
		pr_info("ACPI: INT_SRC_OVR (bus %u bus_irq %u global_irq %u %s %s)\n",
			madt.overrides[i].bus, madt.overrides[i].source,
			madt.overrides[i].gsi,
			inti_polarity[madt.overrides[i].flags & 3],
			inti_trigger[(madt.overrides[i].flags >> 2) & 3]);
	if (madt.nr_cpus_dropped)
		pr_warn("ACPI: %d more CPUs than NR_CPUS (%d) ignored\n",
			madt.nr_cpus_dropped, NR_CPUS);
}

/* A PC without a usable MADT: one CPU, one IOAPIC, QEMU's PIT wiring. */
static void madt_defaults(void)
{
	memset(&madt, 0, sizeof(madt));
	madt.lapic_address = 0xfee00000;
	madt.pcat_compat = true;
	madt.nr_cpus = 1;
	madt.cpus[0].enabled = true;	/* the boot CPU, APIC ID 0 */
	madt.nr_ioapics = 1;
	madt.ioapics[0].address = 0xfec00000;
	madt.nr_overrides = 1;
	madt.overrides[0].source = 0;
	madt.overrides[0].gsi = 2;
}

void madt_init(void)
{
	const struct acpi_table_header *t = acpi_get_table("APIC");

	if (!t) {
		pr_warn("ACPI: no MADT: assuming one CPU and a PC's IOAPIC\n");
		madt_defaults();
	} else if (madt_parse(t, &madt) < 0 || !madt.nr_ioapics) {
		pr_warn("ACPI: MADT is corrupt: assuming one CPU and a PC's IOAPIC\n");
		madt_defaults();
	}
	madt_print();
}
