/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registers an interrupt came in on, per CPU, for code called from
 * a handler that wants them (sysrq p): Linux's get_irq_regs().  NULL
 * outside an interrupt.
 */
#ifndef _ASM_IRQ_REGS_H
#define _ASM_IRQ_REGS_H

#include <asm/ptrace.h>
#include <irqlab/percpu.h>

DECLARE_PER_CPU(struct pt_regs *, irq_regs);

static inline struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(irq_regs);
}

static inline struct pt_regs *set_irq_regs(struct pt_regs *new_regs)
{
	struct pt_regs *old = this_cpu_read(irq_regs);

	this_cpu_write(irq_regs, new_regs);
	return old;
}

#endif /* _ASM_IRQ_REGS_H */
