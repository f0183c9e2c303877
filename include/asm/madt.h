/* SPDX-License-Identifier: GPL-2.0 */
/* What the ACPI MADT ("APIC" table) says about interrupt controllers. */
#ifndef _ASM_MADT_H
#define _ASM_MADT_H

#include <irqlab/types.h>
#include <irqlab/smp.h>
#include <irqlab/acpi.h>

#define MAX_IO_APICS	8
#define MAX_IRQ_OVERRIDES 16
#define MAX_LAPIC_NMIS	8

struct madt_cpu {
	u32 apic_id;
	u32 acpi_id;
	bool enabled;
};

struct madt_ioapic {
	u8 id;
	u32 address;
	u32 gsi_base;
};

/* An ISA IRQ wired to another GSI, or with other polarity/trigger. */
struct madt_override {
	u8 bus;
	u8 source;	/* ISA IRQ */
	u32 gsi;
	u16 flags;	/* MPS INTI flags: polarity bits 0-1, trigger 2-3 */
};

struct madt_lapic_nmi {
	u32 acpi_id;	/* 0xff: every processor */
	u16 flags;
	u8 lint;
};

struct madt_info {
	u64 lapic_address;
	bool pcat_compat;	/* a legacy 8259 pair is present */
	struct madt_cpu cpus[NR_CPUS];
	int nr_cpus;		/* entries, enabled or not */
	int nr_cpus_dropped;	/* beyond NR_CPUS */
	struct madt_ioapic ioapics[MAX_IO_APICS];
	int nr_ioapics;
	struct madt_override overrides[MAX_IRQ_OVERRIDES];
	int nr_overrides;
	struct madt_lapic_nmi nmis[MAX_LAPIC_NMIS];
	int nr_nmis;
};

#define MPS_INTI_POLARITY_MASK	0x3
#define MPS_INTI_POLARITY_LOW	0x3
#define MPS_INTI_TRIGGER_MASK	0xc
#define MPS_INTI_TRIGGER_LEVEL	0xc

extern struct madt_info madt;

/*
 * Parses a MADT into *info.  Returns 0, or -EINVAL for a table that is
 * too short, has a bad checksum or an entry running past its end; what
 * was read before the bad entry is kept.
 */
int madt_parse(const struct acpi_table_header *table, struct madt_info *info);
/* Fills the global madt from ACPI, or with a PC's defaults. */
void madt_init(void);

#endif /* _ASM_MADT_H */
