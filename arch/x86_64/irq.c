// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt entry for vectors 32-255 (entry.S -> do_interrupt -> do_IRQ):
 * device vectors go to the generic IRQ layer by way of the vector table;
 * the local APIC's own vectors are handled here.  Everything runs between
 * irq_enter() and irq_exit(), so in_hardirq() is true inside handlers.
 */
#include <asm/hardirq.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <irqlab/irq.h>
#include <irqlab/shell.h>
#include <irqlab/kernel.h>

struct irq_cpustat irq_stat[NR_CPUS];
unsigned int irq_err_count;

void do_IRQ(struct pt_regs *regs)
{
	int vector = regs->vector, irq;

	irq_enter();
	switch (vector) {
	case LOCAL_TIMER_VECTOR:
		lapic_timer_interrupt();
		break;
	case SPURIOUS_APIC_VECTOR:
		lapic_spurious_interrupt();
		break;
	case ERROR_APIC_VECTOR:
		lapic_error_interrupt();
		break;
	default:
		irq = irq_vector_to_irq(vector);
		if (irq >= 0) {
			generic_handle_irq(irq);
		} else if (vector >= ISA_IRQ_VECTOR(0) &&
			   vector < FIRST_DEVICE_VECTOR) {
			/* A masked 8259 still raises spurious IRQ 7/15. */
			irq_err_count++;
		} else {
			apic_eoi();
			pr_emerg("do_IRQ: %d.%d No irq handler for vector\n",
				 smp_processor_id(), vector);
		}
	}
	irq_exit();
}

static void show_row(int prec, const char *name, size_t offset,
		     const char *desc)
{
	int cpu;

	sh_printf("%*s: ", prec, name);
	for_each_online_cpu(cpu)
		sh_printf("%10u ",
			  *(unsigned int *)((char *)&irq_stat[cpu] + offset));
	sh_printf("  %s\n", desc);
}

#define SHOW_ROW(prec, name, field, desc) \
	show_row(prec, name, __builtin_offsetof(struct irq_cpustat, field), desc)

void arch_show_interrupts(int prec)
{
	SHOW_ROW(prec, "NMI", __nmi_count, "Non-maskable interrupts");
	SHOW_ROW(prec, "LOC", apic_timer_irqs, "Local timer interrupts");
	SHOW_ROW(prec, "SPU", irq_spurious_count, "Spurious interrupts");
	sh_printf("%*s: %10u\n", prec, "ERR", irq_err_count);
}

u64 arch_irq_stat(void)
{
	u64 sum = irq_err_count;
	int cpu;

	for_each_online_cpu(cpu)
		sum += irq_stat[cpu].__nmi_count + irq_stat[cpu].apic_timer_irqs +
		       irq_stat[cpu].irq_spurious_count;
	return sum;
}
