// SPDX-License-Identifier: GPL-2.0
/*
 * Object caches and kmalloc, a much smaller SLUB (Linux's mm/slub.c).
 *
 * A slab is a block from the page allocator cut into objects of one size;
 * its head page (PG_slab) holds the cache, the first free object and the
 * count in use, and each free object holds the address of the next free
 * one at s->offset.  Slabs with a free object are on the cache's partial
 * list, most recently freed first, so a freed object is the next one
 * handed out.  kmalloc() picks the smallest of Linux's kmalloc caches
 * that fits; above 8 KiB it takes pages straight from the buddy allocator.
 *
 * Debugging is always on, as with slub_debug=FP: a freed object is filled
 * with POISON_FREE, and the poison is checked when the object is handed
 * out again, so a write after free is reported then; a free is checked
 * against the slab (object boundary, already on the free list) first.
 */
#include <irqlab/slab.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <irqlab/spinlock.h>
#include <irqlab/fault-inject.h>

/* Every cache's slabs and free lists: one lock, few CPUs. */
static DEFINE_SPINLOCK(slab_lock);

struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* as asked for */
	unsigned int size;		/* object stride in the slab */
	unsigned int offset;		/* of the free pointer in an object */
	unsigned int order;		/* of each slab */
	unsigned int objects;		/* per slab */
	bool poison;
	void (*ctor)(void *);
	struct page_list partial;	/* slabs with a free object */
	unsigned long nr_slabs, nr_empty;
	struct kmem_cache *next;	/* all caches, for slabinfo */
};

/* Empty slabs a cache keeps rather than giving back (Linux: min_partial). */
#define MIN_PARTIAL	2

static const unsigned int kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};
static const char *const kmalloc_names[] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96",
	"kmalloc-128", "kmalloc-192", "kmalloc-256", "kmalloc-512",
	"kmalloc-1k", "kmalloc-2k", "kmalloc-4k", "kmalloc-8k",
};
static struct kmem_cache kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];
static struct kmem_cache *slab_caches;

unsigned long slab_bug_reports;

static void *slab_base(const struct page *slab)
{
	return page_address(slab);
}

static void *get_freepointer(const struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

static void set_freepointer(const struct kmem_cache *s, void *object,
			    void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

/* SLUB's slab_bug() banner; the caller says more, then slab_dump(). */
static void slab_bug(const struct kmem_cache *s, const char *reason)
{
	slab_bug_reports++;
	pr_err("=============================================================================\n");
	pr_err("BUG %s (Not tainted): %s\n", s->name, reason);
	pr_err("-----------------------------------------------------------------------------\n");
}

static void slab_dump(const struct kmem_cache *s, const struct page *slab,
		      const void *object)
{
	const u8 *p = object;
	unsigned int i;

	if (slab)
		pr_err("Slab %p objects=%u used=%u fp=%p flags=%#lx\n", slab,
		       s->objects, slab->inuse, slab->freelist, slab->flags);
	if (object) {
		pr_err("Object %p:", object);
		for (i = 0; i < 16 && i < s->size; i++)
			pr_cont(" %02x", p[i]);
		pr_cont("\n");
	}
	dump_stack();
}

static void slab_err(const struct kmem_cache *s, const struct page *slab,
		     const void *object, const char *reason)
{
	slab_bug(s, reason);
	slab_dump(s, slab, object);
}

/* A free pointer must be NULL or an object of the same slab. */
static bool valid_pointer(const struct kmem_cache *s, const struct page *slab,
			  const void *object)
{
	unsigned long off = (unsigned long)object -
			    (unsigned long)slab_base(slab);

	if (!object)
		return true;
	return off < (unsigned long)s->objects * s->size && off % s->size == 0;
}

static void check_poison(struct kmem_cache *s, struct page *slab, u8 *object)
{
	unsigned int i, start = s->offset + sizeof(void *);

	for (i = start; i < s->size; i++)
		if (object[i] != POISON_FREE)
			break;
	if (i == s->size)
		return;
	slab_bug(s, "Poison overwritten");
	pr_err("%p @offset=%u. First byte %#x instead of %#x\n", object + i,
	       i, object[i], POISON_FREE);
	slab_dump(s, slab, object);
	pr_err("FIX %s: Restoring Poison %p-%p=%#x\n", s->name, object + start,
	       object + s->size - 1, POISON_FREE);
	memset(object + start, POISON_FREE, s->size - start);
}

static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab = alloc_pages(gfp & ~__GFP_ZERO, s->order);
	char *base, *p;
	unsigned int i;

	if (!slab)
		return NULL;
	base = slab_base(slab);
	if (s->poison)
		memset(base, POISON_FREE, PAGE_SIZE << s->order);
	for (i = 0, p = base; i < s->objects; i++, p += s->size) {
		if (s->ctor)
			s->ctor(p);
		set_freepointer(s, p, i + 1 < s->objects ? p + s->size : NULL);
	}
	SetPageFlag(slab, PG_slab);
	slab->slab_cache = s;
	slab->freelist = base;
	slab->inuse = 0;
	s->nr_slabs++;
	s->nr_empty++;
	page_list_add(&s->partial, slab);
	return slab;
}

static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	page_list_del(&s->partial, slab);
	ClearPageFlag(slab, PG_slab);
	s->nr_slabs--;
	s->nr_empty--;
	__free_pages(slab, s->order);
}

