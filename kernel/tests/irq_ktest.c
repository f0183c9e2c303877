// SPDX-License-Identifier: GPL-2.0
/*
 * The generic IRQ layer, driven through a software irq_chip on a spare
 * interrupt number: request/free, nested disable/enable, shared lines,
 * ONESHOT threads.  One case sends itself a real interrupt through the
 * local APIC to check the entry path's context.  The fake chip is shared
 * with the irq_flow, irq_thread and irq_spurious suites (irq_test.h).
 */
#include <irqlab/ktest.h>
#include <irqlab/irq.h>
#include <irqlab/errno.h>
#include <irqlab/jiffies.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/processor.h>
#include <irqlab/sched.h>
#include <irqlab/timer.h>
#include <irqlab/completion.h>
#include "irq_test.h"

struct irq_test_chip_state irq_test_chip;

static void test_mask(struct irq_data *d) { irq_test_chip.masked = true; }
static void test_unmask(struct irq_data *d) { irq_test_chip.masked = false; }
static void test_retrigger(struct irq_data *d) { irq_test_chip.retriggers++; }
static void test_ack(struct irq_data *d) { }
static void test_eoi(struct irq_data *d) { irq_test_chip.eois++; }

static struct irq_chip test_chip = {
	.name		= "test",
	.irq_mask	= test_mask,
	.irq_unmask	= test_unmask,
	.irq_ack	= test_ack,
	.irq_eoi	= test_eoi,
	.irq_retrigger	= test_retrigger,
};

/* For a real interrupt: without its EOI, the local APIC would block
 * every vector of its priority class and below (the PIT's among them). */
static void test_apic_eoi(struct irq_data *d) { apic_eoi(); }

static struct irq_chip test_chip_eoi = {
	.name		= "test",
	.irq_mask	= test_mask,
	.irq_unmask	= test_unmask,
	.irq_ack	= test_apic_eoi,
	.irq_eoi	= test_apic_eoi,
};

struct test_dev {
	bool raised;		/* the device has something to report */
	int calls;
	unsigned long preempt;	/* preempt_count seen by the handler */
};

static irqreturn_t test_handler(int irq, void *dev_id)
{
	struct test_dev *dev = dev_id;

	dev->calls++;
	dev->preempt = preempt_count();
	if (!dev->raised)
		return IRQ_NONE;
	dev->raised = false;
	return IRQ_HANDLED;
}

void irq_test_setup(irq_flow_handler_t flow, const char *name)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);

	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
	desc->istate = 0;
	desc->irq_data.state_use_accessors = 0;
	desc->irq_data.level = false;
	memset(desc->kstat_irqs, 0, sizeof(desc->kstat_irqs));
	irq_test_chip.masked = true;
	irq_test_chip.retriggers = 0;
	irq_test_chip.eois = 0;
	irq_set_chip_and_handler_name(TEST_IRQ, &test_chip, flow, name);
}

static void setup_test_irq(void)
{
	irq_test_setup(handle_edge_irq, "edge");
}

/* As the entry code does: in hard-interrupt context, interrupts off. */
void irq_test_fire(void)
{
	unsigned long flags;

	local_irq_save(flags);
	irq_enter();
	generic_handle_irq(TEST_IRQ);
	irq_exit();
	local_irq_restore(flags);
}

static void test_request_free(struct ktest *t)
{
	struct test_dev dev = { .raised = true };

	/* An interrupt number without a chip cannot be requested. */
	KTEST_EXPECT_EQ(t, request_irq(NR_IRQS - 2, test_handler, 0, "x",
				       &dev), -EINVAL);
	setup_test_irq();
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "t", &dev),
			0);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	/* /proc/irq/N and /proc/irq/N/t, as Linux's register_*_proc. */
	KTEST_EXPECT_NOT_NULL(t, irq_to_desc(TEST_IRQ)->dir);
	KTEST_EXPECT_NOT_NULL(t, irq_to_desc(TEST_IRQ)->action->dir);
	irq_test_fire();
	KTEST_EXPECT_EQ(t, dev.calls, 1);
	KTEST_EXPECT_EQ(t, kstat_irqs(TEST_IRQ), 1);
	KTEST_EXPECT_STREQ(t, free_irq(TEST_IRQ, &dev), "t");
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);
	KTEST_EXPECT_NULL(t, free_irq(TEST_IRQ, &dev));	/* already free */
	irq_test_fire();
	KTEST_EXPECT_EQ(t, dev.calls, 1);		/* nobody to call */
	irq_to_desc(TEST_IRQ)->kstat_irqs[0] = 0;
}

