// SPDX-License-Identifier: GPL-2.0
/*
 * The flow handlers (kernel/irq/chip.c) when an interrupt arrives while
 * the line's handlers already run on another CPU.  The handler here
 * calls the flow handler itself, as the other CPU would have at that
 * moment, so the case is exact and needs no second CPU.
 */
#include <irqlab/ktest.h>
#include <irqlab/irq.h>
#include "irq_test.h"

struct flow_dev {
	bool refire;		/* the line fires again during the handler */
	int calls;
};

static irqreturn_t refire_handler(int irq, void *dev_id)
{
	struct flow_dev *dev = dev_id;
	struct irq_desc *desc = irq_to_desc(irq);

	dev->calls++;
	if (dev->refire) {
		dev->refire = false;
		desc->handle_irq(desc);	/* what the other CPU does */
	}
	return IRQ_HANDLED;
}

static void refire_during_handler(struct ktest *t, struct flow_dev *dev,
				  irq_flow_handler_t flow, const char *name,
				  unsigned int irqd, bool level)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);

	irq_test_setup(flow, name);
	desc->irq_data.level = level;
	irqd_set(&desc->irq_data, irqd);
	dev->refire = true;
	dev->calls = 0;
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, refire_handler, 0, "t", dev),
			0);
	irq_test_fire();
}

/*
 * Linux's handle_fasteoi_irq(): an interrupt that finds the handlers in
 * progress (irq_may_run() false) gets its EOI and nothing else.  It does
 * not mask the line, which nobody would unmask again.
 */
static void test_fasteoi_in_progress_not_masked(struct ktest *t)
{
	struct flow_dev dev;

	refire_during_handler(t, &dev, handle_fasteoi_irq, "fasteoi", 0, true);
	KTEST_EXPECT_EQ(t, dev.calls, 1);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	KTEST_EXPECT_EQ(t, irq_test_chip.eois, 2);
	/* A level line is still asserted if the device wants more. */
	KTEST_EXPECT_EQ(t, irq_test_chip.retriggers, 0);
	free_irq(TEST_IRQ, &dev);
}

/*
 * With IRQD_RESEND_WHEN_IN_PROGRESS (an edge-like fasteoi chip, as the
 * GICv3 ITS), the interrupt is marked IRQS_PENDING and sent again by
 * check_irq_resend() once the handlers are done, so it is not lost.
 */
static void test_fasteoi_in_progress_resent(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct flow_dev dev;

	refire_during_handler(t, &dev, handle_fasteoi_irq, "fasteoi",
			      IRQD_RESEND_WHEN_IN_PROGRESS, false);
	KTEST_EXPECT_EQ(t, dev.calls, 1);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	KTEST_EXPECT_EQ(t, irq_test_chip.retriggers, 1);
	KTEST_EXPECT_FALSE(t, desc->istate & IRQS_PENDING);
	free_irq(TEST_IRQ, &dev);
}

/* Level lines are never resent: the hardware asserts them again. */
static void test_fasteoi_level_not_resent(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	struct flow_dev dev;

	refire_during_handler(t, &dev, handle_fasteoi_irq, "fasteoi",
			      IRQD_RESEND_WHEN_IN_PROGRESS, true);
	KTEST_EXPECT_EQ(t, dev.calls, 1);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	KTEST_EXPECT_EQ(t, irq_test_chip.retriggers, 0);
	KTEST_EXPECT_FALSE(t, desc->istate & IRQS_PENDING);
	free_irq(TEST_IRQ, &dev);
}

/*
 * Linux's handle_edge_irq(): the edge that finds the handlers in
 * progress masks the line and is marked pending; the CPU running them
 * unmasks it and runs them again.
 */
static void test_edge_in_progress_runs_again(struct ktest *t)
{
	struct flow_dev dev;

	refire_during_handler(t, &dev, handle_edge_irq, "edge", 0, false);
	KTEST_EXPECT_EQ(t, dev.calls, 2);
	KTEST_EXPECT_FALSE(t, irq_test_chip.masked);
	KTEST_EXPECT_EQ(t, irq_test_chip.retriggers, 0);
	free_irq(TEST_IRQ, &dev);
}

static const struct ktest_case irq_flow_cases[] = {
	KTEST_CASE(test_fasteoi_in_progress_not_masked),
	KTEST_CASE(test_fasteoi_in_progress_resent),
	KTEST_CASE(test_fasteoi_level_not_resent),
	KTEST_CASE(test_edge_in_progress_runs_again),
	{}
};
KTEST_SUITE(irq_flow, irq_flow_cases);
