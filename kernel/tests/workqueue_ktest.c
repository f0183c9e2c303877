// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues: each case breaks if its guarantee does.  Waits have
 * timeouts, so a broken guarantee fails the case instead of hanging it;
 * work items are static so a failed case leaves nothing on a stack.
 */
#include <irqlab/ktest.h>
#include <irqlab/workqueue.h>
#include <irqlab/completion.h>
#include <irqlab/kthread.h>
#include <irqlab/preempt.h>
#include <irqlab/bottom_half.h>
#include <irqlab/timer.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>
#include <irqlab/smp.h>
#include <irqlab/fault-inject.h>
#include <irqlab/timekeeping.h>

#define WAIT_JIFFIES	(5 * HZ)

/* Pins the test thread, so "this CPU" means something. */
static int pin_here(void)
{
	int cpu = smp_processor_id();

	set_cpus_allowed_ptr(current, 1UL << cpu);
	/* Moved between the two: the next switch takes us back. */
	while (smp_processor_id() != cpu)
		yield();
	return cpu;
}

static void unpin(void)
{
	set_cpus_allowed_ptr(current, ~0UL);
}

static void note_max(atomic_t *max, int n)
{
	int old = atomic_read(max);

	while (n > old) {
		int prev = atomic_cmpxchg(max, old, n);

		if (prev == old)
			break;
		old = prev;
	}
}

static bool wait_done(struct completion *c)
{
	return wait_for_completion_timeout(c, WAIT_JIFFIES) != 0;
}

/* Ordered workqueue: one at a time, in queueing order. */

#define NR_ORDERED	12

struct seq_item {
	struct work_struct work;
	int idx;
	int cpu;
};

static struct seq_item ordered_items[NR_ORDERED];
static int ordered_log[NR_ORDERED];
static atomic_t ordered_pos, inflight, max_inflight;
static struct workqueue_struct *test_wq;

static void ordered_fn(struct work_struct *work)
{
	struct seq_item *it = container_of(work, struct seq_item, work);
	int pos;

	note_max(&max_inflight, atomic_inc_return(&inflight));
	pos = atomic_fetch_add(1, &ordered_pos);
	if (pos < NR_ORDERED)
		ordered_log[pos] = it->idx;
	msleep(2);		/* room for another worker to overlap */
	atomic_dec(&inflight);
}

static void queue_ordered_remote(void *info)
{
	struct seq_item *it = info;

	queue_work(test_wq, &it->work);
}

static void test_ordered_runs_in_order(struct ktest *t)
{
	int i, cpu, ncpu = num_online_cpus();

	test_wq = alloc_ordered_workqueue("ktest_ordered", 0);
	KTEST_ASSERT_NOT_NULL(t, test_wq);
	atomic_set(&ordered_pos, 0);
	atomic_set(&inflight, 0);
	atomic_set(&max_inflight, 0);
	for (i = 0; i < NR_ORDERED; i++) {
		ordered_items[i].idx = i;
		ordered_log[i] = -1;
		INIT_WORK(&ordered_items[i].work, ordered_fn);
	}
	/* Item i is queued from CPU i % ncpu, one after the other. */
	for (i = 0; i < NR_ORDERED; i++) {
		int n = i % ncpu;

		for_each_online_cpu(cpu)
			if (!n--)
				break;
		smp_call_function_single(cpu, queue_ordered_remote,
					 &ordered_items[i], true);
	}
	flush_workqueue(test_wq);
	destroy_workqueue(test_wq);

	KTEST_EXPECT_EQ(t, atomic_read(&ordered_pos), NR_ORDERED);
	KTEST_EXPECT_EQ(t, atomic_read(&max_inflight), 1);
	for (i = 0; i < NR_ORDERED; i++)
		KTEST_EXPECT_EQ(t, ordered_log[i], i);
}

/* max_active: never more in flight, and reached. */

#define NR_MAXACT	8

static struct work_struct maxact_works[NR_MAXACT];
static atomic_t maxact_done;

