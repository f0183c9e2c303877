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
 * It is per CPU, in this CPU's struct pcpu_hot (%gs:24), and not saved
 * per task, as Linux x86's pcpu_hot.preempt_count: every switch happens
 * with it at 2 (schedule()'s preempt_disable() and the rq lock), and the
 * task switched to drops both (finish_task_switch(), schedule_tail()).
 */
#ifndef _IRQLAB_PREEMPT_H
#define _IRQLAB_PREEMPT_H

#include <irqlab/compiler.h>
#include <irqlab/percpu.h>

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

static __always_inline unsigned long preempt_count(void)
{
	unsigned long v;

	__asm__ __volatile__("movq %%gs:%c1, %0" : "=r"(v)
			     : "i"(PCPU_HOT(preempt_count)));
	return v;
}

static __always_inline void preempt_count_set(unsigned long v)
{
	__asm__ __volatile__("movq %0, %%gs:%c1" : : "r"(v),
			     "i"(PCPU_HOT(preempt_count)) : "memory");
}

/* One instruction: an interrupt cannot split the read-modify-write. */
static __always_inline void __preempt_count_add(unsigned long v)
{
	__asm__ __volatile__("addq %0, %%gs:%c1" : : "er"(v),
			     "i"(PCPU_HOT(preempt_count)) : "memory", "cc");
}

static __always_inline void __preempt_count_sub(unsigned long v)
{
	__asm__ __volatile__("subq %0, %%gs:%c1" : : "er"(v),
			     "i"(PCPU_HOT(preempt_count)) : "memory", "cc");
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
/* Task context: not an NMI, a hard irq, or a softirq being served. */
#define in_task()		(!(in_nmi() | in_hardirq() | \
				   in_serving_softirq()))

/* The scheduler's (kernel/sched/core.c): is a switch wanted here? */
bool need_resched(void);
/* Switches now if it is wanted and allowed (preempt_count is 0). */
void preempt_schedule(void);

#define preempt_disable()	__preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable_no_resched()	__preempt_count_sub(PREEMPT_OFFSET)
#define preempt_enable()						\
	do {								\
		__preempt_count_sub(PREEMPT_OFFSET);			\
		if (unlikely(!preempt_count() && need_resched()))	\
			preempt_schedule();				\
	} while (0)

#endif /* _IRQLAB_PREEMPT_H */
