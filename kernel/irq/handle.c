// SPDX-License-Identifier: GPL-2.0
/*
 * Running the actions of one interrupt, as Linux's handle.c.  On a shared
 * line every handler is asked; each says whether its device raised it.
 */
#include <irqlab/irq.h>
#include <irqlab/kernel.h>
#include <irqlab/sched.h>

static void irq_wake_thread(struct irq_desc *desc, struct irqaction *action)
{
	if (!action->thread_fn) {
		pr_warn("irq %u: handler %s asked for a thread it does not have\n",
			desc->irq_data.irq, action->name);
		return;
	}
	if (!action->thread_pending) {
		action->thread_pending = true;
		if (action->flags & IRQF_ONESHOT)
			desc->oneshot_pending++;
	}
	/* Its irq/N-name thread runs thread_fn, then irq_thread_done(). */
	if (action->thread)
		wake_up_process(action->thread);
}

irqreturn_t handle_irq_event(struct irq_desc *desc)
{
	irqreturn_t retval = IRQ_NONE, res;
	struct irqaction *action;

	/* Called with desc->lock held; the handlers run without it. */
	irqd_set(&desc->irq_data, IRQD_IRQ_INPROGRESS);
	desc->istate &= ~IRQS_PENDING;
	spin_unlock(&desc->lock);
	for (action = desc->action; action; action = action->next) {
		res = action->handler(desc->irq_data.irq, action->dev_id);
		if (res & IRQ_WAKE_THREAD)
			irq_wake_thread(desc, action);
		retval |= res;
	}
	spin_lock(&desc->lock);
	irqd_clear(&desc->irq_data, IRQD_IRQ_INPROGRESS);
	note_interrupt(desc, retval);
	return retval;
}
