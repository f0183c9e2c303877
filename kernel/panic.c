// SPDX-License-Identifier: GPL-2.0
/*
 * panic(): the kernel cannot go on.  Print why and where, then stop: exit
 * QEMU with a failure status when its isa-debug-exit device is there (test
 * runs), else halt.  Until the SMP issue only this CPU is running; it will
 * stop the others with an IPI here.
 */
#include <irqlab/kernel.h>
#include <irqlab/sprintf.h>
#include <irqlab/debugexit.h>
#include <asm/processor.h>
#include <asm/traps.h>

void panic(const char *fmt, ...)
{
	static bool in_panic;
	char buf[256];
	va_list args;

	local_irq_disable();
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

	debug_exit(DEBUG_EXIT_PANIC);
	halt_forever();
}
