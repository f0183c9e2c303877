// SPDX-License-Identifier: GPL-2.0
/*
 * BH workqueues: items run in softirq on the CPU they were queued for,
 * also when queued from another CPU with no memory to spare and without
 * waiting (workqueue_ktest.h).
 */
#include "workqueue_ktest.h"
#include <irqlab/kthread.h>
#include <irqlab/timer.h>
#include <irqlab/bottom_half.h>
#include <irqlab/preempt.h>
#include <irqlab/fault-inject.h>
#include <irqlab/timekeeping.h>

/* WQ_BH: in softirq, on the queueing CPU. */

static struct work_struct bh_work;
static DECLARE_COMPLETION(bh_done);
static bool bh_in_softirq;
static int bh_cpu;

static void bh_fn(struct work_struct *work)
{
	bh_in_softirq = in_serving_softirq();
	bh_cpu = smp_processor_id();
	complete(&bh_done);
}

static void check_bh(struct ktest *t, struct workqueue_struct *wq)
{
	int cpu = pin_here();

	INIT_WORK(&bh_work, bh_fn);
	reinit_completion(&bh_done);
	bh_in_softirq = false;
	bh_cpu = -1;
	KTEST_EXPECT_TRUE(t, queue_work(wq, &bh_work));
	KTEST_EXPECT_TRUE(t, wait_done(&bh_done));
	flush_work(&bh_work);
	unpin();
	KTEST_EXPECT_TRUE(t, bh_in_softirq);
	KTEST_EXPECT_EQ(t, bh_cpu, cpu);
}

void test_bh_runs_in_softirq(struct ktest *t)
{
	check_bh(t, system_bh_wq);
	check_bh(t, system_bh_highpri_wq);
}

void test_bh_flush_and_cancel(struct ktest *t)
{
	int cpu = pin_here();

	/* Queued with bottom halves off: stays pending till they are on. */
	INIT_WORK(&bh_work, bh_fn);
	reinit_completion(&bh_done);
	local_bh_disable();
	queue_work(system_bh_wq, &bh_work);
	KTEST_EXPECT_TRUE(t, work_pending(&bh_work));
	KTEST_EXPECT_TRUE(t, cancel_work(&bh_work));
	local_bh_enable();
	KTEST_EXPECT_FALSE(t, completion_done(&bh_done));
	queue_work(system_bh_wq, &bh_work);
	KTEST_EXPECT_TRUE(t, flush_work(&bh_work) || completion_done(&bh_done));
	KTEST_EXPECT_TRUE(t, completion_done(&bh_done));
	KTEST_EXPECT_EQ(t, bh_cpu, cpu);
	unpin();
}

/*
 * A BH item queued to another CPU's pool: kick_pool() raises that CPU's
 * softirq with the pool lock held and interrupts off, so the cross-CPU
 * call may neither allocate nor wait (Linux queues an irq_work the pool
 * owns).  First with every allocation of ours failing: it still runs,
 * there, in softirq.
 */
#define NR_BH_REMOTE	4

static struct work_struct bh_remote[NR_BH_REMOTE];
static atomic_t bh_remote_runs[NR_BH_REMOTE];
static atomic_t bh_remote_bad;		/* not in softirq, or not there */
static int bh_remote_cpu;

static void bh_remote_fn(struct work_struct *work)
{
	int i = work - bh_remote;

	if (!in_serving_softirq() || smp_processor_id() != bh_remote_cpu)
		atomic_inc(&bh_remote_bad);
	atomic_inc(&bh_remote_runs[i]);
}

static void bh_remote_init(int cpu)
{
	int i;

	bh_remote_cpu = cpu;
	atomic_set(&bh_remote_bad, 0);
	for (i = 0; i < NR_BH_REMOTE; i++) {
		INIT_WORK(&bh_remote[i], bh_remote_fn);
		atomic_set(&bh_remote_runs[i], 0);
	}
}

