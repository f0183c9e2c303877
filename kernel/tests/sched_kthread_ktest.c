// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads and sleeping for a time: names, binding, kthread_stop()
 * returning the exit code once the thread is gone, msleep() sleeping long
 * enough with the CPU idle meanwhile.
 */
#include <irqlab/ktest.h>
#include <irqlab/kthread.h>
#include <irqlab/timer.h>
#include <irqlab/timekeeping.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>
#include <irqlab/errno.h>

static int ran;

static int sleeper_fn(void *data)
{
	ran = 1;
	while (!kthread_should_stop())
		msleep(1);
	return 42;
}

static void test_kthread_stop_returns_exit_code(struct ktest *t)
{
	struct task_struct *k = kthread_create(sleeper_fn, NULL, "sleeper");
	int i;

	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_EQ(t, k->__state, TASK_NEW);
	get_task_struct(k);
	wake_up_process(k);
	/* However long a loaded host takes to run it. */
	for (i = 0; i < 3000 && !READ_ONCE(ran); i++)
		msleep(10);
	KTEST_EXPECT_EQ(t, ran, 1);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 42);
	/* Returned only once it exited. */
	KTEST_EXPECT_TRUE(t, k->flags & PF_EXITING);
	put_task_struct(k);
}

static void test_kthread_stop_before_start(struct ktest *t)
{
	struct task_struct *k;

	ran = 0;
	k = kthread_create(sleeper_fn, NULL, "never");
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_EQ(t, kthread_stop(k), -EINTR);
	KTEST_EXPECT_EQ(t, ran, 0);
}

static void test_kthread_names(struct ktest *t)
{
	int cpu = smp_processor_id();
	char want[TASK_COMM_LEN];
	struct task_struct *k;

	k = kthread_create(sleeper_fn, NULL, "abcdefghijklmnopqrstuvwxyz");
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_STREQ(t, k->comm, "abcdefghijklmno");
	kthread_stop(k);

	k = kthread_create_on_cpu(sleeper_fn, NULL, cpu, "ksoftirqd/%u");
	KTEST_ASSERT_NOT_NULL(t, k);
	snprintf(want, sizeof(want), "ksoftirqd/%d", cpu);
	KTEST_EXPECT_STREQ(t, k->comm, want);
	KTEST_EXPECT_EQ(t, k->cpus_mask, 1UL << cpu);
	KTEST_EXPECT_GT(t, k->pid, 0);
	kthread_stop(k);
}

/*
 * msleep() sleeps: never shorter than asked, and the caller gives the CPU
 * up meanwhile (a voluntary switch; a busy-wait would make none and be
 * charged the whole time).  What it ran is read exactly, its current
 * slice included, but a host stall while it runs is charged to it too,
 * so only "less than the whole time" is checked.  How much longer it
 * takes, and whether the CPU went idle or ran someone else, is the
 * host's business; both are logged, not checked.
 */
static void test_msleep_sleeps_and_idles(struct ktest *t)
{
	int cpu = smp_processor_id();
	struct task_struct *idle = idle_task(cpu);
	u64 t0, t1, idle0, idle1, run0, run1;
	unsigned long nvcsw;

	/* Stay here, so this CPU's idle time is ours to report. */
	set_cpus_allowed_ptr(current, 1UL << cpu);
	cpu = smp_processor_id();
	idle = idle_task(cpu);
	idle0 = task_sched_runtime(idle);
	t0 = ktime_get_ns();
	run0 = task_sched_runtime(current);
	nvcsw = current->nvcsw;
	msleep(50);
	nvcsw = current->nvcsw - nvcsw;
	run1 = task_sched_runtime(current);
	t1 = ktime_get_ns();
	idle1 = task_sched_runtime(idle);
	set_cpus_allowed_ptr(current, ~0UL);

	ktest_log(t, "slept %llu us, ran %llu us meanwhile, CPU %d idle %llu us",
		  (unsigned long long)(t1 - t0) / 1000,
		  (unsigned long long)(run1 - run0) / 1000, cpu,
		  (unsigned long long)(idle1 - idle0) / 1000);
	KTEST_EXPECT_GE(t, t1 - t0, 50000000);
	KTEST_EXPECT_GE(t, nvcsw, 1);
	KTEST_EXPECT_LT(t, run1 - run0, t1 - t0);
}

static void test_schedule_timeout_returns_left(struct ktest *t)
{
	unsigned long j0, j1;
	long left;

	__set_current_state(TASK_UNINTERRUPTIBLE);
	left = schedule_timeout(10);
	KTEST_EXPECT_EQ(t, left, 0);
	/* Woken early: what is left comes back, to the jiffy. */
	set_current_state(TASK_UNINTERRUPTIBLE);
	wake_up_process(current);
	j0 = jiffies;
	left = schedule_timeout(1000);
	j1 = jiffies;
	KTEST_EXPECT_LE(t, left, 1000);
	KTEST_EXPECT_GE(t, left + (long)(j1 - j0), 1000);
}

static const struct ktest_case sched_kthread_cases[] = {
	KTEST_CASE(test_kthread_stop_returns_exit_code),
	KTEST_CASE(test_kthread_stop_before_start),
	KTEST_CASE(test_kthread_names),
	KTEST_CASE(test_msleep_sleeps_and_idles),
	KTEST_CASE(test_schedule_timeout_returns_left),
	{}
};
KTEST_SUITE(sched_kthread, sched_kthread_cases);
