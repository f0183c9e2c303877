// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator: every order, alignment, splitting and merging,
 * exhaustion without leaks, reserved memory never handed out, and bad
 * frees reported without touching the free lists.
 */
#include <irqlab/ktest.h>
#include <irqlab/gfp.h>
#include <irqlab/bootinfo.h>
#include <asm/processor.h>

extern const char _text[], _end[];

static void snapshot(unsigned long *counts)
{
	unsigned int o;

	for (o = 0; o <= MAX_PAGE_ORDER; o++)
		counts[o] = free_area_count(o);
}

static void expect_counts(struct ktest *t, const unsigned long *before)
{
	unsigned int o;

	for (o = 0; o <= MAX_PAGE_ORDER; o++)
		KTEST_EXPECT_EQ(t, free_area_count(o), before[o]);
}

static void test_every_order(struct ktest *t)
{
	unsigned long free0 = nr_free_pages(), pfn;
	unsigned int order;
	struct page *p;
	u8 *va;

	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		p = alloc_pages(GFP_KERNEL, order);
		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_EQ(t, nr_free_pages(), free0 - (1UL << order));
		pfn = page_to_pfn(p);
		/* An order-k block is aligned on 2^k pages. */
		KTEST_EXPECT_EQ(t, pfn & ((1UL << order) - 1), 0);
		va = page_address(p);
		KTEST_EXPECT_EQ(t, (unsigned long)va,
				(unsigned long)__va(PFN_PHYS(pfn)));
		va[0] = 1;
		va[(PAGE_SIZE << order) - 1] = 2;
		__free_pages(p, order);
		KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
	}
	KTEST_EXPECT_NULL(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					 MAX_PAGE_ORDER + 1));
}

/* Several blocks of each order at once, all aligned and disjoint. */
static void test_alignment(struct ktest *t)
{
	unsigned long free0 = nr_free_pages(), pfn[4];
	struct page *p[4];
	unsigned int order, i;

	for (order = 1; order <= MAX_PAGE_ORDER; order++) {
		for (i = 0; i < 4; i++) {
			p[i] = alloc_pages(GFP_KERNEL, order);
			KTEST_ASSERT_NOT_NULL(t, p[i]);
			pfn[i] = page_to_pfn(p[i]);
			KTEST_EXPECT_EQ(t, pfn[i] % (1UL << order), 0);
			if (i)
				KTEST_EXPECT_NE(t, pfn[i], pfn[i - 1]);
		}
		for (i = 0; i < 4; i++)
			__free_pages(p[i], order);
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
}

static void test_split_and_merge(struct ktest *t)
{
	unsigned long before[NR_PAGE_ORDERS], mid[NR_PAGE_ORDERS];
	unsigned long free0 = nr_free_pages();
	struct page *p;

	snapshot(before);
	p = alloc_pages(GFP_KERNEL, 3);
	KTEST_ASSERT_NOT_NULL(t, p);
	__free_pages(p, 3);
	expect_counts(t, before);

	/* Two order-0 buddies: freeing one lists it, the second merges. */
	p = alloc_pages(GFP_KERNEL, 1);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, page_to_pfn(p) & 1, 0);
	split_page(p, 1);
	snapshot(mid);
	__free_page(p);
	KTEST_EXPECT_EQ(t, free_area_count(0), mid[0] + 1);
	__free_page(p + 1);
	expect_counts(t, before);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
}

static bool overlaps(unsigned long pfn, phys_addr_t start, phys_addr_t end)
{
	return PFN_PHYS(pfn) < end && PFN_PHYS(pfn) + PAGE_SIZE > start;
}

static bool in_ram(unsigned long pfn)
{
	int i;

	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mem_region *r = &boot_info.mmap[i];

		if (r->type == E820_TYPE_RAM && r->addr <= PFN_PHYS(pfn) &&
		    PFN_PHYS(pfn + 1) <= r->addr + r->len)
			return true;
	}
	return false;
}

/*
 * Every free page is obtainable one at a time, then NULL; freeing them
 * all gives the same free lists back.  Interrupts stay off so that no
 * handler sees the allocator empty.  The pages are chained through their
 * own first word, so the test needs no memory of its own.
 */
