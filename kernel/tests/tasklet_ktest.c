// SPDX-License-Identifier: GPL-2.0
/*
 * Tasklets' guarantees: a scheduled tasklet runs, once however many times
 * it was scheduled before, in softirq context, on the scheduling CPU; it
 * may schedule itself again; HI ones run before normal ones; a disabled
 * one waits on its list; it never runs on two CPUs at once; and
 * tasklet_kill() and tasklet_disable() wait for a running callback.
 */
#include <irqlab/ktest.h>
#include <irqlab/interrupt.h>
#include <irqlab/bottom_half.h>
#include <irqlab/completion.h>
#include <irqlab/jiffies.h>
#include <irqlab/kthread.h>
#include <irqlab/timer.h>
#include <irqlab/smp.h>
#include <irqlab/timekeeping.h>
#include <asm/processor.h>

/* Generous: TCG on a loaded host is slow, and a timeout is a failure. */
#define TL_TIMEOUT	msecs_to_jiffies(5000)

struct tl_ctx {
	struct tasklet_struct t;
	struct completion done;
	atomic_t runs;
	int cpu;			/* where it last ran */
	bool serving_softirq;		/* in_serving_softirq() there */
	bool hardirq;			/* in_hardirq() there */
	int reschedules;		/* self-reschedules left */
	atomic_t *order;		/* shared sequence counter */
	int seq;			/* its value when this ran */
};

static void tl_record(struct tl_ctx *c)
{
	c->cpu = smp_processor_id();
	c->serving_softirq = in_serving_softirq();
	c->hardirq = in_hardirq();
	if (c->order)
		c->seq = atomic_inc_return(c->order);
	atomic_inc(&c->runs);
}

static void tl_callback(struct tasklet_struct *t)
{
	struct tl_ctx *c = from_tasklet(c, t, t);

	tl_record(c);
	complete(&c->done);
}

static void tl_func(unsigned long data)
{
	struct tl_ctx *c = (struct tl_ctx *)data;

	tl_record(c);
	complete(&c->done);
}

static void tl_ctx_init(struct tl_ctx *c)
{
	memset(c, 0, sizeof(*c));
	init_completion(&c->done);
	c->cpu = -1;
	tasklet_setup(&c->t, tl_callback);
}

static bool tl_wait(struct tl_ctx *c)
{
	return wait_for_completion_timeout(&c->done, TL_TIMEOUT) != 0;
}

static void test_runs_after_schedule(struct ktest *t)
{
	struct tl_ctx cb, fn;

	tl_ctx_init(&cb);
	tl_ctx_init(&fn);
	tasklet_init(&fn.t, tl_func, (unsigned long)&fn);

	tasklet_schedule(&cb.t);
	tasklet_schedule(&fn.t);
	KTEST_EXPECT_TRUE(t, tl_wait(&cb));
	KTEST_EXPECT_TRUE(t, tl_wait(&fn));
	tasklet_kill(&cb.t);
	tasklet_kill(&fn.t);
	KTEST_EXPECT_EQ(t, atomic_read(&cb.runs), 1);
	KTEST_EXPECT_EQ(t, atomic_read(&fn.runs), 1);
	KTEST_EXPECT_EQ(t, cb.t.state, 0);
}

/* A scheduled tasklet is not dropped by kill: it runs, then kill returns. */
static void test_kill_lets_scheduled_run(struct ktest *t)
{
	struct tl_ctx c;

	tl_ctx_init(&c);
	tasklet_schedule(&c.t);
	tasklet_kill(&c.t);
	KTEST_EXPECT_EQ(t, atomic_read(&c.runs), 1);
	KTEST_EXPECT_EQ(t, c.t.state, 0);
}

static void test_schedules_collapse(struct ktest *t)
{
	struct tl_ctx c;
	bool sched;
	int i;

	tl_ctx_init(&c);
	/* Nothing runs softirqs on this CPU until local_bh_enable(). */
	local_bh_disable();
	for (i = 0; i < 10; i++)
		tasklet_schedule(&c.t);
	sched = test_bit(TASKLET_STATE_SCHED, &c.t.state);
	local_bh_enable();

	KTEST_EXPECT_TRUE(t, sched);
	KTEST_EXPECT_TRUE(t, tl_wait(&c));
	tasklet_kill(&c.t);
	KTEST_EXPECT_EQ(t, atomic_read(&c.runs), 1);
}

