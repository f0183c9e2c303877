/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt and exception entry.
 *
 * One 16-byte stub per IDT vector, like Linux's irq_entries_start: it makes
 * the frame uniform (a zero where the CPU pushes no error code), pushes its
 * vector and jumps to common_interrupt, which saves the general registers
 * as struct pt_regs (include/asm/ptrace.h) and calls do_interrupt(regs).
 */

#include <asm/irq_vectors.h>

#define PT_VECTOR		(15 * 8)	/* offsetof(struct pt_regs, vector) */
#define PCPU_HOT_IRQ_STACK	32		/* struct pcpu_hot fields */
#define PCPU_HOT_IRQ_INUSE	40

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

common_interrupt:
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	cld
	movq	%rsp, %rdi			/* struct pt_regs * */
	/* Interrupts (not exceptions) move to this CPU's interrupt stack. */
	cmpq	$FIRST_EXTERNAL_VECTOR, PT_VECTOR(%rsp)
	jb	2f
	movq	%rdi, %rsi
	leaq	do_interrupt(%rip), %rdi
	call	call_on_irq_stack
	jmp	3f
2:	call	do_interrupt
	/* Back on the interrupted task's stack: maybe preempt it. */
3:	movq	%rsp, %rdi
	call	irqentry_exit
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	addq	$16, %rsp		/* vector and error code */
	iretq

/*
 * void call_on_irq_stack(void (*func)(void *), void *arg), interrupts
 * off: runs func(arg) on this CPU's interrupt stack (for interrupts, and
 * for Linux's do_softirq_own_stack()), or where it is if that stack is in
 * use (nested) or not set up yet.  %rbp keeps the caller's stack pointer
 * and links the frames for the backtrace.
 */
	.globl call_on_irq_stack
	.type call_on_irq_stack, @function
call_on_irq_stack:
	pushq	%rbp
	movq	%rsp, %rbp
	cmpq	$0, %gs:PCPU_HOT_IRQ_INUSE
	jne	1f
	movq	%gs:PCPU_HOT_IRQ_STACK, %rax
	testq	%rax, %rax
	jz	1f
	movq	$1, %gs:PCPU_HOT_IRQ_INUSE
	movq	%rax, %rsp
	movq	%rdi, %rax
	movq	%rsi, %rdi
	call	*%rax
	movq	%rbp, %rsp
	movq	$0, %gs:PCPU_HOT_IRQ_INUSE
	popq	%rbp
	ret
1:	movq	%rdi, %rax
	movq	%rsi, %rdi
	call	*%rax
	popq	%rbp
	ret
	.size call_on_irq_stack, . - call_on_irq_stack
