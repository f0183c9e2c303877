// SPDX-License-Identifier: GPL-2.0
/*
 * Flow handlers, as Linux's kernel/irq/chip.c.  An edge interrupt is
 * acknowledged first, so a new edge during the handler is latched again;
 * a level (fasteoi) interrupt gets its end-of-interrupt after the handler,
 * when the device has dropped the line, or it would fire again at once.
 * An interrupt that arrives while disabled, or while its handler runs on
 * another CPU, is masked and remembered.  desc->lock is held except while
 * the handlers run.
 */
#include <irqlab/irq.h>

void mask_irq(struct irq_desc *desc)
{
	if (irqd_irq_masked(&desc->irq_data))
		return;
	desc->irq_data.chip->irq_mask(&desc->irq_data);
	irqd_set(&desc->irq_data, IRQD_IRQ_MASKED);
}

void unmask_irq(struct irq_desc *desc)
{
	if (!irqd_irq_masked(&desc->irq_data))
		return;
	desc->irq_data.chip->irq_unmask(&desc->irq_data);
	irqd_clear(&desc->irq_data, IRQD_IRQ_MASKED);
}

void irq_enable(struct irq_desc *desc)
{
	irqd_clear(&desc->irq_data, IRQD_IRQ_DISABLED);
	unmask_irq(desc);
}

/* Masks at once: irqlab has no lazy disable. */
void irq_disable(struct irq_desc *desc)
{
	irqd_set(&desc->irq_data, IRQD_IRQ_DISABLED);
	mask_irq(desc);
}

/* Not while disabled, unrequested, or running on another CPU. */
static bool irq_may_run(struct irq_desc *desc)
{
	return desc->action && !irqd_irq_disabled(&desc->irq_data) &&
	       !irqd_irq_inprogress(&desc->irq_data);
}

void handle_edge_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	spin_lock(&desc->lock);
	if (!irq_may_run(desc)) {
		/* Remember it: enable_irq() or the running CPU replays it. */
		desc->istate |= IRQS_PENDING;
		mask_irq(desc);
		if (chip->irq_ack)
			chip->irq_ack(&desc->irq_data);
		goto out;
	}
	desc->kstat_irqs[smp_processor_id()]++;
	if (chip->irq_ack)
		chip->irq_ack(&desc->irq_data);
	do {
		if (!desc->action) {
			mask_irq(desc);
			goto out;
		}
		/* An edge came meanwhile and masked the line: reopen it. */
		if ((desc->istate & IRQS_PENDING) &&
		    !irqd_irq_disabled(&desc->irq_data))
			unmask_irq(desc);
		handle_irq_event(desc);
	} while ((desc->istate & IRQS_PENDING) &&
		 !irqd_irq_disabled(&desc->irq_data));
out:
	spin_unlock(&desc->lock);
}

/*
 * A ONESHOT line was masked before its handlers ran; it opens again here
 * unless a thread now holds it (irq_finalize_oneshot() opens it then).
 */
static void cond_unmask_eoi_irq(struct irq_desc *desc, struct irq_chip *chip)
{
	if (chip->irq_eoi)
		chip->irq_eoi(&desc->irq_data);
	if ((desc->istate & IRQS_ONESHOT) && !desc->threads_oneshot &&
	    !irqd_irq_disabled(&desc->irq_data))
		unmask_irq(desc);
}

void handle_fasteoi_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	spin_lock(&desc->lock);
	if (!irq_may_run(desc)) {
		desc->istate |= IRQS_PENDING;
		mask_irq(desc);
		goto out;
	}
	desc->kstat_irqs[smp_processor_id()]++;
	/* Level lines of threaded ONESHOT handlers: quiet until they ran. */
	if (desc->istate & IRQS_ONESHOT)
		mask_irq(desc);
	handle_irq_event(desc);
	cond_unmask_eoi_irq(desc, chip);
	spin_unlock(&desc->lock);
	return;
out:
	if (chip->irq_eoi)
		chip->irq_eoi(&desc->irq_data);
	spin_unlock(&desc->lock);
}