/*
 * slab_lock, with interrupts off, while a slab changes: other CPUs and
 * interrupt handlers allocate too (Linux has a lock per cache and node,
 * and per-CPU slabs; one lock is enough for a few CPUs).
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *slab;
	void *object, *next;

	if (should_failslab(s, gfp))
		return NULL;
	spin_lock_irqsave(&slab_lock, flags);
again:
	slab = s->partial.first;
	if (!slab)
		slab = new_slab(s, gfp);
	if (!slab) {
		spin_unlock_irqrestore(&slab_lock, flags);
		return NULL;
	}
	object = slab->freelist;
	next = get_freepointer(s, object);
	if (!valid_pointer(s, slab, next)) {
		/* As SLUB: give up on the rest of this slab's free list. */
		slab_err(s, slab, object, "Freechain corrupt");
		pr_err("FIX %s: Marking all objects used\n", s->name);
		if (!slab->inuse)
			s->nr_empty--;
		slab->freelist = NULL;
		slab->inuse = s->objects;
		page_list_del(&s->partial, slab);
		goto again;
	}
	if (s->poison)
		check_poison(s, slab, object);
	if (!slab->inuse++)
		s->nr_empty--;
	slab->freelist = next;
	if (!next)
		page_list_del(&s->partial, slab);
	spin_unlock_irqrestore(&slab_lock, flags);
	if (gfp & __GFP_ZERO)
		memset(object, 0, s->object_size);
	return object;
}

static bool on_freelist(const struct kmem_cache *s, const struct page *slab,
			const void *object)
{
	void *p = slab->freelist;
	unsigned int n;

	/* Bounded: a corrupt list must not loop forever. */
	for (n = 0; p && n < s->objects; n++, p = get_freepointer(s, p)) {
		if (p == object)
			return true;
		if (!valid_pointer(s, slab, get_freepointer(s, p)))
			return false;
	}
	return false;
}

static void slab_free(struct kmem_cache *s, struct page *slab, void *object)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_lock, flags);
	if (!valid_pointer(s, slab, object)) {
		spin_unlock_irqrestore(&slab_lock, flags);
		slab_bug(s, "Invalid object pointer");
		pr_err("Invalid object pointer %p\n", object);
		slab_dump(s, slab, NULL);
		return;
	}
	if (on_freelist(s, slab, object)) {
		spin_unlock_irqrestore(&slab_lock, flags);
		slab_err(s, slab, object, "Object already free");
		return;
	}
	if (s->poison)
		memset((char *)object + s->offset + sizeof(void *), POISON_FREE,
		       s->size - s->offset - sizeof(void *));
	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	/* Full slabs are on no list; the rest move to the front. */
	if (slab->inuse-- < s->objects)
		page_list_del(&s->partial, slab);
	page_list_add(&s->partial, slab);
	if (!slab->inuse && ++s->nr_empty > MIN_PARTIAL)
		discard_slab(s, slab);
	spin_unlock_irqrestore(&slab_lock, flags);
}