static void test_exhaustion(struct ktest *t)
{
	unsigned long before[NR_PAGE_ORDERS], free0, count = 0, bad = 0;
	unsigned long pfn, flags;
	phys_addr_t mm_start = __pa(mem_map);
	phys_addr_t mm_end = __pa(mem_map + max_pfn);
	void **chain = NULL, **p;
	struct page *page;

	local_irq_save(flags);
	free0 = nr_free_pages();
	snapshot(before);
	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN))) {
		pfn = page_to_pfn(page);
		if (pfn < PFN_DOWN(1UL << 20) ||
		    overlaps(pfn, LOAD_PHYSICAL_ADDR, __pa_symbol(_end)) ||
		    overlaps(pfn, boot_info.info_start, boot_info.info_end) ||
		    overlaps(pfn, mm_start, mm_end) || !in_ram(pfn))
			bad++;
		p = page_address(page);
		*p = chain;
		chain = p;
		count++;
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), 0);
	KTEST_EXPECT_NULL(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	while (chain) {
		p = *chain;
		free_page((unsigned long)chain);
		chain = p;
	}
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, count, free0);
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
	expect_counts(t, before);
	ktest_log(t, "%lu pages handed out before NULL", count);
}

static void test_gfp_zero(struct ktest *t)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 1), i, bad = 0;
	u8 *p;

	KTEST_ASSERT_NE(t, addr, 0);
	memset((void *)addr, 0xaa, 2 * PAGE_SIZE);
	free_pages(addr, 1);
	p = page_address(alloc_pages(GFP_KERNEL | __GFP_ZERO, 1));
	for (i = 0; i < 2 * PAGE_SIZE; i++)
		bad += p[i] != 0;
	KTEST_EXPECT_EQ(t, bad, 0);
	free_pages((unsigned long)p, 1);
	addr = get_zeroed_page(GFP_KERNEL);
	KTEST_ASSERT_NE(t, addr, 0);
	KTEST_EXPECT_EQ(t, *(u64 *)(addr + 64), 0);
	free_page(addr);
	KTEST_EXPECT_EQ(t, totalram_pages() >= nr_free_pages(), true);
}

static void test_double_free(struct ktest *t)
{
	unsigned long reports = bad_page_reports, free0;
	struct page *p = alloc_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	__free_page(p);
	free0 = nr_free_pages();
	__free_page(p);
	KTEST_EXPECT_EQ(t, bad_page_reports, reports + 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
	/* Listed once: two allocations cannot both get it. */
	p = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0 - 1);
	__free_page(p);
}

static void test_bad_frees(struct ktest *t)
{
	unsigned long reports = bad_page_reports, free0 = nr_free_pages();
	struct page *kernel = virt_to_page(__va(__pa_symbol(_text)));
	struct page *p = alloc_pages(GFP_KERNEL, 2);

	KTEST_ASSERT_NOT_NULL(t, p);
	__free_page(kernel);			/* reserved: never allocated */
	KTEST_EXPECT_EQ(t, bad_page_reports, reports + 1);
	__free_page(p + 1);			/* a tail page */
	KTEST_EXPECT_EQ(t, bad_page_reports, reports + 2);
	__free_pages(p, 1);			/* the wrong order */
	KTEST_EXPECT_EQ(t, bad_page_reports, reports + 3);
	free_page((unsigned long)_text);	/* not a direct-map page */
	KTEST_EXPECT_EQ(t, bad_page_reports, reports + 4);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0 - 4);
	__free_pages(p, 2);
	KTEST_EXPECT_EQ(t, bad_page_reports, reports + 4);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
}

static const struct ktest_case page_alloc_cases[] = {
	KTEST_CASE(test_every_order),
	KTEST_CASE(test_alignment),
	KTEST_CASE(test_split_and_merge),
	KTEST_CASE(test_exhaustion),
	KTEST_CASE(test_gfp_zero),
	KTEST_CASE(test_double_free),
	KTEST_CASE(test_bad_frees),
	{}
};
KTEST_SUITE(page_alloc, page_alloc_cases);
