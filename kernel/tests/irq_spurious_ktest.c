// SPDX-License-Identifier: GPL-2.0
/*
 * The unhandled-interrupt rule of Linux's kernel/irq/spurious.c, driven
 * through the fake chip of irq_test.h: what note_interrupt() counts, when
 * it disables a line, what it reports, how a thread's verdict is
 * deferred, and what brings a disabled line back (a new handler, the
 * poller).
 */
#include <irqlab/ktest.h>
#include <irqlab/irq.h>
#include <irqlab/jiffies.h>
#include <irqlab/printk.h>
#include <irqlab/string.h>
#include <irqlab/timer.h>
#include "irq_test.h"

struct spurious_dev {
	bool raised;		/* the device has something to report */
	int calls;
	irqreturn_t thread_ret;	/* what thread_fn says */
};

static irqreturn_t dev_handler(int irq, void *dev_id)
{
	struct spurious_dev *dev = dev_id;

	dev->calls++;
	if (!dev->raised)
		return IRQ_NONE;
	dev->raised = false;
	return IRQ_HANDLED;
}

/*
 * The rule forgets unhandled interrupts more than HZ/10 apart.  A storm
 * here must not depend on the host keeping up, so each interrupt is
 * fired as if the last unhandled one had just been seen (decay has a
 * case of its own).
 */
static void fire_fresh(void)
{
	irq_to_desc(TEST_IRQ)->last_unhandled = jiffies + 3600 * HZ;
	irq_test_fire();
}

/* n interrupts, of which the device claims those at i >= unhandled. */
static void storm(struct spurious_dev *dev, int n, int unhandled)
{
	int i;

	for (i = 0; i < n; i++) {
		dev->raised = i >= unhandled;
		fire_fresh();
	}
}

static void handled(struct spurious_dev *dev, int n)
{
	storm(dev, n, 0);
}

static int request_dev(struct spurious_dev *dev, unsigned long flags,
		       const char *name)
{
	memset(dev, 0, sizeof(*dev));
	return request_irq(TEST_IRQ, dev_handler, flags, name, dev);
}

/*
 * Linux counts a line's interrupts (irq_count) only once one of them
 * went unhandled: the 100,000 window starts at the first unhandled one.
 */
static void test_count_starts_at_unhandled(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct spurious_dev dev;

	irq_test_setup(handle_edge_irq, "edge");
	KTEST_ASSERT_EQ(t, request_dev(&dev, 0, "t"), 0);
	handled(&dev, 200);
	KTEST_EXPECT_EQ(t, desc->irq_count, 0);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 0);
	storm(&dev, 1, 1);
	KTEST_EXPECT_EQ(t, desc->irq_count, 1);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 1);
	handled(&dev, 10);		/* now every interrupt counts */
	KTEST_EXPECT_EQ(t, desc->irq_count, 11);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 1);
	free_irq(TEST_IRQ, &dev);
}

/*
 * Of 100,000 interrupts from the first unhandled one, more than 99,900
 * unhandled disables the line ("nobody cared"); 99,900 is tolerated.
 */
static void test_nobody_cared(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct spurious_dev dev;

	irq_test_setup(handle_edge_irq, "edge");
	KTEST_ASSERT_EQ(t, request_dev(&dev, 0, "t"), 0);
	handled(&dev, 200);
	storm(&dev, 100000, 99900);
	KTEST_EXPECT_FALSE(t, desc->istate & IRQS_SPURIOUS_DISABLED);
	KTEST_EXPECT_EQ(t, desc->depth, 0);
	/* The window is over: both counts start again. */
	KTEST_EXPECT_EQ(t, desc->irq_count, 0);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 0);
	free_irq(TEST_IRQ, &dev);

	irq_test_setup(handle_edge_irq, "edge");
	KTEST_ASSERT_EQ(t, request_dev(&dev, 0, "t"), 0);
	handled(&dev, 200);
	storm(&dev, 100000, 99901);
	KTEST_EXPECT_TRUE(t, desc->istate & IRQS_SPURIOUS_DISABLED);
	KTEST_EXPECT_EQ(t, desc->depth, 1);
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);
	free_irq(TEST_IRQ, &dev);
}