void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	struct page *slab;

	if (!objp)
		return;
	if (!virt_addr_valid(objp) ||
	    (slab = compound_head(virt_to_page(objp)),
	     !PageFlag(slab, PG_slab) || slab->slab_cache != s)) {
		slab_bug(s, "Object not in this cache");
		pr_err("kmem_cache_free(%s, %p)\n", s->name, objp);
		slab_dump(s, NULL, NULL);
		return;
	}
	slab_free(s, slab, objp);
}

static void cache_setup(struct kmem_cache *s, const char *name,
			unsigned int size, unsigned int align,
			void (*ctor)(void *))
{
	align = max(align, (unsigned int)ARCH_KMALLOC_MINALIGN);
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	/* A constructed object keeps its contents when free, so the free
	 * pointer goes after it, and there is no poison (as SLUB). */
	s->poison = !ctor;
	s->offset = ctor ? ALIGN(size, sizeof(void *)) : 0;
	s->size = ALIGN(max(size, (unsigned int)sizeof(void *)), align);
	if (ctor)
		s->size = ALIGN(s->offset + (unsigned int)sizeof(void *),
				align);
	/* At least four objects a slab, as SLUB's minimum for big ones. */
	s->order = get_order(4UL * s->size);
	if (s->order > 3 || PAGE_SIZE << s->order < s->size)
		s->order = get_order(s->size);
	s->objects = (PAGE_SIZE << s->order) / s->size;
	s->next = slab_caches;
	slab_caches = s;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned int flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;

	if (!size || size > (PAGE_SIZE << MAX_PAGE_ORDER) / 4)
		return NULL;
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, 64U);
	if (align & (align - 1))
		return NULL;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (s)
		cache_setup(s, name, size, align, ctor);
	return s;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	struct kmem_cache **pp;
	struct page *slab, *next;

	if (!s)
		return;
	for (slab = s->partial.first; slab; slab = next) {
		next = slab->next;
		if (!slab->inuse)
			discard_slab(s, slab);
	}
	if (s->nr_slabs) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects\n",
		       s->name);
		slab_bug_reports++;
		dump_stack();
		return;
	}
	for (pp = &slab_caches; *pp; pp = &(*pp)->next)
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	kfree(s);
}

static struct kmem_cache *kmalloc_slab(size_t size)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		if (size <= kmalloc_sizes[i])
			return &kmalloc_caches[i];
	return NULL;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	struct page *page;

	if (!size)
		return ZERO_SIZE_PTR;
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		return kmem_cache_alloc(kmalloc_slab(size), gfp);
	if (size > PAGE_SIZE << MAX_PAGE_ORDER)
		return NULL;
	page = alloc_pages(gfp, get_order(size));
	if (!page)
		return NULL;
	SetPageFlag(page, PG_large_kmalloc);
	return page_address(page);
}

/* Report a kfree() of something kmalloc() never returned. */
static void bad_kfree(const void *objp, const char *why)
{
	slab_bug_reports++;
	pr_err("BUG: kfree(%p): %s\n", objp, why);
	dump_stack();
}

void kfree(const void *objp)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(objp))
		return;
	if (!virt_addr_valid(objp)) {
		bad_kfree(objp, "not a direct-map address");
		return;
	}
	page = compound_head(virt_to_page(objp));
	if (PageFlag(page, PG_slab)) {
		slab_free(page->slab_cache, page, (void *)objp);
	} else if (PageFlag(page, PG_large_kmalloc) &&
		   objp == page_address(page)) {
		ClearPageFlag(page, PG_large_kmalloc);
		__free_pages(page, page->order);
	} else {
		bad_kfree(objp, PageFlag(page, PG_large_kmalloc) ?
			  "not the start of the allocation" :
			  "page not owned by slab or kmalloc (double kfree?)");
	}
}

size_t ksize(const void *objp)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(objp) || !virt_addr_valid(objp))
		return 0;
	page = compound_head(virt_to_page(objp));
	if (PageFlag(page, PG_slab))
		return page->slab_cache->size;
	if (PageFlag(page, PG_large_kmalloc))
		return PAGE_SIZE << page->order;
	return 0;
}

void kmem_cache_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		cache_setup(&kmalloc_caches[i], kmalloc_names[i],
			    kmalloc_sizes[i], 0, NULL);
}
