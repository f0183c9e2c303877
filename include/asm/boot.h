/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the kernel lives.  Shared by assembly, C and (through the
 * preprocessor) linker.ld, so only plain #defines here.
 */
#ifndef _ASM_BOOT_H
#define _ASM_BOOT_H

/* The kernel image is mapped here, as Linux's __START_KERNEL_map. */
#define __START_KERNEL_map	0xffffffff80000000
/* GRUB loads the image at this physical address. */
#define LOAD_PHYSICAL_ADDR	0x200000
/* All physical memory is mapped from here, as Linux's page_offset_base. */
#define PAGE_OFFSET		0xffff888000000000

#define INIT_STACK_SIZE		(16 * 1024)
#define EXCEPTION_STACK_SIZE	(8 * 1024)

#endif /* _ASM_BOOT_H */
