// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues: flush_work(), flush_workqueue(), destroy_workqueue(),
 * cancelling, flush barriers, the queue/cancel race, delayed work
 * (workqueue_ktest.h).
 */
#include "workqueue_ktest.h"
#include <irqlab/kthread.h>
#include <irqlab/timer.h>

/*
 * A blocker holds an ordered workqueue, so items queued behind it stay
 * pending as long as the test wants.
 */
static DECLARE_COMPLETION(blk_release);
static DECLARE_COMPLETION(blk_started);
static struct work_struct blk_work, cnt_work;
static atomic_t cnt_runs;

static void blk_fn(struct work_struct *work)
{
	complete(&blk_started);
	wait_done(&blk_release);
}

static void cnt_fn(struct work_struct *work)
{
	atomic_inc(&cnt_runs);
}

static struct workqueue_struct *blocked_wq(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("ktest_blk", 0);

	if (!wq)
		return NULL;
	reinit_completion(&blk_release);
	reinit_completion(&blk_started);
	atomic_set(&cnt_runs, 0);
	INIT_WORK(&blk_work, blk_fn);
	INIT_WORK(&cnt_work, cnt_fn);
	queue_work(wq, &blk_work);
	wait_done(&blk_started);
	return wq;
}

static void unblock(struct workqueue_struct *wq)
{
	complete(&blk_release);
	destroy_workqueue(wq);
}

void test_queue_pending_returns_false(struct ktest *t)
{
	struct workqueue_struct *wq = blocked_wq();

	KTEST_ASSERT_NOT_NULL(t, wq);
	KTEST_EXPECT_TRUE(t, queue_work(wq, &cnt_work));
	KTEST_EXPECT_TRUE(t, work_pending(&cnt_work));
	KTEST_EXPECT_FALSE(t, queue_work(wq, &cnt_work));
	KTEST_EXPECT_FALSE(t, queue_work(system_wq, &cnt_work));
	unblock(wq);
	KTEST_EXPECT_EQ(t, atomic_read(&cnt_runs), 1);
}

/*
 * flush_work() and cancel_*_sync() wait.  The op runs in a thread of its
 * own, and what holds the item back is let go only once that thread
 * sleeps in the op: so the op really has to wait, however slowly the
 * host runs us, and a hang fails the case instead of hanging the suite.
 * Static, as the thread may never return.
 */
enum wait_op { OP_FLUSH, OP_CANCEL, OP_CANCEL_DELAYED };

static struct {
	struct delayed_work dwork;	/* .work for the plain ops */
	struct completion started, release, done;
	volatile bool finished;
	enum wait_op op;
	struct workqueue_struct *destroy;	/* then flushed, destroyed */
	volatile bool waiting;		/* the waiter is about to call op */
	bool ret, finished_at_return;
} held;

static void held_fn(struct work_struct *work)
{
	complete(&held.started);
	wait_done(&held.release);
	held.finished = true;
}

static void held_init(enum wait_op op)
{
	INIT_DELAYED_WORK(&held.dwork, held_fn);
	init_completion(&held.started);
	init_completion(&held.release);
	init_completion(&held.done);
	held.finished = false;
	held.op = op;
	held.destroy = NULL;
	held.waiting = false;
}

static int held_waiter(void *arg)
{
	WRITE_ONCE(held.waiting, true);
	switch (held.op) {
	case OP_FLUSH:
		held.ret = flush_work(&held.dwork.work);
		break;
	case OP_CANCEL:
		held.ret = cancel_work_sync(&held.dwork.work);
		break;
	case OP_CANCEL_DELAYED:
		held.ret = cancel_delayed_work_sync(&held.dwork);
		break;
	}
	held.finished_at_return = held.finished;
	if (held.destroy) {
		flush_workqueue(held.destroy);
		destroy_workqueue(held.destroy);
	}
	complete(&held.done);
	return 0;
}