static void test_runs_in_softirq(struct ktest *t)
{
	struct tl_ctx lo, hi;

	tl_ctx_init(&lo);
	tl_ctx_init(&hi);
	tasklet_schedule(&lo.t);
	tasklet_hi_schedule(&hi.t);
	KTEST_EXPECT_TRUE(t, tl_wait(&lo));
	KTEST_EXPECT_TRUE(t, tl_wait(&hi));
	tasklet_kill(&lo.t);
	tasklet_kill(&hi.t);
	KTEST_EXPECT_TRUE(t, lo.serving_softirq);
	KTEST_EXPECT_FALSE(t, lo.hardirq);
	KTEST_EXPECT_TRUE(t, hi.serving_softirq);
	KTEST_EXPECT_FALSE(t, hi.hardirq);
}

/*
 * From each CPU, twice: from a task bound there (the softirq then runs
 * from local_bh_enable, an interrupt exit or ksoftirqd) and from a hard
 * interrupt there (the call-function IPI; it runs at irq_exit).
 */
struct on_cpu {
	struct tl_ctx *c;
	int cpu;			/* where the scheduling happened */
};

static void schedule_here(void *info)
{
	struct on_cpu *oc = info;

	oc->cpu = smp_processor_id();
	tasklet_schedule(&oc->c->t);
}

