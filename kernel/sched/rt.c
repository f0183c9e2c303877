// SPDX-License-Identifier: GPL-2.0
/*
 * The real-time class, SCHED_FIFO only (Linux's kernel/sched/rt.c without
 * RR or groups): one FIFO list per priority and a bitmap of the non-empty
 * ones; the highest runs until it blocks, yields or a higher one wakes.
 * prio 0 is rt_priority 99, the highest, as in Linux.  The running task
 * stays on its list, at the head: preempted, it resumes before its equals.
 *
 * RT throttling, as Linux's: on each CPU, RT tasks may run
 * sched_rt_runtime_us of every sched_rt_period_us (950000 of 1000000);
 * past that the CPU's RT queue is throttled (taken out of rq->nr_running
 * and skipped by pick_next_task) until the period ends, so the other
 * classes keep 5% and a FIFO spinner cannot starve the kworker that
 * delivers a console's input.  A runtime of -1 (RUNTIME_INF) disables it.
 * Linux ends periods with an hrtimer in hard-irq context; irqlab has no
 * hrtimers, so every CPU's tick (hard irq too) checks whether the period
 * is over: sched_rt_period_timer().  RT_RUNTIME_SHARE, borrowing runtime
 * from other CPUs, is off by default on Linux and absent here.
 */
#include "sched.h"
#include <irqlab/sysctl.h>
#include <irqlab/errno.h>

#define NSEC_PER_USEC	1000ULL
#define RUNTIME_INF	(~0ULL)
/* Linux's max_rt_runtime (MAX_BW): about 4.9 hours. */
#define MAX_RT_RUNTIME	((1ULL << (64 - 20)) - 1)

/* The knobs, µs; Linux's defaults. */
static int sysctl_sched_rt_period = 1000000;
static int sysctl_sched_rt_runtime = 950000;

/* The one bandwidth all CPUs' RT queues share (Linux's def_rt_bandwidth). */
static struct rt_bandwidth {
	spinlock_t rt_runtime_lock;
	u64 rt_period;			/* ns */
	u64 rt_runtime;			/* ns, or RUNTIME_INF */
	bool rt_period_active;		/* the "timer" is armed... */
	u64 rt_period_end;		/* ... for this ktime, ns */
} def_rt_bandwidth = {
	.rt_runtime_lock	= __SPIN_LOCK_UNLOCKED(def_rt_bandwidth),
	.rt_period		= 1000000 * NSEC_PER_USEC,
	.rt_runtime		= 950000 * NSEC_PER_USEC,
};

static bool rt_bandwidth_enabled(void)
{
	return READ_ONCE(sysctl_sched_rt_runtime) >= 0;
}

/* Arms the period if it is not (Linux's do_start_rt_bandwidth). */
static void start_rt_bandwidth(struct rt_bandwidth *rt_b)
{
	if (!rt_bandwidth_enabled() ||
	    READ_ONCE(rt_b->rt_runtime) == RUNTIME_INF)
		return;
	spin_lock(&rt_b->rt_runtime_lock);
	if (!rt_b->rt_period_active) {
		WRITE_ONCE(rt_b->rt_period_end,
			   ktime_get_ns() + rt_b->rt_period);
		WRITE_ONCE(rt_b->rt_period_active, true);
	}
	spin_unlock(&rt_b->rt_runtime_lock);
}

/* Throttled: its tasks leave rq->nr_running and pick_next_task's view. */
static void sched_rt_rq_dequeue(struct rq *rq)
{
	struct rt_rq *rt = &rq->rt;

	if (!rt->rt_queued)
		return;
	sub_nr_running(rq, rt->rt_nr_running);
	rt->rt_queued = false;
}

/* Its tasks back in rq->nr_running, unless throttled or none. */
static void enqueue_top_rt_rq(struct rq *rq)
{
	struct rt_rq *rt = &rq->rt;

	if (rt->rt_queued || rt->rt_throttled || !rt->rt_nr_running)
		return;
	add_nr_running(rq, rt->rt_nr_running);
	rt->rt_queued = true;
}

/* Unthrottled: back in, and this CPU must pick again. */
static void sched_rt_rq_enqueue(struct rq *rq)
{
	enqueue_top_rt_rq(rq);
	resched_curr(rq);
}

static bool sched_rt_runtime_exceeded(struct rq *rq)
{
	struct rt_bandwidth *rt_b = &def_rt_bandwidth;
	struct rt_rq *rt = &rq->rt;
	u64 runtime = READ_ONCE(rt_b->rt_runtime);
	static bool reported;

	if (rt->rt_throttled)
		return true;
	if (runtime >= READ_ONCE(rt_b->rt_period))
		return false;
	if (rt->rt_time <= runtime)
		return false;
	/* No runtime at all is no limit, as on Linux. */
	if (!runtime) {
		rt->rt_time = 0;
		return false;
	}
	rt->rt_throttled = true;
	/*
	 * Linux's printk_deferred_once(): its printk may wake a console
	 * thread, which it cannot under the rq lock; irqlab's never does.
	 */
	if (!reported) {
		reported = true;
		pr_warn("sched: RT throttling activated\n");
	}
	sched_rt_rq_dequeue(rq);
	return true;
}

static void update_curr_rt(struct rq *rq)
{
	u64 delta;

	if (rq->curr->sched_class != &rt_sched_class)
		return;
	delta = update_curr_common(rq);
	if (!rt_bandwidth_enabled())
		return;
	rq->rt.rt_time += delta;
	if (sched_rt_runtime_exceeded(rq)) {
		resched_curr(rq);
		start_rt_bandwidth(&def_rt_bandwidth);
	}
}

