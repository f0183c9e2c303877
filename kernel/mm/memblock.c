// SPDX-License-Identifier: GPL-2.0
/*
 * Boot memory before the page allocator, after Linux's mm/memblock.c: a
 * sorted list of RAM regions and one of reserved ranges.  Early
 * allocations (the mem_map) are carved from what is RAM and not reserved,
 * top down; then memblock_free_all() hands every page still free to the
 * buddy allocator and memblock is done with.
 */
#include <irqlab/memblock.h>
#include <irqlab/gfp.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>

#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	phys_addr_t base, end;
};

struct memblock_type {
	const char *name;
	int cnt;
	struct memblock_region regions[INIT_MEMBLOCK_REGIONS];
};

static struct memblock_type memory = { .name = "memory" };
static struct memblock_type reserved = { .name = "reserved" };

/* Inserts [base, end) in order, merging what it overlaps or touches. */
static void memblock_add_range(struct memblock_type *type, phys_addr_t base,
			       phys_addr_t end)
{
	struct memblock_region *r = type->regions;
	int i, j;

	if (base >= end)
		return;
	for (i = 0; i < type->cnt && r[i].end < base; i++)
		;
	/* r[i..j) all overlap or touch [base, end): they become one. */
	for (j = i; j < type->cnt && r[j].base <= end; j++) {
		base = min(base, r[j].base);
		end = max(end, r[j].end);
	}
	if (i == j) {
		if (type->cnt == INIT_MEMBLOCK_REGIONS)
			panic("memblock: too many %s regions", type->name);
		memmove(&r[i + 1], &r[i], (type->cnt - i) * sizeof(*r));
		type->cnt++;
	} else {
		memmove(&r[i + 1], &r[j], (type->cnt - j) * sizeof(*r));
		type->cnt -= j - i - 1;
	}
	r[i].base = base;
	r[i].end = end;
}

void memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_add_range(&memory, base, base + size);
}

void memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_add_range(&reserved, base, base + size);
}

/* Calls fn for each range of RAM that is not reserved, in order. */
static void for_each_free_range(void (*fn)(phys_addr_t, phys_addr_t, void *),
				void *arg)
{
	int i, j = 0;

	for (i = 0; i < memory.cnt; i++) {
		phys_addr_t cur = memory.regions[i].base;
		phys_addr_t end = memory.regions[i].end;

		for (; j < reserved.cnt && reserved.regions[j].base < end;
		     j++) {
			const struct memblock_region *r = &reserved.regions[j];

			if (r->base > cur)
				fn(cur, r->base, arg);
			cur = max(cur, r->end);
			if (r->end > end)
				break;	/* it covers the next region too */
		}
		if (cur < end)
			fn(cur, end, arg);
	}
}

struct alloc_req {
	phys_addr_t size, align, found;
};

static void fit_top_down(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct alloc_req *req = arg;
	phys_addr_t base;

	if (end - start < req->size)
		return;
	base = ALIGN_DOWN(end - req->size, req->align);
	if (base >= start && base > req->found)
		req->found = base;
}

void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	struct alloc_req req = { size, align, 0 };
	void *p;

	for_each_free_range(fit_top_down, &req);
	/* Page 0 is always reserved, so 0 means nothing fitted. */
	if (!req.found)
		panic("memblock: cannot allocate %llu bytes",
		      (unsigned long long)size);
	memblock_reserve(req.found, size);
	p = __va(req.found);
	memset(p, 0, size);
	return p;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	return memory.cnt ? memory.regions[memory.cnt - 1].end : 0;
}

unsigned long memblock_phys_pages(void)
{
	unsigned long pages = 0;
	int i;

	for (i = 0; i < memory.cnt; i++)
		pages += PFN_DOWN(memory.regions[i].end) -
			 PFN_UP(memory.regions[i].base);
	return pages;
}

/* As Linux's __free_pages_memory(): the largest aligned blocks that fit. */
static void free_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long pfn = PFN_UP(start), end_pfn = PFN_DOWN(end);
	unsigned long *count = arg;
	unsigned int order;

	while (pfn < end_pfn) {
		order = MAX_PAGE_ORDER;
		while ((pfn & ((1UL << order) - 1)) ||
		       pfn + (1UL << order) > end_pfn)
			order--;
		__free_pages_core(pfn_to_page(pfn), order);
		*count += 1UL << order;
		pfn += 1UL << order;
	}
}

unsigned long memblock_free_all(void)
{
	unsigned long count = 0;

	for_each_free_range(free_range, &count);
	return count;
}
