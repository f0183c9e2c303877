/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The application processors' way from real mode to the kernel, as
 * Linux's arch/x86/realmode/rm/trampoline_64.S.  smpboot.c copies this
 * blob to a free page below 1 MiB and points the startup IPI at it; the
 * CPU starts at its first byte in 16-bit real mode with CS = page >> 4.
 *
 * Everything is addressed relative to where the copy landed (%ebx, the
 * linear base), so the blob runs at any page.  The kernel's page tables
 * map that page at its own address during bring-up, so the code keeps
 * running at the instruction after paging turns on.
 */
#define CR0_PE		(1 << 0)
#define CR0_WP		(1 << 16)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xc0000080

#define OFF(sym)	((sym) - trampoline_start)

	.section .rodata, "a"
	.balign 16
	.globl trampoline_start, trampoline_end, trampoline_data
	.code16
trampoline_start:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	xorl	%ebx, %ebx
	movw	%cs, %bx
	shll	$4, %ebx			/* linear base of the copy */

	/* Patch the GDT's base and the far-jump targets for this base. */
	leal	OFF(tr_gdt)(%ebx), %eax
	movl	%eax, OFF(tr_gdt_desc) + 2
	leal	OFF(pm32)(%ebx), %eax
	movl	%eax, OFF(tr_pm32_ptr)
	leal	OFF(lm64)(%ebx), %eax
	movl	%eax, OFF(tr_lm64_ptr)

	lgdtl	OFF(tr_gdt_desc)
	movl	%cr0, %eax
	orl	$CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	*OFF(tr_pm32_ptr)

	.code32
pm32:
	movw	$0x10, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss

	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4
	movl	OFF(tr_cr3)(%ebx), %eax
	movl	%eax, %cr3
	/* The boot CPU's EFER: long mode, and NX if it uses it. */
	movl	$MSR_EFER, %ecx
	movl	OFF(tr_efer)(%ebx), %eax
	movl	OFF(tr_efer) + 4(%ebx), %edx
	wrmsr
	movl	%cr0, %eax
	orl	$(CR0_PG | CR0_WP), %eax
	movl	%eax, %cr0
	ljmpl	*OFF(tr_lm64_ptr)(%ebx)

	.code64
lm64:
	movq	OFF(tr_stack)(%rbx), %rsp
	movl	OFF(tr_cpu)(%rbx), %edi
	xorl	%ebp, %ebp			/* ends the backtrace */
	movq	OFF(tr_entry)(%rbx), %rax
	jmpq	*%rax

	.balign 8
tr_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff		/* 0x08: 32-bit code */
	.quad	0x00cf92000000ffff		/* 0x10: data */
	.quad	0x00af9a000000ffff		/* 0x18: 64-bit code */
tr_gdt_desc:
	.word	4 * 8 - 1
	.long	0
tr_pm32_ptr:
	.long	0
	.word	0x08
tr_lm64_ptr:
	.long	0
	.word	0x18

	/* Filled in by smpboot.c for each CPU (struct trampoline_data). */
	.balign 8
trampoline_data:
tr_cr3:		.quad	0
tr_efer:	.quad	0
tr_stack:	.quad	0
tr_entry:	.quad	0
tr_cpu:		.quad	0
trampoline_end:
