/* SPDX-License-Identifier: GPL-2.0 */
/* What the scheduler's ktests share: a spinner thread, the last CPU. */
#ifndef _KERNEL_TESTS_SCHED_KTEST_H
#define _KERNEL_TESTS_SCHED_KTEST_H

#include <irqlab/kthread.h>
#include <irqlab/smp.h>

/* A thread counting loops until kthread_stop(). */
struct spinner {
	volatile unsigned long loops;
	struct task_struct *task;
};

static inline int spin_fn(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop())
		s->loops++;
	return 0;
}

/* The highest-numbered online CPU: away from the runner, if it can be. */
static inline int last_cpu(void)
{
	int cpu, last = 0;

	for_each_online_cpu(cpu)
		last = cpu;
	return last;
}

#endif /* _KERNEL_TESTS_SCHED_KTEST_H */
