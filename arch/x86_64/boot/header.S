/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The multiboot2 header.  GRUB scans the first 32 KiB of the file for it,
 * so linker.ld places this section first.  We ask for nothing special: GRUB
 * loads the ELF segments at their physical addresses and enters _start in
 * 32-bit protected mode with paging off, on BIOS and on UEFI alike.
 */
#define MB2_MAGIC	0xe85250d6
#define MB2_ARCH_I386	0

	.section .multiboot2, "a"
	.balign 8
mb2_header_start:
	.long	MB2_MAGIC
	.long	MB2_ARCH_I386
	.long	mb2_header_end - mb2_header_start
	.long	-(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header_start))

	/* End tag: type 0, flags 0, size 8. */
	.balign 8
	.word	0
	.word	0
	.long	8
mb2_header_end:
