// SPDX-License-Identifier: GPL-2.0
/*
 * A minimal timer facility: one unsorted list per CPU, scanned by that
 * CPU's tick.  Linux's kernel/time/timer.c keeps a wheel and runs expiry
 * from TIMER_SOFTIRQ; the deferred-work issue replaces this file with
 * that.  A timer is on at most one CPU's list; timer->cpu says which, and
 * changes only under that base's lock.
 */
#include <irqlab/timer.h>
#include <irqlab/spinlock.h>
#include <irqlab/percpu.h>
#include <irqlab/smp.h>
#include <irqlab/atomic.h>
#include <asm/processor.h>
#include "../sched/sched.h"

struct timer_base {
	spinlock_t lock;
	struct list_head timers;
	struct timer_list *running_timer;
	bool ready;
};

static DEFINE_PER_CPU(struct timer_base, timer_bases);

static struct timer_base *get_base(int cpu)
{
	return per_cpu_ptr(&timer_bases, cpu);
}

/* Per-CPU data starts zeroed: sched_init_cpu() sets each CPU's up. */
void init_timers_cpu(int cpu)
{
	struct timer_base *base = get_base(cpu);

	spin_lock_init(&base->lock);
	base->lock.name = "timer_base->lock";
	INIT_LIST_HEAD(&base->timers);
	smp_store_release(&base->ready, true);
}

void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->cpu = smp_processor_id();
}

/* Locks the base timer is on (it may move while we wait). */
static struct timer_base *lock_timer_base(struct timer_list *timer,
					  unsigned long *flags)
{
	struct timer_base *base;

	for (;;) {
		int cpu = READ_ONCE(timer->cpu);

		base = get_base(cpu);
		spin_lock_irqsave(&base->lock, *flags);
		if (READ_ONCE(timer->cpu) == cpu)
			return base;
		spin_unlock_irqrestore(&base->lock, *flags);
	}
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_base *base, *new;
	unsigned long flags;
	int pending;

	base = lock_timer_base(timer, &flags);
	pending = timer_pending(timer);
	if (pending)
		list_del_init(&timer->entry);
	new = get_base(smp_processor_id());
	/* Not while its function runs there: del_timer_sync() watches it. */
	if (new != base && base->running_timer != timer) {
		WRITE_ONCE(timer->cpu, smp_processor_id());
		spin_unlock(&base->lock);
		spin_lock(&new->lock);
		base = new;
	}
	timer->expires = expires;
	list_add_tail(&timer->entry, &base->timers);
	spin_unlock_irqrestore(&base->lock, flags);
	return pending;
}

void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}

int timer_delete(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int pending;

	base = lock_timer_base(timer, &flags);
	pending = timer_pending(timer);
	if (pending)
		list_del_init(&timer->entry);
	spin_unlock_irqrestore(&base->lock, flags);
	return pending;
}

int timer_delete_sync(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int pending;

	for (;;) {
		base = lock_timer_base(timer, &flags);
		pending = timer_pending(timer);
		if (pending)
			list_del_init(&timer->entry);
		if (base->running_timer != timer) {
			spin_unlock_irqrestore(&base->lock, flags);
			return pending;
		}
		spin_unlock_irqrestore(&base->lock, flags);
		cpu_relax();
	}
}

/* From scheduler_tick(): this CPU's timers whose time has come. */
void run_local_timers(void)
{
	struct timer_base *base = get_base(smp_processor_id());
	struct timer_list *timer, *n;
	unsigned long now = jiffies;

	if (!smp_load_acquire(&base->ready) || list_empty(&base->timers))
		return;
	spin_lock(&base->lock);
restart:
	list_for_each_entry_safe(timer, n, &base->timers, entry) {
		if (time_before(now, timer->expires))
			continue;
		list_del_init(&timer->entry);
		base->running_timer = timer;
		spin_unlock(&base->lock);
		timer->function(timer);
		spin_lock(&base->lock);
		base->running_timer = NULL;
		/* The function may have changed the list: start over. */
		goto restart;
	}
	spin_unlock(&base->lock);
}
