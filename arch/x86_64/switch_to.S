/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Switching kernel stacks (Linux's arch/x86/entry/entry_64.S).  The C
 * caller, context_switch(), holds the run queue lock with interrupts off;
 * the task switched to releases it (finish_task_switch).  Only
 * callee-saved registers need saving: to the compiler this is a call.
 */
#include <generated/asm-offsets.h>

	.text
	.globl __switch_to_asm
	.type __switch_to_asm, @function
/* struct task_struct *__switch_to_asm(prev %rdi, next %rsi) */
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15

	movq	%rsp, TASK_threadsp(%rdi)
	movq	TASK_threadsp(%rsi), %rsp
	/* pcpu_hot.current_task: from here on, current is next. */
	movq	%rsi, %gs:X86_current_task

	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	/* %rdi survived: the resumed task learns who ran before it. */
	movq	%rdi, %rax
	ret
	.size __switch_to_asm, . - __switch_to_asm

/*
 * A new task's first instructions: %rax is the previous task, %rbx the
 * function, %r12 its argument (copy_thread put them in the frame).  The
 * frame sits right below the task's struct pt_regs, so when the function
 * returns %rsp points at them.  A forked process has no function (%rbx
 * 0): it returns to user mode at once with its copy of the parent's
 * registers.  A kernel thread whose function returns 0 after
 * kernel_execve() goes to user mode as the new program, as Linux's
 * kernel_init does; any other return ends the thread.
 */
	.globl ret_from_fork
	.type ret_from_fork, @function
ret_from_fork:
	movq	%rax, %rdi
	call	schedule_tail
	testq	%rbx, %rbx
	jz	ret_to_user
	movq	%r12, %rdi
	call	*%rbx
	movslq	%eax, %rdi		/* int fn() */
	call	ret_from_kernel_thread	/* returns only to go to user mode */
	jmp	ret_to_user
	.size ret_from_fork, . - ret_from_fork
