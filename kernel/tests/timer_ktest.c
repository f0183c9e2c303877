// SPDX-License-Identifier: GPL-2.0
/*
 * Timers on the wheel: never before expires, in expiry order where the
 * wheel's granularity makes the order certain, in softirq context on the
 * arming CPU; mod_timer/mod_timer_pending/timer_reduce/del_timer return
 * values and effects; timer_delete_sync() waits for a running function;
 * a self re-arming timer; and a storm from every CPU that loses or
 * duplicates no expiry.
 */
#include <irqlab/ktest.h>
#include <irqlab/timer.h>
#include <irqlab/kthread.h>
#include <irqlab/smp.h>
#include <irqlab/atomic.h>
#include <irqlab/preempt.h>
#include <irqlab/bottom_half.h>
#include <irqlab/timekeeping.h>
#include <asm/processor.h>

/* One timer and what its function saw. */
struct probe {
	struct timer_list timer;
	atomic_t count;
	atomic_t early;			/* ran with jiffies < expires */
	volatile unsigned long fired_at;
	volatile int cpu;
	volatile bool softirq;		/* serving softirq, not hardirq */
	volatile int seq;
};

static atomic_t probe_seq;

static void probe_fn(struct timer_list *t)
{
	struct probe *p = from_timer(p, t, timer);

	p->fired_at = jiffies;
	if (time_before(p->fired_at, t->expires))
		atomic_inc(&p->early);
	p->cpu = smp_processor_id();
	p->softirq = in_serving_softirq() && !in_hardirq();
	p->seq = atomic_inc_return(&probe_seq);
	atomic_inc(&p->count);
}

static void probe_init(struct probe *p)
{
	memset(p, 0, sizeof(*p));
	timer_setup(&p->timer, probe_fn, 0);
}

/* Sleeps until cond or ms milliseconds have passed; returns cond. */
#define wait_for(cond, ms)						\
	({								\
		u64 __end = ktime_get_ns() + (u64)(ms) * 1000000;	\
		while (!(cond) && (s64)(__end - ktime_get_ns()) > 0)	\
			msleep(1);					\
		(cond);							\
	})

/*
 * Long enough for a timer j jiffies away to have fired, with a loaded
 * host's slack: only a broken wheel waits it out.
 */
static unsigned int wait_ms(unsigned long j)
{
	return jiffies_to_msecs(2 * j + 64) + 10000;
}

/* Until jiffies is past j. */
static void sleep_past(unsigned long j)
{
	while (time_before_eq(jiffies, j))
		msleep(1);
}

/*
 * The granularity of the level a timer delta jiffies away lands on
 * (Linux's wheel: 64 buckets a level, 8 times coarser each level).
 * The wheel may round up by one granule, so only timers further apart
 * than that have an order Linux guarantees.
 */
static unsigned long wheel_gran(unsigned long delta)
{
	unsigned long lvl = 0;

	while (lvl < 8 && delta >= (63UL << (3 * lvl)))
		lvl++;
	return 1UL << (3 * lvl);
}

#define ORDER_N	12
/* Shuffled on purpose; levels 0, 1 and 2, ties included. */
static const unsigned long order_delta[ORDER_N] = {
	600, 1, 100, 64, 5, 63, 300, 1, 20, 100, 2, 520,
};

static void test_expiry_order(struct ktest *t)
{
	static struct probe p[ORDER_N];
	unsigned long armed, gran;
	int i, j, cpu, fired = 0;

	for (i = 0; i < ORDER_N; i++)
		probe_init(&p[i]);
	/* No preemption: all on one CPU's base, which orders them. */
	local_bh_disable();
	cpu = smp_processor_id();
	armed = jiffies;
	for (i = 0; i < ORDER_N; i++) {
		p[i].timer.expires = armed + order_delta[i];
		add_timer(&p[i].timer);
	}
	local_bh_enable();
	wait_for(({ for (fired = 0, i = 0; i < ORDER_N; i++)
			fired += atomic_read(&p[i].count);
		    fired == ORDER_N; }), wait_ms(600));
	KTEST_EXPECT_EQ(t, fired, ORDER_N);

	for (i = 0; i < ORDER_N; i++) {
		KTEST_EXPECT_EQ(t, atomic_read(&p[i].count), 1);
		KTEST_EXPECT_EQ(t, atomic_read(&p[i].early), 0);
		KTEST_EXPECT_GE(t, (long)(p[i].fired_at - p[i].timer.expires),
				0);
		KTEST_EXPECT_EQ(t, p[i].cpu, cpu);
	}
	/*
	 * i must run before j when j expires at least one granule of i's
	 * level later (+8 jiffies of margin for the base clock lagging).
	 */
	for (i = 0; i < ORDER_N; i++) {
		gran = wheel_gran(order_delta[i] + 8);
		for (j = 0; j < ORDER_N; j++) {
			if (order_delta[j] < order_delta[i] + gran)
				continue;
			if (p[i].seq > p[j].seq)
				ktest_log(t, "+%lu ran after +%lu",
					  order_delta[i], order_delta[j]);
			KTEST_EXPECT_LT(t, p[i].seq, p[j].seq);
		}
	}
	for (i = 0; i < ORDER_N; i++)
		del_timer_sync(&p[i].timer);
}

