/* SPDX-License-Identifier: GPL-2.0 */
/*
 * setjmp/longjmp for the kernel (struct kjmp_buf in asm/setjmp.h).
 *
 * Used where control must come back from deep inside a call that cannot
 * return normally: a fault a test provoked on purpose, or a failed
 * KTEST_ASSERT.  RFLAGS is saved too, so the interrupt flag is what it was
 * at ksetjmp() even when klongjmp() runs in an exception handler.
 */
#include <generated/asm-offsets.h>

	.text
	.globl ksetjmp
ksetjmp:
	movq	%rbx, KJMP_bx(%rdi)
	movq	%rbp, KJMP_bp(%rdi)
	movq	%r12, KJMP_r12(%rdi)
	movq	%r13, KJMP_r13(%rdi)
	movq	%r14, KJMP_r14(%rdi)
	movq	%r15, KJMP_r15(%rdi)
	leaq	8(%rsp), %rax		/* the caller's RSP after we return */
	movq	%rax, KJMP_sp(%rdi)
	movq	(%rsp), %rax		/* return address */
	movq	%rax, KJMP_ip(%rdi)
	pushfq
	popq	KJMP_flags(%rdi)
	xorl	%eax, %eax
	ret

	.globl klongjmp
klongjmp:
	movl	%esi, %eax
	movq	KJMP_bx(%rdi), %rbx
	movq	KJMP_bp(%rdi), %rbp
	movq	KJMP_r12(%rdi), %r12
	movq	KJMP_r13(%rdi), %r13
	movq	KJMP_r14(%rdi), %r14
	movq	KJMP_r15(%rdi), %r15
	movq	KJMP_sp(%rdi), %rsp
	pushq	KJMP_flags(%rdi)
	popfq
	jmpq	*KJMP_ip(%rdi)
