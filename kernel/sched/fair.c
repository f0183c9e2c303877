// SPDX-License-Identifier: GPL-2.0
/*
 * The fair class (SCHED_NORMAL), a small CFS (Linux's kernel/sched/fair.c
 * before EEVDF, with 6.6's base slice): each task's vruntime grows by the
 * time it runs scaled by NICE_0_LOAD / its weight, and the task with the
 * smallest vruntime runs next, so CPU time splits in the ratio of the
 * weights.  Queued tasks sit on a list sorted by vruntime (tens of tasks:
 * Linux's rbtree would not pay); the running one is off the list, as in
 * Linux.
 */
#include "sched.h"

/* Linux's table: each nice step is ~10% of CPU time (x1.25 weight). */
const int sched_prio_to_weight[40] = {
 /* -20 */     88761,     71755,     56483,     46273,     36291,
 /* -15 */     29154,     23254,     18705,     14949,     11916,
 /* -10 */      9548,      7620,      6100,      4904,      3906,
 /*  -5 */      3121,      2501,      1991,      1586,      1277,
 /*   0 */      1024,       820,       655,       526,       423,
 /*   5 */       335,       272,       215,       172,       137,
 /*  10 */       110,        87,        70,        56,        45,
 /*  15 */        36,        29,        23,        18,        15,
};

/* A task runs at least this long before the tick switches it out. */
unsigned int sysctl_sched_base_slice = 750000;
/* How far behind min_vruntime a sleeper may come back (half of it). */
unsigned int sysctl_sched_latency = 6000000;
/* How much smaller a woken task's vruntime must be to preempt. */
unsigned int sysctl_sched_wakeup_granularity = 1000000;

static inline s64 vdiff(u64 a, u64 b)
{
	return (s64)(a - b);
}

static u64 calc_delta_fair(u64 delta, const struct sched_entity *se)
{
	if (se->load.weight == NICE_0_LOAD)
		return delta;
	return delta * NICE_0_LOAD / se->load.weight;
}

static struct sched_entity *leftmost(struct cfs_rq *cfs)
{
	return list_first_entry_or_null(&cfs->tasks, struct sched_entity,
					run_node);
}

static void update_min_vruntime(struct cfs_rq *cfs)
{
	struct sched_entity *curr = cfs->curr, *left = leftmost(cfs);
	u64 v = cfs->min_vruntime;

	if (curr && !curr->on_rq)
		curr = NULL;
	if (curr)
		v = curr->vruntime;
	if (left && (!curr || vdiff(left->vruntime, v) < 0))
		v = left->vruntime;
	/* Monotonic: placement and migration are relative to it. */
	if (vdiff(v, cfs->min_vruntime) > 0)
		cfs->min_vruntime = v;
}

static void __enqueue_entity(struct cfs_rq *cfs, struct sched_entity *se)
{
	struct sched_entity *pos;

	/* After the equal ones: ties run in FIFO order. */
	list_for_each_entry(pos, &cfs->tasks, run_node)
		if (vdiff(se->vruntime, pos->vruntime) < 0)
			break;
	list_add_tail(&se->run_node, &pos->run_node);
}

static void update_curr_fair(struct rq *rq)
{
	struct sched_entity *se = rq->cfs.curr;
	u64 delta;

	if (!se)
		return;
	delta = update_curr_common(rq);
	se->vruntime += calc_delta_fair(delta, se);
	update_min_vruntime(&rq->cfs);
}

static void place_entity(struct cfs_rq *cfs, struct sched_entity *se,
			 int flags)
{
	u64 v = cfs->min_vruntime;

	if (flags & ENQUEUE_INITIAL) {
		/* Linux's START_DEBIT: a new task waits its turn. */
		se->vruntime = v + calc_delta_fair(sysctl_sched_base_slice, se);
		return;
	}
	/* A sleeper gets some credit, not all it would claim. */
	v -= sysctl_sched_latency / 2;
	if (vdiff(se->vruntime, v) < 0)
		se->vruntime = v;
}

static void enqueue_task_fair(struct rq *rq, struct task_struct *p,
			      int flags)
{
	struct cfs_rq *cfs = &rq->cfs;
	struct sched_entity *se = &p->se;

	update_curr_fair(rq);
	if (flags & ENQUEUE_INITIAL)
		init_entity_load_avg(se, rq->clock_task);
	else	/* asleep, or runnable on another CPU: it decays meanwhile */
		update_load_avg(se, rq->clock_task, !(flags & ENQUEUE_WAKEUP));
	if (flags & (ENQUEUE_WAKEUP | ENQUEUE_INITIAL))
		place_entity(cfs, se, flags);
	if (se != cfs->curr)
		__enqueue_entity(cfs, se);
	se->on_rq = true;
	cfs->nr_running++;
	add_nr_running(rq, 1);
	cfs->load += se->load.weight;
	update_min_vruntime(cfs);
	update_cfs_load_avg(rq);
}

