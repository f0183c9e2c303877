// SPDX-License-Identifier: GPL-2.0
/*
 * The driver API, as Linux's kernel/irq/manage.c: requesting and freeing
 * handlers, nested disable/enable, affinity.
 */
#include <irqlab/irq.h>
#include <irqlab/kernel.h>
#include <irqlab/errno.h>
#include <irqlab/slab.h>
#include <irqlab/kthread.h>
#include <irqlab/mutex.h>
#include <asm/processor.h>
#include "internals.h"

#define IRQF_TRIGGER_MASK	0xf

/*
 * Sleeps until the hard handler asks for the thread, or it is stopped.
 * Taking IRQTF_RUNTHREAD before thread_fn runs, not after, is what lets a
 * request made while thread_fn runs start it again.
 */
static bool irq_wait_for_interrupt(struct irqaction *action)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (test_and_clear_bit(IRQTF_RUNTHREAD,
				       &action->thread_flags)) {
			__set_current_state(TASK_RUNNING);
			return true;
		}
		/* Checked second: a last request still runs (Linux's). */
		if (kthread_should_stop()) {
			__set_current_state(TASK_RUNNING);
			return false;
		}
		schedule();
	}
}

/*
 * A ONESHOT line stays masked until every thread that was asked for has
 * run; the last one unmasks it, unless the line was disabled meanwhile.
 */
static void irq_finalize_oneshot(struct irq_desc *desc,
				 struct irqaction *action)
{
	unsigned long flags;

	if (!(desc->istate & IRQS_ONESHOT))
		return;
again:
	spin_lock_irqsave(&desc->lock, flags);
	/*
	 * The hard handlers may still run on another CPU (this thread can be
	 * quicker than the handlers after the one that woke it).  Unmasked
	 * now, the line could fire again, find them in progress and be lost;
	 * and __irq_wake_thread() sets bits in threads_oneshot while they
	 * run, without the lock.  So wait for them, as Linux does.
	 */
	if (unlikely(irqd_irq_inprogress(&desc->irq_data))) {
		spin_unlock_irqrestore(&desc->lock, flags);
		cpu_relax();
		goto again;
	}
	/* Asked again meanwhile: the line stays ours for that run. */
	if (test_bit(IRQTF_RUNTHREAD, &action->thread_flags))
		goto out_unlock;
	desc->threads_oneshot &= ~action->thread_mask;
	if (!desc->threads_oneshot && !irqd_irq_disabled(&desc->irq_data) &&
	    irqd_irq_masked(&desc->irq_data))
		unmask_irq(desc);
out_unlock:
	spin_unlock_irqrestore(&desc->lock, flags);
}

static irqreturn_t irq_thread_fn(struct irq_desc *desc,
				 struct irqaction *action)
{
	irqreturn_t ret = action->thread_fn(action->irq, action->dev_id);

	/* note_interrupt()'s deferred verdict on the wake-up. */
	if (ret == IRQ_HANDLED)
		atomic_inc(&desc->threads_handled);
	irq_finalize_oneshot(desc, action);
	return ret;
}

/* Linux's irq_thread(): the body of every irq/N-name thread. */
static int irq_thread(void *data)
{
	struct irqaction *action = data;
	struct irq_desc *desc = irq_to_desc(action->irq);

	while (irq_wait_for_interrupt(action)) {
		irq_thread_fn(desc, action);
		wake_threads_waitq(desc);
	}
	return 0;
}

void wake_threads_waitq(struct irq_desc *desc)
{
	if (atomic_dec_and_test(&desc->threads_active))
		wake_up(&desc->wait_for_threads);
}

void irq_wake_thread(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action;
	unsigned long flags;

	if (!desc || !desc->irq_data.chip)
		return;
	/* Outside the hard handlers, desc->lock is what serialises it. */
	spin_lock_irqsave(&desc->lock, flags);
	for (action = desc->action; action; action = action->next) {
		if (action->dev_id == dev_id) {
			if (action->thread)
				__irq_wake_thread(desc, action);
			break;
		}
	}
	spin_unlock_irqrestore(&desc->lock, flags);
}

/* "irq/4-ttyS0", SCHED_FIFO 50, as Linux's setup_irq_thread(). */
static struct task_struct *setup_irq_thread(struct irqaction *action)
{
	struct task_struct *t;

	t = kthread_create(irq_thread, action, "irq/%u-%s", action->irq,
			   action->name);
	if (!t)
		return NULL;
	sched_set_fifo(t);
	return t;
}

