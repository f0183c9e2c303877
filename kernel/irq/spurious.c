// SPDX-License-Identifier: GPL-2.0
/*
 * The unhandled-interrupt rule of Linux's kernel/irq/spurious.c: of every
 * 100,000 interrupts on a line, if more than 99,900 were claimed by no
 * handler, the line is stuck or misrouted, and it is disabled before it
 * eats the CPU.  An odd unhandled interrupt now and then (more than HZ/10
 * after the last one) restarts the count, so a healthy line with rare
 * spurious interrupts never trips it.
 */
#include <irqlab/irq.h>
#include <irqlab/kernel.h>
#include <irqlab/jiffies.h>
#include <irqlab/kallsyms.h>
#include <asm/traps.h>

static void report_bad_irq(struct irq_desc *desc, irqreturn_t action_ret)
{
	char sym[KSYM_SYMBOL_LEN];
	struct irqaction *action;

	if (action_ret & ~(IRQ_HANDLED | IRQ_WAKE_THREAD))
		pr_err("irq event %u: bogus return value %x\n",
		       desc->irq_data.irq, action_ret);
	else
		pr_err("irq %u: nobody cared (try booting with the \"irqpoll\" option)\n",
		       desc->irq_data.irq);
	dump_stack();
	pr_err("handlers:\n");
	for (action = desc->action; action; action = action->next) {
		sprint_symbol(sym, (unsigned long)action->handler);
		pr_err("[<%016lx>] %s\n", (unsigned long)action->handler, sym);
	}
}

void note_interrupt(struct irq_desc *desc, irqreturn_t action_ret)
{
	if (action_ret == IRQ_NONE) {
		if (time_after(jiffies, desc->last_unhandled + HZ / 10))
			desc->irqs_unhandled = 1;
		else
			desc->irqs_unhandled++;
		desc->last_unhandled = jiffies;
	}

	if (likely(++desc->irq_count < 100000))
		return;

	desc->irq_count = 0;
	if (unlikely(desc->irqs_unhandled > 99900)) {
		report_bad_irq(desc, action_ret);
		pr_emerg("Disabling IRQ #%u\n", desc->irq_data.irq);
		desc->istate |= IRQS_SPURIOUS_DISABLED;
		desc->depth++;
		irq_disable(desc);
	}
	desc->irqs_unhandled = 0;
}