static void maxact_fn(struct work_struct *work)
{
	note_max(&max_inflight, atomic_inc_return(&inflight));
	msleep(10);
	atomic_dec(&inflight);
	atomic_inc(&maxact_done);
}

/*
 * The first items wait for each other until the limit has been reached
 * once, however long a loaded host takes to start the second: reaching
 * it must not depend on a sleep being long enough.
 */
static void maxact_meet_fn(struct work_struct *work)
{
	unsigned long end = jiffies + WAIT_JIFFIES;

	note_max(&max_inflight, atomic_inc_return(&inflight));
	while (atomic_read(&max_inflight) < 2 && time_before(jiffies, end))
		msleep(1);
	/* Room for a third, were max_active not kept. */
	msleep(10);
	atomic_dec(&inflight);
	atomic_inc(&maxact_done);
}

static void check_max_active(struct ktest *t, unsigned int flags)
{
	struct workqueue_struct *wq;
	int i, cpu = pin_here();

	wq = alloc_workqueue("ktest_max2", flags, 2);
	KTEST_ASSERT_NOT_NULL(t, wq);
	atomic_set(&inflight, 0);
	atomic_set(&max_inflight, 0);
	atomic_set(&maxact_done, 0);
	/* One CPU: a per-CPU wq's limit is per CPU. */
	for (i = 0; i < NR_MAXACT; i++) {
		INIT_WORK(&maxact_works[i], maxact_meet_fn);
		queue_work_on(cpu, wq, &maxact_works[i]);
	}
	flush_workqueue(wq);
	destroy_workqueue(wq);
	unpin();
	KTEST_EXPECT_EQ(t, atomic_read(&maxact_done), NR_MAXACT);
	KTEST_EXPECT_EQ(t, atomic_read(&max_inflight), 2);
}

static void test_max_active_percpu(struct ktest *t)
{
	check_max_active(t, 0);
}

static void test_max_active_unbound(struct ktest *t)
{
	check_max_active(t, WQ_UNBOUND);
}

/* Concurrency management: a blocked item lets the next one run. */

static DECLARE_COMPLETION(cm_a_may_go);
static DECLARE_COMPLETION(cm_a_done);
static struct work_struct cm_a, cm_b;
static bool cm_a_woken;
static int cm_a_cpu, cm_b_cpu;

static void cm_a_fn(struct work_struct *work)
{
	cm_a_cpu = smp_processor_id();
	cm_a_woken = wait_done(&cm_a_may_go);
	complete(&cm_a_done);
}

static void cm_b_fn(struct work_struct *work)
{
	cm_b_cpu = smp_processor_id();
	complete(&cm_a_may_go);
}

static void test_concurrency_management(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_cm", 0, 0);
	int cpu = pin_here();

	KTEST_ASSERT_NOT_NULL(t, wq);
	reinit_completion(&cm_a_may_go);
	reinit_completion(&cm_a_done);
	cm_a_woken = false;
	INIT_WORK(&cm_a, cm_a_fn);
	INIT_WORK(&cm_b, cm_b_fn);
	queue_work_on(cpu, wq, &cm_a);
	queue_work_on(cpu, wq, &cm_b);
	KTEST_EXPECT_TRUE(t, wait_done(&cm_a_done));
	flush_workqueue(wq);
	destroy_workqueue(wq);
	unpin();
	/* B ran while A slept, on the same CPU's pool. */
	KTEST_EXPECT_TRUE(t, cm_a_woken);
	KTEST_EXPECT_EQ(t, cm_a_cpu, cpu);
	KTEST_EXPECT_EQ(t, cm_b_cpu, cpu);
}

/*
 * A busy-looping item holds the next back on a per-CPU pool (it never
 * blocks, so no second kworker is woken); on a WQ_CPU_INTENSIVE
 * workqueue it does not.
 */
static DECLARE_COMPLETION(spin_b_done);
static struct work_struct spin_a, spin_b;
static volatile bool spin_b_ran, spin_b_ran_during_a;
static bool spin_until_b;

