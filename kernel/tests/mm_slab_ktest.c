// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc and object caches: sizes, alignment, no overlap, zeroing, and
 * the debugging checks: double and invalid kfree, use after free.
 */
#include <irqlab/ktest.h>
#include <irqlab/slab.h>

#define BATCH	64

static u8 pattern(unsigned int i, size_t off)
{
	return (u8)(i * 31 + off * 7 + 1);
}

/* A batch of live objects: each filled, then all checked and disjoint. */
static void check_batch(struct ktest *t, size_t first, size_t step)
{
	void *obj[BATCH];
	size_t size[BATCH], off;
	unsigned long bad = 0;
	unsigned int i, j;
	u8 *p;

	for (i = 0; i < BATCH; i++) {
		size[i] = first + i * step;
		obj[i] = kmalloc(size[i], GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, obj[i]);
		KTEST_EXPECT_EQ(t, (unsigned long)obj[i] % 8, 0);
		/* Power-of-two sizes are naturally aligned. */
		if (!(size[i] & (size[i] - 1)) && size[i] <= PAGE_SIZE)
			KTEST_EXPECT_EQ(t, (unsigned long)obj[i] % size[i], 0);
		KTEST_EXPECT_GE(t, ksize(obj[i]), size[i]);
		for (p = obj[i], off = 0; off < size[i]; off++)
			p[off] = pattern(i, off);
	}
	for (i = 0; i < BATCH; i++) {
		for (p = obj[i], off = 0; off < size[i]; off++)
			bad += p[off] != pattern(i, off);
		for (j = i + 1; j < BATCH; j++)
			bad += (u8 *)obj[i] < (u8 *)obj[j] + size[j] &&
			       (u8 *)obj[j] < (u8 *)obj[i] + size[i];
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	for (i = 0; i < BATCH; i++)
		kfree(obj[i]);
}

static void test_kmalloc_sizes(struct ktest *t)
{
	unsigned long reports = slab_bug_reports, free0;
	size_t first;

	/* Warm the caches, so that the free count is comparable after. */
	for (first = 1; first <= 8192; first += BATCH)
		check_batch(t, first, 1);
	free0 = nr_free_pages();
	for (first = 1; first <= 8192; first += BATCH)
		check_batch(t, first, 1);
	check_batch(t, 8193, 4099);	/* 8 KiB .. 266 KiB, from buddy */
	KTEST_EXPECT_EQ(t, slab_bug_reports, reports);
	/* Empty slabs a cache keeps may differ, but only by a few. */
	KTEST_EXPECT_GE(t, nr_free_pages() + 64, free0);
}

static void test_kmalloc_large(struct ktest *t)
{
	unsigned long free0 = nr_free_pages();
	void *p = kmalloc(4UL << 20, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, ksize(p), 4UL << 20);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0 - 1024);
	memset(p, 0x5a, 4UL << 20);
	kfree(p);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
	KTEST_EXPECT_NULL(t, kmalloc((4UL << 20) + 1,
				     GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_NULL(t, kmalloc_array(1UL << 62, 8, GFP_KERNEL));
}

static void test_kfree_null(struct ktest *t)
{
	unsigned long reports = slab_bug_reports;
	void *p = kmalloc(0, GFP_KERNEL);

	KTEST_EXPECT_TRUE(t, p == ZERO_SIZE_PTR);
	kfree(p);
	kfree(NULL);
	KTEST_EXPECT_EQ(t, ksize(NULL), 0);
	KTEST_EXPECT_EQ(t, slab_bug_reports, reports);
}

static void test_kzalloc_zeroes(struct ktest *t)
{
	unsigned int i, size, bad = 0;
	u8 *p;

	for (size = 24; size <= 20000; size = size * 3 + 1) {
		p = kmalloc(size, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, p);
		memset(p, 0xff, size);
		kfree(p);
		/* Most likely the same object: it is the next one out. */
		p = kzalloc(size, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, p);
		for (i = 0; i < size; i++)
			bad += p[i] != 0;
		kfree(p);
	}
	p = kcalloc(100, 3, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 300; i++)
		bad += p[i] != 0;
	kfree(p);
	KTEST_EXPECT_EQ(t, bad, 0);
}

static void test_double_kfree(struct ktest *t)
{
	unsigned long reports = slab_bug_reports, free0;
	void *p = kmalloc(64, GFP_KERNEL), *pin = kmalloc(64, GFP_KERNEL);
	void *q, *r;

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_ASSERT_NOT_NULL(t, pin);
	kfree(p);
	free0 = nr_free_pages();
	kfree(p);
	KTEST_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
	/* On the free list once: the next two objects differ. */
	q = kmalloc(64, GFP_KERNEL);
	r = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, q == p);
	KTEST_EXPECT_TRUE(t, r != p);
	kfree(q);
	kfree(r);
	kfree(pin);

	/* The same for one straight from the page allocator. */
	p = kmalloc(20000, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	kfree(p);
	free0 = nr_free_pages();
	kfree(p);
	KTEST_EXPECT_EQ(t, slab_bug_reports, reports + 2);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
}

static int static_object;

static void test_bad_pointer_kfree(struct ktest *t)
{
	unsigned long reports = slab_bug_reports, free0, page;
	u8 *p = kmalloc(64, GFP_KERNEL), *big = kmalloc(20000, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_ASSERT_NOT_NULL(t, big);
	page = __get_free_page(GFP_KERNEL);
	KTEST_ASSERT_NE(t, page, 0);
	free0 = nr_free_pages();
	kfree(p + 1);			/* inside an object, misaligned */
	kfree(p + 8);			/* inside an object, 8-aligned */
	kfree(big + PAGE_SIZE);		/* inside a large kmalloc */
	kfree((void *)page);		/* a page never from kmalloc */
	kfree(&static_object);		/* not in the direct map at all */
	KTEST_EXPECT_EQ(t, slab_bug_reports, reports + 5);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free0);
	KTEST_EXPECT_EQ(t, ksize(p), 64);	/* still allocated */
	kfree(p);
	kfree(big);
	free_page(page);
	KTEST_EXPECT_EQ(t, slab_bug_reports, reports + 5);
}

/*
 * A write to a freed object is caught when the object is handed out
 * again.  pin keeps the slab from being given back meanwhile.
 */
static void test_poison_catches_uaf(struct ktest *t)
{
	unsigned long reports = slab_bug_reports;
	u8 *x = kmalloc(64, GFP_KERNEL), *pin = kmalloc(64, GFP_KERNEL), *y;
	unsigned int i, poisoned = 0;

	KTEST_ASSERT_NOT_NULL(t, x);
	KTEST_ASSERT_NOT_NULL(t, pin);
	kfree(x);
	for (i = 8; i < 64; i++)
		poisoned += x[i] == POISON_FREE;
	KTEST_EXPECT_EQ(t, poisoned, 56);

	/* A clean free and reallocation reports nothing... */
	y = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, y == x);
	KTEST_EXPECT_EQ(t, slab_bug_reports, reports);
	kfree(y);
	/* ...a write after free is reported at the next allocation. */
	x[40] = 0x42;
	y = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, y == x);
	KTEST_EXPECT_EQ(t, slab_bug_reports, reports + 1);
	kfree(y);
	kfree(pin);
}

