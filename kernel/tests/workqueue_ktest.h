/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The workqueue ktest suite's shared helpers: the suite is one
 * (ktest=workqueue), its cases are in three files by concept:
 *   workqueue_ktest.c        pools: ordering, max_active, concurrency
 *                            management, non-reentrancy, kworkers
 *   workqueue_flush_ktest.c  flush, cancel, barriers, delayed work
 *   workqueue_bh_ktest.c     BH workqueues
 * Waits have timeouts, so a broken guarantee fails the case instead of
 * hanging it; work items are static so a failed case leaves nothing on
 * a stack.
 */
#ifndef _KTEST_WORKQUEUE_KTEST_H
#define _KTEST_WORKQUEUE_KTEST_H

#include <irqlab/ktest.h>
#include <irqlab/workqueue.h>
#include <irqlab/completion.h>
#include <irqlab/sched.h>
#include <irqlab/smp.h>

#define WAIT_JIFFIES	(5 * HZ)

/* Pins the test thread, so "this CPU" means something. */
static inline int pin_here(void)
{
	int cpu = smp_processor_id();

	set_cpus_allowed_ptr(current, 1UL << cpu);
	/* Moved between the two: the next switch takes us back. */
	while (smp_processor_id() != cpu)
		yield();
	return cpu;
}

static inline void unpin(void)
{
	set_cpus_allowed_ptr(current, ~0UL);
}

static inline void note_max(atomic_t *max, int n)
{
	int old = atomic_read(max);

	while (n > old) {
		int prev = atomic_cmpxchg(max, old, n);

		if (prev == old)
			break;
		old = prev;
	}
}

static inline bool wait_done(struct completion *c)
{
	return wait_for_completion_timeout(c, WAIT_JIFFIES) != 0;
}

/* Items that sleep 10 ms, counting how many are in at once. */
#define NR_MAXACT	8
extern struct work_struct maxact_works[NR_MAXACT];
extern atomic_t maxact_done;
extern atomic_t wqt_inflight, wqt_max_inflight;
void maxact_fn(struct work_struct *work);

/* workqueue_flush_ktest.c */
void test_queue_pending_returns_false(struct ktest *t);
void test_flush_work_waits(struct ktest *t);
void test_flush_workqueue_waits_all(struct ktest *t);
void test_destroy_drains(struct ktest *t);
void test_cancel_queued(struct ktest *t);
void test_cancel_running_waits(struct ktest *t);
void test_flush_work_running_then_destroy(struct ktest *t);
void test_cancel_sync_running_then_destroy(struct ktest *t);
void test_cancel_delayed_sync_running_then_destroy(struct ktest *t);
void test_cancel_delayed_sync(struct ktest *t);
void test_queue_cancel_race(struct ktest *t);
void test_delayed_not_before_delay(struct ktest *t);
void test_mod_delayed_work(struct ktest *t);

/* workqueue_bh_ktest.c */
void test_bh_runs_in_softirq(struct ktest *t);
void test_bh_flush_and_cancel(struct ktest *t);
void test_bh_remote_without_memory(struct ktest *t);
void test_bh_remote_kick_never_waits(struct ktest *t);

#endif /* _KTEST_WORKQUEUE_KTEST_H */