static void spin_a_fn(struct work_struct *work)
{
	unsigned long end = jiffies + (spin_until_b ? WAIT_JIFFIES : HZ / 20);

	while (time_before(jiffies, end) && !spin_b_ran)
		cpu_relax();
	spin_b_ran_during_a = spin_b_ran;
}

static void spin_b_fn(struct work_struct *work)
{
	spin_b_ran = true;
	complete(&spin_b_done);
}

static void run_spin_pair(struct ktest *t, unsigned int flags)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_spin", flags, 0);
	int cpu = pin_here();

	KTEST_ASSERT_NOT_NULL(t, wq);
	reinit_completion(&spin_b_done);
	spin_b_ran = spin_b_ran_during_a = false;
	spin_until_b = flags & WQ_CPU_INTENSIVE;
	INIT_WORK(&spin_a, spin_a_fn);
	INIT_WORK(&spin_b, spin_b_fn);
	queue_work_on(cpu, wq, &spin_a);
	queue_work_on(cpu, wq, &spin_b);
	KTEST_EXPECT_TRUE(t, wait_done(&spin_b_done));
	flush_workqueue(wq);
	destroy_workqueue(wq);
	unpin();
}

static void test_cpu_bound_item_holds_back_next(struct ktest *t)
{
	run_spin_pair(t, 0);
	KTEST_EXPECT_FALSE(t, spin_b_ran_during_a);
}

static void test_cpu_intensive_does_not(struct ktest *t)
{
	run_spin_pair(t, WQ_CPU_INTENSIVE);
	KTEST_EXPECT_TRUE(t, spin_b_ran_during_a);
}

/* Non-reentrancy: queued elsewhere while running, it waits its turn. */

static DECLARE_COMPLETION(nr_started);
static DECLARE_COMPLETION(nr_release);
static struct work_struct nr_work;
static atomic_t nr_runs, nr_inside;
static bool nr_overlap;
static int nr_cpu[2];

static void nr_fn(struct work_struct *work)
{
	int run = atomic_inc_return(&nr_runs);

	if (atomic_inc_return(&nr_inside) > 1)
		nr_overlap = true;
	if (run <= 2)
		nr_cpu[run - 1] = smp_processor_id();
	if (run == 1) {
		complete(&nr_started);
		wait_done(&nr_release);
	}
	atomic_dec(&nr_inside);
}

