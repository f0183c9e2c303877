/* SPDX-License-Identifier: GPL-2.0 */
/* Per-CPU counts of the architecture's own interrupts (/proc/interrupts). */
#ifndef _ASM_HARDIRQ_H
#define _ASM_HARDIRQ_H

#include <irqlab/types.h>
#include <irqlab/smp.h>

struct irq_cpustat {
	unsigned int __nmi_count;
	unsigned int apic_timer_irqs;
	unsigned int irq_spurious_count;
	unsigned int irq_resched_count;
	unsigned int irq_call_count;
};

DECLARE_PER_CPU(struct irq_cpustat, irq_stat);
#define inc_irq_stat(member)	(this_cpu_ptr(&irq_stat)->member++)
extern unsigned int irq_err_count;

/* The NMI, LOC, SPU... rows of /proc/interrupts. */
void arch_show_interrupts(int prec);
/* Their sum, for /proc/stat's intr total. */
u64 arch_irq_stat(void);
/* Gives cpu its interrupt stack; false if out of memory. */
bool irq_stack_init(int cpu);
/* Runs func(arg) on this CPU's interrupt stack (entry.S); irqs off. */
void call_on_irq_stack(void (*func)(void *), void *arg);

#endif /* _ASM_HARDIRQ_H */