/* Linux's generic_handle_irq(): -EINVAL for a number with no descriptor. */
static void test_handle_bad_irq(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, generic_handle_irq(NR_IRQS), -EINVAL);
	KTEST_EXPECT_EQ(t, generic_handle_irq(UINT_MAX), -EINVAL);
}

static void test_disable_depth(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct test_dev dev = { .raised = true };

	setup_test_irq();
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "t", &dev),
			0);
	disable_irq(TEST_IRQ);
	disable_irq(TEST_IRQ);
	KTEST_EXPECT_EQ(t, desc->depth, 2);
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);
	irq_test_fire();		/* arrives while disabled */
	KTEST_EXPECT_EQ(t, dev.calls, 0);
	KTEST_EXPECT_TRUE(t, desc->istate & IRQS_PENDING);
	enable_irq(TEST_IRQ);
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);	/* still depth 1 */
	KTEST_EXPECT_EQ(t, irq_test_chip.retriggers, 0);
	enable_irq(TEST_IRQ);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	/* The edge that came while disabled is sent again. */
	KTEST_EXPECT_EQ(t, irq_test_chip.retriggers, 1);
	/* An extra enable is refused, not wrapped around. */
	enable_irq(TEST_IRQ);
	KTEST_EXPECT_EQ(t, desc->depth, 0);
	free_irq(TEST_IRQ, &dev);
}

static void test_free_while_disabled(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct test_dev dev = { .raised = true };

	setup_test_irq();
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "t", &dev),
			0);
	disable_irq(TEST_IRQ);
	KTEST_EXPECT_STREQ(t, free_irq(TEST_IRQ, &dev), "t");
	KTEST_EXPECT_NULL(t, desc->action);
	/* A new owner starts from a clean, enabled line. */
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "t2", &dev),
			0);
	KTEST_EXPECT_EQ(t, desc->depth, 0);
	irq_test_fire();
	KTEST_EXPECT_EQ(t, dev.calls, 1);
	free_irq(TEST_IRQ, &dev);
}

static void test_shared(struct ktest *t)
{
	struct test_dev a = { 0 }, b = { 0 }, c = { 0 };

	setup_test_irq();
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, IRQF_SHARED,
				       "a", &a), 0);
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, IRQF_SHARED,
				       "b", &b), 0);
	/* Not sharing, or no dev_id to tell it apart: refused. */
	KTEST_EXPECT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "c", &c),
			-EBUSY);
	KTEST_EXPECT_EQ(t, request_irq(TEST_IRQ, test_handler, IRQF_SHARED,
				       "c", NULL), -EINVAL);
	/* A directory each in /proc/irq/N, a and b. */
	KTEST_EXPECT_NOT_NULL(t, irq_to_desc(TEST_IRQ)->action->dir);
	KTEST_EXPECT_NOT_NULL(t, irq_to_desc(TEST_IRQ)->action->next->dir);

	b.raised = true;
	irq_test_fire();
	/* Every handler on the line is asked; only b had work. */
	KTEST_EXPECT_EQ(t, a.calls, 1);
	KTEST_EXPECT_EQ(t, b.calls, 1);
	KTEST_EXPECT_FALSE(t, b.raised);
	KTEST_EXPECT_EQ(t, irq_to_desc(TEST_IRQ)->irqs_unhandled, 0);
	irq_test_fire();		/* nobody's: counts as unhandled */
	KTEST_EXPECT_EQ(t, irq_to_desc(TEST_IRQ)->irqs_unhandled, 1);

	KTEST_EXPECT_STREQ(t, free_irq(TEST_IRQ, &a), "a");
	irq_test_fire();
	KTEST_EXPECT_EQ(t, a.calls, 2);	/* gone from the line */
	KTEST_EXPECT_EQ(t, b.calls, 3);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);	/* b still there */
	KTEST_EXPECT_NOT_NULL(t, irq_to_desc(TEST_IRQ)->action->dir);
	/* a's name is free again: a new a gets its directory back. */
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, IRQF_SHARED,
				       "a", &a), 0);
	KTEST_EXPECT_NOT_NULL(t, irq_to_desc(TEST_IRQ)->action->next->dir);
	free_irq(TEST_IRQ, &a);
	free_irq(TEST_IRQ, &b);
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);
}

