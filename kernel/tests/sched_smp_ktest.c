// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler across CPUs: affinity holds, a running task moves when
 * its affinity changes, the load balancer spreads four spinners started
 * on one CPU, and a 100,000-round wake/sleep ping-pong between two CPUs
 * loses no wake-up.
 */
#include <irqlab/ktest.h>
#include <irqlab/kthread.h>
#include <irqlab/wait.h>
#include <irqlab/completion.h>
#include <irqlab/timer.h>
#include <irqlab/timekeeping.h>
#include <irqlab/interrupt.h>
#include <asm/processor.h>

struct tracker {
	volatile unsigned long loops;
	volatile unsigned long seen;	/* CPUs it ran on */
	volatile int last_cpu;
	volatile unsigned long migrations;	/* CPU changes seen */
	struct task_struct *task;
};

static int track_fn(void *data)
{
	struct tracker *tr = data;

	while (!kthread_should_stop()) {
		int cpu = smp_processor_id();

		tr->seen |= 1UL << cpu;
		if (tr->loops && cpu != tr->last_cpu)
			tr->migrations++;
		tr->last_cpu = cpu;
		tr->loops++;
	}
	return 0;
}

/* The n-th online CPU; n is below num_online_cpus(). */
static int nth_online_cpu(int n)
{
	int cpu, last = 0;

	for_each_online_cpu(cpu) {
		last = cpu;
		if (n-- == 0)
			break;
	}
	return last;
}

/* Waits (bounded, generously) until the tracker has looped n more times. */
static bool wait_loops(struct tracker *tr, unsigned long n)
{
	unsigned long target = READ_ONCE(tr->loops) + n;
	int i;

	for (i = 0; i < 3000 && READ_ONCE(tr->loops) < target; i++)
		msleep(10);
	return READ_ONCE(tr->loops) >= target;
}

static void test_pinned_stays(struct ktest *t)
{
	struct tracker pinned = { 0 }, other[3] = { { 0 } };
	int cpu = nth_online_cpu(num_online_cpus() - 1), i;

	pinned.task = kthread_create(track_fn, &pinned, "pinned");
	KTEST_ASSERT_NOT_NULL(t, pinned.task);
	kthread_bind(pinned.task, cpu);
	wake_up_process(pinned.task);
	/* Competition, so the balancer has a reason to move things. */
	for (i = 0; i < 3; i++) {
		other[i].task = kthread_run(track_fn, &other[i], "free/%d", i);
	}
	msleep(300);
	/* However slow the host: it has run, and there only. */
	KTEST_EXPECT_TRUE(t, wait_loops(&pinned, 1));
	for (i = 0; i < 3; i++)
		if (other[i].task)
			kthread_stop(other[i].task);
	kthread_stop(pinned.task);

	KTEST_EXPECT_GT(t, pinned.loops, 0);
	KTEST_EXPECT_EQ(t, pinned.seen, 1UL << cpu);
}

static void test_running_task_migrates(struct ktest *t)
{
	struct tracker tr = { 0 };
	int from = nth_online_cpu(0), to = nth_online_cpu(1), ret, i;
	unsigned long m;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	tr.task = kthread_create(track_fn, &tr, "mover");
	KTEST_ASSERT_NOT_NULL(t, tr.task);
	set_cpus_allowed_ptr(tr.task, 1UL << from);
	wake_up_process(tr.task);
	KTEST_EXPECT_TRUE(t, wait_loops(&tr, 1));
	KTEST_EXPECT_EQ(t, tr.seen, 1UL << from);

	ret = set_cpus_allowed_ptr(tr.task, 1UL << to);
	KTEST_EXPECT_EQ(t, ret, 0);
	/* Returns once it has left: from now on only "to". */
	KTEST_EXPECT_NE(t, task_cpu(tr.task), from);
	/* It has run there (the move is counted), then runs on, there. */
	for (i = 0; i < 3000 && READ_ONCE(tr.last_cpu) != to; i++)
		msleep(10);
	m = tr.migrations;
	msleep(100);
	KTEST_EXPECT_TRUE(t, wait_loops(&tr, 1000));
	kthread_stop(tr.task);
	KTEST_EXPECT_EQ(t, tr.last_cpu, to);
	KTEST_EXPECT_EQ(t, tr.migrations, m);
}

/* Each tracker's CPU, as the scheduler has it; a mask of them. */
static unsigned long placement(struct tracker *tr, int n, int *cpus)
{
	unsigned long used = 0;
	int i;

	for (i = 0; i < n; i++) {
		cpus[i] = task_cpu(tr[i].task);
		used |= 1UL << cpus[i];
	}
	return used;
}

/* The fewest SCHED_SOFTIRQ runs (balancing attempts) of any online
 * CPU since base[] was taken. */
static unsigned int fewest_balance_runs(const unsigned int *base)
{
	unsigned int least = ~0U;
	int cpu;

	for_each_online_cpu(cpu)
		least = min(least, kstat_softirqs_cpu(SCHED_SOFTIRQ, cpu) -
				   base[cpu]);
	return least;
}

/*
 * Four spinners started on the boot CPU spread over the CPUs, one each
 * when there are four, and once spread each stays where it is.  Every
 * wait is for something the scheduler does, bounded generously; the
 * steady-state window is counted in balancing attempts on every CPU
 * (Linux's SCHED_SOFTIRQ), not in time, so a slow host stretches it
 * instead of shortening it.
 */
