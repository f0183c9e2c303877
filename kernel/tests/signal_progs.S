/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The signal ktests' user programs (kernel/tests/signal_ktest.c), laid
 * out as user_progs.S describes: each between up_NAME and up_NAME_end.
 */
#include "user_progs_asm.h"

	.section .rodata, "a"

/*
 * regs_async: a SIGUSR1 handler; every register loaded; spins until the
 * handler (sent by the test while it spins: an interrupt's way out) has
 * set FLAG; then every register, %rax/%rcx/%r11 too, must be as before.
 * 0 if so.
 */
PROG regs_async
	SIGACTION SIGUSR1, ra_handler, ra_restorer, SA_SIGINFO, 0
	test	%rax, %rax
	jz	1f
	EXIT	10
1:	SETREGS
2:	cmpq	$0, FLAG
	je	2b
	CHECKREGS 0
	cmpq	$1, FLAG
	je	3f
	mov	FLAG, %rdi
	add	$50, %rdi
	SYS	SYS_exit_group
3:	EXIT	0
	CLOBBER_HANDLER ra_handler, SIGUSR1, 0x1001
	RESTORER ra_restorer
ENDPROG regs_async

/*
 * regs_sync: the same through a system call's way out: kill(getpid(),
 * SIGUSR1) with the registers loaded; the call's 0 in %rax after.
 */
PROG regs_sync
	SIGACTION SIGUSR1, rs_handler, rs_restorer, SA_SIGINFO, 0
	test	%rax, %rax
	jz	1f
	EXIT	10
1:	SETREGS
	SYS	SYS_getpid
	mov	%eax, %edi
	mov	$SIGUSR1, %esi
	mov	$SYS_kill, %eax
	syscall
	test	%rax, %rax
	jz	2f
	EXIT	11
2:	CHECKREGS 1
	cmpq	$1, FLAG
	je	3f
	mov	FLAG, %rdi
	add	$50, %rdi
	SYS	SYS_exit_group
3:	EXIT	0
	CLOBBER_HANDLER rs_handler, SIGUSR1, 0	/* kill's result */
	RESTORER rs_restorer
ENDPROG regs_sync

/*
 * sa_mask: the SIGUSR1 handler has SIGUSR2 in sa_mask; it sends itself
 * SIGUSR2, which must wait (pending, FLAG+8 still 0) until the handler
 * returns.  Inside the handler the mask holds both.  0 if all held.
 */
PROG samask
	SIGACTION SIGUSR1, sm_h1, sm_restorer, 0, (1 << (SIGUSR2 - 1))
	SIGACTION SIGUSR2, sm_h2, sm_restorer, 0, 0
	KILL_SELF SIGUSR1
	cmpq	$1, FLAG		/* the handler ran, all well */
	je	1f
	mov	FLAG, %rdi
	add	$50, %rdi
	SYS	SYS_exit_group
1:	cmpq	$1, FLAG+8		/* SIGUSR2 came after it */
	je	2f
	EXIT	12
2:	EXIT	0
sm_h1:
	movq	$2, FLAG
	KILL_SELF SIGUSR2
	cmpq	$0, FLAG+8		/* not run yet */
	jne	9f
	movq	$3, FLAG
	sub	$16, %rsp		/* rt_sigpending: SIGUSR2 */
	mov	%rsp, %rdi
	mov	$8, %esi
	SYS	SYS_rt_sigpending
	mov	(%rsp), %rax
	add	$16, %rsp
	cmp	$(1 << (SIGUSR2 - 1)), %rax
	jne	9f
	movq	$4, FLAG		/* the mask: SIGUSR1 and SIGUSR2 */
	sub	$16, %rsp
	xor	%edi, %edi
	xor	%esi, %esi
	mov	%rsp, %rdx
	mov	$8, %r10d
	SYS	SYS_rt_sigprocmask
	mov	(%rsp), %rax
	add	$16, %rsp
	cmp	$((1 << (SIGUSR1 - 1)) | (1 << (SIGUSR2 - 1))), %rax
	jne	9f
	movq	$1, FLAG
9:	ret
sm_h2:
	movq	$1, FLAG+8
	ret
	RESTORER sm_restorer
ENDPROG samask

/*
 * procmask: SIGUSR1 blocked, sent: pending, not run; unblocked: run on
 * the way out of that rt_sigprocmask.  0 if so.
 */
PROG procmask
	SIGACTION SIGUSR1, pm_handler, pm_restorer, 0, 0
	SIGPROCMASK 0, (1 << (SIGUSR1 - 1))	/* SIG_BLOCK */
	KILL_SELF SIGUSR1
	cmpq	$0, FLAG
	je	1f
	EXIT	13