/*
 * The end of a period (Linux's do_sched_rt_period_timer): each CPU's RT
 * time is paid back by overrun runtimes, and a throttled queue with
 * less than a runtime left to pay comes back.  True if no CPU has RT
 * work or time left: the period need not be armed again.
 */
static bool do_sched_rt_period_timer(struct rt_bandwidth *rt_b, u64 overrun)
{
	u64 runtime = READ_ONCE(rt_b->rt_runtime);
	bool idle = true, throttled = false;
	int cpu;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);
		struct rt_rq *rt = &rq->rt;
		bool enqueue = false;

		spin_lock(&rq->lock);
		update_rq_clock(rq);
		if (rt->rt_time) {
			rt->rt_time -= min(rt->rt_time,
					   runtime == RUNTIME_INF ?
					   RUNTIME_INF : overrun * runtime);
			if (rt->rt_throttled && rt->rt_time < runtime) {
				rt->rt_throttled = false;
				enqueue = true;
			}
			if (rt->rt_time || rt->rt_nr_running)
				idle = false;
		} else if (rt->rt_nr_running) {
			idle = false;
			if (!rt->rt_throttled)
				enqueue = true;
		}
		throttled |= rt->rt_throttled;
		if (enqueue)
			sched_rt_rq_enqueue(rq);
		spin_unlock(&rq->lock);
	}
	if (!throttled && (!rt_bandwidth_enabled() || runtime == RUNTIME_INF))
		return true;
	return idle;
}

void sched_rt_period_timer(void)
{
	struct rt_bandwidth *rt_b = &def_rt_bandwidth;
	u64 now = ktime_get_ns(), overrun;

	if (!READ_ONCE(rt_b->rt_period_active) ||
	    now < READ_ONCE(rt_b->rt_period_end))
		return;
	spin_lock(&rt_b->rt_runtime_lock);
	/* Another CPU's tick may have ended it first. */
	if (!rt_b->rt_period_active || now < rt_b->rt_period_end) {
		spin_unlock(&rt_b->rt_runtime_lock);
		return;
	}
	/* Periods missed (the host did not run us) are paid back too. */
	overrun = 1 + (now - rt_b->rt_period_end) / rt_b->rt_period;
	WRITE_ONCE(rt_b->rt_period_end,
		   rt_b->rt_period_end + overrun * rt_b->rt_period);
	spin_unlock(&rt_b->rt_runtime_lock);

	if (do_sched_rt_period_timer(rt_b, overrun)) {
		spin_lock(&rt_b->rt_runtime_lock);
		WRITE_ONCE(rt_b->rt_period_active, false);
		spin_unlock(&rt_b->rt_runtime_lock);
	}
}

static void enqueue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	struct rt_rq *rt = &rq->rt;

	list_add_tail(&p->rt.run_list, &rt->queue[p->prio]);
	set_bit(p->prio % 64, &rt->bitmap[p->prio / 64]);
	rt->rt_nr_running++;
	if (rt->rt_queued)
		add_nr_running(rq, 1);
	else
		enqueue_top_rt_rq(rq);
	start_rt_bandwidth(&def_rt_bandwidth);
}

static void dequeue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	struct rt_rq *rt = &rq->rt;

	update_curr_rt(rq);
	list_del_init(&p->rt.run_list);
	if (list_empty(&rt->queue[p->prio]))
		clear_bit(p->prio % 64, &rt->bitmap[p->prio / 64]);
	rt->rt_nr_running--;
	if (rt->rt_queued) {
		sub_nr_running(rq, 1);
		if (!rt->rt_nr_running)
			rt->rt_queued = false;
	}
}

static void set_next_task_rt(struct rq *rq, struct task_struct *p)
{
	p->se.exec_start = rq->clock_task;
}

static struct task_struct *pick_next_task_rt(struct rq *rq)
{
	struct rt_rq *rt = &rq->rt;
	struct task_struct *p;
	int i;

	/* Nothing, or throttled: Linux's sched_rt_runnable(). */
	if (!rt->rt_queued)
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

/* FIFO has no time slice: the tick accounts, which may throttle. */
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

/*
 * Linux's sched_rt_handler(): the runtime may not exceed the period
 * unless it is -1; then the bandwidth takes the new values at once.
 */
static int sched_rt_handler(const struct ctl_table *table, int value)
{
	struct rt_bandwidth *rt_b = &def_rt_bandwidth;
	int period = READ_ONCE(sysctl_sched_rt_period);
	int runtime = READ_ONCE(sysctl_sched_rt_runtime);
	unsigned long flags;

	if (table->data == &sysctl_sched_rt_period)
		period = value;
	else
		runtime = value;
	if (runtime >= 0 &&
	    (runtime > period ||
	     (u64)runtime * NSEC_PER_USEC > MAX_RT_RUNTIME))
		return -EINVAL;

	spin_lock_irqsave(&rt_b->rt_runtime_lock, flags);
	WRITE_ONCE(sysctl_sched_rt_period, period);
	WRITE_ONCE(sysctl_sched_rt_runtime, runtime);
	WRITE_ONCE(rt_b->rt_period, (u64)period * NSEC_PER_USEC);
	WRITE_ONCE(rt_b->rt_runtime, runtime < 0 ? RUNTIME_INF :
				     (u64)runtime * NSEC_PER_USEC);
	spin_unlock_irqrestore(&rt_b->rt_runtime_lock, flags);
	return 0;
}
SYSCTL_INT_HANDLER("kernel.sched_rt_period_us", sysctl_sched_rt_period,
		   1, INT_MAX, sched_rt_handler);
SYSCTL_INT_HANDLER("kernel.sched_rt_runtime_us", sysctl_sched_rt_runtime,
		   -1, INT_MAX, sched_rt_handler);
