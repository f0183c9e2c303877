// SPDX-License-Identifier: GPL-2.0
/*
 * The unhandled-interrupt rule of Linux's kernel/irq/spurious.c.  From
 * the first interrupt on a line that no handler claimed, 100,000 are
 * counted; if more than 99,900 of them were unclaimed, the line is stuck
 * or misrouted, and it is disabled before it eats the CPU.  An odd
 * unclaimed interrupt now and then (more than HZ/10 after the last one)
 * restarts the count, so a healthy line with rare spurious interrupts
 * never trips it.  A shared line the rule disabled is then polled from a
 * timer, so the devices on it that do work are still served, and it is
 * enabled again when a handler is added to it.
 *
 * Linux's "irqfixup" and "irqpoll" options (try every line's handlers
 * for an unclaimed interrupt) are not implemented.
 */
#include <irqlab/irq.h>
#include <irqlab/kernel.h>
#include <irqlab/jiffies.h>
#include <irqlab/kallsyms.h>
#include <irqlab/timer.h>
#include <irqlab/sprintf.h>
#include <asm/traps.h>

#define POLL_SPURIOUS_IRQ_INTERVAL	(HZ / 10)
/* In threads_handled_last: a thread's verdict awaits the next interrupt. */
#define SPURIOUS_DEFERRED		0x80000000

static void poll_spurious_irqs(struct timer_list *unused);
static struct timer_list poll_spurious_irq_timer = {
	.function = poll_spurious_irqs,
};
static int irq_poll_cpu;
static atomic_t irq_poll_active;

/*
 * With desc->lock held, from a flow handler that found the line in
 * progress under the poller: wait for the poll, then run if the line is
 * still enabled and requested.
 */
bool irq_wait_for_poll(struct irq_desc *desc)
{
	if (READ_ONCE(irq_poll_cpu) == smp_processor_id()) {
		pr_warn("irq poll in progress on cpu %d for irq %u\n",
			smp_processor_id(), desc->irq_data.irq);
		return false;
	}
	do {
		spin_unlock(&desc->lock);
		while (irqd_irq_inprogress(&desc->irq_data))
			cpu_relax();
		spin_lock(&desc->lock);
	} while (irqd_irq_inprogress(&desc->irq_data));
	return !irqd_irq_disabled(&desc->irq_data) && desc->action;
}

/*
 * Runs a disabled line's handlers once, as if it had fired.  Only for a
 * shared line that is not the timer: a device alone on its line cannot
 * be told apart from the one that storms.  (Linux's try_one_irq() with
 * force: without irqfixup nothing else calls it.)
 */
static bool try_one_irq(struct irq_desc *desc)
{
	struct irqaction *action;
	bool ret = false;

	spin_lock(&desc->lock);
	action = desc->action;
	if (!action || !(action->flags & IRQF_SHARED) ||
	    (action->flags & __IRQF_TIMER))
		goto out;
	/* Running on another CPU: have it look once more for our device. */
	if (irqd_irq_inprogress(&desc->irq_data)) {
		desc->istate |= IRQS_PENDING;
		goto out;
	}
	desc->istate |= IRQS_POLL_INPROGRESS;
	do {
		if (handle_irq_event(desc) == IRQ_HANDLED)
			ret = true;
		action = desc->action;
	} while ((desc->istate & IRQS_PENDING) && action);
	desc->istate &= ~IRQS_POLL_INPROGRESS;
out:
	spin_unlock(&desc->lock);
	return ret;
}

/* Every HZ/10 once a line has been disabled by the rule, for good. */
static void poll_spurious_irqs(struct timer_list *unused)
{
	struct irq_desc *desc;
	unsigned int i;

	if (atomic_inc_return(&irq_poll_active) != 1)
		goto out;
	WRITE_ONCE(irq_poll_cpu, smp_processor_id());
	for_each_irq_desc(i, desc) {
		/* IRQ 0 is the timer, never polled (Linux's legacy rule). */
		if (!i)
			continue;
		if (!(READ_ONCE(desc->istate) & IRQS_SPURIOUS_DISABLED))
			continue;
		local_irq_disable();
		try_one_irq(desc);
		local_irq_enable();
	}
out:
	atomic_dec(&irq_poll_active);
	mod_timer(&poll_spurious_irq_timer,
		  jiffies + POLL_SPURIOUS_IRQ_INTERVAL);
}

/* Anything but IRQ_NONE, IRQ_HANDLED, IRQ_WAKE_THREAD or two of them. */
static bool bad_action_ret(irqreturn_t action_ret)
{
	return (unsigned int)action_ret > (IRQ_HANDLED | IRQ_WAKE_THREAD);
}

