/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU time, split as /proc/stat shows it (Linux's kernel_stat.h).
 * Measured, not sampled: the TSC is read at every interrupt entry and exit
 * and every context switch, and the time since the last reading is
 * charged to what ran in between.
 */
#ifndef _IRQLAB_KERNEL_STAT_H
#define _IRQLAB_KERNEL_STAT_H

#include <irqlab/types.h>
#include <irqlab/percpu.h>

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS];		/* nanoseconds */
};

/* Charge the time since the last reading, then start a new interval. */
void account_irq_enter(void);		/* outermost: to the task */
void account_irq_exit(void);
/* The crossings of user mode's boundary (entry and exit paths). */
void account_user_enter(void);
void account_user_exit(void);		/* outermost: to CPUTIME_IRQ */
void account_softirq_enter(void);	/* to the task or the interrupt */
void account_softirq_exit(void);	/* to CPUTIME_SOFTIRQ */
/* From the scheduler, interrupts off, as it switches to next; and once
 * when a CPU starts, for the context it starts in. */
void account_task_switch(bool next_is_idle);

/*
 * A CPU's hard interrupt and softirq time so far, ksoftirqd's excepted
 * (Linux's irq_time_read): what the scheduler does not charge tasks.
 */
u64 irq_time_read(int cpu);

/* A CPU's totals, including the interval still running. */
void kcpustat_cpu_fetch(struct kernel_cpustat *dst, int cpu);

#endif /* _IRQLAB_KERNEL_STAT_H */
