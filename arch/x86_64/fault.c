// SPDX-License-Identifier: GPL-2.0
/*
 * Faults that belong to a process rather than to the kernel (Linux's
 * arch/x86/mm/fault.c and the user half of traps.c): a page fault on a
 * user address is first offered to the address space (a page not yet
 * touched is filled in); what remains is the program's error, reported
 * with Linux's log line and a signal, or, for a user copy in a system
 * call, resumed at its fixup so the call returns -EFAULT.
 */
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/smap.h>
#include <asm/traps.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/mman.h>
#include <irqlab/preempt.h>
#include <irqlab/printk.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/uaccess.h>

/* Linux's show_unhandled_signals: log what kills a process. */
static void show_signal_msg(struct pt_regs *regs, unsigned long error,
			    unsigned long address)
{
	struct task_struct *tsk = current;

	printk("%s%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx",
	       tsk->pid > 1 ? KERN_INFO : KERN_ERR, tsk->comm, tsk->pid,
	       address, regs->ip, regs->sp, error);
	print_vma_addr(" in ", regs->ip);
	pr_cont("\n");
}

bool handle_page_fault(struct pt_regs *regs, unsigned long address)
{
	struct task_struct *tsk = current;	/* NULL early in boot */
	struct mm_struct *mm = tsk ? tsk->mm : NULL;
	int ret = -EFAULT;

	/*
	 * The kernel touched a user page outside a user copy (no AC): SMAP
	 * refused it, and it is the kernel's bug whatever the exception
	 * table says (Linux's do_user_addr_fault oopses here too).
	 */
	if (address < TASK_SIZE_MAX && !user_mode(regs) &&
	    !(regs->flags & X86_EFLAGS_AC) && smap_enabled())
		return false;
	/* In an interrupt, or with no process: the kernel's own fault. */
	if (address < TASK_SIZE_MAX && mm && !in_interrupt()) {
		if (regs->flags & X86_EFLAGS_IF)
			local_irq_enable();
		ret = handle_mm_fault(mm, address, regs->error_code);
		local_irq_disable();
		if (!ret)
			return true;
	}
	if (user_mode(regs)) {
		if (ret == -ENOMEM) {
			pagefault_out_of_memory();
			return true;
		}
		if (unhandled_signal(current, SIGSEGV))
			show_signal_msg(regs, regs->error_code, address);
		/* Error code bit 0: a present page, so its protection. */
		force_sig_fault(SIGSEGV, (regs->error_code & 1) ?
				SEGV_ACCERR : SEGV_MAPERR, address);
		return true;
	}
	return fixup_exception(regs);
}

/* The siginfo of a trap (Linux's do_trap and friends). */
static int trap_code(unsigned int vector)
{
	switch (vector) {
	case X86_TRAP_DE:
		return FPE_INTDIV;
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		return FPE_FLTINV;
	case X86_TRAP_UD:
		return ILL_ILLOPN;
	case X86_TRAP_BP:
	case X86_TRAP_DB:
		return TRAP_BRKPT;
	case X86_TRAP_AC:
		return BUS_ADRALN;
	}
	return SI_KERNEL;
}

static int trap_signal(unsigned int vector)
{
	switch (vector) {
	case X86_TRAP_DE:
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		return SIGFPE;
	case X86_TRAP_UD:
		return SIGILL;
	case X86_TRAP_BP:
	case X86_TRAP_DB:
		return SIGTRAP;
	case X86_TRAP_AC:
		return SIGBUS;
	}
	return SIGSEGV;
}

void do_user_trap(struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	int sig = trap_signal(regs->vector);

	if (!unhandled_signal(tsk, sig))
		goto send;
	if (regs->vector == X86_TRAP_GP)
		pr_info("traps: %s[%d] general protection fault ip:%lx sp:%lx error:%lx",
			tsk->comm, tsk->pid, regs->ip, regs->sp,
			regs->error_code);
	else
		pr_info("traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx",
			tsk->comm, tsk->pid, trap_name(regs->vector), regs->ip,
			regs->sp, regs->error_code);
	print_vma_addr(" in ", regs->ip);
	pr_cont("\n");
send:
	force_sig_fault(sig, trap_code(regs->vector),
			trap_code(regs->vector) == SI_KERNEL ? 0 : regs->ip);
}
