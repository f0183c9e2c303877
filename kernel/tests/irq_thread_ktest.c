// SPDX-License-Identifier: GPL-2.0
/*
 * Threaded interrupts (request_threaded_irq), driven through the fake
 * chip of irq_test.h: a wake-up that arrives while the thread runs,
 * synchronize_irq()/disable_irq()/free_irq() against a running thread,
 * ONESHOT lines held by threads, irq_wake_thread().  thread_fn is held
 * on completions, so each case checks an order of events, not a speed:
 * where a case waits a while for something that must not happen, a fast
 * host or a slow one gets the same verdict from a correct kernel.
 */
#include <irqlab/ktest.h>
#include <irqlab/irq.h>
#include <irqlab/completion.h>
#include <irqlab/jiffies.h>
#include <irqlab/timer.h>
#include <irqlab/kthread.h>
#include <irqlab/timekeeping.h>
#include <asm/processor.h>
#include "irq_test.h"

/* Long enough for any loaded host; only a broken kernel waits it out. */
#define WAIT	(10 * HZ)

struct thread_dev {
	struct completion started;	/* the first thread_fn has begun */
	struct completion release;	/* lets the first thread_fn return */
	struct completion again;	/* a second thread_fn has run */
	atomic_t runs;
	bool finished;			/* a thread_fn has returned */
	struct timer_list release_timer;
};

static void thread_dev_init(struct thread_dev *dev)
{
	init_completion(&dev->started);
	init_completion(&dev->release);
	init_completion(&dev->again);
	atomic_set(&dev->runs, 0);
	dev->finished = false;
}

static irqreturn_t wake_handler(int irq, void *dev_id)
{
	return IRQ_WAKE_THREAD;
}

/* The first run waits for the test; later ones only say they ran. */
static irqreturn_t held_thread_fn(int irq, void *dev_id)
{
	struct thread_dev *dev = dev_id;

	if (atomic_inc_return(&dev->runs) == 1) {
		complete(&dev->started);
		wait_for_completion_timeout(&dev->release, WAIT);
	} else {
		complete(&dev->again);
	}
	WRITE_ONCE(dev->finished, true);
	return IRQ_HANDLED;
}

/*
 * Linux's irq_thread() clears IRQTF_RUNTHREAD before it calls thread_fn,
 * so an interrupt that asks for the thread while thread_fn runs makes it
 * run once more: the event is not lost.
 */
static void wake_while_running(struct ktest *t, irq_handler_t handler,
			       unsigned long flags)
{
	struct thread_dev dev;
	unsigned long again;
	int runs;

	thread_dev_init(&dev);
	irq_test_setup(handle_edge_irq, "edge");
	KTEST_ASSERT_EQ(t, request_threaded_irq(TEST_IRQ, handler,
						held_thread_fn, flags, "t",
						&dev), 0);
	irq_test_fire();
	if (!wait_for_completion_timeout(&dev.started, WAIT)) {
		ktest_log(t, "thread_fn did not start within 10 s");
		KTEST_EXPECT_TRUE(t, false);
		complete(&dev.release);
		free_irq(TEST_IRQ, &dev);
		return;
	}
	irq_test_fire();		/* while thread_fn runs */
	complete(&dev.release);
	again = wait_for_completion_timeout(&dev.again, WAIT);
	runs = atomic_read(&dev.runs);
	KTEST_EXPECT_NE(t, again, 0);
	KTEST_EXPECT_EQ(t, runs, 2);
	free_irq(TEST_IRQ, &dev);
}

static void test_wake_while_thread_runs(struct ktest *t)
{
	wake_while_running(t, wake_handler, 0);
}

/* ONESHOT on an edge line: the line is not masked, the edge comes. */
static void test_wake_while_oneshot_thread_runs(struct ktest *t)
{
	wake_while_running(t, NULL, IRQF_ONESHOT);
}