/* Asleep in the op: its barrier is queued (nothing before it sleeps). */
static bool waiter_blocked(struct task_struct *k)
{
	unsigned long end = jiffies + WAIT_JIFFIES;

	while (time_before(jiffies, end)) {
		if (READ_ONCE(held.waiting) && !task_is_running(k))
			return true;
		msleep(1);
	}
	return false;
}

/*
 * Runs the op, lets gate (if any) and the item go once it waits, and
 * checks it returned want_ret only after the item had finished.  False
 * if it hung.
 */
static bool run_waiter(struct ktest *t, struct completion *gate,
		       bool want_ret)
{
	struct task_struct *k = kthread_run(held_waiter, NULL, "wqwaiter");
	bool done;

	if (k)
		KTEST_EXPECT_TRUE(t, waiter_blocked(k));
	if (gate)
		complete(gate);
	complete(&held.release);
	KTEST_ASSERT_NOT_NULL(t, k);
	done = wait_done(&held.done);
	KTEST_EXPECT_TRUE(t, done);
	if (!done)
		return false;
	KTEST_EXPECT_EQ(t, held.ret, want_ret);
	KTEST_EXPECT_TRUE(t, held.finished_at_return);
	KTEST_EXPECT_FALSE(t, work_pending(&held.dwork.work));
	return true;
}

void test_flush_work_waits(struct ktest *t)
{
	struct workqueue_struct *wq;

	held_init(OP_FLUSH);
	/* Never queued: nothing to wait for. */
	KTEST_EXPECT_FALSE(t, flush_work(&held.dwork.work));

	/* Queued behind a blocker: waits for it to run. */
	wq = blocked_wq();
	KTEST_ASSERT_NOT_NULL(t, wq);
	queue_work(wq, &held.dwork.work);
	if (!run_waiter(t, &blk_release, true))
		return;
	destroy_workqueue(wq);

	/* Running, not queued: still waits for the end. */
	held_init(OP_FLUSH);
	queue_work(system_unbound_wq, &held.dwork.work);
	KTEST_ASSERT_TRUE(t, wait_done(&held.started));
	if (!run_waiter(t, NULL, true))
		return;
	/* Done already. */
	KTEST_EXPECT_FALSE(t, flush_work(&held.dwork.work));
}

void test_flush_workqueue_waits_all(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_flush", 0, 0);
	int i, cpu;

	KTEST_ASSERT_NOT_NULL(t, wq);
	atomic_set(&maxact_done, 0);
	atomic_set(&wqt_inflight, 0);
	atomic_set(&wqt_max_inflight, 0);
	for (i = 0; i < NR_MAXACT; i++) {
		INIT_WORK(&maxact_works[i], maxact_fn);
		cpu = i % num_online_cpus();
		queue_work_on(cpu_online(cpu) ? cpu : WORK_CPU_UNBOUND, wq,
			      &maxact_works[i]);
	}
	flush_workqueue(wq);
	KTEST_EXPECT_EQ(t, atomic_read(&maxact_done), NR_MAXACT);
	/* Empty: returns at once, twice. */
	flush_workqueue(wq);
	flush_workqueue(wq);
	destroy_workqueue(wq);
}

void test_destroy_drains(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_drain", 0, 0);
	int i;

	KTEST_ASSERT_NOT_NULL(t, wq);
	atomic_set(&maxact_done, 0);
	for (i = 0; i < NR_MAXACT; i++) {
		INIT_WORK(&maxact_works[i], maxact_fn);
		queue_work(wq, &maxact_works[i]);
	}
	destroy_workqueue(wq);
	KTEST_EXPECT_EQ(t, atomic_read(&maxact_done), NR_MAXACT);
}