static void test_mod_timer(struct ktest *t)
{
	struct probe p;
	unsigned long old, new;

	probe_init(&p);
	/*
	 * Bottom halves off between arming and modifying: the timer is on
	 * this CPU's wheel, so it cannot fire in between, however long we
	 * take (the return values would then be a matter of speed).
	 */
	local_bh_disable();
	/* Inactive: 0, and armed. */
	old = jiffies + 20;
	KTEST_EXPECT_EQ(t, mod_timer(&p.timer, old), 0);
	KTEST_EXPECT_TRUE(t, timer_pending(&p.timer));
	/* Pending: 1, and moved later; firing at old would be early. */
	new = jiffies + 150;
	KTEST_EXPECT_EQ(t, mod_timer(&p.timer, new), 1);
	local_bh_enable();
	KTEST_EXPECT_EQ(t, p.timer.expires, new);
	KTEST_EXPECT_TRUE(t, wait_for(atomic_read(&p.count), wait_ms(150)));
	KTEST_EXPECT_GE(t, (long)(p.fired_at - new), 0);
	KTEST_EXPECT_EQ(t, atomic_read(&p.early), 0);
	KTEST_EXPECT_FALSE(t, timer_pending(&p.timer));

	/* Moved earlier: it runs once, at the new time. */
	local_bh_disable();
	old = jiffies + 400;
	KTEST_EXPECT_EQ(t, mod_timer(&p.timer, old), 0);
	new = jiffies + 10;
	KTEST_EXPECT_EQ(t, mod_timer(&p.timer, new), 1);
	local_bh_enable();
	KTEST_EXPECT_TRUE(t, wait_for(atomic_read(&p.count) == 2,
				      wait_ms(400)));
	KTEST_EXPECT_GE(t, (long)(p.fired_at - new), 0);
	sleep_past(old + 64);
	KTEST_EXPECT_EQ(t, atomic_read(&p.count), 2);
	KTEST_EXPECT_EQ(t, atomic_read(&p.early), 0);
	del_timer_sync(&p.timer);
}

static void test_mod_timer_pending(struct ktest *t)
{
	struct probe p;
	unsigned long exp;

	probe_init(&p);
	exp = jiffies + 2;
	KTEST_EXPECT_EQ(t, mod_timer_pending(&p.timer, exp), 0);
	KTEST_EXPECT_FALSE(t, timer_pending(&p.timer));
	sleep_past(exp + 10);
	KTEST_EXPECT_EQ(t, atomic_read(&p.count), 0);

	/* Pending: it does move it (bottom halves off: see test_mod_timer). */
	local_bh_disable();
	KTEST_EXPECT_EQ(t, mod_timer(&p.timer, jiffies + 300), 0);
	exp = jiffies + 30;
	KTEST_EXPECT_EQ(t, mod_timer_pending(&p.timer, exp), 1);
	local_bh_enable();
	KTEST_EXPECT_EQ(t, p.timer.expires, exp);
	KTEST_EXPECT_TRUE(t, wait_for(atomic_read(&p.count), wait_ms(300)));
	KTEST_EXPECT_GE(t, (long)(p.fired_at - exp), 0);
	KTEST_EXPECT_EQ(t, atomic_read(&p.early), 0);
	del_timer_sync(&p.timer);
}

