// SPDX-License-Identifier: GPL-2.0
/*
 * CPU time accounting (include/irqlab/kernel_stat.h), as Linux does with
 * CONFIG_IRQ_TIME_ACCOUNTING: each CPU keeps a TSC stamp and the kind of
 * context running since then; every transition charges the interval.
 * Kernel threads count as system time, idle tasks as idle, hard interrupts
 * as irq and softirqs as softirq, whichever task they interrupted.
 */
#include <irqlab/kernel_stat.h>
#include <irqlab/timekeeping.h>
#include <irqlab/smp.h>
#include <irqlab/sched.h>
#include <irqlab/interrupt.h>
#include <asm/processor.h>

struct cputime_state {
	struct kernel_cpustat stat;
	u64 irqtime;		/* irq and softirq but ksoftirqd's, ns */
	u64 stamp;		/* ns at the start of the current interval */
	int irq_depth;		/* hardirq nesting */
	int softirq_depth;
	bool task_idle;		/* the running task is the idle task */
};

static DEFINE_PER_CPU(struct cputime_state, cputime);

/* What the current interval is, outside hard interrupts. */
static enum cpu_usage_stat task_context(struct cputime_state *s)
{
	if (s->softirq_depth)
		return CPUTIME_SOFTIRQ;
	return s->task_idle ? CPUTIME_IDLE : CPUTIME_SYSTEM;
}

static enum cpu_usage_stat running_context(struct cputime_state *s)
{
	return s->irq_depth ? CPUTIME_IRQ : task_context(s);
}

static void charge(struct cputime_state *s, enum cpu_usage_stat what)
{
	u64 now = ktime_get_ns(), delta = now - s->stamp;

	/* The first interval of a CPU starts when it first shows up here. */
	if (s->stamp) {
		s->stat.cpustat[what] += delta;
		/* ksoftirqd's softirqs are its own time, as on Linux. */
		if (what == CPUTIME_IRQ ||
		    (what == CPUTIME_SOFTIRQ &&
		     current != this_cpu_read(ksoftirqd)))
			WRITE_ONCE(s->irqtime, s->irqtime + delta);
	}
	s->stamp = now;
}

void account_irq_enter(void)
{
	struct cputime_state *s = this_cpu_ptr(&cputime);

	if (s->irq_depth++ == 0)
		charge(s, task_context(s));
}

void account_irq_exit(void)
{
	struct cputime_state *s = this_cpu_ptr(&cputime);

	if (--s->irq_depth == 0)
		charge(s, CPUTIME_IRQ);
}

void account_softirq_enter(void)
{
	struct cputime_state *s = this_cpu_ptr(&cputime);

	charge(s, running_context(s));
	s->softirq_depth++;
}

void account_softirq_exit(void)
{
	struct cputime_state *s = this_cpu_ptr(&cputime);

	charge(s, CPUTIME_SOFTIRQ);
	s->softirq_depth--;
}

void account_task_switch(bool next_is_idle)
{
	struct cputime_state *s = this_cpu_ptr(&cputime);

	charge(s, task_context(s));
	s->task_idle = next_is_idle;
}

u64 irq_time_read(int cpu)
{
	return READ_ONCE(per_cpu_ptr(&cputime, cpu)->irqtime);
}

void kcpustat_cpu_fetch(struct kernel_cpustat *dst, int cpu)
{
	struct cputime_state *s = per_cpu_ptr(&cputime, cpu);
	u64 stamp, now;

	/* Racy against the other CPU by one interval at most: fine for a
	 * report, and the totals only ever grow. */
	*dst = s->stat;
	stamp = READ_ONCE(s->stamp);
	now = ktime_get_ns();
	/* Add the running interval, as its CPU would charge it now. */
	if (stamp && now > stamp)
		dst->cpustat[running_context(s)] += now - stamp;
}
