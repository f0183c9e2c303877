// SPDX-License-Identifier: GPL-2.0
/*
 * Running the actions of one interrupt, as Linux's handle.c.  On a shared
 * line every handler is asked; each says whether its device raised it,
 * or that its thread should finish the work (IRQ_WAKE_THREAD).
 */
#include <irqlab/irq.h>
#include <irqlab/kernel.h>
#include <irqlab/sched.h>

static void warn_no_thread(unsigned int irq, struct irqaction *action)
{
	if (test_and_set_bit(IRQTF_WARNED, &action->thread_flags))
		return;
	pr_warn("IRQ %u device %s returned IRQ_WAKE_THREAD but no thread function available.\n",
		irq, action->name);
}

/*
 * Called while the handlers run (IRQD_IRQ_INPROGRESS, desc->lock not
 * held), or under desc->lock from irq_wake_thread().  A request while one
 * is already pending is the same request: the thread clears
 * IRQTF_RUNTHREAD before it calls thread_fn, so a request made while
 * thread_fn runs makes it run once more.
 *
 * threads_oneshot is written here without the lock, but never at the
 * same time as the thread's irq_finalize_oneshot(): that one takes
 * desc->lock and waits until the handlers are no longer in progress.
 */
void __irq_wake_thread(struct irq_desc *desc, struct irqaction *action)
{
	if (test_and_set_bit(IRQTF_RUNTHREAD, &action->thread_flags))
		return;
	/*
	 * A ONESHOT line stays masked until this thread has run.  Atomic: a
	 * hard handler and irq_wake_thread() may both be here at once.
	 */
	__atomic_fetch_or(&desc->threads_oneshot, action->thread_mask,
			  __ATOMIC_SEQ_CST);
	/*
	 * Counted until the thread has run, for synchronize_irq(): it cannot
	 * miss this, as it first waits for IRQD_IRQ_INPROGRESS to clear.
	 */
	atomic_inc(&desc->threads_active);
	wake_up_process(action->thread);
}

irqreturn_t handle_irq_event(struct irq_desc *desc)
{
	irqreturn_t retval = IRQ_NONE, res;
	unsigned int irq = desc->irq_data.irq;
	struct irqaction *action;

	/* Called with desc->lock held; the handlers run without it. */
	irqd_set(&desc->irq_data, IRQD_IRQ_INPROGRESS);
	desc->istate &= ~IRQS_PENDING;
	spin_unlock(&desc->lock);
	for (action = desc->action; action; action = action->next) {
		res = action->handler(irq, action->dev_id);
		if (res == IRQ_WAKE_THREAD) {
			if (action->thread_fn)
				__irq_wake_thread(desc, action);
			else
				warn_no_thread(irq, action);
		}
		retval |= res;
	}
	spin_lock(&desc->lock);
	irqd_clear(&desc->irq_data, IRQD_IRQ_INPROGRESS);
	note_interrupt(desc, retval);
	return retval;
}
