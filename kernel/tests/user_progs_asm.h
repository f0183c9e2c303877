/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the ktests' user programs share (user_progs.S, signal_progs.S):
 * Linux's system-call and signal numbers, and the macros the programs
 * are written in.  Assembler only.
 */
#ifndef _KTEST_USER_PROGS_ASM_H
#define _KTEST_USER_PROGS_ASM_H

#define SYS_rt_sigaction	13
#define SYS_rt_sigprocmask	14
#define SYS_rt_sigreturn	15
#define SYS_pause		34
#define SYS_nanosleep		35
#define SYS_getpid		39
#define SYS_fork		57
#define SYS_wait4		61
#define SYS_kill		62
#define SYS_uname		63
#define SYS_rt_sigpending	127
#define SYS_exit_group		231

#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGCHLD		17

#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_RESTART	0x10000000

#define FLAG		0x7fc000	/* bottom of the stack area */

.macro PROG name
	.globl up_\name, up_\name\()_end
up_\name:
.endm
.macro ENDPROG name
up_\name\()_end:
.endm

.macro SYS nr
	mov	$\nr, %eax
	syscall
.endm

.macro EXIT code
	mov	$\code, %edi
	mov	$SYS_exit_group, %eax
	syscall
.endm

/* exit_group(-%rax): a negative errno as the status */
.macro EXIT_NEG_RAX
	neg	%eax
	mov	%eax, %edi
	mov	$SYS_exit_group, %eax
	syscall
.endm

.macro KILL_SELF sig
	SYS	SYS_getpid
	mov	%eax, %edi
	mov	$\sig, %esi
	SYS	SYS_kill
.endm

/* rt_sigaction(sig, {handler, flags|SA_RESTORER, restorer, mask}, 0, 8);
 * leaves the result in %rax */
.macro SIGACTION sig, handler, restorer, flags, mask
	sub	$32, %rsp
	lea	\handler(%rip), %rax
	mov	%rax, (%rsp)
	mov	$(\flags | SA_RESTORER), %eax	/* zero-extended */
	mov	%rax, 8(%rsp)
	lea	\restorer(%rip), %rax
	mov	%rax, 16(%rsp)
	movq	$\mask, 24(%rsp)
	mov	$\sig, %edi
	mov	%rsp, %rsi
	xor	%edx, %edx
	mov	$8, %r10d
	SYS	SYS_rt_sigaction
	add	$32, %rsp
.endm

.macro SIGIGN sig
	sub	$32, %rsp
	movq	$1, (%rsp)
	movq	$0, 8(%rsp)
	movq	$0, 16(%rsp)
	movq	$0, 24(%rsp)
	mov	$\sig, %edi
	mov	%rsp, %rsi
	xor	%edx, %edx
	mov	$8, %r10d
	SYS	SYS_rt_sigaction
	add	$32, %rsp
.endm

/* rt_sigprocmask(how, &set, 0, 8) with set on the stack */
.macro SIGPROCMASK how, set
	sub	$16, %rsp
	movq	$\set, (%rsp)
	mov	$\how, %edi
	mov	%rsp, %rsi
	xor	%edx, %edx
	mov	$8, %r10d
	SYS	SYS_rt_sigprocmask
	add	$16, %rsp
.endm

.macro RESTORER name
\name:
	mov	$SYS_rt_sigreturn, %eax
	syscall
	ud2
.endm

/* Every general register and three SSE ones get a known value... */
.macro SETREGS
	mov	$0x1001, %rax
	mov	$0x1002, %rbx
	mov	$0x1003, %rcx
	mov	$0x1004, %rdx
	mov	$0x1005, %rsi
	mov	$0x1006, %rdi
	mov	$0x1007, %rbp
	mov	$0x1008, %r8
	mov	$0x1009, %r9
	mov	$0x100a, %r10
	mov	$0x100b, %r11
	mov	$0x100c, %r12
	mov	$0x100d, %r13
	mov	$0x100e, %r14
	mov	$0x100f, %r15
	mov	$0x2000, %eax
	movq	%rax, %xmm0
	mov	$0x2007, %eax
	movq	%rax, %xmm7
	mov	$0x200f, %eax
	movq	%rax, %xmm15
	mov	$0x1001, %rax
.endm

.macro CHECK reg, val, code
	cmp	$\val, \reg
	je	1f
	EXIT	\code
1:
.endm

/* ...and must have it still (exit 21..42: which one differs);
 * skip_ax_cx_r11: after a system call, which changes %rax, %rcx and
 * %r11 and took its arguments in %rdi and %rsi. */
.macro CHECKREGS skip_ax_cx_r11
	CHECK	%rbx, 0x1002, 22
	CHECK	%rdx, 0x1004, 24
	CHECK	%rbp, 0x1007, 27
	CHECK	%r8, 0x1008, 28
	CHECK	%r9, 0x1009, 29
	CHECK	%r12, 0x100c, 32
	CHECK	%r13, 0x100d, 33
	CHECK	%r14, 0x100e, 34
	CHECK	%r15, 0x100f, 35
.if \skip_ax_cx_r11 == 0
	CHECK	%rax, 0x1001, 21
	CHECK	%rcx, 0x1003, 23
	CHECK	%rsi, 0x1005, 25
	CHECK	%rdi, 0x1006, 26
	CHECK	%r10, 0x100a, 30
	CHECK	%r11, 0x100b, 31
.endif
	movq	%xmm0, %rax
	CHECK	%rax, 0x2000, 40
	movq	%xmm7, %rax
	CHECK	%rax, 0x2007, 41
	movq	%xmm15, %rax
	CHECK	%rax, 0x200f, 42
.endm

/* A handler that checks its arguments, the stack's alignment and the
 * frame's saved %rax (ax), sets FLAG (1, or 2..5 for what was wrong)
 * and wrecks every register. */
.macro CLOBBER_HANDLER name, sig, ax
\name:
	movq	$2, FLAG
	cmp	$\sig, %edi
	jne	9f
	movq	$3, FLAG
	cmpl	$\sig, (%rsi)		/* info->si_signo */
	jne	9f
	movq	$4, FLAG
	lea	8(%rsp), %rax
	test	$15, %al		/* as after a call */
	jnz	9f
	movq	$5, FLAG
	cmpq	$\ax, 0x28+0x68(%rdx)	/* uc_mcontext.ax */
	jne	9f
	movq	$1, FLAG
9:	mov	$-1, %rax
	mov	%rax, %rbx
	mov	%rax, %rcx
	mov	%rax, %rdx
	mov	%rax, %rsi
	mov	%rax, %rdi
	mov	%rax, %rbp
	mov	%rax, %r8
	mov	%rax, %r9
	mov	%rax, %r10
	mov	%rax, %r11
	mov	%rax, %r12
	mov	%rax, %r13
	mov	%rax, %r14
	mov	%rax, %r15
	movq	%rax, %xmm0
	movq	%rax, %xmm7
	movq	%rax, %xmm15
	ret
.endm

#endif /* _KTEST_USER_PROGS_ASM_H */