void test_cancel_queued(struct ktest *t)
{
	struct workqueue_struct *wq = blocked_wq();

	KTEST_ASSERT_NOT_NULL(t, wq);
	KTEST_EXPECT_TRUE(t, queue_work(wq, &cnt_work));
	KTEST_EXPECT_TRUE(t, cancel_work_sync(&cnt_work));
	KTEST_EXPECT_FALSE(t, work_pending(&cnt_work));
	KTEST_EXPECT_FALSE(t, cancel_work_sync(&cnt_work));
	/* Requeueable after a cancel. */
	KTEST_EXPECT_TRUE(t, queue_work(wq, &cnt_work));
	KTEST_EXPECT_TRUE(t, cancel_work(&cnt_work));
	unblock(wq);
	KTEST_EXPECT_EQ(t, atomic_read(&cnt_runs), 0);
}

void test_cancel_running_waits(struct ktest *t)
{
	held_init(OP_CANCEL);
	queue_work(system_wq, &held.dwork.work);
	KTEST_ASSERT_TRUE(t, wait_done(&held.started));
	/* Not pending any more, but running: waits for the end. */
	run_waiter(t, NULL, false);
}

/*
 * A barrier for a running item takes the running item's flush color,
 * as Linux's insert_wq_barrier() takes worker->current_color: so the
 * workqueue's own flush and destroy still add up after flush_work(),
 * cancel_work_sync() or cancel_delayed_work_sync() of a running item,
 * on every CPU's pwq and on an unbound one.
 */
static bool barrier_on_running(struct ktest *t, enum wait_op op,
			       unsigned int flags, int cpu)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_barrier",
						      flags, 0);

	KTEST_ASSERT_NOT_NULL(t, wq);
	held_init(op);
	held.destroy = wq;
	if (op == OP_CANCEL_DELAYED)
		queue_delayed_work_on(cpu, wq, &held.dwork, 1);
	else
		queue_work_on(cpu, wq, &held.dwork.work);
	KTEST_ASSERT_TRUE(t, wait_done(&held.started));
	if (run_waiter(t, NULL, op == OP_FLUSH))
		return true;
	ktest_log(t, "op %d on CPU %d (flags %#x): hung", op, cpu, flags);
	return false;
}

static void check_barrier_op(struct ktest *t, enum wait_op op)
{
	int cpu;

	for_each_online_cpu(cpu)
		if (!barrier_on_running(t, op, 0, cpu))
			return;
	barrier_on_running(t, op, WQ_UNBOUND, smp_processor_id());
}

void test_flush_work_running_then_destroy(struct ktest *t)
{
	check_barrier_op(t, OP_FLUSH);
}

void test_cancel_sync_running_then_destroy(struct ktest *t)
{
	check_barrier_op(t, OP_CANCEL);
}

void test_cancel_delayed_sync_running_then_destroy(struct ktest *t)
{
	check_barrier_op(t, OP_CANCEL_DELAYED);
}

static struct delayed_work dw;
static volatile unsigned long dw_ran_at;
static atomic_t dw_runs;
static DECLARE_COMPLETION(dw_done);

static void dw_fn(struct work_struct *work)
{
	dw_ran_at = jiffies;
	atomic_inc(&dw_runs);
	complete(&dw_done);
}

static void reset_dw(void)
{
	INIT_DELAYED_WORK(&dw, dw_fn);
	atomic_set(&dw_runs, 0);
	reinit_completion(&dw_done);
}

/*
 * A minute's delay: the timer cannot fire before the cancel however
 * slowly we get there, and a cancel that left it armed shows as a
 * pending timer or a pending item.
 */
void test_cancel_delayed_sync(struct ktest *t)
{
	reset_dw();
	KTEST_EXPECT_TRUE(t, queue_delayed_work(system_wq, &dw, 60 * HZ));
	KTEST_EXPECT_TRUE(t, delayed_work_pending(&dw));
	KTEST_EXPECT_TRUE(t, cancel_delayed_work_sync(&dw));
	KTEST_EXPECT_FALSE(t, delayed_work_pending(&dw));
	KTEST_EXPECT_FALSE(t, timer_pending(&dw.timer));
	KTEST_EXPECT_FALSE(t, flush_delayed_work(&dw));
	/* And the non-sync one, on a pending timer. */
	KTEST_EXPECT_TRUE(t, queue_delayed_work(system_wq, &dw, 60 * HZ));
	KTEST_EXPECT_TRUE(t, cancel_delayed_work(&dw));
	KTEST_EXPECT_FALSE(t, delayed_work_pending(&dw));
	KTEST_EXPECT_FALSE(t, timer_pending(&dw.timer));
	KTEST_EXPECT_FALSE(t, flush_delayed_work(&dw));
	KTEST_EXPECT_EQ(t, atomic_read(&dw_runs), 0);
}

