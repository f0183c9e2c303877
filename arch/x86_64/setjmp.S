/* SPDX-License-Identifier: GPL-2.0 */
/*
 * setjmp/longjmp for the kernel (struct kjmp_buf in asm/setjmp.h).
 *
 * Used where control must come back from deep inside a call that cannot
 * return normally: a fault a test provoked on purpose, or a failed
 * KTEST_ASSERT.  RFLAGS is saved too, so the interrupt flag is what it was
 * at ksetjmp() even when klongjmp() runs in an exception handler.
 */
	.text
	.globl ksetjmp
ksetjmp:
	movq	%rbx, 0(%rdi)
	movq	%rbp, 8(%rdi)
	movq	%r12, 16(%rdi)
	movq	%r13, 24(%rdi)
	movq	%r14, 32(%rdi)
	movq	%r15, 40(%rdi)
	leaq	8(%rsp), %rax		/* the caller's RSP after we return */
	movq	%rax, 48(%rdi)
	movq	(%rsp), %rax		/* return address */
	movq	%rax, 56(%rdi)
	pushfq
	popq	64(%rdi)
	xorl	%eax, %eax
	ret

	.globl klongjmp
klongjmp:
	movl	%esi, %eax
	movq	0(%rdi), %rbx
	movq	8(%rdi), %rbp
	movq	16(%rdi), %r12
	movq	24(%rdi), %r13
	movq	32(%rdi), %r14
	movq	40(%rdi), %r15
	movq	48(%rdi), %rsp
	pushq	64(%rdi)
	popfq
	jmpq	*56(%rdi)