static void test_timer_reduce(struct ktest *t)
{
	struct probe p;
	unsigned long exp;

	probe_init(&p);
	/* Bottom halves off: see test_mod_timer. */
	local_bh_disable();
	KTEST_EXPECT_EQ(t, mod_timer(&p.timer, jiffies + 300), 0);
	exp = jiffies + 30;
	KTEST_EXPECT_EQ(t, timer_reduce(&p.timer, exp), 1);
	KTEST_EXPECT_EQ(t, p.timer.expires, exp);
	/* Later: no effect. */
	KTEST_EXPECT_EQ(t, timer_reduce(&p.timer, exp + 500), 1);
	KTEST_EXPECT_EQ(t, p.timer.expires, exp);
	local_bh_enable();
	KTEST_EXPECT_TRUE(t, wait_for(atomic_read(&p.count), wait_ms(300)));
	KTEST_EXPECT_GE(t, (long)(p.fired_at - exp), 0);
	/* Inactive: it arms, as mod_timer(). */
	exp = jiffies + 5;
	KTEST_EXPECT_EQ(t, timer_reduce(&p.timer, exp), 0);
	KTEST_EXPECT_TRUE(t, wait_for(atomic_read(&p.count) == 2,
				      wait_ms(5)));
	KTEST_EXPECT_EQ(t, atomic_read(&p.early), 0);
	del_timer_sync(&p.timer);
}

static void test_del_timer(struct ktest *t)
{
	struct probe p;
	unsigned long exp;

	probe_init(&p);
	KTEST_EXPECT_EQ(t, del_timer(&p.timer), 0);
	/* Bottom halves off: see test_mod_timer. */
	local_bh_disable();
	exp = jiffies + 20;
	KTEST_EXPECT_EQ(t, mod_timer(&p.timer, exp), 0);
	KTEST_EXPECT_EQ(t, del_timer(&p.timer), 1);
	local_bh_enable();
	KTEST_EXPECT_FALSE(t, timer_pending(&p.timer));
	KTEST_EXPECT_EQ(t, del_timer(&p.timer), 0);
	sleep_past(exp + 64);
	KTEST_EXPECT_EQ(t, atomic_read(&p.count), 0);

	/* The same with del_timer_sync(). */
	KTEST_EXPECT_EQ(t, del_timer_sync(&p.timer), 0);
	local_bh_disable();
	exp = jiffies + 20;
	KTEST_EXPECT_EQ(t, mod_timer(&p.timer, exp), 0);
	KTEST_EXPECT_EQ(t, del_timer_sync(&p.timer), 1);
	local_bh_enable();
	KTEST_EXPECT_EQ(t, del_timer_sync(&p.timer), 0);
	sleep_past(exp + 64);
	KTEST_EXPECT_EQ(t, atomic_read(&p.count), 0);
}

struct sync_probe {
	struct timer_list timer;
	struct timer_list release_timer;
	volatile bool started, released, finished;
};

/* Busy until released (at most a second), then finished. */
static void sync_spin_fn(struct timer_list *t)
{
	struct sync_probe *sp = from_timer(sp, t, timer);
	u64 end = ktime_get_ns() + 1000000000ULL;

	sp->started = true;
	while (!READ_ONCE(sp->released) && (s64)(end - ktime_get_ns()) > 0)
		cpu_relax();
	smp_store_release(&sp->finished, true);
}

static void sync_release_fn(struct timer_list *t)
{
	struct sync_probe *sp = from_timer(sp, t, release_timer);

	WRITE_ONCE(sp->released, true);
}

static void test_del_timer_sync_waits(struct ktest *t)
{
	struct sync_probe sp = { 0 };
	int here, there;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	here = smp_processor_id();
	there = cpumask_any_online_but(here);
	timer_setup(&sp.timer, sync_spin_fn, 0);
	timer_setup(&sp.release_timer, sync_release_fn, 0);
	sp.timer.expires = jiffies;
	add_timer_on(&sp.timer, there);
	KTEST_ASSERT_TRUE(t, wait_for(READ_ONCE(sp.started), wait_ms(1)));
	/* Released from here, in a while, while we wait in del_timer_sync. */
	sp.release_timer.expires = jiffies + 20;
	add_timer_on(&sp.release_timer, here);
	KTEST_EXPECT_EQ(t, del_timer_sync(&sp.timer), 0);
	KTEST_EXPECT_TRUE(t, smp_load_acquire(&sp.finished));
	KTEST_EXPECT_FALSE(t, timer_pending(&sp.timer));
	del_timer_sync(&sp.release_timer);
	/* In case the check above failed: never leave it running. */
	wait_for(READ_ONCE(sp.finished), 2000);
}

