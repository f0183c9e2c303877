/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The irq suites' fake hardware (kernel/tests/irq_ktest.c): a software
 * irq_chip on the spare interrupt number TEST_IRQ that records what the
 * generic layer asks of it, and a way to raise the interrupt as the entry
 * code would.  The flows can then be driven, and checked, without a
 * device and without depending on when anything happens.
 */
#ifndef _IRQLAB_TESTS_IRQ_TEST_H
#define _IRQLAB_TESTS_IRQ_TEST_H

#include <irqlab/irq.h>

#define TEST_IRQ	(NR_IRQS - 1)

struct irq_test_chip_state {
	bool masked;
	int retriggers;		/* irq_retrigger() calls */
	int eois;		/* irq_eoi() calls */
};

extern struct irq_test_chip_state irq_test_chip;

/* TEST_IRQ on the fake chip with this flow, its bookkeeping cleared. */
void irq_test_setup(irq_flow_handler_t flow, const char *name);

/* Raises TEST_IRQ on this CPU: hard-irq context, interrupts off. */
void irq_test_fire(void);

#endif /* _IRQLAB_TESTS_IRQ_TEST_H */
