// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy page allocator, after Linux's mm/page_alloc.c with one zone.
 *
 * Free memory is kept in blocks of 2^order pages, order 0..MAX_PAGE_ORDER,
 * each aligned on its own size, one free list per order.  An allocation
 * takes the smallest block big enough and splits it, returning the upper
 * halves to the lower lists; a free merges the block with its buddy (the
 * block whose pfn differs only in bit `order`) for as long as the buddy is
 * free too.
 *
 * Frees are checked, so that a double free or a free of a page that was
 * never allocated gets Linux's "Bad page state" report and is ignored
 * instead of putting a page on a free list twice.
 */
#include <irqlab/gfp.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <irqlab/spinlock.h>
#include <irqlab/fault-inject.h>
#include <irqlab/ratelimit.h>
#include <irqlab/memblock.h>
#include <irqlab/smp.h>

/* The free lists, for every CPU (Linux has one per zone). */
static DEFINE_SPINLOCK(zone_lock);

struct free_area {
	struct page_list free_list;
	unsigned long nr_free;
};

static struct free_area free_area[NR_PAGE_ORDERS];
static unsigned long nr_free, nr_managed;

struct page *mem_map;
unsigned long max_pfn;
bool after_bootmem;
unsigned long bad_page_reports;
/* Linux's: one allocation failure report in ten seconds (tests reset it). */
DEFINE_RATELIMIT_STATE(nopage_rs, 10 * HZ, 1);

static void bad_page(struct page *page, const char *reason)
{
	bad_page_reports++;
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n",
		 current_comm(), page_to_pfn(page));
	pr_alert("page: order:%u flags:%#lx pfn:%#lx\n", page->order,
		 page->flags, page_to_pfn(page));
	pr_alert("page dumped because: %s\n", reason);
	dump_stack();
}

static void add_to_free_list(struct page *page, unsigned int order)
{
	SetPageFlag(page, PG_buddy);
	page->order = order;
	page_list_add(&free_area[order].free_list, page);
	free_area[order].nr_free++;
}

static void del_from_free_list(struct page *page, unsigned int order)
{
	page_list_del(&free_area[order].free_list, page);
	ClearPageFlag(page, PG_buddy);
	free_area[order].nr_free--;
}

/* Merges with free buddies of the same order, then lists the result. */
static void __free_one_page(unsigned long pfn, unsigned int order)
{
	unsigned long buddy_pfn;
	struct page *buddy;

	while (order < MAX_PAGE_ORDER) {
		buddy_pfn = pfn ^ (1UL << order);
		if (!pfn_valid(buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!PageFlag(buddy, PG_buddy) || buddy->order != order)
			break;
		del_from_free_list(buddy, order);
		pfn &= buddy_pfn;	/* the lower of the two */
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), order);
}

