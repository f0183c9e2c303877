/* SPDX-License-Identifier: GPL-2.0 */
/*
 * From GRUB's 32-bit protected mode to the higher-half kernel.
 *
 * GRUB enters _start with EAX = multiboot2 magic, EBX = physical address of
 * the boot information, paging off.  We check both the magic and the CPU's
 * long mode support (and say on COM1 what is wrong if either fails), build
 * boot page tables that identity-map the first 4 GiB (so the code here and
 * the boot information stay reachable) and map the first 1 GiB again at
 * __START_KERNEL_map, enable long mode, and jump to the kernel's virtual
 * addresses.  kernel/paging.c replaces these tables once C runs.
 */
#include <asm/boot.h>

#define MB2_BOOTLOADER_MAGIC	0x36d76289
#define COM1			0x3f8

#define CR0_PE		(1 << 0)
#define CR0_WP		(1 << 16)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define EFER_NX		(1 << 11)

#define PTE_P		0x001
#define PTE_W		0x002
#define PTE_PS		0x080

#define phys(sym)	((sym) - __START_KERNEL_map)

	.section .boot.text, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	/* Until we have a stack of our own, use the top of boot_page_tables'
	 * neighbour: a small stack in .boot.bss, at its physical address. */
	movl	$boot32_stack_top, %esp
	movl	%eax, %edi		/* keep magic and info pointer */
	movl	%ebx, %esi

	cmpl	$MB2_BOOTLOADER_MAGIC, %edi
	je	1f
	movl	$msg_bad_magic, %eax
	call	early_puts32
	movl	%edi, %eax
	call	early_puthex32
	movl	$msg_newline, %eax
	call	early_puts32
	jmp	halt32
1:
	/* Long mode: CPUID extended leaf 0x80000001, EDX bit 29. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	no_long_mode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx
	jnc	no_long_mode
	movl	%edx, %ebp		/* bit 20: NX support */

	/* PML4[0] -> identity PDPT, PML4[511] -> kernel PDPT. */
	movl	$boot_pdpt_ident, %eax
	orl	$(PTE_P | PTE_W), %eax
	movl	%eax, boot_pml4
	movl	$boot_pdpt_kernel, %eax
	orl	$(PTE_P | PTE_W), %eax
	movl	%eax, boot_pml4 + 511 * 8

	/* Identity PDPT: four page directories, 4 GiB of 2 MiB pages. */
	xorl	%ecx, %ecx
2:	movl	%ecx, %eax
	shll	$12, %eax
	addl	$boot_pd, %eax
	orl	$(PTE_P | PTE_W), %eax
	movl	%eax, boot_pdpt_ident(, %ecx, 8)
	incl	%ecx
	cmpl	$4, %ecx
	jb	2b

	/* Kernel PDPT entry 510 (-2 GiB) -> the first of those directories. */
	movl	$boot_pd, %eax
	orl	$(PTE_P | PTE_W), %eax
	movl	%eax, boot_pdpt_kernel + 510 * 8

	/* 2048 directory entries: physical address i * 2 MiB, large pages. */
	xorl	%ecx, %ecx
3:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$(PTE_P | PTE_W | PTE_PS), %eax
	movl	%eax, boot_pd(, %ecx, 8)
	movl	%ecx, %eax
	shrl	$11, %eax		/* high half of i * 2 MiB */
	movl	%eax, boot_pd + 4(, %ecx, 8)
	incl	%ecx
	cmpl	$2048, %ecx
	jb	3b

	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$boot_pml4, %eax
	movl	%eax, %cr3

	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	btl	$20, %ebp
	jnc	4f
	orl	$EFER_NX, %eax
4:	wrmsr

	movl	%cr0, %eax
	orl	$(CR0_PE | CR0_PG | CR0_WP), %eax
	movl	%eax, %cr0

	lgdt	boot_gdt_desc
	ljmp	$0x08, $start64

no_long_mode:
	movl	$msg_no_lm, %eax
	call	early_puts32
halt32:
	hlt
	jmp	halt32

/* Write the NUL-terminated string at EAX to COM1, polling the UART. */
early_puts32:
	pushl	%esi
	movl	%eax, %esi
1:	movb	(%esi), %al
	testb	%al, %al
	jz	2f
	call	early_putc32
	incl	%esi
	jmp	1b
2:	popl	%esi
	ret

/* EAX as eight hex digits. */
early_puthex32:
	pushl	%ebx
	pushl	%ecx
	movl	%eax, %ebx
	movl	$8, %ecx
1:	roll	$4, %ebx
	movl	%ebx, %eax
	andl	$0xf, %eax
	movb	hex_digits(%eax), %al
	call	early_putc32
	loop	1b
	popl	%ecx
	popl	%ebx
	ret

/* AL to COM1 once its transmit holding register is empty (LSR bit 5). */
early_putc32:
	pushl	%edx
	pushl	%eax
	movw	$(COM1 + 5), %dx
1:	inb	%dx, %al
	testb	$0x20, %al
	jz	1b
	popl	%eax
	movw	$COM1, %dx
	outb	%al, %dx
	popl	%edx
	ret

	.code64
start64:
	/* Still at physical addresses; go to the kernel mapping. */
	movabsq	$start64_high, %rax
	jmp	*%rax

	.section .boot.rodata, "a"
msg_bad_magic:
	.asciz	"irqlab: not loaded by a multiboot2 loader (EAX=0x"
msg_no_lm:
	.asciz	"irqlab: this CPU has no long mode (x86_64); halting\r\n"
msg_newline:
	.asciz	"), halting\r\n"
hex_digits:
	.ascii	"0123456789abcdef"

	.balign 8
boot_gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: data */
boot_gdt_end:
boot_gdt_desc:
	.word	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt

	.section .boot.bss, "aw", @nobits
	.balign 4096
	.globl boot_pml4
boot_pml4:
	.skip	4096
boot_pdpt_ident:
	.skip	4096
boot_pdpt_kernel:
	.skip	4096
boot_pd:
	.skip	4 * 4096
	.skip	1024
boot32_stack_top:

	.text
start64_high:
	/* The boot stack sits above an unmapped guard page (paging.c). */
	movabsq	$init_stack_top, %rsp
	xorl	%ebp, %ebp		/* ends the frame-pointer chain */
	xorl	%eax, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	movl	%edi, %edi		/* zero-extend magic and info pointer */
	movl	%esi, %esi
	call	kmain
1:	cli
	hlt
	jmp	1b

	.section .bss..init_stack, "aw", @nobits
	.balign 4096
	.globl init_stack_guard, init_stack, init_stack_top
init_stack_guard:
	.skip	4096
init_stack:
	.skip	INIT_STACK_SIZE
init_stack_top:
