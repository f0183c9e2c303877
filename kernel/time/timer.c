// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers on Linux's timer wheel (kernel/time/timer.c).
 *
 * Each CPU has a base: LVL_DEPTH levels of 64 buckets.  Level n's
 * buckets are 8^n jiffies wide, so a timer's level follows from how far
 * away it is when armed, and the distant ones are kept coarsely: they
 * are never moved down a level (no cascading), they simply expire at
 * their bucket's time, rounded up so that never before their expires.
 *
 *   HZ=1000: level 0 granularity 1 jiffy (0..62 ms away), level 1 8 ms
 *   (63..503 ms), level 2 64 ms (504 ms..4 s), ... level 8 ~4.6 h (to
 *   ~12 days; further timeouts are clamped).  HZ <= 100 has 8 levels.
 *
 * The tick (hard irq) only compares jiffies with base->next_expiry and
 * raises TIMER_SOFTIRQ when something is due; run_timer_softirq() then
 * walks base->clk up to jiffies, bucket by bucket, and runs the
 * functions with the base unlocked and base->running_timer set, which
 * is what timer_delete_sync() waits on.
 *
 * Which base a timer is on is in timer->flags (TIMER_CPUMASK), and
 * changes only with that base locked and TIMER_MIGRATING set while the
 * timer is between two bases: lock_timer_base() waits that out.
 */
#include <irqlab/timer.h>
#include <irqlab/interrupt.h>
#include <irqlab/spinlock.h>
#include <irqlab/percpu.h>
#include <irqlab/smp.h>
#include <irqlab/atomic.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/kallsyms.h>
#include <irqlab/preempt.h>
#include <irqlab/errno.h>
#include <asm/processor.h>
#include "../sched/sched.h"

/* Linux's wheel geometry: 64 buckets a level, each level 8 times coarser. */
#define LVL_CLK_SHIFT	3
#define LVL_CLK_DIV	(1UL << LVL_CLK_SHIFT)
#define LVL_CLK_MASK	(LVL_CLK_DIV - 1)
#define LVL_SHIFT(n)	((n) * LVL_CLK_SHIFT)
#define LVL_GRAN(n)	(1UL << LVL_SHIFT(n))
#define LVL_BITS	6
#define LVL_SIZE	(1UL << LVL_BITS)
#define LVL_MASK	(LVL_SIZE - 1)
#define LVL_OFFS(n)	((n) * LVL_SIZE)
/* First delta (in jiffies) that level n holds. */
#define LVL_START(n)	((LVL_SIZE - 1) << (((n) - 1) * LVL_CLK_SHIFT))

/* At HZ <= 100 eight levels already reach beyond twelve days. */
#if HZ > 100
#define LVL_DEPTH	9
#else
#define LVL_DEPTH	8
#endif

#define WHEEL_TIMEOUT_CUTOFF	(LVL_START(LVL_DEPTH))
#define WHEEL_TIMEOUT_MAX	\
	(WHEEL_TIMEOUT_CUTOFF - LVL_GRAN(LVL_DEPTH - 1))
#define WHEEL_SIZE		(LVL_SIZE * LVL_DEPTH)
#define BITS_PER_LONG		64
/* One word of the pending bitmap a level. */
#define PENDING_WORDS		(WHEEL_SIZE / BITS_PER_LONG)

/* next_expiry of an empty base: far enough never to come. */
#define NEXT_TIMER_MAX_DELTA	((1UL << 30) - 1)

/* __mod_timer()'s variants, as Linux's. */
#define MOD_TIMER_PENDING_ONLY	0x01
#define MOD_TIMER_REDUCE	0x02
#define MOD_TIMER_NOTPENDING	0x04

struct timer_base {
	spinlock_t lock;
	struct timer_list *running_timer;
	unsigned long clk;		/* the next jiffy to process */
	unsigned long next_expiry;	/* earliest bucket time queued */
	unsigned int cpu;
	bool ready;
	unsigned long pending_map[PENDING_WORDS];
	struct list_head vectors[WHEEL_SIZE];
};

static DEFINE_PER_CPU(struct timer_base, timer_bases);

static struct timer_base *get_timer_cpu_base(unsigned int cpu)
{
	return per_cpu_ptr(&timer_bases, cpu);
}

static struct timer_base *get_timer_base(u32 tflags)
{
	return get_timer_cpu_base(tflags & TIMER_CPUMASK);
}

static unsigned int timer_get_idx(struct timer_list *timer)
{
	return (timer->flags & TIMER_ARRAYMASK) >> TIMER_ARRAYSHIFT;
}

static void timer_set_idx(struct timer_list *timer, unsigned int idx)
{
	timer->flags = (timer->flags & ~TIMER_ARRAYMASK) |
		       (idx << TIMER_ARRAYSHIFT);
}

/*
 * The bucket of level lvl that expires at or after expires.  Rounding up
 * by one granule, even on level 0, is Linux's: the timer may be armed
 * just before a tick, and the outer levels truncate; either way only
 * rounding up keeps "never before expires".
 */
static unsigned int calc_index(unsigned long expires, unsigned int lvl,
			       unsigned long *bucket_expiry)
{
	expires = (expires >> LVL_SHIFT(lvl)) + 1;
	*bucket_expiry = expires << LVL_SHIFT(lvl);
	return LVL_OFFS(lvl) + (expires & LVL_MASK);
}

static unsigned int calc_wheel_index(unsigned long expires, unsigned long clk,
				     unsigned long *bucket_expiry)
{
	unsigned long delta = expires - clk;
	unsigned int lvl;

	/* Already due: the bucket processed next. */
	if ((long)delta < 0) {
		*bucket_expiry = clk;
		return clk & LVL_MASK;
	}
	for (lvl = 0; lvl < LVL_DEPTH - 1; lvl++)
		if (delta < LVL_START(lvl + 1))
			return calc_index(expires, lvl, bucket_expiry);
	/* Beyond the wheel: the last level's farthest bucket will do. */
	if (delta >= WHEEL_TIMEOUT_CUTOFF)
		expires = clk + WHEEL_TIMEOUT_MAX;
	return calc_index(expires, LVL_DEPTH - 1, bucket_expiry);
}

/*
 * pending_map: one bit a bucket, set while the bucket is not empty.
 * Non-atomic: only with base->lock held.
 */
static void pending_set(struct timer_base *base, unsigned int idx)
{
	base->pending_map[idx / BITS_PER_LONG] |= 1UL << (idx % BITS_PER_LONG);
}

static bool pending_test_and_clear(struct timer_base *base, unsigned int idx)
{
	unsigned long *word = &base->pending_map[idx / BITS_PER_LONG];
	unsigned long bit = 1UL << (idx % BITS_PER_LONG);
	bool was = *word & bit;

	*word &= ~bit;
	return was;
}

static void enqueue_timer(struct timer_base *base, struct timer_list *timer,
			  unsigned int idx, unsigned long bucket_expiry)
{
	/*
	 * Tail, so one bucket runs in arming order (Linux adds at the
	 * head of an hlist; neither order is part of the API).
	 */
	list_add_tail(&timer->entry, &base->vectors[idx]);
	pending_set(base, idx);
	timer_set_idx(timer, idx);
	/* The bucket's time, not expires: that is when the tick must look. */
	if (time_before(bucket_expiry, base->next_expiry))
		WRITE_ONCE(base->next_expiry, bucket_expiry);
}

static void internal_add_timer(struct timer_base *base,
			       struct timer_list *timer)
{
	unsigned long bucket_expiry;
	unsigned int idx;

	idx = calc_wheel_index(timer->expires, base->clk, &bucket_expiry);
	enqueue_timer(base, timer, idx, bucket_expiry);
}

static void detach_timer(struct timer_list *timer)
{
	struct list_head *entry = &timer->entry;

	entry->prev->next = entry->next;
	entry->next->prev = entry->prev;
	entry->next = NULL;
	WRITE_ONCE(entry->prev, NULL);
}

/*
 * The bucket's pending bit goes only if this very timer is the last in
 * the bucket its index names (Linux's hlist_is_singular_node()): a timer
 * collected for expiry sits on expire_timers()' list instead, and its
 * old bucket may hold others armed since, whose bit must stay.
 */
static int detach_if_pending(struct timer_list *timer,
			     struct timer_base *base)
{
	unsigned int idx = timer_get_idx(timer);
	struct list_head *bucket = &base->vectors[idx];

	if (!timer_pending(timer))
		return 0;
	/* next_expiry is left as is: the tick may look once for nothing. */
	if (timer->entry.next == bucket && timer->entry.prev == bucket)
		pending_test_and_clear(base, idx);
	detach_timer(timer);
	return 1;
}

/* Bit number of the first set bit in [start, end), or end. */
static unsigned int find_next_pending(const unsigned long *map,
				      unsigned int end, unsigned int start)
{
	unsigned long word;

	while (start < end) {
		word = map[start / BITS_PER_LONG] >> (start % BITS_PER_LONG);
		if (word) {
			start += __builtin_ctzl(word);
			return start < end ? start : end;
		}
		start = (start / BITS_PER_LONG + 1) * BITS_PER_LONG;
	}
	return end;
}

/* Buckets from clk (this level's index) to the next pending one, or -1. */
static int next_pending_bucket(struct timer_base *base, unsigned int offset,
			       unsigned int clk)
{
	unsigned int pos, start = offset + clk, end = offset + LVL_SIZE;

	pos = find_next_pending(base->pending_map, end, start);
	if (pos < end)
		return pos - start;
	pos = find_next_pending(base->pending_map, start, offset);
	return pos < start ? (int)(pos + LVL_SIZE - start) : -1;
}

/*
 * The earliest bucket time queued, level by level.  A level's clock is
 * the one below shifted by LVL_CLK_SHIFT, plus one when the lower bits
 * are not zero: the current bucket of that level is then already behind.
 */
static unsigned long next_timer_interrupt(struct timer_base *base)
{
	unsigned long clk = base->clk, next, adj, lvl_clk, tmp;
	unsigned int lvl, offset = 0;
	int pos;

	next = base->clk + NEXT_TIMER_MAX_DELTA;
	for (lvl = 0; lvl < LVL_DEPTH; lvl++, offset += LVL_SIZE) {
		pos = next_pending_bucket(base, offset, clk & LVL_MASK);
		lvl_clk = clk & LVL_CLK_MASK;
		if (pos >= 0) {
			tmp = (clk + (unsigned long)pos) << LVL_SHIFT(lvl);
			if (time_before(tmp, next))
				next = tmp;
			/* Due before the next level's clock moves: done. */
			if ((unsigned long)pos <=
			    ((LVL_CLK_DIV - lvl_clk) & LVL_CLK_MASK))
				break;
		}
		adj = lvl_clk ? 1 : 0;
		clk >>= LVL_CLK_SHIFT;
		clk += adj;
	}
	return next;
}

/*
 * An idle base's clk lags jiffies; a timer armed now must be placed
 * relative to now, or it would land on too fine a level and fire early
 * in real terms... or, worse, in a bucket already passed.  Never beyond
 * next_expiry, whose bucket must still be processed.
 */
static void forward_timer_base(struct timer_base *base)
{
	unsigned long jnow = jiffies;

	if (time_before_eq(jnow, base->clk))
		return;
	if (time_after(base->next_expiry, jnow))
		base->clk = jnow;
	else if (!WARN_ON(time_before(base->next_expiry, base->clk)))
		base->clk = base->next_expiry;
}

/* Locks the base the timer is on, waiting out a migration. */
static struct timer_base *lock_timer_base(struct timer_list *timer,
					  unsigned long *flags)
{
	struct timer_base *base;
	u32 tf;

	for (;;) {
		tf = READ_ONCE(timer->flags);
		if (!(tf & TIMER_MIGRATING)) {
			base = get_timer_base(tf);
			spin_lock_irqsave(&base->lock, *flags);
			if (READ_ONCE(timer->flags) == tf)
				return base;
			spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
}

/* Moves timer to new_base; base is locked, new_base is on return. */
static struct timer_base *switch_timer_base(struct timer_list *timer,
					    struct timer_base *base,
					    struct timer_base *new_base)
{
	timer->flags |= TIMER_MIGRATING;
	spin_unlock(&base->lock);
	spin_lock(&new_base->lock);
	WRITE_ONCE(timer->flags,
		   (timer->flags & ~TIMER_BASEMASK) | new_base->cpu);
	forward_timer_base(new_base);
	return new_base;
}

static int __mod_timer(struct timer_list *timer, unsigned long expires,
		       unsigned int options)
{
	unsigned long clk = 0, flags, bucket_expiry = 0;
	struct timer_base *base, *new_base;
	unsigned int idx = ~0U;
	int ret = 0;

	if (!(options & MOD_TIMER_NOTPENDING) && timer_pending(timer)) {
		long diff = timer->expires - expires;

		/* The networking stack's favourite: nothing to do. */
		if (!diff)
			return 1;
		if ((options & MOD_TIMER_REDUCE) && diff <= 0)
			return 1;

		base = lock_timer_base(timer, &flags);
		forward_timer_base(base);
		if (timer_pending(timer) && (options & MOD_TIMER_REDUCE) &&
		    time_before_eq(timer->expires, expires)) {
			ret = 1;
			goto out_unlock;
		}
		/* Same bucket: only expires changes, no requeue. */
		clk = base->clk;
		idx = calc_wheel_index(expires, clk, &bucket_expiry);
		if (timer_pending(timer) && idx == timer_get_idx(timer)) {
			if (!(options & MOD_TIMER_REDUCE) ||
			    time_after(timer->expires, expires))
				timer->expires = expires;
			ret = 1;
			goto out_unlock;
		}
	} else {
		base = lock_timer_base(timer, &flags);
		forward_timer_base(base);
	}

	ret = detach_if_pending(timer, base);
	if (!ret && (options & MOD_TIMER_PENDING_ONLY))
		goto out_unlock;

	new_base = get_timer_cpu_base(smp_processor_id());
	/*
	 * Not while its function runs on the old base: timer_delete_sync()
	 * watches that base's running_timer, and the timer must not run on
	 * two CPUs at once.
	 */
	if (base != new_base && base->running_timer != timer)
		base = switch_timer_base(timer, base, new_base);

	timer->expires = expires;
	if (idx != ~0U && clk == base->clk)
		enqueue_timer(base, timer, idx, bucket_expiry);
	else
		internal_add_timer(base, timer);
out_unlock:
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, 0);
}

int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, MOD_TIMER_PENDING_ONLY);
}

int timer_reduce(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, MOD_TIMER_REDUCE);
}

void add_timer(struct timer_list *timer)
{
	if (WARN_ON(timer_pending(timer)))
		return;
	__mod_timer(timer, timer->expires, MOD_TIMER_NOTPENDING);
}

void add_timer_on(struct timer_list *timer, int cpu)
{
	struct timer_base *base, *new_base;
	unsigned long flags;

	if (WARN_ON(timer_pending(timer)) || WARN_ON(!cpu_online(cpu)))
		return;
	timer->flags |= TIMER_PINNED;
	new_base = get_timer_cpu_base(cpu);
	/* Locked on its old base first, so nobody else moves it meanwhile. */
	base = lock_timer_base(timer, &flags);
	if (base != new_base)
		base = switch_timer_base(timer, base, new_base);
	else
		forward_timer_base(base);
	internal_add_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
}

void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags)
{
	timer->entry.next = NULL;
	timer->entry.prev = NULL;
	timer->function = func;
	timer->flags = (flags & TIMER_INIT_FLAGS) | smp_processor_id();
}

int timer_delete(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int ret = 0;

	if (timer_pending(timer)) {
		base = lock_timer_base(timer, &flags);
		ret = detach_if_pending(timer, base);
		spin_unlock_irqrestore(&base->lock, flags);
	}
	return ret;
}

/*
 * -EBUSY while its function runs (Linux's returns -1; this one is not
 * exported): the caller must wait and retry.
 */
static int try_to_del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int ret = -EBUSY;

	base = lock_timer_base(timer, &flags);
	if (base->running_timer != timer)
		ret = detach_if_pending(timer, base);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/*
 * Is the function running on this very CPU?  Then we interrupted it or
 * are inside it, and waiting for it would never end.
 */
static bool running_here(struct timer_list *timer)
{
	struct timer_base *base = get_timer_cpu_base(smp_processor_id());

	return READ_ONCE(base->running_timer) == timer;
}

int timer_delete_sync(struct timer_list *timer)
{
	int ret;

	/* Linux WARNs here: the function may be what this irq interrupted. */
	if (in_hardirq() && !(timer->flags & TIMER_IRQSAFE)) {
		pr_warn("WARNING: %s() called from hard irq context\n",
			__func__);
		dump_stack();
	}
	for (;;) {
		ret = try_to_del_timer_sync(timer);
		if (ret >= 0)
			return ret;
		if (running_here(timer)) {
			pr_err("WARNING: %s() from the timer's own function: would deadlock\n",
			       __func__);
			dump_stack();
			return timer_delete(timer);
		}
		cpu_relax();
	}
}

