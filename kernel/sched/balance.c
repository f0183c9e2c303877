// SPDX-License-Identifier: GPL-2.0
/*
 * Load balancing (Linux's load_balance() in kernel/sched/fair.c, without
 * domains or groups): every few milliseconds, and whenever a CPU is about
 * to idle, it looks for the busiest CPU and pulls one queued fair task
 * from it if that makes the two closer: in load averages between busy
 * CPUs, in what is queued now for an idle one.  A running task is never
 * pulled, nor, at first, one that ran there a moment ago (task_hot); FIFO
 * tasks count as load so fair work is not pulled under them.  The
 * periodic balancing runs in SCHED_SOFTIRQ, raised by the tick.
 */
#include <irqlab/interrupt.h>
#include "sched.h"
#include <irqlab/jiffies.h>

#define BALANCE_INTERVAL_MS	4
/* Linux's sd->cache_nice_tries for the CPUs sharing a cache. */
#define CACHE_NICE_TRIES	1

/* Linux's sysctl_sched_migration_cost: 0.5 ms. */
unsigned int sysctl_sched_migration_cost = 500000;

/*
 * What balancing compares.  Between busy CPUs, load averages (pelt.c), as
 * Linux's migrate_load: what a task that ran for a moment adds is next to
 * nothing, so passing overloads move nobody.  An idle CPU looks at what
 * is queued now, as Linux's migrate_task for a CPU with spare capacity.
 */
static unsigned long rq_load(struct rq *rq, bool avg)
{
	return (avg ? READ_ONCE(rq->cfs.load_avg) : READ_ONCE(rq->cfs.load)) +
	       READ_ONCE(rq->rt.rt_nr_running) * NICE_0_LOAD;
}

static unsigned long task_load(struct sched_entity *se, bool avg)
{
	return avg ? se->avg.load_avg : se->load.weight;
}

static struct rq *find_busiest_queue(struct rq *this_rq, bool avg)
{
	unsigned long load, max_load = rq_load(this_rq, avg);
	struct rq *busiest = NULL;
	int cpu;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		if (rq == this_rq || !rq->idle)
			continue;
		/* Only what is queued behind the running one can move. */
		if (READ_ONCE(rq->cfs.nr_running) < 2 &&
		    !(READ_ONCE(rq->cfs.nr_running) &&
		      READ_ONCE(rq->rt.rt_nr_running)))
			continue;
		load = rq_load(rq, avg);
		if (load > max_load) {
			max_load = load;
			busiest = rq;
		}
	}
	return busiest;
}

/*
 * Linux's task_hot(): a task that ran on src less than the migration cost
 * ago still has its cache there.  A task preempted a moment ago by a
 * short-lived one (a kworker, ksoftirqd, a woken sleeper) is hot, so a
 * passing overload does not move it; only one that outlasts
 * CACHE_NICE_TRIES failed attempts (Linux's sd->cache_nice_tries, 1 for
 * the CPUs of one cache) moves hot tasks too.
 */
static bool task_hot(struct task_struct *p, struct rq *src)
{
	return (s64)(src->clock_task - p->se.exec_start) <
	       (s64)sysctl_sched_migration_cost;
}

/* The queued fair task to pull: the last in line, cache-coldest. */
static struct task_struct *detach_one_task(struct rq *src, struct rq *dst,
					   unsigned long imbalance, bool avg)
{
	bool hot_ok = dst->nr_balance_failed > CACHE_NICE_TRIES;
	struct sched_entity *se;

	list_for_each_entry_reverse(se, &src->cfs.tasks, run_node) {
		struct task_struct *p = container_of(se, struct task_struct,
						     se);

		if (!cpu_allowed(p, dst->cpu) || READ_ONCE(p->on_cpu))
			continue;
		if (!hot_ok && task_hot(p, src))
			continue;
		/* Moving it must leave the two closer than they were. */
		if (task_load(se, avg) >= imbalance)
			continue;
		deactivate_task(src, p, 0);
		set_task_cpu(p, dst->cpu);
		return p;
	}
	return NULL;
}

/*
 * Interrupts off.  True if a task was pulled to this CPU.  A periodic
 * attempt that finds an imbalance but nothing it may move counts as
 * failed (Linux's sd->nr_balance_failed; an idle CPU's attempts do not).
 */
static bool load_balance(struct rq *this_rq, bool newidle)
{
	bool avg = READ_ONCE(this_rq->nr_running);
	struct rq *busiest = find_busiest_queue(this_rq, avg);
	unsigned long this_load, busy_load;
	struct task_struct *p = NULL;

	if (!busiest)
		return false;
	double_rq_lock(this_rq, busiest);
	update_rq_clock(busiest);
	update_rq_clock(this_rq);
	if (avg) {
		update_cfs_load_avg(busiest);
		update_cfs_load_avg(this_rq);
	}
	this_load = rq_load(this_rq, avg);
	busy_load = rq_load(busiest, avg);
	if (busy_load > this_load) {
		p = detach_one_task(busiest, this_rq, busy_load - this_load,
				    avg);
		if (p) {
			activate_task(this_rq, p, 0);
			wakeup_preempt(this_rq, p);
			this_rq->nr_balance_failed = 0;
		} else if (!newidle) {
			this_rq->nr_balance_failed++;
		}
	}
	double_rq_unlock(this_rq, busiest);
	return p != NULL;
}

/* SCHED_SOFTIRQ: the balancing trigger_load_balance() asked for. */
static void run_rebalance_domains(void)
{
	local_irq_disable();
	load_balance(this_rq(), false);
	local_irq_enable();
}

/*
 * From scheduler_tick(), hard-irq context: as in Linux, the tick only
 * decides that it is time; the work is done in SCHED_SOFTIRQ.
 */
void trigger_load_balance(struct rq *rq)
{
	if (time_before(jiffies, rq->next_balance))
		return;
	rq->next_balance = jiffies + msecs_to_jiffies(BALANCE_INTERVAL_MS);
	__raise_softirq_irqoff(SCHED_SOFTIRQ);
}

void init_sched_fair_class(void)
{
	open_softirq(SCHED_SOFTIRQ, run_rebalance_domains);
}

/* From the idle loop, interrupts off: anything to do instead? */
bool idle_balance(struct rq *rq)
{
	if (READ_ONCE(rq->nr_running))
		return false;
	return load_balance(rq, true);
}
