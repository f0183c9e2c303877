/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Physical pages: one struct page per page frame, Linux's flat mem_map,
 * and the memory totals si_meminfo() reports.  See docs/memory.md.
 */
#ifndef _IRQLAB_MM_H
#define _IRQLAB_MM_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>
#include <asm/page.h>

struct kmem_cache;

/* page->flags bits. */
enum pageflags {
	PG_reserved,		/* never given to the buddy allocator */
	PG_buddy,		/* first page of a block on a free list */
	PG_head,		/* first page of an allocated block */
	PG_tail,		/* any other page of an allocated block */
	PG_freed,		/* freed since last allocated: a double free */
	PG_slab,		/* head page of a slab (slab.c) */
	PG_large_kmalloc,	/* head page of a kmalloc() above 8 KiB */
};

/*
 * Every allocated block is compound, as with Linux's __GFP_COMP: the head
 * records the order, so a free with the wrong order is caught, and each
 * tail points at its head, so kfree() finds the slab of any address.
 */
struct page {
	unsigned long flags;
	struct page *next, *prev;	/* free list, or slab partial list */
	union {
		struct {			/* PG_slab */
			struct kmem_cache *slab_cache;
			void *freelist;		/* first free object */
		};
		struct page *head;		/* PG_tail */
	};
	unsigned int order;	/* PG_buddy, PG_head: of the block */
	unsigned int inuse;	/* PG_slab: objects handed out */
};

/* A NULL-terminated list of pages through page->next/prev. */
struct page_list {
	struct page *first;
};

static inline void page_list_add(struct page_list *l, struct page *p)
{
	p->prev = NULL;
	p->next = l->first;
	if (l->first)
		l->first->prev = p;
	l->first = p;
}

static inline void page_list_del(struct page_list *l, struct page *p)
{
	if (p->prev)
		p->prev->next = p->next;
	else
		l->first = p->next;
	if (p->next)
		p->next->prev = p->prev;
	p->next = p->prev = NULL;
}

static inline bool PageFlag(const struct page *p, int bit)
{
	return p->flags & (1UL << bit);
}

static inline void SetPageFlag(struct page *p, int bit)
{
	p->flags |= 1UL << bit;
}

static inline void ClearPageFlag(struct page *p, int bit)
{
	p->flags &= ~(1UL << bit);
}

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x)	ALIGN(x, PAGE_SIZE)

/* mem_map[pfn] for every pfn below max_pfn, holes included (FLATMEM). */
extern struct page *mem_map;
extern unsigned long max_pfn;
/* Set once the page allocator has the memory: memblock is done with. */
extern bool after_bootmem;

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return page - mem_map;
}

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PFN_DOWN(__pa(addr)));
}

/* Is addr in the direct map, on a page mem_map describes? */
static inline bool virt_addr_valid(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PAGE_OFFSET && pfn_valid(PFN_DOWN(__pa(a)));
}

static inline struct page *compound_head(struct page *page)
{
	return PageFlag(page, PG_tail) ? page->head : page;
}

struct sysinfo {
	unsigned long totalram;	/* bytes the kernel may use */
	unsigned long freeram;	/* of which nobody uses yet */
};

/* kernel/mm/mm_init.c: memblock, then the buddy allocator, then slab. */
void mm_init(void);
/* kernel/mm/meminfo.c: prints the "Memory:" boot line. */
void mem_init(void);
void si_meminfo(struct sysinfo *val);

/*
 * Gives the whole pages of [start, end) (direct-map addresses), reserved
 * at boot, to the page allocator, and prints "Freeing <s> memory: NK"
 * as Linux's free_reserved_area(): how many pages it freed.
 */
unsigned long free_reserved_area(void *start, void *end, const char *s);

#endif /* _IRQLAB_MM_H */