static void release_later(struct timer_list *timer)
{
	struct thread_dev *dev = from_timer(dev, timer, release_timer);

	complete(&dev->release);
}

/*
 * Linux's synchronize_irq() waits for the hard handlers and then, in
 * wait_event(), until no thread of the line is active (threads_active).
 * The thread is released from a timer while the caller waits; when the
 * wait returns, thread_fn must have returned.
 */
static void sync_waits_for_thread(struct ktest *t, void (*sync)(unsigned int))
{
	struct thread_dev dev;
	bool finished;

	thread_dev_init(&dev);
	timer_setup(&dev.release_timer, release_later, 0);
	irq_test_setup(handle_edge_irq, "edge");
	KTEST_ASSERT_EQ(t, request_threaded_irq(TEST_IRQ, wake_handler,
						held_thread_fn, 0, "t",
						&dev), 0);
	irq_test_fire();
	KTEST_EXPECT_NE(t, wait_for_completion_timeout(&dev.started, WAIT),
			0);
	mod_timer(&dev.release_timer, jiffies + HZ / 10);
	sync(TEST_IRQ);
	finished = READ_ONCE(dev.finished);
	KTEST_EXPECT_TRUE(t, finished);
	if (timer_delete_sync(&dev.release_timer))
		complete(&dev.release);	/* it returned too early */
	free_irq(TEST_IRQ, &dev);
}

static void test_synchronize_irq_waits_for_thread(struct ktest *t)
{
	sync_waits_for_thread(t, synchronize_irq);
}

static void disable_enable_irq(unsigned int irq)
{
	disable_irq(irq);
	enable_irq(irq);
}

static void test_disable_irq_waits_for_thread(struct ktest *t)
{
	sync_waits_for_thread(t, disable_enable_irq);
}

/* A plain device sharing the line: claims the interrupt when raised. */
struct shared_dev {
	bool raised;
	int calls;
};

static irqreturn_t shared_handler(int irq, void *dev_id)
{
	struct shared_dev *dev = dev_id;

	dev->calls++;
	if (!dev->raised)
		return IRQ_NONE;
	dev->raised = false;
	return IRQ_HANDLED;
}

/* A fasteoi (level) line shared by ONESHOT a, whose thread is held, and b. */
static bool setup_shared_oneshot(struct ktest *t, struct thread_dev *a,
				 struct shared_dev *b)
{
	thread_dev_init(a);
	timer_setup(&a->release_timer, release_later, 0);
	b->raised = false;
	b->calls = 0;
	irq_test_setup(handle_fasteoi_irq, "fasteoi");
	if (request_threaded_irq(TEST_IRQ, NULL, held_thread_fn,
				 IRQF_ONESHOT | IRQF_SHARED, "a", a)) {
		KTEST_EXPECT_TRUE(t, false);
		return false;
	}
	if (request_threaded_irq(TEST_IRQ, shared_handler, NULL,
				 IRQF_ONESHOT | IRQF_SHARED, "b", b)) {
		KTEST_EXPECT_TRUE(t, false);
		free_irq(TEST_IRQ, a);
		return false;
	}
	irq_test_fire();	/* a's device: a's thread holds the line */
	if (!wait_for_completion_timeout(&a->started, WAIT)) {
		ktest_log(t, "a's thread_fn did not start within 10 s");
		KTEST_EXPECT_TRUE(t, false);
		complete(&a->release);
		free_irq(TEST_IRQ, a);
		free_irq(TEST_IRQ, b);
		return false;
	}
	return true;
}

/*
 * free_irq() of a ONESHOT action whose thread holds a shared line: Linux
 * waits for the thread, whose irq_finalize_oneshot() drops its bit and
 * unmasks, so the handlers left on the line keep getting interrupts.
 */
