// SPDX-License-Identifier: GPL-2.0
/*
 * Catching sleeps in atomic context, Linux's __might_sleep() and
 * __schedule_bug() with their messages.  Both report and let the kernel
 * go on: a test (sched_sleep_ktest.c) provokes them on purpose.
 */
#include "sched.h"
#include <irqlab/jiffies.h>
#include <asm/processor.h>

unsigned long sleep_in_atomic_reports;

void __might_sleep(const char *file, int line)
{
	static unsigned long prev_jiffy;
	struct task_struct *curr = current;

	/* Boot code runs with interrupts off before the scheduler is up. */
	if (!READ_ONCE(scheduler_running) || !curr || oops_in_progress)
		return;
	if (!preempt_count() && !irqs_disabled())
		return;
	__atomic_add_fetch(&sleep_in_atomic_reports, 1, __ATOMIC_RELAXED);
	/* Linux's rate limit: one report a second. */
	if (prev_jiffy && time_before(jiffies, prev_jiffy + HZ))
		return;
	prev_jiffy = jiffies;

	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), 0, curr->pid, curr->comm);
	pr_err("preempt_count: %lx, expected: %x\n", preempt_count(), 0);
	dump_stack();
}

/*
 * schedule() with preempt_count set.  From a task holding a lock or with
 * preemption off, the switch can still be made (schedule() sets the count
 * aside and restores it); from an interrupt handler it cannot: there is
 * no task to put to sleep.
 */
bool schedule_bug(void)
{
	struct task_struct *prev = current;

	__atomic_add_fetch(&sleep_in_atomic_reports, 1, __ATOMIC_RELAXED);
	pr_err("BUG: scheduling while atomic: %s/%d/0x%08lx\n", prev->comm,
	       prev->pid, preempt_count());
	dump_stack();
	return !in_interrupt();
}
