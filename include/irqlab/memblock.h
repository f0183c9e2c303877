/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot-time memory bookkeeping (kernel/mm/memblock.c), before the page
 * allocator exists: RAM regions and reserved ranges, as Linux's memblock.
 */
#ifndef _IRQLAB_MEMBLOCK_H
#define _IRQLAB_MEMBLOCK_H

#include <irqlab/types.h>

void memblock_add(phys_addr_t base, phys_addr_t size);
void memblock_reserve(phys_addr_t base, phys_addr_t size);
/* Zeroed, from the top of memory; panics if nothing fits. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
phys_addr_t memblock_end_of_DRAM(void);
/* Pages of RAM, reserved or not (Linux's get_num_physpages()). */
unsigned long memblock_phys_pages(void);
/* Hands every page not reserved to the buddy allocator; returns how many. */
unsigned long memblock_free_all(void);

/* The boot memory map into memblock, with the ranges in use reserved. */
void e820__memblock_setup(void);

#endif /* _IRQLAB_MEMBLOCK_H */
