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
#include <asm/irq_regs.h>
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <irqlab/irq.h>
#include <irqlab/shell.h>
#include <irqlab/kernel.h>
#include <irqlab/vmalloc.h>
#include <asm/smp.h>
#include <asm/processor.h>

DEFINE_PER_CPU(struct irq_cpustat, irq_stat);
DEFINE_PER_CPU(struct pt_regs *, irq_regs);
unsigned int irq_err_count;

/*
 * Each CPU's interrupt stack: entry.S switches to it on the first
 * interrupt (not for exceptions, not when nested), so a deep handler, and
 * later the softirqs run on the way out, never eat into a task's stack.
 */
bool irq_stack_init(int cpu)
{
	void *stack = alloc_kernel_stack();

	if (!stack)
		return false;
	/* Linux's layout: the top-most word, where entry.S saves the
	 * interrupted stack pointer. */
	per_cpu_ptr(&pcpu_hot, cpu)->hardirq_stack_ptr =
		(unsigned long)stack + THREAD_SIZE - sizeof(long);
	return true;
}

void do_IRQ(struct pt_regs *regs)
{
	struct pt_regs *old_regs = set_irq_regs(regs);
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
	case RESCHEDULE_VECTOR:
		inc_irq_stat(irq_resched_count);
		apic_eoi();
		scheduler_ipi();
		break;
	case CALL_FUNCTION_VECTOR:
		inc_irq_stat(irq_call_count);
		apic_eoi();
		generic_smp_call_function_interrupt();
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
	set_irq_regs(old_regs);
}

static void show_row(int prec, const char *name, size_t offset,
		     const char *desc)
{
	int cpu;

	sh_printf("%*s: ", prec, name);
	for_each_online_cpu(cpu) {
		char *stat = (char *)per_cpu_ptr(&irq_stat, cpu);

		sh_printf("%10u ", *(unsigned int *)(stat + offset));
	}
	sh_printf("  %s\n", desc);
}

#define SHOW_ROW(prec, name, field, desc) \
	show_row(prec, name, offsetof(struct irq_cpustat, field), desc)

void arch_show_interrupts(int prec)
{
	SHOW_ROW(prec, "NMI", __nmi_count, "Non-maskable interrupts");
	SHOW_ROW(prec, "LOC", apic_timer_irqs, "Local timer interrupts");
	SHOW_ROW(prec, "SPU", irq_spurious_count, "Spurious interrupts");
	SHOW_ROW(prec, "RES", irq_resched_count, "Rescheduling interrupts");
	SHOW_ROW(prec, "CAL", irq_call_count, "Function call interrupts");
	sh_printf("%*s: %10u\n", prec, "ERR", irq_err_count);
}

u64 arch_irq_stat(void)
{
	u64 sum = irq_err_count;
	int cpu;

	for_each_online_cpu(cpu) {
		struct irq_cpustat *s = per_cpu_ptr(&irq_stat, cpu);

		sum += s->__nmi_count + s->apic_timer_irqs +
		       s->irq_spurious_count + s->irq_resched_count +
		       s->irq_call_count;
	}
	return sum;
}

/*
 * Called by entry.S on the interrupted task's own stack, after the
 * handler: the place where an interrupt preempts a task (Linux's
 * irqentry_exit_cond_resched).  Only for interrupts, only if the task had
 * interrupts on and is not in a preempt-disabled section.
 */
void irqentry_exit(struct pt_regs *regs)
{
	/* To user mode: exit_to_user_mode() reschedules there. */
	if (user_mode(regs) || regs->vector < FIRST_EXTERNAL_VECTOR ||
	    !(regs->flags & X86_EFLAGS_IF) || preempt_count())
		return;
	if (need_resched())
		preempt_schedule_irq();
}