/* The primary handler of a purely threaded interrupt: wake the thread. */
static irqreturn_t irq_default_primary_handler(int irq, void *dev_id)
{
	return IRQ_WAKE_THREAD;
}

/* May a new action share the line with those already on it? */
static bool can_share(struct irqaction *old, struct irqaction *new)
{
	return (old->flags & new->flags & IRQF_SHARED) &&
	       !((old->flags ^ new->flags) &
		 (IRQF_TRIGGER_MASK | IRQF_ONESHOT));
}

/* With desc->lock held: one enable_irq(), or the rule's disable undone. */
static void __enable_irq(struct irq_desc *desc)
{
	switch (desc->depth) {
	case 0:
		pr_warn("Unbalanced enable for IRQ %u\n", desc->irq_data.irq);
		dump_stack();
		break;
	case 1:
		desc->depth = 0;
		if (!desc->action)
			break;
		irqd_clear(&desc->irq_data, IRQD_IRQ_DISABLED);
		if (!desc->threads_oneshot)
			unmask_irq(desc);
		/* An edge that came while disabled is gone from the pin. */
		check_irq_resend(desc, false);
		break;
	default:
		desc->depth--;
	}
}

/*
 * Linux's irq_setup_affinity, as a line starts up: the CPUs someone
 * chose for it, or else today's default_smp_affinity; the chip picks an
 * online one.  desc->lock held.
 */
static void irq_setup_affinity(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;
	unsigned long mask = d->state_use_accessors & IRQD_AFFINITY_SET ?
			     d->affinity : READ_ONCE(irq_default_affinity);

	if (!(mask & cpu_online_mask))
		mask = cpu_online_mask;
	if (d->chip->irq_set_affinity && !d->chip->irq_set_affinity(d, mask))
		d->affinity = mask;
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct task_struct *thread = NULL;
	struct irqaction *action, **p;
	unsigned long iflags, thread_mask = 0;
	int ret;

	if (!desc || !desc->irq_data.chip)
		return -EINVAL;
	if ((flags & IRQF_SHARED) && !dev_id)
		return -EINVAL;	/* free_irq could not tell them apart */
	if (!handler) {
		if (!thread_fn)
			return -EINVAL;
		/* The line would fire again before the thread ran. */
		if (!(flags & IRQF_ONESHOT)) {
			pr_err("Threaded irq requested with handler=NULL and !ONESHOT for %s (irq %u)\n",
			       name, irq);
			return -EINVAL;
		}
		handler = irq_default_primary_handler;
	}

	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->thread_fn = thread_fn;
	action->flags = flags;
	action->name = name;
	action->dev_id = dev_id;
	action->irq = irq;
	if (thread_fn) {
		thread = setup_irq_thread(action);
		if (!thread) {
			kfree(action);
			return -ENOMEM;
		}
		action->thread = thread;
	}

	mutex_lock(&desc->request_mutex);
	spin_lock_irqsave(&desc->lock, iflags);
	if (desc->action && !can_share(desc->action, action)) {
		spin_unlock_irqrestore(&desc->lock, iflags);
		pr_err("genirq: Flags mismatch irq %u. %08lx (%s) vs. %08x (%s)\n",
		       irq, flags, name, desc->action->flags,
		       desc->action->name);
		ret = -EBUSY;
		goto out_thread;
	}
	for (p = &desc->action; *p; p = &(*p)->next)
		thread_mask |= (*p)->thread_mask;
	if (flags & IRQF_ONESHOT) {
		/* Each ONESHOT action on the line gets a bit of its own. */
		if (thread_mask == ~0UL) {
			spin_unlock_irqrestore(&desc->lock, iflags);
			ret = -EBUSY;
			goto out_thread;
		}
		action->thread_mask = 1UL << __builtin_ctzl(~thread_mask);
	}
	*p = action;
	if (flags & IRQF_NOBALANCING)
		irqd_set(&desc->irq_data, IRQD_NO_BALANCING);
	if (action == desc->action) {
		irq_setup_affinity(desc);
		/* The first handler starts the line up. */
		desc->istate &= ~(IRQS_SPURIOUS_DISABLED | IRQS_ONESHOT);
		if (flags & IRQF_ONESHOT)
			desc->istate |= IRQS_ONESHOT;
		desc->depth = 0;
		irq_enable(desc);
	}
	/* A new handler: the unhandled-interrupt rule starts again... */
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
	/* ...and a shared line it disabled gets another chance. */
	if (action != desc->action &&
	    (desc->istate & IRQS_SPURIOUS_DISABLED)) {
		desc->istate &= ~IRQS_SPURIOUS_DISABLED;
		__enable_irq(desc);
	}
	spin_unlock_irqrestore(&desc->lock, iflags);
	register_irq_proc(irq, desc);
	register_handler_proc(irq, action);
	mutex_unlock(&desc->request_mutex);
	if (thread)
		wake_up_process(thread);	/* it waits for its first irq */
	return 0;

out_thread:
	mutex_unlock(&desc->request_mutex);
	if (thread)
		kthread_stop(thread);
	kfree(action);
	return ret;
}