1:	sub	$16, %rsp
	mov	%rsp, %rdi
	mov	$8, %esi
	SYS	SYS_rt_sigpending
	mov	(%rsp), %rax
	add	$16, %rsp
	cmp	$(1 << (SIGUSR1 - 1)), %rax
	je	2f
	EXIT	14
2:	SIGPROCMASK 2, 0			/* SIG_SETMASK: none */
	cmpq	$1, FLAG
	je	3f
	EXIT	15
3:	EXIT	0
pm_handler:
	movq	$1, FLAG
	ret
	RESTORER pm_restorer
ENDPROG procmask

/*
 * uncatchable: rt_sigaction on SIGKILL and SIGSTOP is EINVAL, so is a
 * sigsetsize of 4; blocking every signal leaves KILL and STOP out.
 * 0 if so.
 */
PROG uncatchable
	SIGACTION 9, uc_restorer, uc_restorer, 0, 0
	cmp	$-22, %rax
	je	1f
	EXIT	16
1:	SIGACTION 19, uc_restorer, uc_restorer, 0, 0
	cmp	$-22, %rax
	je	2f
	EXIT	17
2:	SIGIGN	9
	cmp	$-22, %rax
	je	3f
	EXIT	18
3:	mov	$SIGUSR1, %edi		/* sigsetsize 4 */
	xor	%esi, %esi
	xor	%edx, %edx
	mov	$4, %r10d
	SYS	SYS_rt_sigaction
	cmp	$-22, %rax
	je	4f
	EXIT	19
4:	SIGPROCMASK 2, -1
	sub	$16, %rsp
	xor	%edi, %edi
	xor	%esi, %esi
	mov	%rsp, %rdx
	mov	$8, %r10d
	SYS	SYS_rt_sigprocmask
	mov	(%rsp), %rax
	add	$16, %rsp
	mov	$((1 << 8) | (1 << 18)), %ecx	/* KILL, STOP */
	test	%rcx, %rax
	jz	5f
	EXIT	20
5:	EXIT	0
	RESTORER uc_restorer
ENDPROG uncatchable

/*
 * wait_restart / wait_eintr: a SIGUSR1 handler (with SA_RESTART, or
 * without); fork a child that sleeps 0.3 s and exits 7; wait4 for it.
 * The test sends SIGUSR1 while the parent waits.  Exit status: 100 +
 * the child's status if wait4 returned it (restarted), or 200 + errno,
 * plus 50 if the handler did not run.
 */
.macro WAITPROG name, flags
PROG \name
	SIGACTION SIGUSR1, \name\()_h, \name\()_r, \flags, 0
	SYS	SYS_fork
	test	%eax, %eax
	jnz	1f
	sub	$16, %rsp		/* the child */
	movq	$0, (%rsp)
	movq	$300000000, 8(%rsp)
	mov	%rsp, %rdi
	xor	%esi, %esi
	SYS	SYS_nanosleep
	EXIT	7
1:	sub	$16, %rsp
	mov	$-1, %edi
	mov	%rsp, %rsi
	xor	%edx, %edx
	xor	%r10d, %r10d
	SYS	SYS_wait4
	test	%rax, %rax
	js	2f
	mov	(%rsp), %edi
	shr	$8, %edi
	add	$100, %edi
	jmp	3f
2:	neg	%eax
	lea	200(%rax), %edi
3:	cmpq	$1, FLAG
	je	4f
	add	$50, %edi
4:	SYS	SYS_exit_group
\name\()_h:
	movq	$1, FLAG
	ret
	RESTORER \name\()_r
ENDPROG \name
.endm
	WAITPROG wait_restart, SA_RESTART
	WAITPROG wait_eintr, 0

/*
 * pause_prog: a SIGUSR1 handler with SA_RESTART, then pause(): a stop
 * and a continue do not end it (restarted: no handler ran), SIGUSR1
 * does, with EINTR even under SA_RESTART.  Exits with pause's errno.
 */
PROG pause_prog
	SIGACTION SIGUSR1, pp_h, pp_r, SA_RESTART, 0
	SYS	SYS_pause
	EXIT_NEG_RAX
pp_h:
	ret
	RESTORER pp_r
ENDPROG pause_prog

/*
 * autoreap: SIGCHLD ignored; fork a child that exits at once; wait4
 * then finds no child to wait for (it reaped itself): exits ECHILD.
 */
PROG autoreap
	SIGIGN	SIGCHLD
	SYS	SYS_fork
	test	%eax, %eax
	jnz	1f
	EXIT	3
1:	mov	$-1, %edi
	xor	%esi, %esi
	xor	%edx, %edx
	xor	%r10d, %r10d
	SYS	SYS_wait4
	EXIT_NEG_RAX
ENDPROG autoreap

/* badframe: a SIGUSR1 handler, then the stack pointer into nothing and
 * kill(getpid(), SIGUSR1): the frame cannot be written, SIGSEGV. */
