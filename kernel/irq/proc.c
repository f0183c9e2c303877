// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/interrupts in Linux's exact layout (kernel/irq/proc.c
 * show_interrupts), so scripts written for Linux parse it unchanged:
 *
 *            CPU0       CPU1
 *   0:         36          0   IO-APIC   2-edge      timer
 *   4:        417          0   IO-APIC   4-edge      ttyS0
 * LOC:      12345      12340   Local timer interrupts
 */
#include <irqlab/irq.h>
#include <irqlab/shell.h>
#include <asm/hardirq.h>

/* Columns for the IRQ number: 3 while there are fewer than 1000. */
static int irq_prec(void)
{
	int prec = 3, j;

	for (j = 1000; prec < 10 && j <= NR_IRQS; prec++)
		j *= 10;
	return prec;
}

static void show_irq(unsigned int irq, struct irq_desc *desc, int prec)
{
	struct irqaction *action;
	int cpu;

	if (!desc->action && !kstat_irqs(irq))
		return;
	sh_printf("%*u: ", prec, irq);
	for_each_online_cpu(cpu)
		sh_printf("%10u ", desc->kstat_irqs[cpu]);
	sh_printf(" %8s", desc->irq_data.chip->name);
	sh_printf(" %*lu", prec, desc->irq_data.hwirq);
	sh_printf("-%-8s", desc->name);
	action = desc->action;
	if (action) {
		sh_printf("  %s", action->name);
		while ((action = action->next) != NULL)
			sh_printf(", %s", action->name);
	}
	sh_printf("\n");
}

static void proc_interrupts_show(void)
{
	struct irq_desc *desc;
	unsigned int irq;
	int prec = irq_prec(), cpu;

	sh_printf("%*s", prec + 8, "");
	for_each_online_cpu(cpu)
		sh_printf("CPU%-8d", cpu);
	sh_printf("\n");
	for_each_irq_desc(irq, desc)
		show_irq(irq, desc, prec);
	arch_show_interrupts(prec);
}
PROC_ENTRY("/proc/interrupts", proc_interrupts_show);
