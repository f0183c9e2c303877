// SPDX-License-Identifier: GPL-2.0
/*
 * Load balancing (Linux's load_balance() in kernel/sched/fair.c, without
 * domains or groups): every few milliseconds, and whenever a CPU is about
 * to idle, it looks for the busiest CPU and pulls one queued fair task
 * from it if that makes the two closer.  A running task is never pulled;
 * FIFO tasks count as load so fair work is not pulled under them.  The
 * periodic balancing runs in SCHED_SOFTIRQ, raised by the tick.
 */
#include <irqlab/interrupt.h>
#include "sched.h"
#include <irqlab/jiffies.h>

#define BALANCE_INTERVAL_MS	4

static unsigned long rq_load(struct rq *rq)
{
	return READ_ONCE(rq->cfs.load) +
	       READ_ONCE(rq->rt.rt_nr_running) * NICE_0_LOAD;
}

static struct rq *find_busiest_queue(struct rq *this_rq)
{
	unsigned long load, max_load = rq_load(this_rq);
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
		load = rq_load(rq);
		if (load > max_load) {
			max_load = load;
			busiest = rq;
		}
	}
	return busiest;
}

/* The queued fair task to pull: the last in line, cache-coldest. */
static struct task_struct *detach_one_task(struct rq *src, struct rq *dst,
					   unsigned long imbalance)
{
	struct sched_entity *se;

	list_for_each_entry_reverse(se, &src->cfs.tasks, run_node) {
		struct task_struct *p = container_of(se, struct task_struct,
						     se);

		if (!cpu_allowed(p, dst->cpu) || READ_ONCE(p->on_cpu))
			continue;
		/* Moving it must leave the two closer than they were. */
		if (se->load.weight >= imbalance)
			continue;
		deactivate_task(src, p, 0);
		set_task_cpu(p, dst->cpu);
		return p;
	}
	return NULL;
}

/* Interrupts off.  True if a task was pulled to this CPU. */
static bool load_balance(struct rq *this_rq)
{
	struct rq *busiest = find_busiest_queue(this_rq);
	unsigned long this_load, busy_load;
	struct task_struct *p = NULL;

	if (!busiest)
		return false;
	double_rq_lock(this_rq, busiest);
	this_load = rq_load(this_rq);
	busy_load = rq_load(busiest);
	if (busy_load > this_load) {
		update_rq_clock(busiest);
		update_rq_clock(this_rq);
		p = detach_one_task(busiest, this_rq, busy_load - this_load);
		if (p) {
			activate_task(this_rq, p, 0);
			wakeup_preempt(this_rq, p);
		}
	}
	double_rq_unlock(this_rq, busiest);
	return p != NULL;
}

/* SCHED_SOFTIRQ: the balancing trigger_load_balance() asked for. */
static void run_rebalance_domains(void)
{
	local_irq_disable();
	load_balance(this_rq());
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
	return load_balance(rq);
}
