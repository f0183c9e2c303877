// SPDX-License-Identifier: GPL-2.0
/*
 * Flow handlers, as Linux's kernel/irq/chip.c.  An edge interrupt is
 * acknowledged first, so a new edge during the handler is latched again;
 * a level (fasteoi) interrupt gets its end-of-interrupt after the handler,
 * when the device has dropped the line, or it would fire again at once.
 * An interrupt that arrives while disabled is masked and remembered.
 */
#include <irqlab/irq.h>

void mask_irq(struct irq_desc *desc)
{
	if (desc->masked)
		return;
	desc->irq_data.chip->irq_mask(&desc->irq_data);
	desc->masked = true;
}

void unmask_irq(struct irq_desc *desc)
{
	if (!desc->masked)
		return;
	desc->irq_data.chip->irq_unmask(&desc->irq_data);
	desc->masked = false;
}

static bool irq_may_run(struct irq_desc *desc)
{
	return desc->action && !desc->depth;
}

void handle_edge_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	desc->kstat_irqs[smp_processor_id()]++;
	if (!irq_may_run(desc)) {
		desc->pending = true;
		mask_irq(desc);
		if (chip->irq_ack)
			chip->irq_ack(&desc->irq_data);
		return;
	}
	if (chip->irq_ack)
		chip->irq_ack(&desc->irq_data);
	handle_irq_event(desc);
}

void handle_fasteoi_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	desc->kstat_irqs[smp_processor_id()]++;
	if (!irq_may_run(desc)) {
		desc->pending = true;
		mask_irq(desc);
		goto out;
	}
	handle_irq_event(desc);
	/* A threaded IRQF_ONESHOT handler keeps the line masked. */
	if (desc->oneshot_pending)
		mask_irq(desc);
out:
	if (chip->irq_eoi)
		chip->irq_eoi(&desc->irq_data);
}
