// SPDX-License-Identifier: GPL-2.0
/*
 * CPU affinity and moving tasks between run queues (Linux's
 * set_cpus_allowed_ptr() and move_queued_task() in kernel/sched/core.c).
 * A queued task is moved at once.  A running one cannot be taken from
 * under its CPU: that CPU is asked to reschedule, __schedule() takes the
 * task off its queue as it switches out, and finish_task_switch() queues
 * it on an allowed CPU (push_task_away) — the job Linux gives the stopper
 * thread.  A sleeping one just wakes up where it is allowed.
 */
#include "sched.h"
#include <irqlab/errno.h>

/* rq and p->pi_lock held; returns the new rq, locked instead of rq. */
struct rq *move_queued_task(struct rq *rq, struct task_struct *p, int cpu)
{
	deactivate_task(rq, p, 0);
	WRITE_ONCE(p->on_rq, TASK_ON_RQ_MIGRATING);
	set_task_cpu(p, cpu);
	spin_unlock(&rq->lock);

	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	activate_task(rq, p, 0);
	wakeup_preempt(rq, p);
	return rq;
}

void push_task_away(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;
	int cpu;

	spin_lock_irqsave(&p->pi_lock, flags);
	if (READ_ONCE(p->on_rq)) {
		/* Preempted on its way to sleep, and woken since: queued. */
		WRITE_ONCE(p->migrate_pending, false);
		spin_unlock_irqrestore(&p->pi_lock, flags);
		return;
	}
	cpu = select_task_rq(p);
	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	set_task_cpu(p, cpu);
	activate_task(rq, p, 0);
	wakeup_preempt(rq, p);
	/* After the move: set_cpus_allowed_ptr() waits on this. */
	WRITE_ONCE(p->migrate_pending, false);
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

int set_cpus_allowed_ptr(struct task_struct *p, unsigned long new_mask)
{
	unsigned long flags;
	bool running;
	struct rq *rq;
	int old;

	if (!(new_mask & cpu_online_mask))
		return -EINVAL;
	rq = task_rq_lock(p, &flags);
	if ((p->flags & PF_NO_SETAFFINITY) && p->__state != TASK_NEW) {
		task_rq_unlock(rq, p, flags);
		return -EINVAL;
	}
	p->cpus_mask = new_mask;
	p->nr_cpus_allowed = hweight_long(new_mask);
	old = rq->cpu;
	running = task_current(rq, p);
	if (cpu_allowed(p, old)) {
		running = false;
	} else if (running) {
		resched_curr(rq);
	} else if (task_on_rq_queued(p)) {
		rq = move_queued_task(rq, p, select_task_rq(p));
	} else {
		set_task_cpu(p, select_task_rq(p));
	}
	task_rq_unlock(rq, p, flags);

	/*
	 * Like Linux, return once it runs where it may; p == current has
	 * already moved (the unlock above preempted it).
	 */
	while (running && p != current && task_cpu(p) == old &&
	       (READ_ONCE(p->on_cpu) || READ_ONCE(p->migrate_pending)))
		cpu_relax();
	return 0;
}