PROG badframe
	SIGACTION SIGUSR1, bf_h, bf_r, 0, 0
	mov	$0x10000, %rsp
	KILL_SELF SIGUSR1
	EXIT	0
bf_h:
	EXIT	1
	RESTORER bf_r
ENDPROG badframe

/* segv_info: a SA_SIGINFO SIGSEGV handler; a read of 0x1234.  The
 * handler exits 0 if si_signo, si_code (SEGV_MAPERR) and si_addr say so,
 * else 60 + which was wrong. */
PROG segv_info
	SIGACTION SIGSEGV, si_h, si_r, SA_SIGINFO, 0
	mov	0x1234, %rax
	EXIT	1
si_h:
	cmpl	$SIGSEGV, (%rsi)
	je	1f
	EXIT	61
1:	cmpl	$1, 8(%rsi)		/* si_code SEGV_MAPERR */
	je	2f
	EXIT	62
2:	cmpq	$0x1234, 16(%rsi)	/* si_addr */
	je	3f
	EXIT	63
3:	EXIT	0
	RESTORER si_r
ENDPROG segv_info

/* segv_blocked: SIGSEGV blocked, then a fault: it kills anyway. */
PROG segv_blocked
	SIGPROCMASK 0, (1 << (SIGSEGV - 1))
	mov	0x1234, %rax
	EXIT	1
ENDPROG segv_blocked

#define SYS_sigaltstack		131
#define SYS_rt_sigsuspend	130
#define SYS_rt_sigtimedwait	128
#define SA_ONSTACK	0x08000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/*
 * altstack: sigaltstack at 0x7fd000 (8 KiB, below the stack in use), a
 * SA_ONSTACK handler: it must run there and sigaltstack must say
 * SS_ONSTACK.  0 if so.
 */
PROG altstack
	sub	$32, %rsp
	movq	$0x7fd000, (%rsp)
	movq	$0, 8(%rsp)
	movq	$0x2000, 16(%rsp)
	mov	%rsp, %rdi
	xor	%esi, %esi
	SYS	SYS_sigaltstack
	add	$32, %rsp
	test	%rax, %rax
	jz	1f
	EXIT	70
1:	SIGACTION SIGUSR1, as_h, as_r, SA_ONSTACK, 0
	KILL_SELF SIGUSR1
	cmpq	$1, FLAG
	je	2f
	mov	FLAG, %rdi
	add	$50, %rdi
	SYS	SYS_exit_group
2:	EXIT	0
as_h:
	movq	$2, FLAG
	cmp	$0x7fd000, %rsp
	jb	9f
	cmp	$0x7ff000, %rsp
	jae	9f
	movq	$3, FLAG
	sub	$32, %rsp
	xor	%edi, %edi
	mov	%rsp, %rsi
	SYS	SYS_sigaltstack
	mov	8(%rsp), %eax		/* ss_flags */
	add	$32, %rsp
	cmp	$1, %eax		/* SS_ONSTACK */
	jne	9f
	movq	$1, FLAG
9:	ret
	RESTORER as_r
ENDPROG altstack

/*
 * timedwait: SIGUSR2 blocked and sent; rt_sigtimedwait takes it (its
 * siginfo: SI_USER from our pid); then nothing: EAGAIN at once, and
 * after 20 ms.  0 if so.
 */
PROG timedwait
	SIGPROCMASK 0, (1 << (SIGUSR2 - 1))
	KILL_SELF SIGUSR2
	sub	$160, %rsp		/* set, timespec, siginfo */
	movq	$(1 << (SIGUSR2 - 1)), (%rsp)
	movq	$0, 8(%rsp)
	movq	$0, 16(%rsp)
	mov	%rsp, %rdi
	lea	32(%rsp), %rsi
	lea	8(%rsp), %rdx
	mov	$8, %r10d
	SYS	SYS_rt_sigtimedwait
	cmp	$SIGUSR2, %rax
	je	1f
	EXIT	80
1:	cmpl	$SIGUSR2, 32(%rsp)
	je	2f
	EXIT	81
2:	cmpl	$0, 40(%rsp)		/* SI_USER */
	je	3f
	EXIT	82
3:	SYS	SYS_getpid
	cmp	48(%rsp), %eax		/* si_pid */
	je	4f
	EXIT	83
4:	mov	%rsp, %rdi
	lea	32(%rsp), %rsi
	lea	8(%rsp), %rdx
	mov	$8, %r10d
	SYS	SYS_rt_sigtimedwait
	cmp	$-11, %rax		/* EAGAIN */
	je	5f
	EXIT	84
5:	movq	$20000000, 16(%rsp)
	mov	%rsp, %rdi
	lea	32(%rsp), %rsi
	lea	8(%rsp), %rdx
	mov	$8, %r10d
	SYS	SYS_rt_sigtimedwait
	cmp	$-11, %rax
	je	6f
	EXIT	85
