// SPDX-License-Identifier: GPL-2.0
/*
 * Flow handlers, as Linux's kernel/irq/chip.c.  An edge interrupt is
 * acknowledged first, so a new edge during the handler is latched again;
 * a level (fasteoi) interrupt gets its end-of-interrupt after the handler,
 * when the device has dropped the line, or it would fire again at once.
 * An interrupt that arrives while disabled is masked and remembered.
 * desc->lock is held except while the handlers run.
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

/*
 * Not while the handlers run on another CPU, unless that is the spurious
 * poller: then wait for it and run.  (Linux also checks here for a
 * wake-up armed for suspend, which irqlab does not have.)
 */
static bool irq_may_run(struct irq_desc *desc)
{
	if (!irqd_irq_inprogress(&desc->irq_data))
		return true;
	if (!(desc->istate & IRQS_POLL_INPROGRESS))
		return false;
	return irq_wait_for_poll(desc);
}

/* Requested, and not disabled: else the interrupt is kept for later. */
static bool irq_can_handle_actions(struct irq_desc *desc)
{
	return desc->action && !irqd_irq_disabled(&desc->irq_data);
}

static void mask_ack_irq(struct irq_desc *desc)
{
	mask_irq(desc);
	if (desc->irq_data.chip->irq_ack)
		desc->irq_data.chip->irq_ack(&desc->irq_data);
}

/*
 * Linux's handle_edge_irq().  An edge that finds the handlers running on
 * another CPU, or the line disabled, is remembered (IRQS_PENDING) and the
 * line masked: the CPU running the handlers unmasks it and runs them
 * again; enable_irq() resends it.
 */
void handle_edge_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	spin_lock(&desc->lock);
	desc->istate &= ~IRQS_REPLAY;	/* a resent edge has arrived */
	if (!irq_may_run(desc) || !irq_can_handle_actions(desc)) {
		desc->istate |= IRQS_PENDING;
		mask_ack_irq(desc);
		goto out_unlock;
	}
	desc->kstat_irqs[smp_processor_id()]++;
	if (chip->irq_ack)
		chip->irq_ack(&desc->irq_data);
	do {
		if (unlikely(!desc->action)) {
			mask_irq(desc);
			goto out_unlock;
		}
		/* An edge came meanwhile and masked the line: reopen it. */
		if (unlikely(desc->istate & IRQS_PENDING) &&
		    !irqd_irq_disabled(&desc->irq_data))
			unmask_irq(desc);
		handle_irq_event(desc);
	} while ((desc->istate & IRQS_PENDING) &&
		 !irqd_irq_disabled(&desc->irq_data));
out_unlock:
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

/*
 * Linux's handle_fasteoi_irq(), for lines the chip ends with one EOI.
 * An interrupt that finds the handlers running on another CPU gets its
 * EOI and no more: a level line is asserted again by the device if it
 * still needs service, and masking it would keep it masked for good.  A
 * chip that loses such an interrupt (IRQD_RESEND_WHEN_IN_PROGRESS) has
 * it marked pending and resent once the handlers are done.
 */
void handle_fasteoi_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc->irq_data.chip;

	spin_lock(&desc->lock);
	if (!irq_may_run(desc)) {
		if (irqd_needs_resend_when_in_progress(&desc->irq_data))
			desc->istate |= IRQS_PENDING;
		goto out;
	}
	desc->istate &= ~IRQS_REPLAY;
	/* Disabled or unrequested: masked, kept for enable_irq(). */
	if (unlikely(!irq_can_handle_actions(desc))) {
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
	/* It came again while the handlers ran: send it once more. */
	if (unlikely(desc->istate & IRQS_PENDING))
		check_irq_resend(desc, false);
	spin_unlock(&desc->lock);
	return;
out:
	if (chip->irq_eoi)
		chip->irq_eoi(&desc->irq_data);
	spin_unlock(&desc->lock);
}
