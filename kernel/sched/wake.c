// SPDX-License-Identifier: GPL-2.0
/*
 * Waking a task (Linux's try_to_wake_up() and select_task_rq(), in its
 * kernel/sched/core.c and fair.c): which CPU it should run on, and
 * queueing it there without losing a wake-up against a task that is
 * still going to sleep on another CPU.
 */
#include "sched.h"
#include <asm/processor.h>

/* The lowest CPU of a mask that is never empty here. */
static int first_cpu(unsigned long mask)
{
	return __builtin_ctzl(mask);
}

/*
 * Where a waking task should run (Linux's select_task_rq): a FIFO task
 * where it preempts the least, a fair one on an idle CPU if there is one,
 * its previous CPU first (its cache is warm there).
 */
int select_task_rq(struct task_struct *p)
{
	unsigned long allowed = p->cpus_mask & cpu_online_mask;
	int prev = task_cpu(p), cpu, best, best_prio = -1;

	if (!allowed) {
		/* Its CPUs went away (none do yet): anywhere will do. */
		allowed = cpu_online_mask;
	}
	if (!(allowed & (allowed - 1)))
		return first_cpu(allowed);
	if (!(allowed & (1UL << prev)))
		prev = first_cpu(allowed);

	if (p->sched_class == &rt_sched_class) {
		best = prev;
		for (cpu = prev; ; ) {
			int prio = READ_ONCE(cpu_rq(cpu)->curr)->prio;

			if (prio > best_prio) {
				best_prio = prio;
				best = cpu;
			}
			if (prio >= MAX_RT_PRIO)
				break;	/* no FIFO task there: good */
			allowed &= ~(1UL << cpu);
			if (!allowed)
				break;
			cpu = first_cpu(allowed);
		}
		return best;
	}

	if (idle_cpu(prev))
		return prev;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if ((allowed >> cpu) & 1 && idle_cpu(cpu))
			return cpu;
	return prev;
}

/* p is still queued (maybe running): marking it runnable is enough. */
static bool ttwu_runnable(struct task_struct *p)
{
	struct rq *rq = __task_rq_lock(p);
	bool ret = false;

	if (task_on_rq_queued(p)) {
		if (!task_current(rq, p)) {
			update_rq_clock(rq);
			wakeup_preempt(rq, p);
		}
		WRITE_ONCE(p->__state, TASK_RUNNING);
		ret = true;
	}
	spin_unlock(&rq->lock);
	return ret;
}

/*
 * Makes p runnable if its state is one of state's bits; 1 if it did.
 * Against a p going to sleep on another CPU: it set its state before
 * testing its condition, and __schedule() takes p off its queue under
 * the rq lock, so either we see it still queued (ttwu_runnable: it will
 * not sleep) or we wait until its CPU is off its stack and queue it.
 */
static int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	int en_flags = ENQUEUE_WAKEUP, cpu, success = 0;
	unsigned long flags;
	struct rq *rq;

	spin_lock_irqsave(&p->pi_lock, flags);
	smp_mb();
	if (!(READ_ONCE(p->__state) & state))
		goto out;
	success = 1;
	if (p->flags & PF_IDLE) {
		/* Never queued: it polls (kmain sleeping before idling). */
		WRITE_ONCE(p->__state, TASK_RUNNING);
		goto out;
	}
	if (READ_ONCE(p->__state) == TASK_NEW)
		en_flags = ENQUEUE_INITIAL;
	if (READ_ONCE(p->on_rq) && ttwu_runnable(p))
		goto out;

	/* Off its queue, maybe still switching out: wait for its stack. */
	while (smp_load_acquire(&p->on_cpu))
		cpu_relax();

	cpu = select_task_rq(p);
	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	set_task_cpu(p, cpu);
	/* Counted on the CPU it slept on, uncounted here: the sum holds. */
	if (p->sched_contributes_to_load)
		rq->nr_uninterruptible--;
	activate_task(rq, p, en_flags);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	wakeup_preempt(rq, p);
	spin_unlock(&rq->lock);
out:
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return success;
}

int wake_up_process(struct task_struct *p)
{
	/* TASK_NEW too: the first wake-up of a kthread_create()d task. */
	return try_to_wake_up(p, TASK_NORMAL | TASK_NEW);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state);
}
