// SPDX-License-Identifier: GPL-2.0
/*
 * The SYSCALL instruction's side of the system-call ABI (Linux's
 * arch/x86/entry/common.c and kernel/cpu/common.c syscall_init()):
 * which entry point and segments it uses, and do_syscall_64(), which the
 * entry stub calls with the user's registers.  The number is in %rax,
 * the arguments in %rdi, %rsi, %rdx, %r10, %r8, %r9, the result (or a
 * negative errno) goes back in %rax.
 */
#include <asm/processor.h>
#include <asm/desc.h>
#include <asm/ptrace.h>
#include <irqlab/syscalls.h>
#include <irqlab/entry-common.h>
#include <irqlab/errno.h>
#include <irqlab/sched.h>
#include <irqlab/kernel_stat.h>

void entry_SYSCALL_64(void);

/* Cleared on entry (Linux's mask): interrupts off until the stack is
 * the kernel's, no single-step, a clean direction flag, no AC. */
#define SYSCALL_MASK	0x257fd5UL

void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)(__USER32_CS & ~3) << 48) |
			((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, SYSCALL_MASK);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * SYSRET restores %rip from %rcx and the flags from %r11, so it can only
 * return what they still hold; and on Intel CPUs a non-canonical %rcx
 * faults in kernel mode with the user's stack, so anything above the user
 * half goes by IRET (Linux's checks, in the same order).
 */
static bool can_sysret(const struct pt_regs *regs)
{
	if (regs->cx != regs->ip || regs->r11 != regs->flags)
		return false;
	if (regs->cs != __USER_CS || regs->ss != __USER_DS)
		return false;
	if (regs->ip >= TASK_SIZE_MAX)
		return false;
	return !(regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}

bool do_syscall_64(struct pt_regs *regs, unsigned long nr)
{
	sys_call_ptr_t fn;

	account_user_exit();
	local_irq_enable();
	fn = syscall_handler(nr);
	if (fn)
		regs->ax = fn(regs);
	else
		regs->ax = sys_ni_syscall(nr);
	exit_to_user_mode(regs);
	return can_sysret(regs);
}
