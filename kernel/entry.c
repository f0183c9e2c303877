// SPDX-License-Identifier: GPL-2.0
/*
 * The way back to user mode (Linux's kernel/entry/common.c
 * exit_to_user_mode_loop): with interrupts on, reschedule while asked to
 * and die of a fatal signal; then interrupts off, so nothing new can be
 * owed between the last check and the return instruction.
 */
#include <asm/processor.h>
#include <irqlab/entry-common.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/preempt.h>
#include <irqlab/kernel_stat.h>

void exit_to_user_mode(struct pt_regs *regs)
{
	int sig;

	for (;;) {
		local_irq_disable();
		if (!need_resched() && !signal_pending(current))
			break;
		local_irq_enable();
		if (need_resched())
			schedule();
		sig = get_fatal_signal();
		if (sig)
			do_exit(sig);
		/* Only signals without effect are left (stops, for now). */
		if (!need_resched()) {
			local_irq_disable();
			break;
		}
	}
	account_user_enter();
}

void ret_from_kernel_thread(long ret)
{
	if (ret || !current->mm)
		do_exit(ret);
}
