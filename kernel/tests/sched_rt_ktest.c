// SPDX-License-Identifier: GPL-2.0
/*
 * RT throttling, as Linux's kernel/sched/rt.c: real-time tasks may use
 * sched_rt_runtime_us of every sched_rt_period_us (950000 of 1000000 by
 * default) on each CPU; then the CPU's RT queue is throttled until the
 * period ends, so fair tasks keep 5%.  With a runtime of -1 a FIFO
 * spinner owns its CPU.  The knobs are validated as Linux's
 * sched_rt_handler() does.
 *
 * The spinner and the fair thread share the last online CPU.  The runner
 * waits at SCHED_FIFO 99, above the spinner, so that on a single CPU it
 * still gets to stop it.  Windows are measured in periods of TSC time,
 * not in what the host lets run.
 */
#include <irqlab/ktest.h>
#include <irqlab/kthread.h>
#include <irqlab/sysctl.h>
#include <irqlab/errno.h>
#include <irqlab/timer.h>
#include <irqlab/timekeeping.h>
#include <asm/processor.h>
#include "../sched/sched.h"
#include "sched_ktest.h"

static bool start_counter(struct spinner *c, int cpu, bool fifo,
			  const char *name)
{
	struct sched_param sp = { .sched_priority = 50 };

	c->loops = 0;
	c->task = kthread_create(spin_fn, c, "%s", name);
	if (!c->task)
		return false;
	kthread_bind(c->task, cpu);
	if (fifo)
		sched_setscheduler_nocheck(c->task, SCHED_FIFO, &sp);
	wake_up_process(c->task);
	return true;
}

static int set_knob(const char *name, int value)
{
	const struct ctl_table *table = sysctl_find(name);

	return table ? sysctl_write_int(table, value) : -ENOENT;
}

static int get_knob(const char *name)
{
	const struct ctl_table *table = sysctl_find(name);

	return table ? READ_ONCE(*table->data) : 0;
}

/*
 * A fair thread and a FIFO spinner on one CPU, for up to ms of TSC time,
 * or (until_progress) until the fair thread got to run at all: how far it
 * got meanwhile.  A throttled window is 50 ms of TSC time, which a
 * starved host may not run the vCPU in; the next period brings another.
 */
static unsigned long fair_progress(struct ktest *t, unsigned int ms,
				   bool until_progress)
{
	struct sched_param top = { .sched_priority = MAX_RT_PRIO - 1 };
	unsigned long saved_policy = current->policy, before, after;
	struct spinner fair, fifo;
	int cpu = last_cpu(), i;
	u64 end;

	sched_setscheduler_nocheck(current, SCHED_FIFO, &top);
	if (!start_counter(&fair, cpu, false, "rtfair") ||
	    !start_counter(&fifo, cpu, true, "rtspin")) {
		KTEST_EXPECT_TRUE(t, false);
		return 0;
	}
	/* From the spinner's first loop on, it wants the CPU throughout. */
	for (i = 0; i < 1000 && !READ_ONCE(fifo.loops); i++)
		msleep(1);
	KTEST_EXPECT_GT(t, fifo.loops, 0);
	before = fair.loops;
	end = ktime_get_ns() + (u64)ms * 1000000;
	do {
		msleep(100);
	} while (ktime_get_ns() < end &&
		 !(until_progress && fair.loops != before));
	after = fair.loops;
	kthread_stop(fifo.task);
	kthread_stop(fair.task);
	if (saved_policy == SCHED_NORMAL)
		sched_set_normal(current, 0);
	/* The CPU's RT budget paid back, for whatever test comes next. */
	end = ktime_get_ns() + 5000000000ULL;
	while ((READ_ONCE(cpu_rq(cpu)->rt.rt_time) ||
		READ_ONCE(cpu_rq(cpu)->rt.rt_throttled)) &&
	       ktime_get_ns() < end)
		msleep(50);
	ktest_log(t, "fair loops %lu -> %lu while FIFO spun on CPU %d",
		  before, after, cpu);
	return after - before;
}

static void test_fair_progresses_against_fifo(struct ktest *t)
{
	/* Ten periods: ten throttled windows for it to run in. */
	unsigned long progress = fair_progress(t, 10000, true);

	KTEST_EXPECT_GT(t, progress, 0);
	/* Linux's defaults: 5% of each second for the others. */
	KTEST_EXPECT_EQ(t, get_knob("kernel.sched_rt_runtime_us"), 950000);
	KTEST_EXPECT_EQ(t, get_knob("kernel.sched_rt_period_us"), 1000000);
}

static void test_runtime_inf_starves_fair(struct ktest *t)
{
	unsigned long progress;

	KTEST_ASSERT_EQ(t, set_knob("kernel.sched_rt_runtime_us", -1), 0);
	/* Two and a half periods: throttling would have come by then. */
	progress = fair_progress(t, 2500, false);
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_runtime_us", 950000), 0);
	KTEST_EXPECT_EQ(t, progress, 0);
}

/* Linux's sched_rt_handler(): runtime <= period, or -1; period >= 1. */
static void test_knobs_validated(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, get_knob("kernel.sched_rt_runtime_us"), 950000);
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_runtime_us", 1000001),
			-EINVAL);
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_runtime_us", -2),
			-EINVAL);
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_period_us", 0), -EINVAL);
	/* A period shorter than the runtime is refused too. */
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_period_us", 900000),
			-EINVAL);
	KTEST_EXPECT_EQ(t, get_knob("kernel.sched_rt_runtime_us"), 950000);
	KTEST_EXPECT_EQ(t, get_knob("kernel.sched_rt_period_us"), 1000000);

	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_runtime_us", 1000000), 0);
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_period_us", 2000000), 0);
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_runtime_us", -1), 0);
	/* With no limit, any period goes. */
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_period_us", 1), 0);
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_period_us", 1000000), 0);
	KTEST_EXPECT_EQ(t, set_knob("kernel.sched_rt_runtime_us", 950000), 0);
}

static const struct ktest_case sched_rt_cases[] = {
	KTEST_CASE(test_fair_progresses_against_fifo),
	KTEST_CASE(test_knobs_validated),
	KTEST_CASE(test_runtime_inf_starves_fair),
	{}
};
KTEST_SUITE(sched_rt, sched_rt_cases);