/* Until no CPU runs the line's hard handlers (Linux's, without a chip
 * query: irqlab's chips cannot say whether one is in flight). */
static void __synchronize_hardirq(struct irq_desc *desc)
{
	unsigned long flags;
	bool inprogress;

	do {
		while (irqd_irq_inprogress(&desc->irq_data))
			cpu_relax();
		/* It looked done: check again where the flag is written. */
		spin_lock_irqsave(&desc->lock, flags);
		inprogress = irqd_irq_inprogress(&desc->irq_data);
		spin_unlock_irqrestore(&desc->lock, flags);
	} while (inprogress);
}

bool synchronize_hardirq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc || !desc->irq_data.chip)
		return true;
	__synchronize_hardirq(desc);
	return !atomic_read(&desc->threads_active);
}

/*
 * The hard handlers first: a thread they wake is counted before they
 * finish.  Then the threads, sleeping: never from atomic context.
 */
static void __synchronize_irq(struct irq_desc *desc)
{
	__synchronize_hardirq(desc);
	wait_event(desc->wait_for_threads,
		   !atomic_read(&desc->threads_active));
}

void synchronize_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc && desc->irq_data.chip)
		__synchronize_irq(desc);
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action, **p;
	unsigned long flags;
	const char *name;

	if (!desc || !desc->irq_data.chip)
		return NULL;
	if (in_interrupt())
		pr_warn("Trying to free IRQ %u from IRQ context!\n", irq);
	mutex_lock(&desc->request_mutex);
	spin_lock_irqsave(&desc->lock, flags);
	for (p = &desc->action; (action = *p) != NULL; p = &action->next)
		if (action->dev_id == dev_id)
			break;
	if (!action) {
		spin_unlock_irqrestore(&desc->lock, flags);
		mutex_unlock(&desc->request_mutex);
		pr_warn("Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	*p = action->next;
	if (!desc->action) {
		/* The last one gone: shut the line down. */
		irq_disable(desc);
		desc->depth = 1;
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	/*
	 * A thread that was asked for still runs, and holds a ONESHOT line
	 * by its bit in threads_oneshot until irq_finalize_oneshot() drops
	 * it and unmasks for the handlers left.  request_mutex keeps a new
	 * action from being handed that bit meanwhile.
	 */
	__synchronize_irq(desc);
	if (action->thread)
		kthread_stop(action->thread);
	unregister_handler_proc(irq, action);
	mutex_unlock(&desc->request_mutex);

	name = action->name;
	kfree(action);
	return name;
}

static int __disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc || !desc->irq_data.chip)
		return -EINVAL;
	spin_lock_irqsave(&desc->lock, flags);
	if (!desc->depth++)
		irq_disable(desc);
	spin_unlock_irqrestore(&desc->lock, flags);
	return 0;
}

void disable_irq_nosync(unsigned int irq)
{
	__disable_irq_nosync(irq);
}

/* Also waits for the handlers and threads: may sleep. */
void disable_irq(unsigned int irq)
{
	might_sleep();
	if (!__disable_irq_nosync(irq))
		synchronize_irq(irq);
}

void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc || !desc->irq_data.chip)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	__enable_irq(desc);
	spin_unlock_irqrestore(&desc->lock, flags);
}

/*
 * As Linux's: the mask must name an online CPU; the chip picks where
 * the interrupt goes (effective_affinity), and the mask asked for is
 * what smp_affinity shows.
 */
int irq_set_affinity(unsigned int irq, unsigned long cpumask)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	int ret = 0;

	if (!desc || !desc->irq_data.chip)
		return -EINVAL;
	if (!(cpumask & cpu_online_mask))
		return -EINVAL;
	spin_lock_irqsave(&desc->lock, flags);
	if (desc->irq_data.chip->irq_set_affinity)
		ret = desc->irq_data.chip->irq_set_affinity(&desc->irq_data,
							    cpumask);
	if (!ret) {
		desc->irq_data.affinity = cpumask;
		irqd_set(&desc->irq_data, IRQD_AFFINITY_SET);
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}
