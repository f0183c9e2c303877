/* SPDX-License-Identifier: GPL-2.0 */
/* Four-level x86_64 page tables. */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <irqlab/types.h>

#define _PAGE_PRESENT	(1UL << 0)
#define _PAGE_RW	(1UL << 1)
#define _PAGE_PSE	(1UL << 7)	/* 2 MiB page in a page directory */
#define _PAGE_NX	(1UL << 63)

#define PMD_SIZE	(1UL << 21)

/* Builds the kernel's page tables and switches to them. */
void paging_init(void);

/* The direct map covers physical [0, direct_map_end). */
extern phys_addr_t direct_map_end;

#endif /* _ASM_PGTABLE_H */