static void test_free_oneshot_pending_shared(struct ktest *t)
{
	struct thread_dev a;
	struct shared_dev b;
	bool masked;

	if (!setup_shared_oneshot(t, &a, &b))
		return;
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);
	mod_timer(&a.release_timer, jiffies + HZ / 10);
	KTEST_EXPECT_STREQ(t, free_irq(TEST_IRQ, &a), "a");
	masked = irq_test_chip.masked;
	KTEST_EXPECT_FALSE(t, masked);
	b.raised = true;
	irq_test_fire();
	KTEST_EXPECT_FALSE(t, b.raised);	/* b was asked and claimed it */
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	if (timer_delete_sync(&a.release_timer))
		complete(&a.release);
	free_irq(TEST_IRQ, &b);
}

struct freer {
	struct thread_dev *dev;
	struct completion done;
};

static int freer_fn(void *data)
{
	struct freer *f = data;

	free_irq(TEST_IRQ, f->dev);
	complete(&f->done);
	return 0;
}

static bool action_listed(struct irq_desc *desc, void *dev_id)
{
	struct irqaction *action;
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&desc->lock, flags);
	for (action = desc->action; action; action = action->next)
		found |= action->dev_id == dev_id;
	spin_unlock_irqrestore(&desc->lock, flags);
	return found;
}

/*
 * While free_irq() waits for that thread, a's ONESHOT bit still holds
 * the line (Linux's __free_irq() leaves it to the thread): an interrupt
 * for b meanwhile must not unmask the line under a's running thread.
 */
static void test_free_oneshot_keeps_line_until_thread_ran(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct task_struct *task;
	unsigned long deadline;
	struct thread_dev a;
	struct shared_dev b;
	struct freer f;

	if (!setup_shared_oneshot(t, &a, &b))
		return;
	f.dev = &a;
	init_completion(&f.done);
	task = kthread_run(freer_fn, &f, "irq-freer");
	KTEST_ASSERT_NOT_NULL(t, task);
	/* free_irq() has taken a off the line and waits for its thread. */
	deadline = jiffies + WAIT;
	while (action_listed(desc, &a) && time_before(jiffies, deadline))
		msleep(1);
	KTEST_EXPECT_FALSE(t, action_listed(desc, &a));
	b.raised = true;
	irq_test_fire();
	KTEST_EXPECT_EQ(t, b.calls, 2);
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);
	complete(&a.release);
	KTEST_EXPECT_NE(t, wait_for_completion_timeout(&f.done, WAIT), 0);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	free_irq(TEST_IRQ, &b);
}

/*
 * Two CPUs, one line: the hard handlers run on this CPU while the thread
 * they woke runs on another.  A ONESHOT line must stay masked until the
 * hard handlers are done: Linux's irq_finalize_oneshot() waits, under
 * desc->lock, for IRQD_IRQ_INPROGRESS to clear before it drops the
 * thread's bit, and that wait is what serialises it with the bookkeeping
 * of __irq_wake_thread().  Unmasked earlier, the line could fire on a
 * third CPU, find the handlers in progress and be lost.
 */
static struct {
	bool thread_done;		/* a's thread_fn returned */
	bool unmasked_in_progress;	/* b saw the line open while it ran */
	bool timed_out;			/* b gave up waiting for the thread */
} race;

static irqreturn_t quick_thread_fn(int irq, void *dev_id)
{
	WRITE_ONCE(race.thread_done, true);
	return IRQ_HANDLED;
}

/* b, after a on the line: still in progress while a's thread runs. */
static irqreturn_t watching_handler(int irq, void *dev_id)
{
	u64 deadline = ktime_get_ns() + 10ULL * 1000 * 1000 * 1000;
	u64 watch;

	while (!READ_ONCE(race.thread_done)) {
		if (ktime_get_ns() > deadline) {
			race.timed_out = true;
			return IRQ_NONE;
		}
		cpu_relax();
	}
	/* The thread goes on to its ONESHOT bookkeeping: watch the line. */
	watch = ktime_get_ns() + 100 * 1000 * 1000;
	while (ktime_get_ns() < watch) {
		if (!READ_ONCE(irq_test_chip.masked)) {
			race.unmasked_in_progress = true;
			break;
		}
		cpu_relax();
	}
	return IRQ_NONE;
}

