// SPDX-License-Identifier: GPL-2.0
/*
 * Sending a kept interrupt again, as Linux's kernel/irq/resend.c: an edge
 * that came while the line was disabled, or while its handlers ran on
 * another CPU on a chip that would lose it, is gone from the pin, so the
 * chip is asked to raise it once more (on x86, an IPI to this CPU with
 * the line's vector).  irqlab has no software resend: a chip without
 * irq_retrigger cannot resend.
 */
#include <irqlab/irq.h>
#include <irqlab/errno.h>

int check_irq_resend(struct irq_desc *desc, bool inject)
{
	/* The device keeps a level line asserted: nothing was lost. */
	if (desc->irq_data.level) {
		desc->istate &= ~IRQS_PENDING;
		return -EINVAL;
	}
	/* Sent once already and not arrived yet: one is enough. */
	if (desc->istate & IRQS_REPLAY)
		return -EBUSY;
	if (!(desc->istate & IRQS_PENDING) && !inject)
		return 0;
	desc->istate &= ~IRQS_PENDING;
	if (!desc->irq_data.chip->irq_retrigger)
		return -EINVAL;
	desc->irq_data.chip->irq_retrigger(&desc->irq_data);
	desc->istate |= IRQS_REPLAY;
	return 0;
}