/*
 * Queue and cancel racing from two CPUs: every successful queue ends
 * either in a run or in a successful cancel, never both nor neither.
 * Both outcomes are made certain, not left to the host's speed: in the
 * first round a blocker fills the pwq (max_active 1), so what the queuer
 * queues waits and only a cancel can end it; in the second the kworker
 * races the canceller, and a last queue is left to run.
 */
#define NR_RACE		1500

static struct work_struct race_work, race_blocker;
static atomic_t race_queued, race_runs, race_inside;
static bool race_overlap;
static volatile bool race_stop;
static DECLARE_COMPLETION(race_queuer_done);
static DECLARE_COMPLETION(race_blocker_started);
static DECLARE_COMPLETION(race_blocker_release);
static struct workqueue_struct *race_wq;

static void race_fn(struct work_struct *work)
{
	if (atomic_inc_return(&race_inside) > 1)
		race_overlap = true;
	atomic_inc(&race_runs);
	atomic_dec(&race_inside);
}

static void race_blocker_fn(struct work_struct *work)
{
	complete(&race_blocker_started);
	wait_done(&race_blocker_release);
}

static int race_queuer(void *arg)
{
	int i, cpu = smp_processor_id();

	for (i = 0; i < NR_RACE && !race_stop; i++) {
		if (queue_work_on(cpu, race_wq, &race_work))
			atomic_inc(&race_queued);
		/* Now and then the kworker may run it: both outcomes. */
		if (i % 32 == 0)
			msleep(1);
	}
	complete(&race_queuer_done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/* One round: the queuer on CPU b, cancels from here.  Cancels made. */
static int race_round(struct ktest *t, int b)
{
	int cancelled = 0, loops = 0, seen = 0;
	unsigned long progress_at = jiffies;
	struct task_struct *k;

	race_stop = false;
	reinit_completion(&race_queuer_done);
	k = kthread_create_on_cpu(race_queuer, NULL, b, "wqrace/%u");
	KTEST_EXPECT_NOT_NULL(t, k);
	if (!k)
		return 0;
	wake_up_process(k);
	/*
	 * Until the queuer is through all its rounds, however slowly a
	 * loaded host runs it; given up only if it makes no progress at all.
	 */
	while (!completion_done(&race_queuer_done)) {
		if (++loops % 2 ? cancel_work(&race_work) :
				  cancel_work_sync(&race_work))
			cancelled++;
		if (loops % 8 == 0)
			cond_resched();
		if (atomic_read(&race_queued) + cancelled != seen) {
			seen = atomic_read(&race_queued) + cancelled;
			progress_at = jiffies;
		} else if (time_after(jiffies, progress_at + WAIT_JIFFIES)) {
			race_stop = true;
			break;
		}
	}
	KTEST_EXPECT_TRUE(t, wait_done(&race_queuer_done));
	kthread_stop(k);
	return cancelled;
}

void test_queue_cancel_race(struct ktest *t)
{
	int a = pin_here(), b = cpumask_any_online_but(a);
	int cancelled, runs_blocked;

	if (b < 0) {
		unpin();
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	race_wq = alloc_workqueue("ktest_race", 0, 1);
	if (!race_wq)
		unpin();
	KTEST_ASSERT_NOT_NULL(t, race_wq);
	INIT_WORK(&race_work, race_fn);
	INIT_WORK(&race_blocker, race_blocker_fn);
	atomic_set(&race_queued, 0);
	atomic_set(&race_runs, 0);
	atomic_set(&race_inside, 0);
	race_overlap = false;
	reinit_completion(&race_blocker_started);
	reinit_completion(&race_blocker_release);

	/* Round 1: b's pwq full, so nothing queued there can run. */
	queue_work_on(b, race_wq, &race_blocker);
	KTEST_EXPECT_TRUE(t, wait_done(&race_blocker_started));
	cancelled = race_round(t, b);
	if (cancel_work_sync(&race_work))
		cancelled++;
	runs_blocked = atomic_read(&race_runs);
	complete(&race_blocker_release);
	flush_work(&race_blocker);

	/* Round 2: free to run; the last queue then runs for sure. */
	cancelled += race_round(t, b);
	if (queue_work_on(b, race_wq, &race_work))
		atomic_inc(&race_queued);
	flush_work(&race_work);
	destroy_workqueue(race_wq);
	unpin();

	ktest_log(t, "queued %d, ran %d, cancelled %d",
		  atomic_read(&race_queued), atomic_read(&race_runs),
		  cancelled);
	KTEST_EXPECT_EQ(t, runs_blocked, 0);
	KTEST_EXPECT_GT(t, atomic_read(&race_queued), 0);
	KTEST_EXPECT_GT(t, atomic_read(&race_runs), 0);
	KTEST_EXPECT_GT(t, cancelled, 0);
	KTEST_EXPECT_EQ(t, atomic_read(&race_queued),
			atomic_read(&race_runs) + cancelled);
	KTEST_EXPECT_FALSE(t, race_overlap);
}

/* Delayed work: not before its delay; mod_delayed_work moves it. */

void test_delayed_not_before_delay(struct ktest *t)
{
	unsigned long j0, delay = HZ / 50 + 1;

	reset_dw();
	j0 = jiffies;
	KTEST_EXPECT_TRUE(t, queue_delayed_work(system_wq, &dw, delay));
	KTEST_EXPECT_TRUE(t, wait_done(&dw_done));
	KTEST_EXPECT_GE(t, (long)(dw_ran_at - j0), (long)delay);
	/* 0 delay: queued at once. */
	reset_dw();
	KTEST_EXPECT_TRUE(t, queue_delayed_work(system_wq, &dw, 0));
	KTEST_EXPECT_TRUE(t, wait_done(&dw_done));
	flush_delayed_work(&dw);
}

void test_mod_delayed_work(struct ktest *t)
{
	unsigned long j0, delay = HZ / 50 + 1;
	bool was_pending;

	/* Earlier: from an hour to a few ticks. */
	reset_dw();
	/* Idle: false, and queued anyway. */
	KTEST_EXPECT_FALSE(t, mod_delayed_work(system_wq, &dw, 3600UL * HZ));
	KTEST_EXPECT_TRUE(t, delayed_work_pending(&dw));
	j0 = jiffies;
	KTEST_EXPECT_TRUE(t, mod_delayed_work(system_wq, &dw, delay));
	KTEST_EXPECT_TRUE(t, wait_done(&dw_done));
	KTEST_EXPECT_GE(t, (long)(dw_ran_at - j0), (long)delay);
	KTEST_EXPECT_EQ(t, atomic_read(&dw_runs), 1);

	/* Later: from delay to 5 * delay (unless it already fired). */
	reset_dw();
	KTEST_EXPECT_TRUE(t, queue_delayed_work(system_wq, &dw, delay));
	j0 = jiffies;
	was_pending = mod_delayed_work(system_wq, &dw, 5 * delay);
	KTEST_EXPECT_TRUE(t, wait_done(&dw_done));
	if (was_pending)
		KTEST_EXPECT_GE(t, (long)(dw_ran_at - j0), (long)(5 * delay));
	flush_delayed_work(&dw);
	KTEST_EXPECT_EQ(t, atomic_read(&dw_runs), was_pending ? 1 : 2);
	KTEST_EXPECT_FALSE(t, cancel_delayed_work_sync(&dw));
}