static void call_timer_fn(struct timer_list *timer,
			  void (*fn)(struct timer_list *))
{
	unsigned long count = preempt_count();
	char sym[KSYM_SYMBOL_LEN];

	fn(timer);
	/* Linux's check: a function must not leave preemption changed. */
	if (count != preempt_count()) {
		sprint_symbol(sym, (unsigned long)fn);
		pr_err("timer: %s preempt leak: %08lx -> %08lx\n",
		       sym, count, preempt_count());
		preempt_count_set(count);
	}
}

/* Runs one bucket's timers in order; base locked, interrupts off. */
static void expire_timers(struct timer_base *base, struct list_head *head)
{
	struct timer_list *timer;
	void (*fn)(struct timer_list *);

	while (!list_empty(head)) {
		timer = list_first_entry(head, struct timer_list, entry);
		base->running_timer = timer;
		detach_timer(timer);
		fn = timer->function;
		if (WARN_ON(!fn)) {
			base->running_timer = NULL;
			continue;
		}
		if (timer->flags & TIMER_IRQSAFE) {
			spin_unlock(&base->lock);
			call_timer_fn(timer, fn);
		} else {
			spin_unlock_irq(&base->lock);
			call_timer_fn(timer, fn);
			local_irq_disable();
		}
		spin_lock(&base->lock);
		base->running_timer = NULL;
	}
}

/* Moves all of src to the (empty) dst. */
static void move_bucket(struct list_head *src, struct list_head *dst)
{
	INIT_LIST_HEAD(dst);
	if (list_empty(src))
		return;
	dst->next = src->next;
	dst->prev = src->prev;
	dst->next->prev = dst;
	dst->prev->next = dst;
	INIT_LIST_HEAD(src);
}

/*
 * The buckets due at base->next_expiry (where clk jumps): level 0's,
 * and on each level whose clock ticks over with it, the next level's.
 */
static int collect_expired_timers(struct timer_base *base,
				  struct list_head *heads)
{
	unsigned long clk = base->clk = base->next_expiry;
	unsigned int i, idx;
	int levels = 0;

	for (i = 0; i < LVL_DEPTH; i++) {
		idx = (clk & LVL_MASK) + i * LVL_SIZE;
		if (pending_test_and_clear(base, idx))
			move_bucket(&base->vectors[idx], &heads[levels++]);
		if (clk & LVL_CLK_MASK)
			break;
		clk >>= LVL_CLK_SHIFT;
	}
	return levels;
}

static void __run_timers(struct timer_base *base)
{
	struct list_head heads[LVL_DEPTH];
	int levels;

	/* A function that raised the softirq again from inside itself. */
	if (base->running_timer)
		return;
	while (time_after_eq(jiffies, base->clk) &&
	       time_after_eq(jiffies, base->next_expiry)) {
		levels = collect_expired_timers(base, heads);
		/*
		 * One ahead of the bucket being run, so a function re-arming
		 * for "now" lands in the next pass, not this one forever.
		 */
		base->clk++;
		WRITE_ONCE(base->next_expiry, next_timer_interrupt(base));
		/* Linux's order: the coarser levels' buckets first. */
		while (levels--)
			expire_timers(base, heads + levels);
	}
}

static void run_timer_softirq(void)
{
	struct timer_base *base = get_timer_cpu_base(smp_processor_id());

	if (!smp_load_acquire(&base->ready))
		return;
	spin_lock_irq(&base->lock);
	__run_timers(base);
	spin_unlock_irq(&base->lock);
}

/*
 * From scheduler_tick(), hard irq with interrupts off: the softirq only
 * when work is due, and only the pending bit, as irq_exit() will run it.
 */
void run_local_timers(void)
{
	struct timer_base *base = get_timer_cpu_base(smp_processor_id());

	if (!smp_load_acquire(&base->ready) ||
	    time_before(jiffies, READ_ONCE(base->next_expiry)))
		return;
	__raise_softirq_irqoff(TIMER_SOFTIRQ);
}

/* Per-CPU data starts zeroed: sched_init_cpu() sets each CPU's up. */
void init_timers_cpu(int cpu)
{
	struct timer_base *base = get_timer_cpu_base(cpu);
	unsigned int i;

	spin_lock_init(&base->lock);
	base->lock.name = "timer_base->lock";
	base->cpu = cpu;
	for (i = 0; i < WHEEL_SIZE; i++)
		INIT_LIST_HEAD(&base->vectors[i]);
	base->clk = jiffies;
	base->next_expiry = base->clk + NEXT_TIMER_MAX_DELTA;
	smp_store_release(&base->ready, true);
}

void init_timers(void)
{
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}
