// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping primitives: mutex, spinlock and semaphore stress across CPUs
 * keep a shared counter exact; a completion lets through exactly the
 * waiters it should; sleeping in atomic context is reported.
 */
#include <irqlab/ktest.h>
#include <irqlab/kthread.h>
#include <irqlab/mutex.h>
#include <irqlab/semaphore.h>
#include <irqlab/completion.h>
#include <irqlab/timer.h>
#include <asm/processor.h>

#define NTHREADS	4
/* Enough for lost updates to show; TCG makes contended spinning slow. */
#define NLOOPS		5000

enum lock_kind { USE_MUTEX, USE_SPINLOCK, USE_SEMAPHORE };

static struct {
	enum lock_kind kind;
	struct mutex mutex;
	spinlock_t spin;
	struct semaphore sem;
	unsigned long counter;
	struct completion done;
} st;

static void bump(void)
{
	/* Read, pause, write: without the lock, updates would be lost. */
	unsigned long v = READ_ONCE(st.counter);

	cpu_relax();
	WRITE_ONCE(st.counter, v + 1);
}

static int stress_fn(void *data)
{
	int i;

	for (i = 0; i < NLOOPS; i++) {
		switch (st.kind) {
		case USE_MUTEX:
			mutex_lock(&st.mutex);
			bump();
			mutex_unlock(&st.mutex);
			break;
		case USE_SPINLOCK:
			spin_lock(&st.spin);
			bump();
			spin_unlock(&st.spin);
			break;
		case USE_SEMAPHORE:
			down(&st.sem);
			bump();
			up(&st.sem);
			break;
		}
	}
	complete(&st.done);
	return 0;
}

static void run_stress(struct ktest *t, enum lock_kind kind)
{
	int i, finished = 0;

	st.kind = kind;
	st.counter = 0;
	mutex_init(&st.mutex);
	spin_lock_init(&st.spin);
	sema_init(&st.sem, 1);
	init_completion(&st.done);
	for (i = 0; i < NTHREADS; i++)
		KTEST_ASSERT_NOT_NULL(t, kthread_run(stress_fn, NULL,
						     "stress/%d", i));
	/*
	 * However long a loaded host takes (contended spinning under TCG
	 * is slow): only a stall, the counter not moving for 10 s, fails.
	 */
	while (finished < NTHREADS) {
		unsigned long before = READ_ONCE(st.counter);

		if (wait_for_completion_timeout(&st.done, 10 * HZ))
			finished++;
		else if (READ_ONCE(st.counter) == before)
			break;
	}
	KTEST_ASSERT_EQ(t, finished, NTHREADS);
	KTEST_EXPECT_EQ(t, st.counter, NTHREADS * NLOOPS);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&st.mutex));
}

static void test_mutex_stress(struct ktest *t)
{
	run_stress(t, USE_MUTEX);
}

static void test_spinlock_stress(struct ktest *t)
{
	run_stress(t, USE_SPINLOCK);
}

static void test_semaphore_stress(struct ktest *t)
{
	run_stress(t, USE_SEMAPHORE);
}

static void test_mutex_basics(struct ktest *t)
{
	DEFINE_MUTEX(m);

	KTEST_EXPECT_EQ(t, mutex_trylock(&m), 1);
	KTEST_EXPECT_TRUE(t, mutex_owner(&m) == current);
	KTEST_EXPECT_EQ(t, mutex_trylock(&m), 0);
	mutex_unlock(&m);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&m));
	mutex_lock(&m);
	KTEST_EXPECT_TRUE(t, mutex_is_locked(&m));
	mutex_unlock(&m);
}

static struct {
	struct completion c;
	int passed;
} cw;

static int completion_waiter(void *data)
{
	wait_for_completion(&cw.c);
	__atomic_add_fetch(&cw.passed, 1, __ATOMIC_SEQ_CST);
	return 0;
}

/* Asleep: blocked in the completion, off every run queue. */
static bool waiter_asleep(struct task_struct *p)
{
	return READ_ONCE(p->__state) == TASK_UNINTERRUPTIBLE &&
	       !READ_ONCE(p->on_rq);
}

static int nr_asleep(struct task_struct **w, int n)
{
	int i, asleep = 0;

	for (i = 0; i < n; i++)
		asleep += waiter_asleep(w[i]);
	return asleep;
}

/* Waits, bounded generously, until cw.passed is n; true if it got there. */
static bool wait_passed(int n)
{
	int i;

	for (i = 0; i < 3000 && READ_ONCE(cw.passed) < n; i++)
		msleep(10);
	return READ_ONCE(cw.passed) == n;
}

/*
 * complete() lets exactly one waiter through, complete_all() the rest.
 * Each step waits for what the scheduler must do, not for a time: the
 * ones not let through are still asleep, off the run queues, when the one
 * let through has passed.
 */
static void test_completion_wakes_right_ones(struct ktest *t)
{
	struct task_struct *w[3];
	int i;

	init_completion(&cw.c);
	cw.passed = 0;
	/* Nothing completed: the timeout runs out, 0. */
	KTEST_EXPECT_EQ(t, wait_for_completion_timeout(&cw.c, 5), 0);
	for (i = 0; i < 3; i++) {
		w[i] = kthread_run(completion_waiter, NULL, "waiter/%d", i);
		KTEST_ASSERT_NOT_NULL(t, w[i]);
		get_task_struct(w[i]);	/* they exit by themselves */
	}
	for (i = 0; i < 3000 && nr_asleep(w, 3) < 3; i++)
		msleep(10);
	KTEST_EXPECT_EQ(t, nr_asleep(w, 3), 3);
	KTEST_EXPECT_EQ(t, READ_ONCE(cw.passed), 0);
	complete(&cw.c);
	KTEST_EXPECT_TRUE(t, wait_passed(1));
	KTEST_EXPECT_EQ(t, nr_asleep(w, 3), 2);
	complete(&cw.c);
	KTEST_EXPECT_TRUE(t, wait_passed(2));
	KTEST_EXPECT_EQ(t, nr_asleep(w, 3), 1);
	complete_all(&cw.c);
	KTEST_EXPECT_TRUE(t, wait_passed(3));
	/* complete_all() lets later waiters straight through. */
	KTEST_EXPECT_GT(t, wait_for_completion_timeout(&cw.c, 5), 0);
	KTEST_EXPECT_TRUE(t, completion_done(&cw.c));
	for (i = 0; i < 3; i++)
		put_task_struct(w[i]);
}

static void test_sleep_in_atomic_reported(struct ktest *t)
{
	unsigned long before = sleep_in_atomic_reports;
	unsigned long count = preempt_count();

	preempt_disable();
	msleep(1);
	preempt_enable();
	KTEST_EXPECT_GT(t, sleep_in_atomic_reports, before);
	/* The kernel went on, with the caller's count intact. */
	KTEST_EXPECT_EQ(t, preempt_count(), count);

	before = sleep_in_atomic_reports;
	msleep(1);
	KTEST_EXPECT_EQ(t, sleep_in_atomic_reports, before);
}

static const struct ktest_case sched_lock_cases[] = {
	KTEST_CASE(test_mutex_basics),
	KTEST_CASE(test_mutex_stress),
	KTEST_CASE(test_spinlock_stress),
	KTEST_CASE(test_semaphore_stress),
	KTEST_CASE(test_completion_wakes_right_ones),
	KTEST_CASE(test_sleep_in_atomic_reported),
	{}
};
KTEST_SUITE(sched_lock, sched_lock_cases);