6:	EXIT	0
ENDPROG timedwait

/*
 * nsleep: a SIGUSR1 handler, then nanosleep(2 s, &rem).  Exit status:
 * 0 if the sleep ended (restarted through stops), 4 (EINTR) + 100 if
 * rem.tv_sec is 1 (most of the 2 s were left), or other errnos.
 */
PROG nsleep
	SIGACTION SIGUSR1, ns_h, ns_r, SA_RESTART, 0
	sub	$32, %rsp
	movq	$2, (%rsp)
	movq	$0, 8(%rsp)
	movq	$-1, 16(%rsp)
	mov	%rsp, %rdi
	lea	16(%rsp), %rsi
	SYS	SYS_nanosleep
	test	%rax, %rax
	jz	2f
	neg	%eax
	mov	%eax, %edi
	cmpq	$1, 16(%rsp)
	jne	1f
	add	$100, %edi
1:	SYS	SYS_exit_group
2:	EXIT	0
ns_h:
	ret
	RESTORER ns_r
ENDPROG nsleep

/*
 * sigchld: SIGCHLD blocked, a SA_SIGINFO handler; a child exits 5;
 * rt_sigsuspend(nothing blocked) returns EINTR after the handler, which
 * saw CLD_EXITED, status 5 and the child's pid; the mask is back (SIGCHLD
 * blocked); wait4 reaps that pid.  0 if all held.
 */
PROG sigchld
	SIGPROCMASK 0, (1 << (SIGCHLD - 1))
	SIGACTION SIGCHLD, sc_h, sc_r, SA_SIGINFO, 0
	SYS	SYS_fork
	test	%eax, %eax
	jnz	1f
	EXIT	5
1:	mov	%rax, %r12		/* the child's pid */
	sub	$16, %rsp
	movq	$0, (%rsp)
	mov	%rsp, %rdi
	mov	$8, %esi
	SYS	SYS_rt_sigsuspend
	add	$16, %rsp
	cmp	$-4, %rax
	je	2f
	EXIT	91
2:	cmpq	$1, FLAG		/* CLD_EXITED */
	je	3f
	EXIT	92
3:	cmpq	$5, FLAG+8
	je	4f
	EXIT	93
4:	cmp	FLAG+16, %r12
	je	5f
	EXIT	94
5:	sub	$16, %rsp		/* the old mask again */
	xor	%edi, %edi
	xor	%esi, %esi
	mov	%rsp, %rdx
	mov	$8, %r10d
	SYS	SYS_rt_sigprocmask
	mov	(%rsp), %rax
	add	$16, %rsp
	cmp	$(1 << (SIGCHLD - 1)), %rax
	je	6f
	EXIT	95
6:	mov	$-1, %edi
	xor	%esi, %esi
	xor	%edx, %edx
	xor	%r10d, %r10d
	SYS	SYS_wait4
	cmp	%rax, %r12
	je	7f
	EXIT	96
7:	EXIT	0
sc_h:
	movslq	8(%rsi), %rax		/* si_code */
	mov	%rax, FLAG
	movslq	24(%rsi), %rax		/* si_status */
	mov	%rax, FLAG+8
	movslq	16(%rsi), %rax		/* si_pid */
	mov	%rax, FLAG+16
	ret
	RESTORER sc_r
ENDPROG sigchld

/*
 * resethand: a SA_RESETHAND | SA_NODEFER handler for SIGUSR1: inside
 * it SIGUSR1 is not blocked and the action is SIG_DFL again; a second
 * SIGUSR1 then kills.  Status SIGUSR1 if so.
 */
PROG resethand
	SIGACTION SIGUSR1, rh_h, rh_r, (SA_RESETHAND | SA_NODEFER), 0
	KILL_SELF SIGUSR1
	cmpq	$1, FLAG
	je	1f
	mov	FLAG, %rdi
	add	$50, %rdi
	SYS	SYS_exit_group
1:	KILL_SELF SIGUSR1
	EXIT	99
rh_h:
	movq	$2, FLAG
	sub	$16, %rsp
	xor	%edi, %edi
	xor	%esi, %esi
	mov	%rsp, %rdx
	mov	$8, %r10d
	SYS	SYS_rt_sigprocmask
	mov	(%rsp), %rax
	add	$16, %rsp
	test	%rax, %rax
	jnz	9f
	movq	$3, FLAG
	sub	$32, %rsp
	mov	$SIGUSR1, %edi
	xor	%esi, %esi
	mov	%rsp, %rdx
	mov	$8, %r10d
	SYS	SYS_rt_sigaction
	mov	(%rsp), %rax
	add	$32, %rsp
	test	%rax, %rax
	jnz	9f
	movq	$1, FLAG
9:	ret
	RESTORER rh_r
ENDPROG resethand
