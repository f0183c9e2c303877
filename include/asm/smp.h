/* SPDX-License-Identifier: GPL-2.0 */
/* The x86 side of SMP: APIC IDs, IPIs, stopping CPUs. */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <irqlab/smp.h>

/* Local APIC ID of each CPU number; -1 if there is no such CPU. */
extern int cpu_apicid[NR_CPUS];

/* Takes this CPU offline and halts it, for smp_send_stop(). */
void __noreturn stop_this_cpu(void);

/* Sends a fixed-delivery IPI with this vector to one CPU. */
void apic_send_IPI(int cpu, int vector);

/* The IPI handlers, from arch/x86_64/irq.c. */
void generic_smp_call_function_interrupt(void);

/* Per-CPU descriptor tables and stacks, for the CPU running this. */
void cpu_init_tables(int cpu);

#endif /* _ASM_SMP_H */
