/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User programs for the ktests (user_progs.h): each lies between the
 * labels up_NAME and up_NAME_end in .rodata, is copied to 0x400000 and
 * runs in ring 3 with a 16 KiB stack below 0x800000 (kernel/tests/
 * user_ktest.c's ktest_start_user).  The code is position-independent:
 * a handler's address is taken %rip-relative.  A program answers with
 * its exit status; FLAG (the lowest stack page) is memory a handler and
 * the main code share.
 */
#include "user_progs_asm.h"

	.section .rodata, "a"

#define SYS_mmap		9
#define SYS_sched_yield		24

PROG exit42				/* exit_group(42) */
	EXIT	42
ENDPROG exit42

PROG getpid				/* exit_group(getpid()) */
	SYS	SYS_getpid
	mov	%eax, %edi
	SYS	SYS_exit_group
ENDPROG getpid

PROG efault				/* exit_group(-uname((void *)1)) */
	mov	$1, %edi
	SYS	SYS_uname
	EXIT_NEG_RAX
ENDPROG efault

PROG kaddr				/* the same on the kernel's image */
	movabs	$0xffffffff80000000, %rdi
	SYS	SYS_uname
	EXIT_NEG_RAX
ENDPROG kaddr

PROG enosys				/* exit_group(-syscall(1000)) */
	SYS	1000
	EXIT_NEG_RAX
ENDPROG enosys

PROG segv				/* a read of address 0 */
	xor	%eax, %eax
	mov	(%rax), %rax
	ud2
ENDPROG segv

/* p = mmap(0, 8192, RW, PRIVATE|ANON, -1, 0); p[4096] = 77;
 * exit_group(p[4096]) */
PROG mmap
	xor	%edi, %edi
	mov	$8192, %esi
	mov	$3, %edx
	mov	$0x22, %r10d
	mov	$-1, %r8
	xor	%r9d, %r9d
	SYS	SYS_mmap
	movb	$77, 4096(%rax)
	movzbl	4096(%rax), %edi
	SYS	SYS_exit_group
ENDPROG mmap

PROG ud2
	ud2
ENDPROG ud2

PROG spin
1:	jmp	1b
ENDPROG spin

/* %xmm3 = 5; sched_yield(); sched_yield(); exit_group(%xmm3) */
PROG sse
	mov	$5, %eax
	movq	%rax, %xmm3
	SYS	SYS_sched_yield
	SYS	SYS_sched_yield
	movq	%xmm3, %rdi
	SYS	SYS_exit_group
ENDPROG sse

/* if (!fork()) exit_group(3); wait4(-1, &st, 0, 0);
 * exit_group(st / 256 + 10) */
PROG fork
	SYS	SYS_fork
	test	%eax, %eax
	jnz	1f
	EXIT	3
1:	sub	$16, %rsp
	mov	$-1, %edi
	mov	%rsp, %rsi
	xor	%edx, %edx
	xor	%r10d, %r10d
	SYS	SYS_wait4
	mov	(%rsp), %edi
	shr	$8, %edi
	add	$10, %edi
	SYS	SYS_exit_group
ENDPROG fork
