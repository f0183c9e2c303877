/* SPDX-License-Identifier: GPL-2.0 */
/*
 * preempt_count, with Linux's layout (include/linux/preempt.h):
 *
 *   bits  0-7   preemption-disable depth
 *   bits  8-15  softirq count (odd while serving a softirq)
 *   bits 16-19  hardirq nesting
 *   bits 20-23  NMI nesting
 *
 * It decides what code may do: in_hardirq(), in_interrupt(), in_atomic().
 * One CPU runs kernel code today; the SMP issue makes it per-CPU.
 */
#ifndef _IRQLAB_PREEMPT_H
#define _IRQLAB_PREEMPT_H

#include <irqlab/compiler.h>

#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#define HARDIRQ_BITS	4
#define NMI_BITS	4

#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	(PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT	(HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x)	((1UL << (x)) - 1)
#define PREEMPT_MASK	(__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK	(__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	(__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK	(__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET	(1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET	(1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET	(1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET	(1UL << NMI_SHIFT)
/* local_bh_disable() adds two, so serving (odd) and disabled differ. */
#define SOFTIRQ_DISABLE_OFFSET	(2 * SOFTIRQ_OFFSET)

extern unsigned long __preempt_count;

static inline unsigned long preempt_count(void)
{
	return READ_ONCE(__preempt_count);
}

static inline void __preempt_count_add(unsigned long v)
{
	__preempt_count += v;
	barrier();
}

static inline void __preempt_count_sub(unsigned long v)
{
	barrier();
	__preempt_count -= v;
}

#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define softirq_count()	(preempt_count() & SOFTIRQ_MASK)
#define irq_count()	(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | \
					    NMI_MASK))

#define in_nmi()		(preempt_count() & NMI_MASK)
#define in_hardirq()		(hardirq_count())
#define in_softirq()		(softirq_count())
#define in_serving_softirq()	(softirq_count() & SOFTIRQ_OFFSET)
#define in_interrupt()		(irq_count())
#define in_atomic()		(preempt_count() != 0)

#define preempt_disable()	__preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable()	__preempt_count_sub(PREEMPT_OFFSET)

#endif /* _IRQLAB_PREEMPT_H */