static void test_four_spread(struct ktest *t)
{
	struct tracker tr[4] = { { 0 } };
	unsigned int ncpus = num_online_cpus(), base[NR_CPUS];
	int boot = nth_online_cpu(0), i, j, cpus[4], after[4];
	unsigned long used = 0, moves[4], want;
	bool ok = true, stayed = true;
	u64 give_up;
	int cpu;

	if (ncpus < 2) {
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	for (i = 0; i < 4; i++) {
		tr[i].task = kthread_create(track_fn, &tr[i], "spread/%d", i);
		KTEST_ASSERT_NOT_NULL(t, tr[i].task);
		set_cpus_allowed_ptr(tr[i].task, 1UL << boot);
		wake_up_process(tr[i].task);
	}
	/* Each must have run (a loaded host may take a while), there only. */
	for (i = 0; i < 4; i++)
		for (j = 0; j < 500 && !READ_ONCE(tr[i].seen); j++)
			msleep(10);
	for (i = 0; i < 4; i++) {
		ok &= tr[i].seen == 1UL << boot;
		set_cpus_allowed_ptr(tr[i].task, ~0UL);
	}
	KTEST_EXPECT_TRUE(t, ok);

	/* Spread: one on each CPU (four or more), or every CPU in use. */
	want = ncpus >= 4 ? 4 : ncpus;
	give_up = ktime_get_ns() + 30000000000ULL;
	while (hweight_long(placement(tr, 4, cpus)) < want &&
	       ktime_get_ns() < give_up)
		msleep(10);
	/* ... and each has run where it now is (its count is up to date). */
	for (i = 0; i < 4; i++)
		while (READ_ONCE(tr[i].last_cpu) != task_cpu(tr[i].task) &&
		       ktime_get_ns() < give_up)
			msleep(10);
	used = placement(tr, 4, cpus);
	ktest_log(t, "CPUs in use: %#lx", used);
	KTEST_EXPECT_EQ(t, hweight_long(used), want);

	/* Settled: for 25 balancing attempts on every CPU, nobody moves. */
	for (i = 0; i < 4; i++)
		moves[i] = READ_ONCE(tr[i].migrations);
	for_each_online_cpu(cpu)
		base[cpu] = kstat_softirqs_cpu(SCHED_SOFTIRQ, cpu);
	give_up = ktime_get_ns() + 30000000000ULL;
	/* One sleep at a time: each wake-up is one more task somewhere. */
	do {
		msleep(100);
	} while (fewest_balance_runs(base) < 25 && ktime_get_ns() < give_up);
	KTEST_EXPECT_GE(t, fewest_balance_runs(base), 25);
	/* All checked before any is stopped: a stopped one frees a CPU. */
	placement(tr, 4, after);
	for (i = 0; i < 4; i++)
		stayed &= READ_ONCE(tr[i].migrations) == moves[i] &&
			  after[i] == cpus[i];
	for (i = 0; i < 4; i++)
		kthread_stop(tr[i].task);

	if (ncpus >= 4) {
		for (i = 0; i < 4; i++)
			for (j = 0; j < i; j++)
				KTEST_EXPECT_NE(t, cpus[i], cpus[j]);
		KTEST_EXPECT_TRUE(t, stayed);
	}
}

#define PINGPONG_ROUNDS	100000

struct pingpong {
	wait_queue_head_t wq[2];
	volatile int turn;
	unsigned long count[2];
	struct completion done;
	int side;
};

static struct pingpong pp;

static int pingpong_fn(void *data)
{
	int me = (long)data, other = !me, i;

	for (i = 0; i < PINGPONG_ROUNDS; i++) {
		wait_event(pp.wq[me], READ_ONCE(pp.turn) == me);
		pp.count[me]++;
		WRITE_ONCE(pp.turn, other);
		wake_up(&pp.wq[other]);
	}
	complete(&pp.done);
	return 0;
}

static void test_pingpong(struct ktest *t)
{
	struct task_struct *k[2];
	unsigned long left;
	int i;

	for (i = 0; i < 2; i++)
		init_waitqueue_head(&pp.wq[i]);
	init_completion(&pp.done);
	pp.turn = 0;
	pp.count[0] = pp.count[1] = 0;
	for (i = 0; i < 2; i++) {
		k[i] = kthread_create(pingpong_fn, (void *)(long)i,
				      "pingpong/%d", i);
		KTEST_ASSERT_NOT_NULL(t, k[i]);
		kthread_bind(k[i], nth_online_cpu(i % num_online_cpus()));
		/* They exit on their own: keep the structs for kthread_stop. */
		get_task_struct(k[i]);
	}
	wake_up_process(k[0]);
	wake_up_process(k[1]);
	/*
	 * However long a loaded host takes, only a stall is a failure: a
	 * lost wake-up leaves both asleep and the counts stop moving.
	 */
	for (i = 0; i < 2; i++) {
		unsigned long before;

		do {
			before = pp.count[0] + pp.count[1];
			left = wait_for_completion_timeout(&pp.done, 10 * HZ);
		} while (!left && pp.count[0] + pp.count[1] != before);
		if (!left)
			break;
	}
	/* A lost wake-up leaves both asleep: they are leaked, not stopped. */
	KTEST_ASSERT_GT(t, left, 0);
	KTEST_EXPECT_EQ(t, pp.count[0], PINGPONG_ROUNDS);
	KTEST_EXPECT_EQ(t, pp.count[1], PINGPONG_ROUNDS);
	ktest_log(t, "%d rounds on CPUs %d and %d", PINGPONG_ROUNDS,
		  task_cpu(k[0]), task_cpu(k[1]));
	for (i = 0; i < 2; i++) {
		kthread_stop(k[i]);
		put_task_struct(k[i]);
	}
}

static const struct ktest_case sched_smp_cases[] = {
	KTEST_CASE(test_pinned_stays),
	KTEST_CASE(test_running_task_migrates),
	KTEST_CASE(test_four_spread),
	KTEST_CASE(test_pingpong),
	{}
};
KTEST_SUITE(sched_smp, sched_smp_cases);
