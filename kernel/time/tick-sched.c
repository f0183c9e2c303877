// SPDX-License-Identifier: GPL-2.0
/*
 * What each tick does (Linux's kernel/time/tick-sched.c): on the CPU that
 * keeps time, count the jiffies that have passed according to the
 * clocksource (the TSC), however many ticks that is; on every CPU, its
 * local work: timers, the scheduler.  A vCPU the host did not run for
 * 30 ms takes one tick when it comes back, and that tick counts 30
 * jiffies.
 */
#include <irqlab/timekeeping.h>
#include <irqlab/spinlock.h>
#include <irqlab/sched.h>
#include <irqlab/smp.h>
#include "tick-internal.h"

/*
 * If jiffies did not move for this many of a CPU's own ticks, the CPU
 * that keeps them is stalled (interrupts off, or its vCPU not run by the
 * host): this one counts them instead, as Linux does.
 */
#define MAX_STALLED_JIFFIES	5

struct tick_sched {
	unsigned long last_tick_jiffies;
	unsigned int stalled_jiffies;
};

static DEFINE_PER_CPU(struct tick_sched, tick_cpu_sched);

/* Serialises the update; readers need nothing: jiffies_64 is one word. */
static DEFINE_SPINLOCK(jiffies_lock);
/* The clocksource time (ns) of the last jiffy counted... */
static u64 last_jiffies_update;
/* ... and of the next, read without the lock on the fast path. */
static u64 tick_next_period;

/* The first tick device: jiffies count from the jiffy boundary before. */
void tick_init_jiffy_update(u64 now)
{
	unsigned long flags;

	spin_lock_irqsave(&jiffies_lock, flags);
	last_jiffies_update = now - now % TICK_NSEC;
	smp_store_release(&tick_next_period, last_jiffies_update + TICK_NSEC);
	spin_unlock_irqrestore(&jiffies_lock, flags);
}

static void tick_do_update_jiffies64(u64 now)
{
	unsigned long ticks = 1;
	u64 delta;

	if (now < smp_load_acquire(&tick_next_period))
		return;

	spin_lock(&jiffies_lock);
	/* Another CPU may have done it meanwhile. */
	if (now < tick_next_period) {
		spin_unlock(&jiffies_lock);
		return;
	}
	delta = now - tick_next_period;
	/* Ticks missed: all of them at once. */
	if (unlikely(delta >= TICK_NSEC))
		ticks += delta / TICK_NSEC;
	last_jiffies_update += ticks * TICK_NSEC;
	do_timer(ticks);
	smp_store_release(&tick_next_period, last_jiffies_update + TICK_NSEC);
	spin_unlock(&jiffies_lock);
}

static void tick_sched_do_timer(struct tick_sched *ts, u64 now)
{
	int cpu = smp_processor_id();

	if (READ_ONCE(tick_do_timer_cpu) == cpu)
		tick_do_update_jiffies64(now);

	if (ts->last_tick_jiffies != jiffies) {
		ts->stalled_jiffies = 0;
		ts->last_tick_jiffies = jiffies;
	} else if (++ts->stalled_jiffies == MAX_STALLED_JIFFIES) {
		tick_do_update_jiffies64(now);
		ts->stalled_jiffies = 0;
		ts->last_tick_jiffies = jiffies;
	}
}

/*
 * This CPU's share of the tick (Linux's update_process_times(), in its
 * kernel/time/timer.c).  CPU time is measured from the TSC at every
 * context change (kernel/cputime.c), not sampled here, and the scheduler
 * charges what the rq clock says ran: both stay right when one tick
 * stands for several.
 */
static void update_process_times(void)
{
	run_local_timers();
	scheduler_tick();
}

/* Hard-irq context, interrupts off: the tick device's interrupt. */
void tick_sched_timer(void)
{
	tick_sched_do_timer(this_cpu_ptr(&tick_cpu_sched), ktime_get_ns());
	update_process_times();
}
