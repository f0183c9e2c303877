// SPDX-License-Identifier: GPL-2.0
/*
 * Every CPU's backtrace on demand (Linux's lib/nmi_backtrace.c and
 * arch/x86/kernel/apic/hw_nmi.c), for sysrq l: the asking CPU prints its
 * own, and an NMI makes each other online CPU print the registers it was
 * interrupted at and the trace from them, even one spinning with
 * interrupts off.  Each CPU's report is whole: it holds the printk CPU
 * lock for all of it.
 */
#include <asm/apic.h>
#include <asm/nmi.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <irqlab/atomic.h>
#include <irqlab/bitmap.h>
#include <irqlab/delay.h>
#include <irqlab/init.h>
#include <irqlab/kernel.h>
#include <irqlab/preempt.h>
#include <irqlab/printk.h>
#include <irqlab/smp.h>


/* The CPUs still to print (Linux's backtrace_mask); one request at a
 * time (backtrace_flag), the others skip, as Linux's. */
static unsigned long backtrace_mask;
static unsigned long backtrace_flag;

static void nmi_cpu_backtrace(struct pt_regs *regs)
{
	int cpu = smp_processor_id();
	unsigned long flags;

	printk_cpu_sync_get_irqsave(flags);
	pr_warn("NMI backtrace for cpu %d\n", cpu);
	if (regs)
		show_regs(regs);
	else
		dump_stack();
	printk_cpu_sync_put_irqrestore(flags);
	clear_bit(cpu, &backtrace_mask);
}

static int nmi_backtrace_handler(unsigned int type, struct pt_regs *regs)
{
	if (!test_bit(smp_processor_id(), &backtrace_mask))
		return NMI_DONE;
	nmi_cpu_backtrace(regs);
	return NMI_HANDLED;
}

void trigger_all_cpu_backtrace(void)
{
	unsigned long others;
	char list[200];
	int cpu, this, ms;

	if (test_and_set_bit(0, &backtrace_flag))
		return;
	preempt_disable();
	this = smp_processor_id();
	WRITE_ONCE(backtrace_mask, cpu_online_mask);
	nmi_cpu_backtrace(NULL);
	others = READ_ONCE(backtrace_mask);
	if (others) {
		bitmap_print_list(list, sizeof(list), others);
		pr_info("Sending NMI from CPU %d to CPUs %s:\n", this, list);
		for (cpu = 0; cpu < NR_CPUS; cpu++)
			if (others & (1UL << cpu))
				apic_send_NMI(cpu);
	}
	/* Linux waits ten seconds for them, then goes on without. */
	for (ms = 0; ms < 10000 && READ_ONCE(backtrace_mask); ms++)
		mdelay(1);
	WRITE_ONCE(backtrace_mask, 0);
	preempt_enable();
	clear_bit(0, &backtrace_flag);
}

static int register_nmi_cpu_backtrace_handler(void)
{
	return register_nmi_handler(NMI_LOCAL, nmi_backtrace_handler, 0,
				    "arch_bt");
}
early_initcall(register_nmi_cpu_backtrace_handler);
