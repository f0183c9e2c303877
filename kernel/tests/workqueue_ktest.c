// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues, the pools: ordering, max_active, concurrency management,
 * non-reentrancy, kworkers; and the suite's list of cases.  Each case
 * breaks if its guarantee does (workqueue_ktest.h).
 */
#include "workqueue_ktest.h"
#include <irqlab/kthread.h>
#include <irqlab/timer.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>

/* Ordered workqueue: one at a time, in queueing order. */

#define NR_ORDERED	12

struct seq_item {
	struct work_struct work;
	int idx;
	int cpu;
};

static struct seq_item ordered_items[NR_ORDERED];
static int ordered_log[NR_ORDERED];
static atomic_t ordered_pos;
atomic_t wqt_inflight, wqt_max_inflight;
static struct workqueue_struct *test_wq;

static void ordered_fn(struct work_struct *work)
{
	struct seq_item *it = container_of(work, struct seq_item, work);
	int pos;

	note_max(&wqt_max_inflight, atomic_inc_return(&wqt_inflight));
	pos = atomic_fetch_add(1, &ordered_pos);
	if (pos < NR_ORDERED)
		ordered_log[pos] = it->idx;
	msleep(2);		/* room for another worker to overlap */
	atomic_dec(&wqt_inflight);
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
	atomic_set(&wqt_inflight, 0);
	atomic_set(&wqt_max_inflight, 0);
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
	KTEST_EXPECT_EQ(t, atomic_read(&wqt_max_inflight), 1);
	for (i = 0; i < NR_ORDERED; i++)
		KTEST_EXPECT_EQ(t, ordered_log[i], i);
}

/* max_active: never more in flight, and reached. */

struct work_struct maxact_works[NR_MAXACT];
atomic_t maxact_done;

void maxact_fn(struct work_struct *work)
{
	note_max(&wqt_max_inflight, atomic_inc_return(&wqt_inflight));
	msleep(10);
	atomic_dec(&wqt_inflight);
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

	note_max(&wqt_max_inflight, atomic_inc_return(&wqt_inflight));
	while (atomic_read(&wqt_max_inflight) < 2 && time_before(jiffies, end))
		msleep(1);
	/* Room for a third, were max_active not kept. */
	msleep(10);
	atomic_dec(&wqt_inflight);
	atomic_inc(&maxact_done);
}

static void check_max_active(struct ktest *t, unsigned int flags)
{
	struct workqueue_struct *wq;
	int i, cpu = pin_here();

	wq = alloc_workqueue("ktest_max2", flags, 2);
	KTEST_ASSERT_NOT_NULL(t, wq);
	atomic_set(&wqt_inflight, 0);
	atomic_set(&wqt_max_inflight, 0);
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
	KTEST_EXPECT_EQ(t, atomic_read(&wqt_max_inflight), 2);
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
	return atomic_read(&wqt_max_inflight) > 1 &&
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

	note_max(&wqt_max_inflight, atomic_inc_return(&wqt_inflight));
	if (strncmp(current->comm, "kworker/u", 9) ||
	    (current->cpus_mask & cpu_online_mask) != cpu_online_mask)
		atomic_inc(&ub_bad_name);
	do {
		__atomic_fetch_or(&ub_cpus, 1UL << smp_processor_id(),
				  __ATOMIC_SEQ_CST);
		cpu_relax();
	} while (!ub_seen_enough() && time_before(jiffies, end));
	atomic_dec(&wqt_inflight);
	atomic_inc(&ub_done);
}

static void test_unbound_any_cpu(struct ktest *t)
{
	int i, cpu = pin_here();

	atomic_set(&ub_done, 0);
	atomic_set(&ub_bad_name, 0);
	atomic_set(&wqt_inflight, 0);
	atomic_set(&wqt_max_inflight, 0);
	ub_cpus = 0;
	for (i = 0; i < NR_UNBOUND; i++) {
		INIT_WORK(&ub_works[i], ub_fn);
		queue_work_on(cpu, system_unbound_wq, &ub_works[i]);
	}
	for (i = 0; i < NR_UNBOUND; i++)
		flush_work(&ub_works[i]);
	unpin();
	ktest_log(t, "queued from CPU %d, ran on CPUs %#lx, %d at once",
		  cpu, ub_cpus, atomic_read(&wqt_max_inflight));
	KTEST_EXPECT_EQ(t, atomic_read(&ub_done), NR_UNBOUND);
	KTEST_EXPECT_EQ(t, atomic_read(&ub_bad_name), 0);
	KTEST_EXPECT_EQ(t, ub_cpus & ~cpu_online_mask, 0);
	/* No concurrency management on unbound pools. */
	KTEST_EXPECT_GT(t, atomic_read(&wqt_max_inflight), 1);
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