static bool bh_remote_all_ran(void)
{
	unsigned long end = jiffies + WAIT_JIFFIES;
	int i;

	for (i = 0; i < NR_BH_REMOTE; i++) {
		while (!atomic_read(&bh_remote_runs[i])) {
			if (!time_before(jiffies, end))
				return false;
			msleep(1);
		}
	}
	return true;
}

static void bh_remote_check(struct ktest *t)
{
	int i;

	KTEST_EXPECT_TRUE(t, bh_remote_all_ran());
	for (i = 0; i < NR_BH_REMOTE; i++) {
		flush_work(&bh_remote[i]);
		KTEST_EXPECT_EQ(t, atomic_read(&bh_remote_runs[i]), 1);
	}
	KTEST_EXPECT_EQ(t, atomic_read(&bh_remote_bad), 0);
}

void test_bh_remote_without_memory(struct ktest *t)
{
	int i, cpu = pin_here(), there = cpumask_any_online_but(cpu);

	if (there < 0) {
		unpin();
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	bh_remote_init(there);
	fault_inject_current_allocs(true);
	for (i = 0; i < NR_BH_REMOTE; i++)
		queue_work_on(there, i & 1 ? system_bh_highpri_wq :
					     system_bh_wq, &bh_remote[i]);
	fault_inject_current_allocs(false);
	unpin();
	bh_remote_check(t);
}

/*
 * Then with the target CPU's interrupts off until our queueing is done:
 * the shape of the deadlock when that CPU spins, interrupts off, on the
 * pool lock we hold.  The first kick's call is still queued when the
 * next item comes: that kick must not wait for it (it collapses into
 * the queued one, which raises the softirq for all of them), so all our
 * queue_work_on() calls return while the holder still waits, and every
 * item runs once the holder lets go.
 */
static struct {
	volatile bool holding, release, timed_out;
	struct completion done;
} bh_hold;

static int bh_holder(void *arg)
{
	u64 end;

	local_irq_disable();
	WRITE_ONCE(bh_hold.holding, true);
	end = ktime_get_ns() + (u64)WAIT_JIFFIES * (1000000000 / HZ);
	while (!READ_ONCE(bh_hold.release)) {
		if ((s64)(ktime_get_ns() - end) > 0) {
			bh_hold.timed_out = true;
			break;
		}
		cpu_relax();
	}
	local_irq_enable();
	complete(&bh_hold.done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

void test_bh_remote_kick_never_waits(struct ktest *t)
{
	int i, cpu = pin_here(), there = cpumask_any_online_but(cpu);
	struct task_struct *k;
	u64 end;

	if (there < 0) {
		unpin();
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	/* Pinned, so that we never wait to run on the holder's CPU. */
	bh_remote_init(there);
	memset(&bh_hold, 0, sizeof(bh_hold));
	init_completion(&bh_hold.done);
	k = kthread_create_on_cpu(bh_holder, NULL, there, "wqbhhold/%u");
	if (!k)
		unpin();
	KTEST_ASSERT_NOT_NULL(t, k);
	wake_up_process(k);
	/*
	 * Spinning, not sleeping: while the holder holds, jiffies may
	 * stand still (its CPU may be the one that advances them).
	 */
	end = ktime_get_ns() + (u64)WAIT_JIFFIES * (1000000000 / HZ);
	while (!READ_ONCE(bh_hold.holding) &&
	       (s64)(ktime_get_ns() - end) < 0)
		cpu_relax();
	if (!READ_ONCE(bh_hold.holding)) {
		WRITE_ONCE(bh_hold.release, true);
		kthread_stop(k);
		unpin();
		KTEST_ASSERT_TRUE(t, bh_hold.holding);
	}

	for (i = 0; i < NR_BH_REMOTE; i++)
		queue_work_on(there, i & 1 ? system_bh_highpri_wq :
					     system_bh_wq, &bh_remote[i]);
	WRITE_ONCE(bh_hold.release, true);
	KTEST_EXPECT_TRUE(t, wait_done(&bh_hold.done));
	kthread_stop(k);
	unpin();
	/* Our queueing had to wait for the holder: that is the deadlock. */
	KTEST_EXPECT_FALSE(t, bh_hold.timed_out);
	bh_remote_check(t);
}