/* An unhandled interrupt long after the last one restarts the count. */
static void test_unhandled_decay(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct spurious_dev dev;

	irq_test_setup(handle_edge_irq, "edge");
	KTEST_ASSERT_EQ(t, request_dev(&dev, 0, "t"), 0);
	storm(&dev, 50, 50);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 50);
	desc->last_unhandled = jiffies - HZ;	/* as if a second ago */
	irq_test_fire();
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 1);
	free_irq(TEST_IRQ, &dev);
}

/* How often needle is in the log, which may be longer than any buffer. */
static struct {
	const char *needle;
	size_t matched;		/* of needle, at the end of what was seen */
	int count;
} log_scan;

static void scan_piece(const char *s, size_t len)
{
	size_t n = strlen(log_scan.needle), i;

	for (i = 0; i < len; i++) {
		/* Needles here do not overlap themselves: no KMP needed. */
		if (s[i] == log_scan.needle[log_scan.matched]) {
			if (++log_scan.matched == n) {
				log_scan.count++;
				log_scan.matched = 0;
			}
		} else {
			log_scan.matched = s[i] == log_scan.needle[0];
		}
	}
}

static int log_count(const char *needle)
{
	log_scan.needle = needle;
	log_scan.matched = 0;
	log_scan.count = 0;
	log_buf_dump(scan_piece);
	return log_scan.count;
}

static irqreturn_t bogus_handler(int irq, void *dev_id)
{
	return (irqreturn_t)0x10;
}

/*
 * Linux's note_interrupt() reports a return value that is none of
 * IRQ_NONE, IRQ_HANDLED, IRQ_WAKE_THREAD ("irq event N: bogus return
 * value X", with the handlers by name) and counts nothing for it.
 */
static void test_bogus_return_reported(struct ktest *t)
{
	static const char msg[] = "irq event 63: bogus return value 10\n";
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	int before, names;
	int dev;

	irq_test_setup(handle_edge_irq, "edge");
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, bogus_handler, 0, "t", &dev),
			0);
	before = log_count(msg);
	names = log_count("] bogus_handler\n");
	irq_test_fire();
	KTEST_EXPECT_EQ(t, log_count(msg), before + 1);
	KTEST_EXPECT_EQ(t, log_count("] bogus_handler\n"), names + 1);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 0);
	KTEST_EXPECT_EQ(t, desc->irq_count, 0);
	free_irq(TEST_IRQ, &dev);
}

static irqreturn_t wake_handler(int irq, void *dev_id)
{
	return IRQ_WAKE_THREAD;
}

static irqreturn_t verdict_thread_fn(int irq, void *dev_id)
{
	struct spurious_dev *dev = dev_id;

	return dev->thread_ret;
}

/* One interrupt whose handler woke the thread, and the thread's run. */
static void fire_threaded(void)
{
	fire_fresh();
	synchronize_irq(TEST_IRQ);
}

/*
 * A woken thread's verdict is not known in the hard handler: Linux
 * defers it to the next interrupt (SPURIOUS_DEFERRED), which counts as
 * handled if a thread returned IRQ_HANDLED since (threads_handled), else
 * as unhandled.  Waking a thread is not in itself "handled".
 */
static void test_thread_verdict_deferred(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct spurious_dev dev, other;

	irq_test_setup(handle_edge_irq, "edge");
	memset(&dev, 0, sizeof(dev));
	dev.thread_ret = IRQ_NONE;
	KTEST_ASSERT_EQ(t, request_threaded_irq(TEST_IRQ, wake_handler,
						verdict_thread_fn, IRQF_SHARED,
						"t", &dev), 0);
	fire_threaded();	/* its verdict waits for the next one */
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 0);
	fire_threaded();	/* the first one's thread said IRQ_NONE */
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 1);
	fire_threaded();
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 2);

	dev.thread_ret = IRQ_HANDLED;
	fire_threaded();	/* the previous thread still said IRQ_NONE */
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 3);
	fire_threaded();	/* that one's said IRQ_HANDLED */
	fire_threaded();
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 3);

	/*
	 * A primary handler that claims it decides, thread or not, and the
	 * deferral starts over.  (A new handler zeroes the counts.)
	 */
	dev.thread_ret = IRQ_NONE;
	KTEST_ASSERT_EQ(t, request_dev(&other, IRQF_SHARED, "o"), 0);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 0);
	other.raised = true;
	fire_threaded();
	other.raised = true;
	fire_threaded();
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 0);
	free_irq(TEST_IRQ, &other);
	/*
	 * Deferred afresh: no verdict, then one on a count last seen before
	 * the claims (still moved by the thread's IRQ_HANDLED of back then:
	 * Linux accepts that one interrupt of delay), then IRQ_NONE.
	 */
	fire_threaded();
	fire_threaded();
	fire_threaded();
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 1);
	free_irq(TEST_IRQ, &dev);
}

