/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _IRQLAB_HARDIRQ_H
#define _IRQLAB_HARDIRQ_H

#include <irqlab/preempt.h>
#include <irqlab/kernel.h>

/* Bracket every hard-interrupt handler (kernel/softirq.c). */
void irq_enter(void);
void irq_exit(void);

/*
 * Bracket the NMI handler, as Linux's: NMI_OFFSET makes in_nmi() true,
 * and HARDIRQ_OFFSET too, since an NMI is a hard interrupt to everything
 * that asks in_hardirq() or in_interrupt().  No accounting, no softirqs
 * on the way out: an NMI may have interrupted either.
 */
static inline void nmi_enter(void)
{
	BUG_ON(in_nmi() == NMI_MASK);
	__preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET);
}

static inline void nmi_exit(void)
{
	BUG_ON(!in_nmi());
	__preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET);
}

#endif /* _IRQLAB_HARDIRQ_H */
