// SPDX-License-Identifier: GPL-2.0
/*
 * irq_enter()/irq_exit() and local_bh_disable()/local_bh_enable(), which
 * Linux keeps in kernel/softirq.c because irq_exit() and local_bh_enable()
 * are where pending softirqs run.  The softirqs themselves come with the
 * deferred-work issue; until then these only move the preempt count.
 */
#include <irqlab/hardirq.h>
#include <irqlab/bottom_half.h>
#include <irqlab/kernel_stat.h>

void irq_enter(void)
{
	__preempt_count_add(HARDIRQ_OFFSET);
	account_irq_enter();
}

void irq_exit(void)
{
	account_irq_exit();
	__preempt_count_sub(HARDIRQ_OFFSET);
}

void local_bh_disable(void)
{
	__preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
}

void local_bh_enable(void)
{
	__preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
}