static DECLARE_COMPLETION(thread_started);
static DECLARE_COMPLETION(thread_release);
static volatile bool thread_ran;

/* Holds the thread (and so the ONESHOT line) until the test lets go. */
static irqreturn_t thread_fn(int irq, void *dev_id)
{
	complete(&thread_started);
	wait_for_completion_timeout(&thread_release, 10 * HZ);
	thread_ran = true;
	return IRQ_HANDLED;
}

static void test_oneshot(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct test_dev dev = { 0 };

	/* ONESHOT is for level lines: an edge cannot storm. */
	irq_test_setup(handle_fasteoi_irq, "fasteoi");
	/* A NULL primary handler needs ONESHOT, or the line storms. */
	KTEST_EXPECT_EQ(t, request_threaded_irq(TEST_IRQ, NULL, thread_fn, 0,
						"t", &dev), -EINVAL);
	reinit_completion(&thread_started);
	reinit_completion(&thread_release);
	thread_ran = false;
	KTEST_ASSERT_EQ(t, request_threaded_irq(TEST_IRQ, NULL, thread_fn,
						IRQF_ONESHOT, "t", &dev), 0);
	/* Linux's irq thread: "irq/N-name", SCHED_FIFO 50. */
	KTEST_ASSERT_NOT_NULL(t, desc->action->thread);
	KTEST_EXPECT_STREQ(t, desc->action->thread->comm, "irq/63-t");
	KTEST_EXPECT_EQ(t, desc->action->thread->policy, SCHED_FIFO);
	KTEST_EXPECT_EQ(t, desc->action->thread->rt_priority, 50);
	KTEST_EXPECT_NE(t, desc->action->thread_mask, 0);

	irq_test_fire();
	KTEST_EXPECT_NE(t, wait_for_completion_timeout(&thread_started,
						       10 * HZ), 0);
	/* The thread holds the line masked until thread_fn returns. */
	KTEST_EXPECT_TRUE(t, irq_test_chip.masked);
	KTEST_EXPECT_EQ(t, desc->threads_oneshot, desc->action->thread_mask);
	KTEST_EXPECT_FALSE(t, thread_ran);

	complete(&thread_release);
	synchronize_irq(TEST_IRQ);	/* until the thread has run */
	KTEST_EXPECT_TRUE(t, thread_ran);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	KTEST_EXPECT_EQ(t, desc->threads_oneshot, 0);
	free_irq(TEST_IRQ, &dev);
}

/* A real interrupt, through the IDT and do_IRQ: context and counts. */
static void test_entry_context(struct ktest *t)
{
	struct test_dev dev = { .raised = true };
	unsigned long deadline;
	int vector;

	setup_test_irq();
	irq_set_chip_and_handler_name(TEST_IRQ, &test_chip_eoi, handle_edge_irq,
				      "edge");
	vector = irq_alloc_vector(TEST_IRQ);
	KTEST_ASSERT_GT(t, vector, 0);
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "t", &dev),
			0);
	KTEST_EXPECT_EQ(t, preempt_count(), 0);
	local_irq_enable();
	apic_send_IPI_self(vector);
	deadline = jiffies + HZ;
	while (!READ_ONCE(dev.calls) && time_before(jiffies, deadline))
		cpu_relax();
	KTEST_EXPECT_EQ(t, dev.calls, 1);
	KTEST_EXPECT_EQ(t, dev.preempt, HARDIRQ_OFFSET);
	KTEST_EXPECT_EQ(t, preempt_count(), 0);
	free_irq(TEST_IRQ, &dev);
	irq_free_vector(vector);
}

static const struct ktest_case irq_cases[] = {
	KTEST_CASE(test_request_free),
	KTEST_CASE(test_handle_bad_irq),
	KTEST_CASE(test_disable_depth),
	KTEST_CASE(test_free_while_disabled),
	KTEST_CASE(test_shared),
	KTEST_CASE(test_oneshot),
	KTEST_CASE(test_entry_context),
	{}
};
KTEST_SUITE(irq, irq_cases);
