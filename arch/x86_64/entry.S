/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt and exception entry.
 *
 * One 16-byte stub per IDT vector, like Linux's irq_entries_start: it makes
 * the frame uniform (a zero where the CPU pushes no error code), pushes its
 * vector and jumps to common_interrupt, which saves the general registers
 * as struct pt_regs (include/asm/ptrace.h) and calls do_interrupt(regs).
 * Field offsets come from generated/asm-offsets.h (asm-offsets.c).
 */

#include <asm/irq_vectors.h>
#include <generated/asm-offsets.h>

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERROR_CODE(v) \
	((v) == 8 || (v) == 10 || (v) == 11 || (v) == 12 || (v) == 13 || \
	 (v) == 14 || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

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
	/* Below the vector, the general registers. */
	subq	$pt_regs_vector, %rsp
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
	cld
	movq	%rsp, %rdi			/* struct pt_regs * */
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
	addq	$pt_regs_ip, %rsp		/* past vector and error code */
	iretq
	.size common_interrupt, . - common_interrupt

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
