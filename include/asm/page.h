/* SPDX-License-Identifier: GPL-2.0 */
/* Address translation between the direct map and physical addresses. */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <irqlab/types.h>
#include <asm/boot.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

/* Physical to direct-map virtual, and back: Linux's __va and __pa. */
#define __va(pa)	((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define __pa(va)	((phys_addr_t)((unsigned long)(va) - PAGE_OFFSET))
/* Physical address of a symbol in the kernel image. */
#define __pa_symbol(va)	((phys_addr_t)((unsigned long)(va) - __START_KERNEL_map))

#endif /* _ASM_PAGE_H */
