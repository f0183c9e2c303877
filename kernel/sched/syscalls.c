// SPDX-License-Identifier: GPL-2.0
/*
 * Changing a task's policy, priority and nice value (Linux's
 * kernel/sched/syscalls.c): take it off its queue (and out of the CPU's
 * view if it runs), change it, put it back, and let the scheduler decide
 * again who runs.
 */
#include "sched.h"
#include <irqlab/errno.h>

void set_load_weight(struct task_struct *p)
{
	p->se.load.weight = sched_prio_to_weight[p->static_prio - MAX_RT_PRIO];
}

static int __sched_setscheduler(struct task_struct *p, int policy,
				int rt_prio, int nice)
{
	const struct sched_class *prev_class;
	bool queued, running;
	unsigned long flags;
	struct rq *rq;

	if (policy == SCHED_FIFO && (rt_prio < 1 || rt_prio > MAX_RT_PRIO - 1))
		return -EINVAL;
	if (policy == SCHED_NORMAL && rt_prio)
		return -EINVAL;
	if (policy != SCHED_FIFO && policy != SCHED_NORMAL)
		return -EINVAL;
	if (nice < MIN_NICE || nice > MAX_NICE)
		return -EINVAL;
	if (p->flags & PF_IDLE)
		return -EPERM;

	rq = task_rq_lock(p, &flags);
	update_rq_clock(rq);
	queued = task_on_rq_queued(p);
	running = task_current(rq, p);
	prev_class = p->sched_class;
	if (queued)
		dequeue_task(rq, p, DEQUEUE_SAVE);
	if (running)
		prev_class->put_prev_task(rq, p);

	p->policy = policy;
	p->rt_priority = rt_prio;
	p->static_prio = NICE_TO_PRIO(nice);
	set_load_weight(p);
	if (policy == SCHED_FIFO) {
		p->normal_prio = MAX_RT_PRIO - 1 - rt_prio;
		p->sched_class = &rt_sched_class;
	} else {
		p->normal_prio = p->static_prio;
		p->sched_class = &fair_sched_class;
		/* Its old vruntime means nothing to this queue now. */
		if (prev_class != &fair_sched_class)
			p->se.vruntime = rq->cfs.min_vruntime;
	}
	p->prio = p->normal_prio;

	if (queued)
		enqueue_task(rq, p, ENQUEUE_RESTORE);
	if (running) {
		p->sched_class->set_next_task(rq, p);
		resched_curr(rq);	/* someone else may come first now */
	} else if (queued) {
		wakeup_preempt(rq, p);
	}
	task_rq_unlock(rq, p, flags);
	return 0;
}

int sched_setscheduler_nocheck(struct task_struct *p, int policy,
			       const struct sched_param *param)
{
	int nice = task_nice(p);

	return __sched_setscheduler(p, policy, param->sched_priority, nice);
}

/* No users or capabilities: the same as _nocheck. */
int sched_setscheduler(struct task_struct *p, int policy,
		       const struct sched_param *param)
{
	return sched_setscheduler_nocheck(p, policy, param);
}

/* Linux's choice for kernel threads that need FIFO: the middle. */
void sched_set_fifo(struct task_struct *p)
{
	struct sched_param sp = { .sched_priority = MAX_RT_PRIO / 2 };

	WARN_ON(sched_setscheduler_nocheck(p, SCHED_FIFO, &sp));
}

void sched_set_fifo_low(struct task_struct *p)
{
	struct sched_param sp = { .sched_priority = 1 };

	WARN_ON(sched_setscheduler_nocheck(p, SCHED_FIFO, &sp));
}

void sched_set_normal(struct task_struct *p, int nice)
{
	WARN_ON(__sched_setscheduler(p, SCHED_NORMAL, 0, nice));
}

/* A FIFO task keeps its nice value for when it goes back to normal. */
void set_user_nice(struct task_struct *p, long nice)
{
	unsigned long flags;
	bool queued, running;
	struct rq *rq;

	if (nice < MIN_NICE || nice > MAX_NICE || (p->flags & PF_IDLE))
		return;
	if (p->policy != SCHED_NORMAL) {
		rq = task_rq_lock(p, &flags);
		p->static_prio = NICE_TO_PRIO(nice);
		set_load_weight(p);
		task_rq_unlock(rq, p, flags);
		return;
	}
	rq = task_rq_lock(p, &flags);
	update_rq_clock(rq);
	queued = task_on_rq_queued(p);
	running = task_current(rq, p);
	if (queued)
		dequeue_task(rq, p, DEQUEUE_SAVE);
	if (running)
		p->sched_class->put_prev_task(rq, p);
	p->static_prio = NICE_TO_PRIO(nice);
	p->prio = p->normal_prio = p->static_prio;
	set_load_weight(p);
	if (queued)
		enqueue_task(rq, p, ENQUEUE_RESTORE);
	if (running) {
		p->sched_class->set_next_task(rq, p);
		resched_curr(rq);
	} else if (queued) {
		wakeup_preempt(rq, p);
	}
	task_rq_unlock(rq, p, flags);
}