static void dequeue_task_fair(struct rq *rq, struct task_struct *p,
			      int flags)
{
	struct cfs_rq *cfs = &rq->cfs;
	struct sched_entity *se = &p->se;

	update_curr_fair(rq);
	update_load_avg(se, rq->clock_task, true);
	if (se != cfs->curr)
		list_del_init(&se->run_node);
	se->on_rq = false;
	cfs->nr_running--;
	sub_nr_running(rq, 1);
	cfs->load -= se->load.weight;
	update_min_vruntime(cfs);
	update_cfs_load_avg(rq);
}

static void set_next_task_fair(struct rq *rq, struct task_struct *p)
{
	struct sched_entity *se = &p->se;

	if (se->on_rq)
		list_del_init(&se->run_node);
	rq->cfs.curr = se;
	se->exec_start = rq->clock_task;
	se->prev_sum_exec_runtime = se->sum_exec_runtime;
}

static struct task_struct *pick_next_task_fair(struct rq *rq)
{
	struct sched_entity *se = leftmost(&rq->cfs);
	struct task_struct *p;

	if (!se)
		return NULL;
	p = container_of(se, struct task_struct, se);
	set_next_task_fair(rq, p);
	return p;
}

static void put_prev_task_fair(struct rq *rq, struct task_struct *p)
{
	struct sched_entity *se = &p->se;

	update_curr_fair(rq);
	if (se->on_rq)
		__enqueue_entity(&rq->cfs, se);
	rq->cfs.curr = NULL;
}

static void yield_task_fair(struct rq *rq)
{
	struct sched_entity *se = rq->cfs.curr, *left;

	update_curr_fair(rq);
	left = leftmost(&rq->cfs);
	/* Just behind the next in line: it runs, we come right after. */
	if (se && left && vdiff(se->vruntime, left->vruntime) <= 0)
		se->vruntime = left->vruntime + 1;
}

static void wakeup_preempt_fair(struct rq *rq, struct task_struct *p)
{
	struct sched_entity *curr = rq->cfs.curr;
	u64 gran = calc_delta_fair(sysctl_sched_wakeup_granularity, &p->se);

	if (!curr)
		return;
	update_curr_fair(rq);
	if (vdiff(curr->vruntime, p->se.vruntime) > (s64)gran)
		resched_curr(rq);
}

/*
 * Each tick: once the running task has had its slice and someone queued
 * is further behind, switch.  With 1 ms ticks two nice-0 tasks alternate
 * every tick; a nice 5 one gets 335/1024 of what a nice 0 one does.
 */
static void task_tick_fair(struct rq *rq, struct task_struct *curr)
{
	struct sched_entity *se = &curr->se, *left;

	update_curr_fair(rq);
	left = leftmost(&rq->cfs);
	if (!left)
		return;
	if (se->sum_exec_runtime - se->prev_sum_exec_runtime <
	    sysctl_sched_base_slice)
		return;
	if (vdiff(left->vruntime, se->vruntime) < 0)
		resched_curr(rq);
}

/* vruntime is relative to the queue's min_vruntime: carry it over. */
static void migrate_task_rq_fair(struct task_struct *p, struct rq *src,
				 struct rq *dst)
{
	p->se.vruntime = p->se.vruntime - READ_ONCE(src->cfs.min_vruntime) +
			 READ_ONCE(dst->cfs.min_vruntime);
}

void init_cfs_rq(struct cfs_rq *cfs)
{
	INIT_LIST_HEAD(&cfs->tasks);
	/* Near the wrap, as Linux: overflow bugs show up early. */
	cfs->min_vruntime = (u64)(-(1LL << 20));
}

const struct sched_class fair_sched_class = {
	.enqueue_task		= enqueue_task_fair,
	.dequeue_task		= dequeue_task_fair,
	.yield_task		= yield_task_fair,
	.wakeup_preempt		= wakeup_preempt_fair,
	.pick_next_task		= pick_next_task_fair,
	.put_prev_task		= put_prev_task_fair,
	.set_next_task		= set_next_task_fair,
	.task_tick		= task_tick_fair,
	.update_curr		= update_curr_fair,
	.migrate_task_rq	= migrate_task_rq_fair,
};
