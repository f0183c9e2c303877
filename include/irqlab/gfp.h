/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The buddy page allocator (kernel/mm/page_alloc.c), Linux's API.  There is
 * no reclaim: when memory runs out, an allocation returns NULL.
 */
#ifndef _IRQLAB_GFP_H
#define _IRQLAB_GFP_H

#include <irqlab/mm.h>

typedef unsigned int gfp_t;

#define __GFP_ZERO	0x100u	/* return zeroed memory */
#define __GFP_NOWARN	0x200u	/* no "page allocation failure" report */
/*
 * Nothing sleeps on allocation yet, so the two differ only in intent;
 * GFP_ATOMIC is what interrupt context must pass.
 */
#define GFP_KERNEL	0x1u
#define GFP_ATOMIC	0x2u

/* Orders 0..MAX_PAGE_ORDER, 4 KiB to 4 MiB, as Linux's default. */
#define MAX_PAGE_ORDER	10
#define NR_PAGE_ORDERS	(MAX_PAGE_ORDER + 1)

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
/* Turns an order-n block into 2^n order-0 blocks, each freed alone. */
void split_page(struct page *page, unsigned int order);

#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define __free_page(page)	__free_pages(page, 0)
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define free_page(addr)		free_pages(addr, 0)

/* The smallest order whose block holds size bytes. */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
/* Blocks on the order's free list, as a column of /proc/buddyinfo. */
unsigned long free_area_count(unsigned int order);
/* Linux's show_mem() (the allocation-failure report's and sysrq m's). */
void show_mem(void);

/* memblock hands a free block to the allocator at boot. */
void __free_pages_core(struct page *page, unsigned int order);

/* "BUG: Bad page state" reports so far, for tests. */
extern unsigned long bad_page_reports;

#endif /* _IRQLAB_GFP_H */
