/* SPDX-License-Identifier: GPL-2.0 */
/* The local APIC: xAPIC through MMIO, or x2APIC through MSRs. */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <irqlab/types.h>

/* Register offsets (xAPIC MMIO; the x2APIC MSR is 0x800 + offset / 16). */
#define APIC_ID		0x20
#define APIC_LVR	0x30
#define APIC_TASKPRI	0x80
#define APIC_EOI	0xb0
#define APIC_SPIV	0xf0
#define APIC_ESR	0x280
#define APIC_ICR	0x300
#define APIC_ICR2	0x310
#define APIC_LVTT	0x320
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define APIC_LVTERR	0x370
#define APIC_TMICT	0x380
#define APIC_TMCCT	0x390
#define APIC_TDCR	0x3e0
#define APIC_SELF_IPI	0x3f0	/* x2APIC only */

#define APIC_SPIV_APIC_ENABLED	(1 << 8)
#define APIC_LVT_MASKED		(1 << 16)
#define APIC_LVT_TIMER_PERIODIC	(1 << 17)
#define APIC_DM_NMI		(4 << 8)
#define APIC_DM_EXTINT		(7 << 8)
#define APIC_TDR_DIV_16		0x3
#define APIC_DEST_SELF		(1 << 18)
#define APIC_DEST_ALLBUT	(3 << 18)
#define APIC_ICR_BUSY		(1 << 12)
#define APIC_INT_LEVELTRIG	(1 << 15)
#define APIC_INT_ASSERT		(1 << 14)
#define APIC_DM_INIT		(5 << 8)
#define APIC_DM_STARTUP		(6 << 8)

extern bool x2apic_mode;
extern unsigned long lapic_timer_period;	/* timer ticks per jiffy */

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 v);
u32 read_apic_id(void);
int cpu_to_apicid(int cpu);

static inline void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

void apic_send_IPI_self(int vector);
/* Writes the interrupt command register: low word, destination APIC ID;
 * waits until the previous IPI has been delivered. */
void apic_icr_write(u32 low, u32 apicid);

/* Boot CPU: find and map the local APIC, then set up this CPU's. */
void lapic_init(void);
/* Any CPU: enable and program its own local APIC. */
void lapic_setup_this_cpu(void);
/* Boot CPU: measure the APIC timer against the PIT, then register it
 * as this CPU's clockevent, which starts it at HZ. */
void lapic_timer_init(void);
/* Other CPUs: register theirs, with the period the boot CPU measured. */
void lapic_timer_start(void);

/* The system-vector handlers, from arch/x86_64/irq.c. */
void lapic_timer_interrupt(void);
void lapic_spurious_interrupt(void);
void lapic_error_interrupt(void);

#endif /* _ASM_APIC_H */
