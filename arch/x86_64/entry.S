/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt, exception and system-call entry.
 *
 * One 16-byte stub per IDT vector, like Linux's irq_entries_start: it makes
 * the frame uniform (a zero where the CPU pushes no error code), pushes its
 * vector and jumps to common_interrupt, which saves the general registers
 * as struct pt_regs (include/asm/ptrace.h) and calls do_interrupt(regs).
 * Field offsets come from generated/asm-offsets.h (asm-offsets.c).
 *
 * From user mode the GS base is the user's: SWAPGS exchanges it with the
 * kernel's (MSR_KERNEL_GS_BASE) on the way in and back on the way out, as
 * Linux's entry_64.S.  An NMI, #DF or #MC may arrive in kernel mode in the
 * few instructions where GS is still the user's (around SWAPGS in the
 * system-call path), so for those vectors the GS base itself decides
 * (Linux's paranoid_entry): a kernel GS base is a negative address.
 */

#define MSR_GS_BASE	0xc0000101
#define ENOSYS		38

#include <asm/irq_vectors.h>
#include <asm/smap.h>
#include <generated/asm-offsets.h>

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERROR_CODE(v) \
	((v) == 8 || (v) == 10 || (v) == 11 || (v) == 12 || (v) == 13 || \
	 (v) == 14 || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)


/* The general registers to and from struct pt_regs at %rsp. */
.macro SAVE_REGS
	movq	%rdi, pt_regs_di(%rsp)
	movq	%rsi, pt_regs_si(%rsp)
	movq	%rdx, pt_regs_dx(%rsp)
	movq	%rcx, pt_regs_cx(%rsp)
	movq	%rax, pt_regs_ax(%rsp)
	movq	%r8, pt_regs_r8(%rsp)
	movq	%r9, pt_regs_r9(%rsp)
	movq	%r10, pt_regs_r10(%rsp)
	movq	%r11, pt_regs_r11(%rsp)
	movq	%rbx, pt_regs_bx(%rsp)
	movq	%rbp, pt_regs_bp(%rsp)
	movq	%r12, pt_regs_r12(%rsp)
	movq	%r13, pt_regs_r13(%rsp)
	movq	%r14, pt_regs_r14(%rsp)
	movq	%r15, pt_regs_r15(%rsp)
.endm

.macro RESTORE_REGS
	movq	pt_regs_r15(%rsp), %r15
	movq	pt_regs_r14(%rsp), %r14
	movq	pt_regs_r13(%rsp), %r13
	movq	pt_regs_r12(%rsp), %r12
	movq	pt_regs_bp(%rsp), %rbp
	movq	pt_regs_bx(%rsp), %rbx
	movq	pt_regs_r11(%rsp), %r11
	movq	pt_regs_r10(%rsp), %r10
	movq	pt_regs_r9(%rsp), %r9
	movq	pt_regs_r8(%rsp), %r8
	movq	pt_regs_ax(%rsp), %rax
	movq	pt_regs_cx(%rsp), %rcx
	movq	pt_regs_dx(%rsp), %rdx
	movq	pt_regs_si(%rsp), %rsi
	movq	pt_regs_di(%rsp), %rdi
.endm

	.text
	.balign 16
	.globl irq_entries_start
irq_entries_start:
	vector = 0
	.rept 256
	.balign 16
	.if !HAS_ERROR_CODE(vector)
	pushq	$0
	.endif
	pushq	$vector
	jmp	common_interrupt
	vector = vector + 1
	.endr

/*
 * The backtrace (dumpstack.c) knows a return address inside this
 * function as the way out of an interrupt: the frame that returns here
 * sits right below the struct pt_regs of what was interrupted.
 */
	.globl common_interrupt
	.type common_interrupt, @function
common_interrupt:
	/* RFLAGS.AC is not cleared by the CPU: user mode or a user copy may
	 * have left it set, and the handler must not run with user memory
	 * open (IRET brings the interrupted code's AC back). */
	ASM_CLAC
	/* Below the vector, the general registers. */
	subq	$pt_regs_vector, %rsp
	SAVE_REGS
	cld
	/* %r12 (saved above) is 1 if GS must be swapped back on exit. */
	xorl	%r12d, %r12d
	testb	$3, pt_regs_cs(%rsp)
	jnz	1f
	cmpq	$2, pt_regs_vector(%rsp)	/* NMI */
	je	0f
	cmpq	$8, pt_regs_vector(%rsp)	/* #DF */
	je	0f
	cmpq	$18, pt_regs_vector(%rsp)	/* #MC */
	jne	4f
0:	movl	$MSR_GS_BASE, %ecx
	rdmsr
	testl	%edx, %edx
	js	4f
1:	swapgs
	movl	$1, %r12d
4:	movq	%rsp, %rdi			/* struct pt_regs * */
	/* Interrupts (not exceptions) move to this CPU's interrupt stack. */
	cmpq	$FIRST_EXTERNAL_VECTOR, pt_regs_vector(%rsp)
	jb	2f
	movq	%rdi, %rsi
	leaq	do_interrupt(%rip), %rdi
	call	call_on_irq_stack
	jmp	3f
2:	call	do_interrupt
	/* Back on the interrupted task's stack: maybe preempt it. */
3:	movq	%rsp, %rdi
	call	irqentry_exit
	testl	%r12d, %r12d
	jz	5f
	testb	$3, pt_regs_cs(%rsp)
	jnz	ret_to_user
	swapgs					/* the paranoid case */
5:	RESTORE_REGS
	addq	$pt_regs_ip, %rsp		/* past vector and error code */
	iretq
	.size common_interrupt, . - common_interrupt

/*
 * Back to user mode with the registers of struct pt_regs at %rsp: the
 * way out of an interrupt or exception taken in user mode, of a system
 * call that cannot use SYSRET, and of a new process (ret_from_fork).
 * exit_to_user_mode() does what is owed first (a reschedule, a fatal
 * signal) and returns with interrupts off.
 */
	.globl ret_to_user
	.type ret_to_user, @function
ret_to_user:
	movq	%rsp, %rdi
	call	exit_to_user_mode
swapgs_restore_regs_and_return_to_usermode:
	swapgs
	RESTORE_REGS
	addq	$pt_regs_ip, %rsp
	iretq
	.size ret_to_user, . - ret_to_user

/*
 * SYSCALL: the CPU put the return address in %rcx and the flags in %r11,
 * masked the flags with MSR_SYSCALL_MASK (interrupts off), and loaded the
 * kernel's CS and SS; the stack is still the user's.  Build the same
 * struct pt_regs an interrupt would, on the task's kernel stack, with the
 * number in the vector slot (Linux's orig_ax) and -ENOSYS in ax.
 * do_syscall_64() runs the call and the exit work, and says whether
 * SYSRET can return (it cannot restore %rcx and %r11, nor a
 * non-canonical address); otherwise IRET does.
 */
	.globl entry_SYSCALL_64
	.type entry_SYSCALL_64, @function
entry_SYSCALL_64:
	swapgs
	movq	%rsp, %gs:X86_user_rsp_scratch
	movq	%gs:X86_top_of_stack, %rsp
	pushq	$__USER_DS_SEL			/* ss */
	pushq	%gs:X86_user_rsp_scratch	/* sp */
	pushq	%r11				/* flags */
	pushq	$__USER_CS_SEL			/* cs */
	pushq	%rcx				/* ip */
	pushq	$0				/* error code */
	pushq	%rax				/* the number */
	subq	$pt_regs_vector, %rsp
	SAVE_REGS
	movq	$-ENOSYS, pt_regs_ax(%rsp)
	cld
	movq	%rsp, %rdi
	movq	%rax, %rsi
	call	do_syscall_64
	testb	%al, %al
	jz	swapgs_restore_regs_and_return_to_usermode
	RESTORE_REGS
	movq	pt_regs_sp(%rsp), %rsp
	swapgs
	sysretq
	.size entry_SYSCALL_64, . - entry_SYSCALL_64

/*
 * void call_on_irq_stack(void (*func)(void *), void *arg), interrupts
 * off: runs func(arg) on this CPU's interrupt stack (for interrupts, and
 * for Linux's do_softirq_own_stack()), or where it is if that stack is in
 * use (nested) or not set up yet.  %rbp keeps the caller's stack pointer
 * and links the frames for the backtrace.  As Linux's call_on_irq_stack,
 * the caller's stack pointer is also stored in the stack's top-most word
 * (hardirq_stack_ptr), where the backtrace finds the way back.
 */
	.globl call_on_irq_stack
	.type call_on_irq_stack, @function
call_on_irq_stack:
	pushq	%rbp
	movq	%rsp, %rbp
	cmpq	$0, %gs:X86_hardirq_stack_inuse
	jne	1f
	movq	%gs:X86_hardirq_stack_ptr, %rax
	testq	%rax, %rax
	jz	1f
	movq	$1, %gs:X86_hardirq_stack_inuse
	movq	%rsp, (%rax)
	leaq	-8(%rax), %rsp		/* 16-byte aligned at the call */
	movq	%rdi, %rax
	movq	%rsi, %rdi
	call	*%rax
	movq	%rbp, %rsp
	movq	$0, %gs:X86_hardirq_stack_inuse
	popq	%rbp
	ret
1:	movq	%rdi, %rax
	movq	%rsi, %rdi
	call	*%rax
	popq	%rbp
	ret
	.size call_on_irq_stack, . - call_on_irq_stack