static void test_oneshot_unmask_waits_for_hardirq(struct ktest *t)
{
	unsigned long others, old_mask = current->cpus_mask;
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	int a, b;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	memset(&race, 0, sizeof(race));
	irq_test_setup(handle_fasteoi_irq, "fasteoi");
	KTEST_ASSERT_EQ(t, request_threaded_irq(TEST_IRQ, NULL,
						quick_thread_fn,
						IRQF_ONESHOT | IRQF_SHARED,
						"a", &a), 0);
	if (request_threaded_irq(TEST_IRQ, watching_handler, NULL,
				 IRQF_ONESHOT | IRQF_SHARED, "b", &b)) {
		KTEST_EXPECT_TRUE(t, false);
		free_irq(TEST_IRQ, &a);
		return;
	}
	/* The test on CPU 0, a's thread anywhere else. */
	others = cpu_online_mask & ~1UL;
	KTEST_EXPECT_EQ(t, set_cpus_allowed_ptr(current, 1UL), 0);
	KTEST_EXPECT_EQ(t, set_cpus_allowed_ptr(desc->action->thread, others),
			0);

	irq_test_fire();
	synchronize_irq(TEST_IRQ);
	set_cpus_allowed_ptr(current, old_mask);

	if (race.timed_out)
		ktest_log(t, "a's thread did not run within 10 s");
	KTEST_EXPECT_FALSE(t, race.timed_out);
	KTEST_EXPECT_FALSE(t, race.unmasked_in_progress);
	/* Once the handlers are done, the thread opens the line. */
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	KTEST_EXPECT_EQ(t, desc->threads_oneshot, 0);
	free_irq(TEST_IRQ, &b);
	free_irq(TEST_IRQ, &a);
}

static irqreturn_t none_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}

/* Linux's irq_wake_thread(irq, dev_id): that action's thread, no irq. */
static void test_irq_wake_thread(struct ktest *t)
{
	struct thread_dev dev;
	int other;

	thread_dev_init(&dev);
	irq_test_setup(handle_edge_irq, "edge");
	KTEST_ASSERT_EQ(t, request_threaded_irq(TEST_IRQ, none_handler,
						held_thread_fn, 0, "t",
						&dev), 0);
	irq_wake_thread(TEST_IRQ, &other);	/* nobody's: nothing runs */
	irq_wake_thread(NR_IRQS, &dev);
	synchronize_irq(TEST_IRQ);
	KTEST_EXPECT_EQ(t, atomic_read(&dev.runs), 0);
	complete(&dev.release);			/* the one run needs no hold */
	irq_wake_thread(TEST_IRQ, &dev);
	synchronize_irq(TEST_IRQ);
	KTEST_EXPECT_TRUE(t, completion_done(&dev.started));
	KTEST_EXPECT_TRUE(t, READ_ONCE(dev.finished));
	free_irq(TEST_IRQ, &dev);
}

static const struct ktest_case irq_thread_cases[] = {
	KTEST_CASE(test_wake_while_thread_runs),
	KTEST_CASE(test_wake_while_oneshot_thread_runs),
	KTEST_CASE(test_synchronize_irq_waits_for_thread),
	KTEST_CASE(test_disable_irq_waits_for_thread),
	KTEST_CASE(test_free_oneshot_pending_shared),
	KTEST_CASE(test_free_oneshot_keeps_line_until_thread_ran),
	KTEST_CASE(test_oneshot_unmask_waits_for_hardirq),
	KTEST_CASE(test_irq_wake_thread),
	{}
};
KTEST_SUITE(irq_thread, irq_thread_cases);
