// SPDX-License-Identifier: GPL-2.0
/*
 * The real-time class, SCHED_FIFO only (Linux's kernel/sched/rt.c without
 * RR, groups or throttling): one FIFO list per priority and a bitmap of
 * the non-empty ones; the highest runs until it blocks, yields or a
 * higher one wakes.  prio 0 is rt_priority 99, the highest, as in Linux.
 * The running task stays on its list, at the head: preempted, it resumes
 * before its equals.
 */
#include "sched.h"

static void update_curr_rt(struct rq *rq)
{
	if (rq->curr->sched_class == &rt_sched_class)
		update_curr_common(rq);
}

static void enqueue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	struct rt_rq *rt = &rq->rt;

	list_add_tail(&p->rt.run_list, &rt->queue[p->prio]);
	set_bit(p->prio % 64, &rt->bitmap[p->prio / 64]);
	rt->rt_nr_running++;
}

static void dequeue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	struct rt_rq *rt = &rq->rt;

	update_curr_rt(rq);
	list_del_init(&p->rt.run_list);
	if (list_empty(&rt->queue[p->prio]))
		clear_bit(p->prio % 64, &rt->bitmap[p->prio / 64]);
	rt->rt_nr_running--;
}

static void set_next_task_rt(struct rq *rq, struct task_struct *p)
{
	p->se.exec_start = rq->clock;
}

static struct task_struct *pick_next_task_rt(struct rq *rq)
{
	struct rt_rq *rt = &rq->rt;
	struct task_struct *p;
	int i;

	if (!rt->rt_nr_running)
		return NULL;
	for (i = 0; i < RT_BITMAP_LONGS; i++) {
		if (!rt->bitmap[i])
			continue;
		p = list_first_entry(&rt->queue[i * 64 +
						 __builtin_ctzl(rt->bitmap[i])],
				     struct task_struct, rt.run_list);
		set_next_task_rt(rq, p);
		return p;
	}
	return NULL;
}

static void put_prev_task_rt(struct rq *rq, struct task_struct *p)
{
	update_curr_rt(rq);
}

/* SCHED_FIFO's sched_yield(): to the back of its priority's list. */
static void yield_task_rt(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	list_move_tail(&curr->rt.run_list, &rq->rt.queue[curr->prio]);
}

static void wakeup_preempt_rt(struct rq *rq, struct task_struct *p)
{
	if (p->prio < rq->curr->prio)
		resched_curr(rq);
}

/* FIFO has no time slice: the tick only accounts. */
static void task_tick_rt(struct rq *rq, struct task_struct *p)
{
	update_curr_rt(rq);
}

void init_rt_rq(struct rt_rq *rt)
{
	int i;

	for (i = 0; i < MAX_RT_PRIO; i++)
		INIT_LIST_HEAD(&rt->queue[i]);
}

const struct sched_class rt_sched_class = {
	.enqueue_task		= enqueue_task_rt,
	.dequeue_task		= dequeue_task_rt,
	.yield_task		= yield_task_rt,
	.wakeup_preempt		= wakeup_preempt_rt,
	.pick_next_task		= pick_next_task_rt,
	.put_prev_task		= put_prev_task_rt,
	.set_next_task		= set_next_task_rt,
	.task_tick		= task_tick_rt,
	.update_curr		= update_curr_rt,
};