/* Linux's "[<%p>] %ps": the address, then the function's name. */
static int sprint_handler(char *buf, size_t len, irq_handler_t fn)
{
	unsigned long addr = (unsigned long)fn, off, size;
	const char *name;

	if (kallsyms_lookup(addr, &name, &off, &size))
		return scnprintf(buf, len, "[<%016lx>] %s", addr, name);
	return scnprintf(buf, len, "[<%016lx>] 0x%lx", addr, addr);
}

static void __report_bad_irq(struct irq_desc *desc, irqreturn_t action_ret)
{
	unsigned int irq = desc->irq_data.irq;
	struct irqaction *action;

	if (bad_action_ret(action_ret))
		pr_err("irq event %u: bogus return value %x\n", irq,
		       action_ret);
	else
		pr_err("irq %u: nobody cared (try booting with the \"irqpoll\" option)\n",
		       irq);
	dump_stack();
	pr_err("handlers:\n");
	/* desc->lock is held (note_interrupt()'s caller): the list holds. */
	for (action = desc->action; action; action = action->next) {
		char line[2 * KSYM_SYMBOL_LEN + 16];
		int n = sprint_handler(line, sizeof(line), action->handler);

		if (action->thread_fn) {
			n += scnprintf(line + n, sizeof(line) - n,
				       " threaded ");
			sprint_handler(line + n, sizeof(line) - n,
				       action->thread_fn);
		}
		pr_err("%s\n", line);
	}
}

/* At most 100 reports a boot, as Linux. */
static void report_bad_irq(struct irq_desc *desc, irqreturn_t action_ret)
{
	static int count = 100;

	if (count > 0) {
		count--;
		__report_bad_irq(desc, action_ret);
	}
}

/*
 * A woken thread's verdict is not known here.  Linux defers it to the
 * next interrupt: that one counts as handled if a thread of the line
 * returned IRQ_HANDLED since (threads_handled moved), else as unhandled.
 * A primary handler that returned IRQ_HANDLED decides alone.
 */
static irqreturn_t deferred_verdict(struct irq_desc *desc,
				    irqreturn_t action_ret)
{
	unsigned int handled;

	if (action_ret != IRQ_WAKE_THREAD) {
		desc->threads_handled_last &= ~SPURIOUS_DEFERRED;
		return action_ret;
	}
	if (!(desc->threads_handled_last & SPURIOUS_DEFERRED)) {
		desc->threads_handled_last |= SPURIOUS_DEFERRED;
		return IRQ_WAKE_THREAD;		/* no verdict yet */
	}
	/* Still deferred: this interrupt's verdict is the next one's. */
	handled = atomic_read(&desc->threads_handled) | SPURIOUS_DEFERRED;
	if (handled == desc->threads_handled_last)
		return IRQ_NONE;
	desc->threads_handled_last = handled;
	return IRQ_HANDLED;
}

void note_interrupt(struct irq_desc *desc, irqreturn_t action_ret)
{
	unsigned int irq = desc->irq_data.irq;

	/* The poller's runs are no evidence either way. */
	if (desc->istate & IRQS_POLL_INPROGRESS)
		return;
	if (bad_action_ret(action_ret)) {
		report_bad_irq(desc, action_ret);
		return;
	}
	if (action_ret & IRQ_WAKE_THREAD) {
		action_ret = deferred_verdict(desc, action_ret);
		if (action_ret == IRQ_WAKE_THREAD)
			return;
	}
	if (unlikely(action_ret == IRQ_NONE)) {
		if (time_after(jiffies, desc->last_unhandled + HZ / 10))
			desc->irqs_unhandled = 1;
		else
			desc->irqs_unhandled++;
		desc->last_unhandled = jiffies;
	}
	/* Counting starts at the first unhandled interrupt. */
	if (likely(!desc->irqs_unhandled))
		return;
	if (likely(++desc->irq_count < 100000))
		return;

	desc->irq_count = 0;
	if (unlikely(desc->irqs_unhandled > 99900)) {
		__report_bad_irq(desc, action_ret);
		pr_emerg("Disabling IRQ #%u\n", irq);
		desc->istate |= IRQS_SPURIOUS_DISABLED;
		desc->depth++;
		irq_disable(desc);
		mod_timer(&poll_spurious_irq_timer,
			  jiffies + POLL_SPURIOUS_IRQ_INTERVAL);
	}
	desc->irqs_unhandled = 0;
}