struct ktest_obj {
	u64 magic;
	char name[28];
};

static void obj_ctor(void *p)
{
	((struct ktest_obj *)p)->magic = 0x1234567890abcdefULL;
}

static void test_kmem_cache(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("ktest_obj",
			sizeof(struct ktest_obj), 0, SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *k = kmem_cache_create("ktest_ctor",
			sizeof(struct ktest_obj), 0, 0, obj_ctor);
	unsigned long reports = slab_bug_reports, free0 = nr_free_pages();
	struct ktest_obj *o[200];
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, c);
	KTEST_ASSERT_NOT_NULL(t, k);
	for (i = 0; i < 200; i++) {
		o[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, o[i]);
		KTEST_EXPECT_EQ(t, (unsigned long)o[i] % 64, 0);
		o[i]->magic = i;
	}
	for (i = 0; i < 200; i++)
		KTEST_EXPECT_EQ(t, o[i]->magic, i);
	for (i = 0; i < 200; i++)
		kmem_cache_free(c, o[i]);
	kmem_cache_destroy(c);

	/* A constructed object keeps its state across free and alloc. */
	o[0] = kmem_cache_alloc(k, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, o[0]);
	KTEST_EXPECT_EQ(t, o[0]->magic, 0x1234567890abcdefULL);
	kmem_cache_free(k, o[0]);
	o[1] = kmem_cache_alloc(k, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, o[1] == o[0]);
	KTEST_EXPECT_EQ(t, o[1]->magic, 0x1234567890abcdefULL);
	kmem_cache_free(k, o[1]);
	kmem_cache_destroy(k);
	KTEST_EXPECT_EQ(t, slab_bug_reports, reports);
	/* Every slab went back (the caches' own structs may free more). */
	KTEST_EXPECT_GE(t, nr_free_pages(), free0);
}

static const struct ktest_case slab_cases[] = {
	KTEST_CASE(test_kmalloc_sizes),
	KTEST_CASE(test_kmalloc_large),
	KTEST_CASE(test_kfree_null),
	KTEST_CASE(test_kzalloc_zeroes),
	KTEST_CASE(test_double_kfree),
	KTEST_CASE(test_bad_pointer_kfree),
	KTEST_CASE(test_poison_catches_uaf),
	KTEST_CASE(test_kmem_cache),
	{}
};
KTEST_SUITE(slab, slab_cases);
