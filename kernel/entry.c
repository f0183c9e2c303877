// SPDX-License-Identifier: GPL-2.0
/*
 * The way back to user mode (Linux's kernel/entry/common.c
 * exit_to_user_mode_loop): with interrupts on, reschedule while asked to
 * and deliver signals (kernel/signal_deliver.c: default actions, stops,
 * handlers, restarting an interrupted system call); then interrupts
 * off, so nothing new can be owed between the last check and the
 * return instruction.
 *
 * A system call comes here from do_syscall_64() with interrupts on,
 * every other way (an interrupt or exception from user mode through
 * ret_to_user) with them off: that, and a vector slot rt_sigreturn did
 * not set to -1, says that regs->vector is a system call's number (Linux
 * tests orig_ax >= 0) which may be restarted.  A new process
 * (ret_from_fork) also comes with interrupts on, but its ax is 0.
 */
#include <asm/processor.h>
#include <irqlab/entry-common.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/preempt.h>
#include <irqlab/kernel_stat.h>

static bool work_owed(struct pt_regs *regs, bool syscall)
{
	return signal_pending(current) || current->signal.restore_sigmask ||
	       syscall_restart_owed(regs, syscall);
}

void exit_to_user_mode(struct pt_regs *regs)
{
	bool syscall = !irqs_disabled() && regs->vector != ~0UL;

	for (;;) {
		local_irq_disable();
		if (!need_resched() && !work_owed(regs, syscall))
			break;
		local_irq_enable();
		if (need_resched())
			schedule();
		if (work_owed(regs, syscall))
			arch_do_signal_or_restart(regs, syscall);
	}
	account_user_enter();
}

void ret_from_kernel_thread(long ret)
{
	if (ret || !current->mm)
		do_exit(ret);
}
