// SPDX-License-Identifier: GPL-2.0
/*
 * panic(): the kernel cannot go on.  Print why and where, call the panic
 * notifiers (drivers/debugexit.c exits QEMU with a failure status when
 * its isa-debug-exit device is there), else halt.  The other CPUs are
 * stopped first.
 */
#include <irqlab/kernel.h>
#include <irqlab/sprintf.h>
#include <irqlab/panic_notifier.h>
#include <irqlab/smp.h>
#include <asm/processor.h>
#include <asm/traps.h>

ATOMIC_NOTIFIER_HEAD(panic_notifier_list);

static int panic_cpu = -1;

/*
 * The first CPU to die or panic stops the others, so that its report is
 * the only thing on the console; any other CPU arriving here just halts,
 * and so does this one if it faults again while reporting.
 */
void panic_stop_other_cpus(void)
{
	int this = smp_processor_id(), old = -1;

	local_irq_disable();
	if (!__atomic_compare_exchange_n(&panic_cpu, &old, this, false,
					 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) &&
	    old != this)
		halt_forever();
	smp_send_stop();
}

void panic(const char *fmt, ...)
{
	static bool in_panic;
	char buf[256];
	va_list args;

	panic_stop_other_cpus();
	if (in_panic)		/* a fault while panicking: just stop */
		halt_forever();
	in_panic = true;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);

	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	/* An oops has shown the stack already. */
	if (!oops_in_progress)
		dump_stack();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);

	/* After the end line, unlike Linux: a notifier may stop the machine. */
	atomic_notifier_call_chain(&panic_notifier_list, 0, buf);
	halt_forever();
}