static int schedule_thread(void *data)
{
	struct on_cpu *oc = data;

	schedule_here(oc);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void test_runs_on_scheduling_cpu(struct ktest *t)
{
	struct task_struct *k;
	struct on_cpu oc;
	struct tl_ctx c;
	int cpu;

	for_each_online_cpu(cpu) {
		tl_ctx_init(&c);
		oc.c = &c;
		oc.cpu = -1;
		k = kthread_create(schedule_thread, &oc, "tl_sched/%d", cpu);
		KTEST_ASSERT_NOT_NULL(t, k);
		kthread_bind(k, cpu);
		wake_up_process(k);
		KTEST_EXPECT_TRUE(t, tl_wait(&c));
		kthread_stop(k);
		tasklet_kill(&c.t);
		KTEST_EXPECT_EQ(t, oc.cpu, cpu);
		KTEST_EXPECT_EQ(t, c.cpu, cpu);

		tl_ctx_init(&c);
		oc.cpu = -1;
		KTEST_EXPECT_EQ(t, smp_call_function_single(cpu, schedule_here,
							    &oc, true), 0);
		KTEST_EXPECT_TRUE(t, tl_wait(&c));
		tasklet_kill(&c.t);
		KTEST_EXPECT_EQ(t, oc.cpu, cpu);
		KTEST_EXPECT_EQ(t, c.cpu, cpu);
	}
}

#define SELF_RESCHEDULES	5

static void tl_self_callback(struct tasklet_struct *t)
{
	struct tl_ctx *c = from_tasklet(c, t, t);

	atomic_inc(&c->runs);
	if (c->reschedules > 0) {
		c->reschedules--;
		tasklet_schedule(t);
	} else {
		complete(&c->done);
	}
}

static void test_self_reschedule(struct ktest *t)
{
	struct tl_ctx c;

	tl_ctx_init(&c);
	tasklet_setup(&c.t, tl_self_callback);
	c.reschedules = SELF_RESCHEDULES;
	tasklet_schedule(&c.t);
	KTEST_EXPECT_TRUE(t, tl_wait(&c));
	tasklet_kill(&c.t);
	KTEST_EXPECT_EQ(t, atomic_read(&c.runs), SELF_RESCHEDULES + 1);
}

static void test_hi_before_normal(struct ktest *t)
{
	unsigned int hi_before, hi_after;
	struct tl_ctx lo, hi;
	atomic_t order = ATOMIC_INIT(0);
	int cpu;

	tl_ctx_init(&lo);
	tl_ctx_init(&hi);
	lo.order = &order;
	hi.order = &order;

	local_bh_disable();
	cpu = smp_processor_id();	/* bh off: no migration either */
	hi_before = kstat_softirqs_cpu(HI_SOFTIRQ, cpu);
	/* The normal one first: only the vector can put HI ahead. */
	tasklet_schedule(&lo.t);
	tasklet_hi_schedule(&hi.t);
	local_bh_enable();

	KTEST_EXPECT_TRUE(t, tl_wait(&lo));
	KTEST_EXPECT_TRUE(t, tl_wait(&hi));
	tasklet_kill(&lo.t);
	tasklet_kill(&hi.t);
	hi_after = kstat_softirqs_cpu(HI_SOFTIRQ, cpu);
	KTEST_EXPECT_EQ(t, hi.seq, 1);
	KTEST_EXPECT_EQ(t, lo.seq, 2);
	KTEST_EXPECT_GT(t, hi_after, hi_before);
	KTEST_EXPECT_EQ(t, hi.cpu, cpu);
	KTEST_EXPECT_EQ(t, lo.cpu, cpu);
}

static struct completion disabled_done;
static atomic_t disabled_runs;

static void tl_disabled_callback(struct tasklet_struct *t)
{
	atomic_inc(&disabled_runs);
	complete(&disabled_done);
}

static DECLARE_TASKLET_DISABLED(disabled_tasklet, tl_disabled_callback);

static void test_disabled_stays_queued(struct ktest *t)
{
	struct tasklet_struct *tl = &disabled_tasklet;

	init_completion(&disabled_done);
	atomic_set(&disabled_runs, 0);
	KTEST_ASSERT_EQ(t, atomic_read(&tl->count), 1);

	tasklet_schedule(tl);
	/* Long enough for many softirq passes to find it disabled. */
	msleep(100);
	KTEST_EXPECT_EQ(t, atomic_read(&disabled_runs), 0);
	KTEST_EXPECT_TRUE(t, test_bit(TASKLET_STATE_SCHED, &tl->state));

	/* Nested disabling: one enable is not enough. */
	tasklet_disable_nosync(tl);
	tasklet_enable(tl);
	msleep(20);
	KTEST_EXPECT_EQ(t, atomic_read(&disabled_runs), 0);

	tasklet_enable(tl);
	KTEST_EXPECT_NE(t, wait_for_completion_timeout(&disabled_done,
						       TL_TIMEOUT), 0);
	tasklet_kill(tl);
	KTEST_EXPECT_EQ(t, atomic_read(&disabled_runs), 1);
	KTEST_EXPECT_EQ(t, tl->state, 0);
	/* As declared, for a later run of the suite. */
	tasklet_disable_nosync(tl);
}

/*
 * The storm: a thread bound to every CPU keeps scheduling one tasklet,
 * and this thread adds schedules from call-function IPIs on every CPU.
 * The tasklet is cleared to run again as soon as it starts, so another
 * CPU can queue it and find it running; it must wait for it.
 */
struct storm {
	struct tasklet_struct t;
	atomic_t inside;
	atomic_t overlaps;
	atomic_t runs;
	unsigned long cpus;		/* where it ran */
	volatile bool stop;
};

static void storm_callback(struct tasklet_struct *t)
{
	struct storm *s = from_tasklet(s, t, t);
	int i;

	if (atomic_inc_return(&s->inside) != 1)
		atomic_inc(&s->overlaps);
	/* Some work, to widen the window another CPU could run it in. */
	for (i = 0; i < 2000; i++)
		cpu_relax();
	__atomic_fetch_or(&s->cpus, 1UL << smp_processor_id(),
			  __ATOMIC_SEQ_CST);
	atomic_inc(&s->runs);
	atomic_dec(&s->inside);
}

static int storm_thread(void *data)
{
	struct storm *s = data;

	while (!s->stop && !kthread_should_stop()) {
		tasklet_schedule(&s->t);
		cpu_relax();
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void storm_ipi(void *info)
{
	struct storm *s = info;

	tasklet_schedule(&s->t);
}

static void test_never_concurrent(struct ktest *t)
{
	struct task_struct *k[NR_CPUS] = { NULL };
	unsigned int ncpus = num_online_cpus();
	unsigned long end, start = jiffies;
	int cpu, runs, overlaps, inside, ran_on;
	static struct storm s;

	memset(&s, 0, sizeof(s));
	tasklet_setup(&s.t, storm_callback);
	for_each_online_cpu(cpu) {
		k[cpu] = kthread_create(storm_thread, &s, "tl_storm/%d", cpu);
		KTEST_ASSERT_NOT_NULL(t, k[cpu]);
		kthread_bind(k[cpu], cpu);
		wake_up_process(k[cpu]);
	}
	/*
	 * Until it has run a good many times and, with more than one CPU,
	 * on at least two (or a generous bound, for a very slow host).
	 */
	end = jiffies + msecs_to_jiffies(20000);
	while (time_before(jiffies, end)) {
		if (atomic_read(&s.runs) >= 500 &&
		    (ncpus < 2 || hweight_long(READ_ONCE(s.cpus)) >= 2))
			break;
		for_each_online_cpu(cpu)
			smp_call_function_single(cpu, storm_ipi, &s, true);
		msleep(1);
	}
	s.stop = true;
	for_each_online_cpu(cpu)
		kthread_stop(k[cpu]);
	tasklet_kill(&s.t);

	runs = atomic_read(&s.runs);
	overlaps = atomic_read(&s.overlaps);
	inside = atomic_read(&s.inside);
	ran_on = hweight_long(s.cpus);
	ktest_log(t, "%d runs on CPUs %#lx in %u ms", runs, s.cpus,
		  jiffies_to_msecs(jiffies - start));
	KTEST_EXPECT_EQ(t, overlaps, 0);
	KTEST_EXPECT_EQ(t, inside, 0);
	KTEST_EXPECT_GT(t, runs, 0);
	if (ncpus >= 2)
		KTEST_EXPECT_GE(t, ran_on, 2);
	KTEST_EXPECT_EQ(t, s.t.state, 0);
}

/*
 * A callback that runs on one CPU until a thread on another, which waits
 * for it to start and then kills or disables the tasklet, is asleep in
 * that call: when the call returns, the callback must have finished.
 * The callback runs until the waiter sleeps, not for a fixed while, so
 * a slow host cannot let it end before the waiter even waits.
 */
struct slow {
	struct tasklet_struct t;
	struct task_struct *waiter;
	volatile bool started;
	volatile bool waiting;		/* the waiter is about to wait */
	volatile bool finished;
	bool finished_before;		/* already, when the wait began */
	bool finished_after;		/* when the waiter returned */
	bool saw_start;
	bool disable;			/* tasklet_disable, not _kill */
	struct completion waited;	/* the waiter is done */
};

#define SLOW_MAX_NS	(5ULL * 1000000000)

static void slow_callback(struct tasklet_struct *t)
{
	struct slow *s = from_tasklet(s, t, t);
	u64 end = ktime_get_ns() + SLOW_MAX_NS;

	s->started = true;
	while (!(READ_ONCE(s->waiting) && !task_is_running(s->waiter)) &&
	       (s64)(ktime_get_ns() - end) < 0)
		cpu_relax();
	s->finished = true;
}

static int slow_sched_thread(void *data)
{
	struct slow *s = data;

	tasklet_schedule(&s->t);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static int slow_waiter_thread(void *data)
{
	struct slow *s = data;
	unsigned long end = jiffies + msecs_to_jiffies(5000);

	while (!s->started && time_before(jiffies, end))
		cpu_relax();
	s->saw_start = s->started;
	s->finished_before = s->finished;
	WRITE_ONCE(s->waiting, true);
	if (s->disable)
		tasklet_disable(&s->t);
	else
		tasklet_kill(&s->t);
	s->finished_after = s->finished;
	complete(&s->waited);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void run_slow(struct ktest *t, bool disable)
{
	struct task_struct *sched, *waiter;
	int a = 0, b = 0, cpu, n = 0;
	unsigned long end;
	struct slow s;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	for_each_online_cpu(cpu) {
		if (n == 0)
			a = cpu;
		else if (n == 1)
			b = cpu;
		n++;
	}
	memset(&s, 0, sizeof(s));
	init_completion(&s.waited);
	s.disable = disable;
	tasklet_setup(&s.t, slow_callback);

	waiter = kthread_create(slow_waiter_thread, &s, "tl_waiter");
	KTEST_ASSERT_NOT_NULL(t, waiter);
	s.waiter = waiter;
	kthread_bind(waiter, b);
	sched = kthread_create(slow_sched_thread, &s, "tl_slow");
	KTEST_ASSERT_NOT_NULL(t, sched);
	kthread_bind(sched, a);
	wake_up_process(waiter);
	wake_up_process(sched);

	/* kthread_stop() before a thread has run would keep it from running. */
	KTEST_EXPECT_NE(t, wait_for_completion_timeout(&s.waited, TL_TIMEOUT),
			0);
	/* The callback reads s and the waiter's task: both outlive it. */
	end = jiffies + TL_TIMEOUT;
	while (!READ_ONCE(s.finished) && time_before(jiffies, end))
		msleep(1);
	kthread_stop(waiter);
	kthread_stop(sched);
	if (disable && completion_done(&s.waited)) {
		tasklet_enable(&s.t);
		tasklet_kill(&s.t);
	}

	KTEST_EXPECT_TRUE(t, s.saw_start);
	KTEST_EXPECT_TRUE(t, s.finished);
	if (s.finished_before) {
		/* A host this slow proves nothing either way. */
		ktest_skip(t, "callback done before the waiter could wait");
		return;
	}
	KTEST_EXPECT_TRUE(t, s.finished_after);
}

static void test_kill_waits_for_running(struct ktest *t)
{
	run_slow(t, false);
}

static void test_disable_waits_for_running(struct ktest *t)
{
	run_slow(t, true);
}

static const struct ktest_case tasklet_cases[] = {
	KTEST_CASE(test_runs_after_schedule),
	KTEST_CASE(test_kill_lets_scheduled_run),
	KTEST_CASE(test_schedules_collapse),
	KTEST_CASE(test_runs_in_softirq),
	KTEST_CASE(test_runs_on_scheduling_cpu),
	KTEST_CASE(test_self_reschedule),
	KTEST_CASE(test_hi_before_normal),
	KTEST_CASE(test_disabled_stays_queued),
	KTEST_CASE(test_never_concurrent),
	KTEST_CASE(test_kill_waits_for_running),
	KTEST_CASE(test_disable_waits_for_running),
	{}
};
KTEST_SUITE(tasklet, tasklet_cases);
