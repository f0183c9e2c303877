// SPDX-License-Identifier: GPL-2.0
/*
 * The load average, as Linux's kernel/sched/loadavg.c computes it: every
 * LOAD_FREQ (5 s) the number of running and uninterruptible tasks is
 * folded into three exponentially decaying averages in FSHIFT (11-bit)
 * fixed point.  The arithmetic is checked against Linux's numbers (which
 * match the exponentials: one minute of load 1 gives 1 - 1/e = 0.63 in
 * the 1-minute average); spinners must raise it; a sleeper in
 * TASK_UNINTERRUPTIBLE counts and one in TASK_IDLE does not.
 */
#include <irqlab/ktest.h>
#include <irqlab/kthread.h>
#include <irqlab/loadavg.h>
#include <irqlab/timer.h>
#include <irqlab/jiffies.h>

static void test_calc_load_linux_numbers(struct ktest *t)
{
	static const unsigned long exp[3] = { EXP_1, EXP_5, EXP_15 };
	/* Linux's avenrun after 12 samples (a minute) of load 1 from 0,
	 * and after 12 samples of load 0 from 1. */
	static const unsigned long rise[3] = { 1299, 378, 132 };
	static const unsigned long decay[3] = { 749, 1670, 1916 };
	unsigned long up, down;
	int i, n;

	KTEST_EXPECT_EQ(t, FIXED_1, 2048);
	KTEST_EXPECT_EQ(t, LOAD_FREQ, 5 * HZ + 1);
	/* One sample of load 1: (1 - exp) of the way, rounded up. */
	KTEST_EXPECT_EQ(t, calc_load(0, EXP_1, FIXED_1), 164);
	KTEST_EXPECT_EQ(t, calc_load(0, EXP_5, FIXED_1), 34);
	KTEST_EXPECT_EQ(t, calc_load(0, EXP_15, FIXED_1), 11);
	/* A steady load stays where it is. */
	KTEST_EXPECT_EQ(t, calc_load(3 * FIXED_1, EXP_1, 3 * FIXED_1),
			3 * FIXED_1);

	for (i = 0; i < 3; i++) {
		up = 0;
		down = FIXED_1;
		for (n = 0; n < 12; n++) {
			up = calc_load(up, exp[i], FIXED_1);
			down = calc_load(down, exp[i], 0);
		}
		KTEST_EXPECT_EQ(t, up, rise[i]);
		KTEST_EXPECT_EQ(t, down, decay[i]);
	}
	/* Twelve missed samples at once (calc_load_n), as Linux's. */
	KTEST_EXPECT_EQ(t, fixed_power_int(EXP_1, FSHIFT, 12), 751);
	KTEST_EXPECT_EQ(t, calc_load_n(0, EXP_1, FIXED_1, 12), 1297);
	KTEST_EXPECT_EQ(t, calc_load_n(FIXED_1, EXP_15, 0, 12), 1919);
	KTEST_EXPECT_EQ(t, calc_load_n(FIXED_1, EXP_1, 0, 0), FIXED_1);

	/* /proc/loadavg's two decimals, rounded: 0.63, 0.37, 0.50. */
	KTEST_EXPECT_EQ(t, LOAD_INT(rise[0] + FIXED_1 / 200), 0);
	KTEST_EXPECT_EQ(t, LOAD_FRAC(rise[0] + FIXED_1 / 200), 63);
	KTEST_EXPECT_EQ(t, LOAD_FRAC(decay[0] + FIXED_1 / 200), 37);
	KTEST_EXPECT_EQ(t, LOAD_FRAC(1023 + FIXED_1 / 200), 50);
	KTEST_EXPECT_EQ(t, LOAD_INT(5 * FIXED_1 + 5), 5);
}

static int spin_fn(void *data)
{
	while (!kthread_should_stop())
		cpu_relax();
	return 0;
}

/* Waits (sleeping) until n more LOAD_FREQ samples have been taken. */
static void wait_samples(int n)
{
	unsigned long target = READ_ONCE(calc_load_update) +
			       (n - 1) * LOAD_FREQ;

	/* A sample is taken 10 ticks into its window (calc_global_load). */
	while (time_before_eq(READ_ONCE(calc_load_update), target))
		msleep(100);
}

/*
 * Two spinners until two more samples are taken.  The first may have
 * been folded (each CPU folds at its first tick of the window) before
 * they started; the second sees at least the 2 of them running, so the
 * 1-minute average is at least 2 * (1 - EXP_1 / FIXED_1), 0.16.
 */
static void test_spinners_raise_loadavg(struct ktest *t)
{
	struct task_struct *s[2];
	unsigned long loads[3];
	int i;

	for (i = 0; i < 2; i++) {
		s[i] = kthread_run(spin_fn, NULL, "loadspin/%d", i);
		KTEST_ASSERT_NOT_NULL(t, s[i]);
	}
	wait_samples(2);
	get_avenrun(loads, 0, 0);
	for (i = 0; i < 2; i++)
		kthread_stop(s[i]);
	ktest_log(t, "avenrun %lu %lu %lu (of %lu)", loads[0], loads[1],
		  loads[2], FIXED_1);
	KTEST_EXPECT_GE(t, loads[0], 2 * (FIXED_1 - EXP_1) - 1);
	KTEST_EXPECT_GE(t, loads[1], 2 * (FIXED_1 - EXP_5) - 1);
	KTEST_EXPECT_GE(t, loads[2], 2 * (FIXED_1 - EXP_15) - 1);
}

struct sleeper {
	unsigned int state;
	struct task_struct *task;
};

static int sleep_fn(void *data)
{
	struct sleeper *sl = data;

	for (;;) {
		set_current_state(sl->state);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* A sleeper of the given state, once it is asleep (bounded wait). */
static bool start_sleeper(struct sleeper *sl, unsigned int state)
{
	int i;

	sl->state = state;
	sl->task = kthread_run(sleep_fn, sl, "sleeper");
	if (!sl->task)
		return false;
	for (i = 0; i < 1000; i++) {
		if (READ_ONCE(sl->task->__state) == state &&
		    !READ_ONCE(sl->task->on_rq))
			return true;
		msleep(10);
	}
	return false;
}

/*
 * What the average is fed is nr_running + nr_uninterruptible (Linux's
 * calc_load_fold_active): a task that went to sleep in
 * TASK_UNINTERRUPTIBLE contributes to the load until it wakes; one in
 * TASK_IDLE (an idle kworker) does not, that is what TASK_NOLOAD is for.
 */
static void test_uninterruptible_counts_idle_does_not(struct ktest *t)
{
	struct sleeper d, idle;

	KTEST_ASSERT_TRUE(t, start_sleeper(&d, TASK_UNINTERRUPTIBLE));
	KTEST_ASSERT_TRUE(t, start_sleeper(&idle, TASK_IDLE));
	KTEST_EXPECT_TRUE(t, d.task->sched_contributes_to_load);
	KTEST_EXPECT_FALSE(t, idle.task->sched_contributes_to_load);
	/* Others may sleep in D as well; d at least is counted. */
	KTEST_EXPECT_GE(t, nr_uninterruptible(), 1);
	kthread_stop(d.task);
	kthread_stop(idle.task);
}

static const struct ktest_case sched_loadavg_cases[] = {
	KTEST_CASE(test_calc_load_linux_numbers),
	KTEST_CASE(test_uninterruptible_counts_idle_does_not),
	KTEST_CASE(test_spinners_raise_loadavg),
	{}
};
KTEST_SUITE(sched_loadavg, sched_loadavg_cases);
