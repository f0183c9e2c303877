// SPDX-License-Identifier: GPL-2.0
/*
 * irq_enter()/irq_exit(), which Linux keeps in kernel/softirq.c because
 * irq_exit() is where pending softirqs run on the way out of the outermost
 * hard interrupt.  The softirqs themselves come with the deferred-work
 * issue; until then irq_exit() only leaves hard-interrupt context.
 */
#include <irqlab/hardirq.h>

unsigned long __preempt_count;

void irq_enter(void)
{
	__preempt_count_add(HARDIRQ_OFFSET);
}

void irq_exit(void)
{
	__preempt_count_sub(HARDIRQ_OFFSET);
}