/* Two devices on one line, neither claiming: the rule disables it. */
static bool disable_shared_line(struct ktest *t, struct spurious_dev *a,
				struct spurious_dev *b)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);

	irq_test_setup(handle_edge_irq, "edge");
	if (request_dev(a, IRQF_SHARED, "a"))
		return false;
	if (request_dev(b, IRQF_SHARED, "b")) {
		free_irq(TEST_IRQ, a);
		return false;
	}
	storm(a, 100000, 100000);
	if (!(desc->istate & IRQS_SPURIOUS_DISABLED)) {
		ktest_log(t, "100,000 unhandled did not disable the line");
		free_irq(TEST_IRQ, b);
		free_irq(TEST_IRQ, a);
		return false;
	}
	return true;
}

/*
 * Linux's __setup_irq() gives a line the rule disabled another chance
 * when a handler is added to it: IRQS_SPURIOUS_DISABLED goes, the line
 * is enabled again, and the counts start from zero.
 */
static void test_new_handler_reenables(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct spurious_dev a, b, c;

	KTEST_ASSERT_TRUE(t, disable_shared_line(t, &a, &b));
	KTEST_EXPECT_EQ(t, desc->depth, 1);
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);
	desc->irqs_unhandled = 7;
	desc->irq_count = 9;
	KTEST_ASSERT_EQ(t, request_dev(&c, IRQF_SHARED, "c"), 0);
	KTEST_EXPECT_FALSE(t, desc->istate & IRQS_SPURIOUS_DISABLED);
	KTEST_EXPECT_EQ(t, desc->depth, 0);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 0);
	KTEST_EXPECT_EQ(t, desc->irq_count, 0);
	c.raised = true;
	irq_test_fire();
	KTEST_EXPECT_FALSE(t, c.raised);	/* c got it */
	free_irq(TEST_IRQ, &c);
	free_irq(TEST_IRQ, &b);
	free_irq(TEST_IRQ, &a);
}

/*
 * Once the rule has disabled a line, Linux polls it (poll_spurious_irqs,
 * every POLL_SPURIOUS_IRQ_INTERVAL = HZ/10): a shared line's handlers are
 * called from a timer, so a device on it is still served.
 */
static void test_disabled_line_polled(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct spurious_dev a, b;
	unsigned long deadline;
	int calls, polled_calls;
	bool served;

	KTEST_ASSERT_TRUE(t, disable_shared_line(t, &a, &b));
	calls = READ_ONCE(b.calls);
	WRITE_ONCE(b.raised, true);
	/* The line is masked: only the poller can call b now. */
	deadline = jiffies + 10 * HZ;
	while (READ_ONCE(b.raised) && time_before(jiffies, deadline))
		msleep(10);
	served = !READ_ONCE(b.raised);
	polled_calls = READ_ONCE(b.calls);
	if (!served)
		ktest_log(t, "no poll of the disabled line within 10 s");
	KTEST_EXPECT_TRUE(t, served);
	KTEST_EXPECT_GT(t, polled_calls, calls);
	/* Polled, not re-enabled, and not counted by the rule. */
	KTEST_EXPECT_TRUE(t, desc->istate & IRQS_SPURIOUS_DISABLED);
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 0);
	free_irq(TEST_IRQ, &b);
	free_irq(TEST_IRQ, &a);
}

static const struct ktest_case irq_spurious_cases[] = {
	KTEST_CASE(test_count_starts_at_unhandled),
	KTEST_CASE(test_nobody_cared),
	KTEST_CASE(test_unhandled_decay),
	KTEST_CASE(test_bogus_return_reported),
	KTEST_CASE(test_thread_verdict_deferred),
	KTEST_CASE(test_new_handler_reenables),
	KTEST_CASE(test_disabled_line_polled),
	{}
};
KTEST_SUITE(irq_spurious, irq_spurious_cases);