struct self_probe {
	struct timer_list timer;
	volatile int ret;
	volatile bool done;
};

/* Re-arms, then deletes itself with the sync variant: must not hang. */
static void self_del_fn(struct timer_list *t)
{
	struct self_probe *sp = from_timer(sp, t, timer);

	mod_timer(t, jiffies + 1000);
	sp->ret = del_timer_sync(t);
	smp_store_release(&sp->done, true);
}

static void test_del_timer_sync_own_function(struct ktest *t)
{
	struct self_probe sp = { 0 };

	ktest_log(t, "a WARNING about the timer's own function is expected");
	timer_setup(&sp.timer, self_del_fn, 0);
	KTEST_EXPECT_EQ(t, mod_timer(&sp.timer, jiffies + 1), 0);
	KTEST_ASSERT_TRUE(t, wait_for(smp_load_acquire(&sp.done), wait_ms(1)));
	KTEST_EXPECT_EQ(t, sp.ret, 1);
	KTEST_EXPECT_FALSE(t, timer_pending(&sp.timer));
	del_timer_sync(&sp.timer);
}

struct arm_on_cpu {
	struct probe *p;
	volatile bool armed;
};

static int arm_here_fn(void *data)
{
	struct arm_on_cpu *a = data;

	mod_timer(&a->p->timer, jiffies + 2);
	smp_store_release(&a->armed, true);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void test_softirq_on_arming_cpu(struct ktest *t)
{
	struct arm_on_cpu a;
	struct task_struct *k;
	struct probe p;
	int cpu;

	for_each_online_cpu(cpu) {
		/* add_timer_on(): that CPU, pinned. */
		probe_init(&p);
		p.timer.expires = jiffies + 1;
		add_timer_on(&p.timer, cpu);
		KTEST_EXPECT_TRUE(t, p.timer.flags & TIMER_PINNED);
		KTEST_EXPECT_TRUE(t, wait_for(atomic_read(&p.count),
					      wait_ms(2)));
		KTEST_EXPECT_EQ(t, p.cpu, cpu);
		KTEST_EXPECT_TRUE(t, p.softirq);
		KTEST_EXPECT_EQ(t, atomic_read(&p.early), 0);
		del_timer_sync(&p.timer);

		/* mod_timer() from a thread bound there: there too. */
		probe_init(&p);
		a.p = &p;
		a.armed = false;
		k = kthread_create(arm_here_fn, &a, "timer_arm/%d", cpu);
		KTEST_ASSERT_NOT_NULL(t, k);
		kthread_bind(k, cpu);
		wake_up_process(k);
		KTEST_EXPECT_TRUE(t, wait_for(atomic_read(&p.count),
					      wait_ms(2)));
		kthread_stop(k);
		KTEST_EXPECT_TRUE(t, a.armed);
		KTEST_EXPECT_EQ(t, p.cpu, cpu);
		KTEST_EXPECT_TRUE(t, p.softirq);
		del_timer_sync(&p.timer);
	}
}

/*
 * Two timers in one bucket: whichever runs first deletes, or re-arms,
 * the other, which was collected for expiry with it but has not run.
 * Before that it arms a timer for every level-0 bucket, so one lands in
 * the wheel bucket the pair was collected from.  Linux's
 * detach_if_pending() clears a bucket's pending bit only when the timer
 * it detaches is alone in that very bucket, so all of those still fire.
 * The wait spins instead of sleeping: a sleep's timer could land in the
 * same bucket and cover for a lost pending bit.
 */
#define SIB_FILL	(64 + 8)

struct siblings {
	struct timer_list a, b;
	struct probe fill[SIB_FILL];
	bool rearm;			/* re-arm the other, not delete it */
	atomic_t first;			/* runs of either */
	atomic_t a_runs, b_runs;
	volatile int other_ret;		/* what the delete/re-arm returned */
};

static struct siblings sib;

static void sib_act(struct timer_list *other)
{
	unsigned long now = jiffies;
	int i;

	for (i = 0; i < SIB_FILL; i++) {
		sib.fill[i].timer.expires = now + i;
		add_timer(&sib.fill[i].timer);
	}
	sib.other_ret = sib.rearm ? mod_timer(other, now + 10) :
				    timer_delete(other);
}

static void sib_a_fn(struct timer_list *t)
{
	atomic_inc(&sib.a_runs);
	if (atomic_inc_return(&sib.first) == 1)
		sib_act(&sib.b);
}

static void sib_b_fn(struct timer_list *t)
{
	atomic_inc(&sib.b_runs);
	if (atomic_inc_return(&sib.first) == 1)
		sib_act(&sib.a);
}

static int sib_fired(void)
{
	int i, n = 0;

	for (i = 0; i < SIB_FILL; i++)
		n += atomic_read(&sib.fill[i].count);
	return n;
}

static void run_siblings(struct ktest *t, bool rearm)
{
	int i, cpu = cpumask_any_online_but(smp_processor_id());
	int runs_wanted = rearm ? 2 : 1;
	u64 end;

	if (cpu < 0)
		cpu = smp_processor_id();
	memset(&sib, 0, sizeof(sib));
	sib.rearm = rearm;
	sib.other_ret = -1;
	for (i = 0; i < SIB_FILL; i++)
		probe_init(&sib.fill[i]);
	timer_setup(&sib.a, sib_a_fn, 0);
	timer_setup(&sib.b, sib_b_fn, 0);
	/* Same expires, same base, nothing between: the same bucket. */
	local_irq_disable();
	sib.a.expires = sib.b.expires = jiffies + 10;
	add_timer_on(&sib.a, cpu);
	add_timer_on(&sib.b, cpu);
	local_irq_enable();

	end = ktime_get_ns() + (u64)wait_ms(SIB_FILL) * 1000000;
	while ((sib_fired() < SIB_FILL ||
		atomic_read(&sib.a_runs) + atomic_read(&sib.b_runs) <
		runs_wanted) && (s64)(end - ktime_get_ns()) > 0)
		cpu_relax();

	ktest_log(t, "CPU %d: a ran %d, b ran %d, %d of %d others fired",
		  cpu, atomic_read(&sib.a_runs), atomic_read(&sib.b_runs),
		  sib_fired(), SIB_FILL);
	KTEST_EXPECT_EQ(t, sib.other_ret, 1);
	KTEST_EXPECT_EQ(t, atomic_read(&sib.a_runs) +
			   atomic_read(&sib.b_runs), runs_wanted);
	KTEST_EXPECT_LE(t, atomic_read(&sib.a_runs), 1);
	KTEST_EXPECT_LE(t, atomic_read(&sib.b_runs), 1);
	KTEST_EXPECT_FALSE(t, timer_pending(&sib.a));
	KTEST_EXPECT_FALSE(t, timer_pending(&sib.b));
	for (i = 0; i < SIB_FILL; i++) {
		int fired = atomic_read(&sib.fill[i].count);
		bool pending = timer_pending(&sib.fill[i].timer);

		if (fired != 1 || pending)
			ktest_log(t, "+%d: fired %d, pending %d", i, fired,
				  pending);
		KTEST_EXPECT_EQ(t, fired, 1);
		KTEST_EXPECT_FALSE(t, pending);
		KTEST_EXPECT_EQ(t, atomic_read(&sib.fill[i].early), 0);
	}
	for (i = 0; i < SIB_FILL; i++)
		del_timer_sync(&sib.fill[i].timer);
	del_timer_sync(&sib.a);
	del_timer_sync(&sib.b);
}

static void test_delete_collected_sibling(struct ktest *t)
{
	run_siblings(t, false);
}

static void test_rearm_collected_sibling(struct ktest *t)
{
	run_siblings(t, true);
}

#define PERIODIC_RUNS	10

struct periodic {
	struct timer_list timer;
	atomic_t runs;
	atomic_t early;
};

static void periodic_fn(struct timer_list *t)
{
	struct periodic *pd = from_timer(pd, t, timer);

	if (time_before(jiffies, t->expires))
		atomic_inc(&pd->early);
	if (atomic_inc_return(&pd->runs) < PERIODIC_RUNS)
		mod_timer(t, jiffies + 2);
}

static void test_periodic_rearm(struct ktest *t)
{
	struct periodic pd = { 0 };

	timer_setup(&pd.timer, periodic_fn, 0);
	mod_timer(&pd.timer, jiffies + 1);
	KTEST_EXPECT_TRUE(t, wait_for(atomic_read(&pd.runs) >= PERIODIC_RUNS,
				      wait_ms(3 * PERIODIC_RUNS)));
	msleep(30);
	KTEST_EXPECT_EQ(t, atomic_read(&pd.runs), PERIODIC_RUNS);
	KTEST_EXPECT_EQ(t, atomic_read(&pd.early), 0);
	KTEST_EXPECT_FALSE(t, timer_pending(&pd.timer));
	del_timer_sync(&pd.timer);
}

#define STORM_TIMERS	32
#define STORM_OPS	3000

struct storm {
	struct probe p[STORM_TIMERS];
	atomic_t armed;		/* idle -> pending transitions */
	atomic_t deleted;	/* times a pending timer was deleted */
	atomic_t done;
};

struct storm_worker {
	struct storm *s;
	struct task_struct *task;
	unsigned long seed;
};

static unsigned long storm_rand(struct storm_worker *w)
{
	w->seed = w->seed * 6364136223846793005UL + 1442695040888963407UL;
	return w->seed >> 33;
}

static int storm_fn(void *data)
{
	struct storm_worker *w = data;
	struct storm *s = w->s;
	struct timer_list *tm;
	unsigned long r, exp;
	int i;

	for (i = 0; i < STORM_OPS; i++) {
		r = storm_rand(w);
		tm = &s->p[r % STORM_TIMERS].timer;
		exp = jiffies + 1 + (r >> 8) % 16;
		switch ((r >> 16) % 4) {
		case 0:
			if (!mod_timer(tm, exp))
				atomic_inc(&s->armed);
			break;
		case 1:
			if (del_timer(tm))
				atomic_inc(&s->deleted);
			break;
		case 2:
			/* Never arms: nothing to count. */
			mod_timer_pending(tm, exp);
			break;
		default:
			if (!timer_reduce(tm, exp))
				atomic_inc(&s->armed);
			break;
		}
		/* Let some expire. */
		if (i % 32 == 31)
			msleep(1);
	}
	atomic_inc(&s->done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void test_storm(struct ktest *t)
{
	static struct storm s;
	static struct storm_worker w[NR_CPUS];
	int cpu, n = 0, i, fired = 0;

	memset(&s, 0, sizeof(s));
	for (i = 0; i < STORM_TIMERS; i++)
		probe_init(&s.p[i]);
	for_each_online_cpu(cpu) {
		w[n].s = &s;
		w[n].seed = 0x9e3779b97f4a7c15UL * (cpu + 1);
		w[n].task = kthread_create(storm_fn, &w[n], "timer_storm/%d",
					   cpu);
		KTEST_ASSERT_NOT_NULL(t, w[n].task);
		kthread_bind(w[n].task, cpu);
		n++;
	}
	for (i = 0; i < n; i++)
		wake_up_process(w[i].task);
	KTEST_EXPECT_TRUE(t, wait_for(atomic_read(&s.done) == n, 20000));
	for (i = 0; i < n; i++)
		kthread_stop(w[i].task);
	/* What is still pending is deleted; nothing runs after this. */
	for (i = 0; i < STORM_TIMERS; i++)
		if (del_timer_sync(&s.p[i].timer))
			atomic_inc(&s.deleted);
	/*
	 * Not "early" here: another CPU may change expires between the
	 * dequeue and the function reading it, as Linux allows.
	 */
	for (i = 0; i < STORM_TIMERS; i++)
		fired += atomic_read(&s.p[i].count);
	ktest_log(t, "%d CPUs: armed %d, deleted %d, fired %d", n,
		  atomic_read(&s.armed), atomic_read(&s.deleted), fired);
	KTEST_EXPECT_EQ(t, fired, atomic_read(&s.armed) -
				  atomic_read(&s.deleted));
	KTEST_EXPECT_GT(t, fired, 0);
	KTEST_EXPECT_GT(t, atomic_read(&s.deleted), 0);
}

static const struct ktest_case timer_cases[] = {
	KTEST_CASE(test_expiry_order),
	KTEST_CASE(test_mod_timer),
	KTEST_CASE(test_mod_timer_pending),
	KTEST_CASE(test_timer_reduce),
	KTEST_CASE(test_del_timer),
	KTEST_CASE(test_del_timer_sync_waits),
	KTEST_CASE(test_del_timer_sync_own_function),
	KTEST_CASE(test_softirq_on_arming_cpu),
	KTEST_CASE(test_periodic_rearm),
	KTEST_CASE(test_delete_collected_sibling),
	KTEST_CASE(test_rearm_collected_sibling),
	KTEST_CASE(test_storm),
	{}
};
KTEST_SUITE(timer, timer_cases);