void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long i, flags;

	for (i = 0; i < (1UL << order); i++)
		ClearPageFlag(page + i, PG_reserved);
	spin_lock_irqsave(&zone_lock, flags);
	nr_managed += 1UL << order;
	nr_free += 1UL << order;
	__free_one_page(page_to_pfn(page), order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* Whether the block at page may be freed with this order, or why not. */
static const char *free_check(struct page *page, unsigned int order)
{
	static char buf[64];

	if (PageFlag(page, PG_reserved))
		return "freeing a reserved page, never allocated";
	if (PageFlag(page, PG_slab))
		return "freeing a page still used by slab";
	if (PageFlag(page, PG_tail))
		return "freeing a tail page, not the start of the block";
	if (!PageFlag(page, PG_head))
		return PageFlag(page, PG_freed) ?
			"double free: the page is already free" :
			"freeing a page that was never allocated";
	if (page->order != order) {
		snprintf(buf, sizeof(buf),
			 "freed with order %u, allocated with order %u",
			 order, page->order);
		return buf;
	}
	return NULL;
}

/*
 * zone_lock, with interrupts off, around the free lists: other CPUs and
 * this CPU's interrupt handlers allocate too.
 */
void __free_pages(struct page *page, unsigned int order)
{
	const char *bad;
	unsigned long i, flags;

	if (order > MAX_PAGE_ORDER || !page ||
	    !pfn_valid(page_to_pfn(page))) {
		pr_alert("BUG: __free_pages(%p, %u): no such block\n", page,
			 order);
		bad_page_reports++;
		dump_stack();
		return;
	}
	spin_lock_irqsave(&zone_lock, flags);
	bad = free_check(page, order);
	if (bad) {
		spin_unlock_irqrestore(&zone_lock, flags);
		bad_page(page, bad);
		return;
	}
	for (i = 1; i < (1UL << order); i++)
		ClearPageFlag(page + i, PG_tail);
	ClearPageFlag(page, PG_head);
	ClearPageFlag(page, PG_large_kmalloc);
	SetPageFlag(page, PG_freed);
	nr_free += 1UL << order;
	__free_one_page(page_to_pfn(page), order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* Takes a block of at least `order` off the lists, splitting as needed. */
static struct page *__rmqueue(unsigned int order)
{
	unsigned int cur, i;
	struct page *page;

	for (cur = order; cur <= MAX_PAGE_ORDER; cur++)
		if (free_area[cur].free_list.first)
			break;
	if (cur > MAX_PAGE_ORDER)
		return NULL;
	page = free_area[cur].free_list.first;
	del_from_free_list(page, cur);
	/* Linux's expand(): the upper halves go back, largest first. */
	while (cur > order) {
		cur--;
		add_to_free_list(page + (1UL << cur), cur);
	}
	nr_free -= 1UL << order;
	page->flags &= ~(1UL << PG_freed);
	SetPageFlag(page, PG_head);
	page->order = order;
	for (i = 1; i < (1U << order); i++) {
		page[i].flags = 1UL << PG_tail;
		page[i].head = page;
	}
	return page;
}

/* ---- when an allocation fails ---------------------------------------- */

/* Linux's %pGg: compound names first, then single flags. */
static const struct {
	gfp_t mask;
	const char *name;
} gfpflag_names[] = {
	{ GFP_KERNEL,	"GFP_KERNEL" },
	{ GFP_ATOMIC,	"GFP_ATOMIC" },
	{ __GFP_ZERO,	"__GFP_ZERO" },
	{ __GFP_NOWARN,	"__GFP_NOWARN" },
};

static void format_gfp(char *buf, size_t size, gfp_t gfp)
{
	size_t i, n = 0;

	if (!gfp) {
		strscpy(buf, "none", size);
		return;
	}
	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(gfpflag_names) && gfp; i++) {
		if ((gfp & gfpflag_names[i].mask) != gfpflag_names[i].mask)
			continue;
		gfp &= ~gfpflag_names[i].mask;
		n += scnprintf(buf + n, size - n, "%s%s", gfpflag_names[i].name,
			       gfp ? "|" : "");
	}
	if (gfp)
		scnprintf(buf + n, size - n, "%#x", gfp);
}

/*
 * Linux's show_free_areas(), with what one zone and no reclaim leave of
 * it: free pages, the zone's sizes, its free blocks per order.
 */
void show_mem(void)
{
	unsigned long present = memblock_phys_pages(), managed = nr_managed;
	unsigned long total = 0, nr[NR_PAGE_ORDERS], flags;
	unsigned int order;

	spin_lock_irqsave(&zone_lock, flags);
	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		nr[order] = free_area[order].nr_free;
		total += nr[order] << order;
	}
	spin_unlock_irqrestore(&zone_lock, flags);

	printk(KERN_DEFAULT "Mem-Info:\n");
	printk(KERN_DEFAULT "free:%lu\n", total);
	printk(KERN_DEFAULT "Node 0 Normal free:%lukB present:%lukB managed:%lukB\n",
	       total << (PAGE_SHIFT - 10), present << (PAGE_SHIFT - 10),
	       managed << (PAGE_SHIFT - 10));
	printk(KERN_DEFAULT "Node 0 Normal: ");
	for (order = 0; order <= MAX_PAGE_ORDER; order++)
		pr_cont("%lu*%lukB ", nr[order], (PAGE_SIZE >> 10) << order);
	pr_cont("= %lukB\n", total << (PAGE_SHIFT - 10));
	printk(KERN_DEFAULT "%lu pages RAM\n", present);
	printk(KERN_DEFAULT "%lu pages reserved\n", present - managed);
}

/*
 * Linux's warn_alloc(): who asked for what, from where, and what memory
 * was left; one report in ten seconds (nopage_rs), none for
 * __GFP_NOWARN.  irqlab has one node and no cpusets, so nodemask is
 * always (null) and Linux's cpuset and mems_allowed fields are left out.
 */
static void __printf(2, 3) warn_alloc(gfp_t gfp, const char *fmt, ...)
{
	char what[64], mode[64];
	va_list args;

	if ((gfp & __GFP_NOWARN) || !__ratelimit(&nopage_rs))
		return;
	va_start(args, fmt);
	vscnprintf(what, sizeof(what), fmt, args);
	va_end(args);
	format_gfp(mode, sizeof(mode), gfp);
	pr_warn("%s: %s, mode:%#x(%s), nodemask=(null)\n", current_comm(),
		what, gfp, mode);
	dump_stack();
	show_mem();
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = NULL;
	unsigned long flags;

	/* A caller's bug, not a shortage: Linux warns, without a report. */
	if (order > MAX_PAGE_ORDER) {
		WARN_ON(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	if (!should_fail_alloc_page(gfp, order)) {
		spin_lock_irqsave(&zone_lock, flags);
		page = __rmqueue(order);
		spin_unlock_irqrestore(&zone_lock, flags);
	}
	if (!page) {
		warn_alloc(gfp, "page allocation failure: order:%u", order);
		return NULL;
	}
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

void split_page(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		page[i].flags &= ~(1UL << PG_tail);
		SetPageFlag(page + i, PG_head);
		page[i].order = 0;
	}
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (!IS_ALIGNED(addr, PAGE_SIZE) || !virt_addr_valid((void *)addr)) {
		pr_alert("BUG: free_pages(%#lx, %u): not a page of the direct map\n",
			 addr, order);
		bad_page_reports++;
		dump_stack();
		return;
	}
	__free_pages(virt_to_page((void *)addr), order);
}

unsigned long nr_free_pages(void)
{
	return READ_ONCE(nr_free);
}

unsigned long totalram_pages(void)
{
	return READ_ONCE(nr_managed);
}

unsigned long free_area_count(unsigned int order)
{
	if (order > MAX_PAGE_ORDER)
		return 0;
	return READ_ONCE(free_area[order].nr_free);
}

unsigned long free_reserved_area(void *start, void *end, const char *s)
{
	unsigned long pfn = PFN_UP(__pa(start)), end_pfn = PFN_DOWN(__pa(end));
	unsigned long pages = 0;

	for (; pfn < end_pfn; pfn++, pages++)
		__free_pages_core(pfn_to_page(pfn), 0);
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}
