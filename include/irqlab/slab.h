/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kmalloc and object caches (kernel/mm/slab.c), Linux's API.  Always built
 * as with slub_debug=FP: freed objects are poisoned and checked, double and
 * invalid frees are reported instead of corrupting the free lists.
 */
#ifndef _IRQLAB_SLAB_H
#define _IRQLAB_SLAB_H

#include <irqlab/gfp.h>

/* kmalloc(0) returns this: not NULL, but faults when dereferenced. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	\
	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* Every object is this aligned, power-of-two sizes to their size. */
#define ARCH_KMALLOC_MINALIGN	8
#define KMALLOC_MAX_CACHE_SIZE	8192	/* above: pages straight from buddy */

#define POISON_FREE		0x6b	/* a freed object's bytes */

/* kmem_cache_create() flags. */
#define SLAB_HWCACHE_ALIGN	0x2000u	/* align objects on 64-byte lines */

struct kmem_cache;

void *kmalloc(size_t size, gfp_t gfp);
void kfree(const void *objp);
size_t ksize(const void *objp);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, gfp);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned int flags,
				     void (*ctor)(void *));
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *objp);
void kmem_cache_destroy(struct kmem_cache *s);

/* mm_init() sets the kmalloc caches up once the page allocator runs. */
void kmem_cache_init(void);

/* "BUG <cache>: ..." and invalid-kfree reports so far, for tests. */
extern unsigned long slab_bug_reports;

#endif /* _IRQLAB_SLAB_H */
