// SPDX-License-Identifier: GPL-2.0
/*
 * CPU time accounting (include/irqlab/kernel_stat.h), as Linux does with
 * CONFIG_IRQ_TIME_ACCOUNTING: each CPU keeps a TSC stamp and the kind of
 * context running since then; every transition charges the interval.
 * User mode counts as user time (nice, for a task with positive nice),
 * the kernel as system time, idle tasks as idle, hard interrupts as irq
 * and softirqs as softirq, whichever task they interrupted.  A task's own
 * utime and stime are its user and system intervals (Linux's
 * VIRT_CPU_ACCOUNTING_GEN: charged at each crossing of the boundary, not
 * sampled by the tick).
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
	bool in_user;		/* the running task is in user mode */
};

static DEFINE_PER_CPU(struct cputime_state, cputime);

/* What the current interval is, outside hard interrupts. */
static enum cpu_usage_stat task_context(struct cputime_state *s)
{
	if (s->softirq_depth)
		return CPUTIME_SOFTIRQ;
	if (s->in_user)
		return task_nice(current) > 0 ? CPUTIME_NICE : CPUTIME_USER;
	/* (in_user implies a current task: it is set on the way to one.) */
	return s->task_idle ? CPUTIME_IDLE : CPUTIME_SYSTEM;
}

static enum cpu_usage_stat running_context(struct cputime_state *s)
{
	return s->irq_depth ? CPUTIME_IRQ : task_context(s);
}

/* The task's own share: user and system time, not interrupts'. */
static void charge_task(struct task_struct *p, enum cpu_usage_stat what,
			u64 delta)
{
	if (!p)			/* early in boot */
		return;
	if (what == CPUTIME_USER || what == CPUTIME_NICE)
		p->utime += delta;
	else if (what == CPUTIME_SYSTEM ||
		 (what == CPUTIME_SOFTIRQ && p == this_cpu_read(ksoftirqd)))
		p->stime += delta;
}

static void charge(struct cputime_state *s, enum cpu_usage_stat what)
{
	u64 now = ktime_get_ns(), delta = now - s->stamp;

	/* The first interval of a CPU starts when it first shows up here. */
	if (s->stamp) {
		s->stat.cpustat[what] += delta;
		charge_task(current, what, delta);
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
	/* A task always resumes in the kernel, where it was switched out. */
	s->in_user = false;
}

/* Interrupts off: from the kernel into user mode, and back. */
void account_user_enter(void)
{
	struct cputime_state *s = this_cpu_ptr(&cputime);

	charge(s, task_context(s));
	s->in_user = true;
}

void account_user_exit(void)
{
	struct cputime_state *s = this_cpu_ptr(&cputime);

	if (!s->in_user)
		return;
	charge(s, task_context(s));
	s->in_user = false;
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