static void test_non_reentrant(struct ktest *t)
{
	int a = smp_processor_id(), b = cpumask_any_online_but(a);

	if (b < 0) {
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	reinit_completion(&nr_started);
	reinit_completion(&nr_release);
	atomic_set(&nr_runs, 0);
	atomic_set(&nr_inside, 0);
	nr_overlap = false;
	INIT_WORK(&nr_work, nr_fn);
	queue_work_on(a, system_wq, &nr_work);
	KTEST_EXPECT_TRUE(t, wait_done(&nr_started));
	/* PENDING is clear: this queues, but must not run it yet. */
	KTEST_EXPECT_TRUE(t, queue_work_on(b, system_wq, &nr_work));
	msleep(30);
	KTEST_EXPECT_EQ(t, atomic_read(&nr_runs), 1);
	complete(&nr_release);
	flush_work(&nr_work);
	KTEST_EXPECT_EQ(t, atomic_read(&nr_runs), 2);
	KTEST_EXPECT_FALSE(t, nr_overlap);
	/* Linux queues it where it was running. */
	KTEST_EXPECT_EQ(t, nr_cpu[0], a);
	KTEST_EXPECT_EQ(t, nr_cpu[1], a);
}

/* PENDING is cleared before the function: it may queue itself. */

#define NR_REQUEUE	10

static DECLARE_COMPLETION(rq_done);
static struct work_struct rq_work;
static int rq_count, rq_failed_queues;
static bool rq_current_ok;

static void rq_fn(struct work_struct *work)
{
	if (current_work() != work)
		rq_current_ok = false;
	if (++rq_count <= NR_REQUEUE) {
		if (!queue_work(system_wq, work))
			rq_failed_queues++;
	} else {
		complete(&rq_done);
	}
}

static void test_pending_cleared_before_run(struct ktest *t)
{
	reinit_completion(&rq_done);
	rq_count = rq_failed_queues = 0;
	rq_current_ok = true;
	INIT_WORK(&rq_work, rq_fn);
	KTEST_EXPECT_FALSE(t, work_pending(&rq_work));
	KTEST_EXPECT_TRUE(t, queue_work(system_wq, &rq_work));
	KTEST_EXPECT_TRUE(t, wait_done(&rq_done));
	flush_work(&rq_work);
	KTEST_EXPECT_EQ(t, rq_count, NR_REQUEUE + 1);
	KTEST_EXPECT_EQ(t, rq_failed_queues, 0);
	KTEST_EXPECT_TRUE(t, rq_current_ok);
	KTEST_EXPECT_FALSE(t, work_pending(&rq_work));
	KTEST_EXPECT_NULL(t, current_work());
}

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

static void test_queue_pending_returns_false(struct ktest *t)
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

static void test_flush_work_waits(struct ktest *t)
{
	struct workqueue_struct *wq;

	held_init(OP_FLUSH);
	KTEST_EXPECT_FALSE(t, flush_work(&held.dwork.work));	/* never queued */

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
	KTEST_EXPECT_FALSE(t, flush_work(&held.dwork.work));	/* done already */
}

static void test_flush_workqueue_waits_all(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_flush", 0, 0);
	int i, cpu;

	KTEST_ASSERT_NOT_NULL(t, wq);
	atomic_set(&maxact_done, 0);
	atomic_set(&inflight, 0);
	atomic_set(&max_inflight, 0);
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

static void test_destroy_drains(struct ktest *t)
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

static void test_cancel_queued(struct ktest *t)
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

static void test_cancel_running_waits(struct ktest *t)
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

static void test_flush_work_running_then_destroy(struct ktest *t)
{
	check_barrier_op(t, OP_FLUSH);
}

static void test_cancel_sync_running_then_destroy(struct ktest *t)
{
	check_barrier_op(t, OP_CANCEL);
}

static void test_cancel_delayed_sync_running_then_destroy(struct ktest *t)
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
static void test_cancel_delayed_sync(struct ktest *t)
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
		/* Now and then let the kworker run it, so both outcomes occur. */
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

static void test_queue_cancel_race(struct ktest *t)
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

static void test_delayed_not_before_delay(struct ktest *t)
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

static void test_mod_delayed_work(struct ktest *t)
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

/* Which kworker: names and nice levels. */

static struct work_struct who_work;
static DECLARE_COMPLETION(who_done);
static int who_nice, who_cpu;
static char who_comm[TASK_COMM_LEN];
static unsigned long who_mask;

static void who_fn(struct work_struct *work)
{
	who_nice = task_nice(current);
	who_cpu = smp_processor_id();
	who_mask = current->cpus_mask;
	memcpy(who_comm, current->comm, sizeof(who_comm));
	complete(&who_done);
}

static bool who_runs(struct workqueue_struct *wq, int cpu)
{
	INIT_WORK(&who_work, who_fn);
	reinit_completion(&who_done);
	who_comm[0] = '\0';
	queue_work_on(cpu, wq, &who_work);
	return wait_done(&who_done);
}

static void test_kworker_names_and_nice(struct ktest *t)
{
	int cpu = smp_processor_id();
	char prefix[TASK_COMM_LEN];
	size_t len;

	snprintf(prefix, sizeof(prefix), "kworker/%d:", cpu);

	KTEST_ASSERT_TRUE(t, who_runs(system_wq, cpu));
	KTEST_EXPECT_EQ(t, who_nice, 0);
	KTEST_EXPECT_EQ(t, who_cpu, cpu);
	KTEST_EXPECT_EQ(t, strncmp(who_comm, prefix, strlen(prefix)), 0);
	len = strlen(who_comm);
	KTEST_EXPECT_NE(t, who_comm[len - 1], 'H');

	KTEST_ASSERT_TRUE(t, who_runs(system_highpri_wq, cpu));
	KTEST_EXPECT_EQ(t, who_nice, -20);
	KTEST_EXPECT_EQ(t, who_cpu, cpu);
	KTEST_EXPECT_EQ(t, strncmp(who_comm, prefix, strlen(prefix)), 0);
	len = strlen(who_comm);
	KTEST_EXPECT_EQ(t, who_comm[len - 1], 'H');

	KTEST_ASSERT_TRUE(t, who_runs(system_unbound_wq, cpu));
	KTEST_EXPECT_EQ(t, strncmp(who_comm, "kworker/u", 9), 0);
	KTEST_EXPECT_EQ(t, who_mask & cpu_online_mask, cpu_online_mask);
	KTEST_EXPECT_NULL(t, current_work());
}

/* Unbound: many sleeping items, on kworkers free to use any CPU. */

#define NR_UNBOUND	16

static struct work_struct ub_works[NR_UNBOUND];
static atomic_t ub_done, ub_bad_name;
static unsigned long ub_cpus;

/* Seen what the case wants: two items at once, on two CPUs if any. */
static bool ub_seen_enough(void)
{
	return atomic_read(&max_inflight) > 1 &&
	       (num_online_cpus() < 2 || hweight_long(READ_ONCE(ub_cpus)) > 1);
}

/*
 * Busy until the case has seen enough (or for WAIT_JIFFIES), rather
 * than for a fixed while: busy kworkers give the balancer a reason to
 * spread them, and however slowly the host starts the next kworker,
 * this one is still there to overlap with it.
 */
static void ub_fn(struct work_struct *work)
{
	unsigned long end = jiffies + WAIT_JIFFIES;

	note_max(&max_inflight, atomic_inc_return(&inflight));
	if (strncmp(current->comm, "kworker/u", 9) ||
	    (current->cpus_mask & cpu_online_mask) != cpu_online_mask)
		atomic_inc(&ub_bad_name);
	do {
		__atomic_fetch_or(&ub_cpus, 1UL << smp_processor_id(),
				  __ATOMIC_SEQ_CST);
		cpu_relax();
	} while (!ub_seen_enough() && time_before(jiffies, end));
	atomic_dec(&inflight);
	atomic_inc(&ub_done);
}

static void test_unbound_any_cpu(struct ktest *t)
{
	int i, cpu = pin_here();

	atomic_set(&ub_done, 0);
	atomic_set(&ub_bad_name, 0);
	atomic_set(&inflight, 0);
	atomic_set(&max_inflight, 0);
	ub_cpus = 0;
	for (i = 0; i < NR_UNBOUND; i++) {
		INIT_WORK(&ub_works[i], ub_fn);
		queue_work_on(cpu, system_unbound_wq, &ub_works[i]);
	}
	for (i = 0; i < NR_UNBOUND; i++)
		flush_work(&ub_works[i]);
	unpin();
	ktest_log(t, "queued from CPU %d, ran on CPUs %#lx, %d at once",
		  cpu, ub_cpus, atomic_read(&max_inflight));
	KTEST_EXPECT_EQ(t, atomic_read(&ub_done), NR_UNBOUND);
	KTEST_EXPECT_EQ(t, atomic_read(&ub_bad_name), 0);
	KTEST_EXPECT_EQ(t, ub_cpus & ~cpu_online_mask, 0);
	/* No concurrency management on unbound pools. */
	KTEST_EXPECT_GT(t, atomic_read(&max_inflight), 1);
	if (num_online_cpus() > 1)
		KTEST_EXPECT_GT(t, hweight_long(ub_cpus), 1);
}

/*
 * Idle kworkers beyond the few kept are reaped once idle long enough
 * (IDLE_WORKER_TIMEOUT, lowered here through wq_idle_worker_timeout):
 * an idle unbound pool keeps exactly 2 (Linux's too_many_workers()).
 */
static int count_unbound_kworkers(void)
{
	struct task_struct *p;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (!strncmp(p->comm, "kworker/u", 9) &&
		    !(p->flags & PF_EXITING))
			n++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

static DECLARE_COMPLETION(reap_go);
static atomic_t reap_started;

static void reap_fn(struct work_struct *work)
{
	atomic_inc(&reap_started);
	wait_done(&reap_go);
}

static void test_idle_workers_reaped(struct ktest *t)
{
	unsigned long end, saved = wq_idle_worker_timeout;
	int i, peak = 0, now = 0;

	wq_idle_worker_timeout = HZ / 20;
	reinit_completion(&reap_go);
	atomic_set(&reap_started, 0);
	for (i = 0; i < NR_MAXACT; i++) {
		INIT_WORK(&maxact_works[i], reap_fn);
		queue_work(system_unbound_wq, &maxact_works[i]);
	}
	/* All blocked at once: one kworker each, plus an idle one. */
	for (i = 0; i < 250 && atomic_read(&reap_started) < NR_MAXACT; i++)
		msleep(20);
	peak = count_unbound_kworkers();
	complete_all(&reap_go);
	for (i = 0; i < NR_MAXACT; i++)
		flush_work(&maxact_works[i]);
	KTEST_EXPECT_EQ(t, atomic_read(&reap_started), NR_MAXACT);
	end = jiffies + WAIT_JIFFIES;
	while ((now = count_unbound_kworkers()) > 2 &&
	       time_before(jiffies, end))
		msleep(20);
	/* A little longer: it must not go below 2 either. */
	msleep(3 * 1000 / 20);
	now = count_unbound_kworkers();
	wq_idle_worker_timeout = saved;
	ktest_log(t, "kworker/u: %d while busy, %d once idle", peak, now);
	KTEST_EXPECT_GT(t, peak, NR_MAXACT);
	KTEST_EXPECT_EQ(t, now, 2);
}

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

static void test_bh_runs_in_softirq(struct ktest *t)
{
	check_bh(t, system_bh_wq);
	check_bh(t, system_bh_highpri_wq);
}

static void test_bh_flush_and_cancel(struct ktest *t)
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

static void test_bh_remote_without_memory(struct ktest *t)
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

static void test_bh_remote_kick_never_waits(struct ktest *t)
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

static const struct ktest_case workqueue_cases[] = {
	KTEST_CASE(test_ordered_runs_in_order),
	KTEST_CASE(test_max_active_percpu),
	KTEST_CASE(test_max_active_unbound),
	KTEST_CASE(test_concurrency_management),
	KTEST_CASE(test_cpu_bound_item_holds_back_next),
	KTEST_CASE(test_cpu_intensive_does_not),
	KTEST_CASE(test_non_reentrant),
	KTEST_CASE(test_pending_cleared_before_run),
	KTEST_CASE(test_queue_pending_returns_false),
	KTEST_CASE(test_flush_work_waits),
	KTEST_CASE(test_flush_workqueue_waits_all),
	KTEST_CASE(test_destroy_drains),
	KTEST_CASE(test_cancel_queued),
	KTEST_CASE(test_cancel_running_waits),
	KTEST_CASE(test_cancel_delayed_sync),
	KTEST_CASE(test_flush_work_running_then_destroy),
	KTEST_CASE(test_cancel_sync_running_then_destroy),
	KTEST_CASE(test_cancel_delayed_sync_running_then_destroy),
	KTEST_CASE(test_queue_cancel_race),
	KTEST_CASE(test_delayed_not_before_delay),
	KTEST_CASE(test_mod_delayed_work),
	KTEST_CASE(test_kworker_names_and_nice),
	KTEST_CASE(test_unbound_any_cpu),
	KTEST_CASE(test_idle_workers_reaped),
	KTEST_CASE(test_bh_runs_in_softirq),
	KTEST_CASE(test_bh_flush_and_cancel),
	KTEST_CASE(test_bh_remote_without_memory),
	KTEST_CASE(test_bh_remote_kick_never_waits),
	{}
};
KTEST_SUITE(workqueue, workqueue_cases);
