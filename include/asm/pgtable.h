/* SPDX-License-Identifier: GPL-2.0 */
/* Four-level x86_64 page tables. */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <irqlab/types.h>

#define _PAGE_PRESENT	(1UL << 0)
#define _PAGE_RW	(1UL << 1)
#define _PAGE_USER	(1UL << 2)	/* ring 3 may use it */
#define _PAGE_ACCESSED	(1UL << 5)
#define _PAGE_DIRTY	(1UL << 6)
#define _PAGE_PWT	(1UL << 3)	/* write-through */
#define _PAGE_PCD	(1UL << 4)	/* cache disabled */
#define _PAGE_PSE	(1UL << 7)	/* 2 MiB page in a page directory */
#define _PAGE_NX	(1UL << 63)

/* The physical address bits of an entry. */
#define PTE_PFN_MASK	0x000ffffffffff000UL

/* NX is dropped where the CPU lacks it (Linux's __supported_pte_mask). */
#define PAGE_KERNEL		(_PAGE_PRESENT | _PAGE_RW | _PAGE_NX)
/* PCD|PWT selects PAT entry 3, uncached (UC), with the reset PAT. */
#define PAGE_KERNEL_NOCACHE	(PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

#define PMD_SIZE	(1UL << 21)

/* lookup_address() levels, Linux's names. */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
};

/* Builds the kernel's page tables and switches to them. */
void paging_init(void);

/*
 * Maps the 4 KiB page at kernel address va to pa (a 2 MiB mapping in the
 * way is split first); 0 or -ENOMEM.  Page-table pages come from a pool in
 * the image until the page allocator runs, then from it.
 */
int map_kernel_page(unsigned long va, phys_addr_t pa, u64 prot);
/* Clears the 4 KiB mapping at va, if any, and flushes it from the TLB. */
void unmap_kernel_page(unsigned long va);
/* The entry mapping va (*level says which), NULL if none is present. */
u64 *lookup_address(unsigned long va, unsigned int *level);

/* This CPU's TLB only; vmalloc's purge has the other CPUs do the same. */
static inline void flush_tlb_one_kernel(unsigned long va)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

/*
 * User address spaces (arch/x86_64/pgtable.c).  Each has its own
 * top-level table whose kernel half is a copy of the kernel's, made
 * complete at the first one (every kernel top-level entry allocated), so
 * a later kernel mapping is seen by all.  Page-table pages of the user
 * half, and the pages they map, belong to the address space.
 */
#define PAGE_USER_PROT(write, exec)					\
	(_PAGE_PRESENT | _PAGE_USER | ((write) ? _PAGE_RW : 0) |	\
	 ((exec) ? 0 : _PAGE_NX))
u64 *pgd_alloc(void);
/* Frees the user half (tables and pages) and the top-level table. */
void pgd_free(u64 *pgd);
/* Maps one user page to the physical page pa: 0 or -ENOMEM. */
int map_user_page(u64 *pgd, unsigned long va, phys_addr_t pa, u64 prot);
/* The present PTE of a user page, or NULL. */
u64 *user_pte(u64 *pgd, unsigned long va);
/* Unmaps and frees the pages of [start, end); flushes this CPU's TLB. */
void unmap_user_range(u64 *pgd, unsigned long start, unsigned long end);
/* Gives the present pages of [start, end) the protection prot. */
void protect_user_range(u64 *pgd, unsigned long start, unsigned long end,
			u64 prot);
/* Copies every present page of src's user half into dst (fork). */
int copy_user_range(u64 *dst, u64 *src, unsigned long start,
		    unsigned long end);
/* Loads pgd (NULL: the kernel's own) into CR3 if it is not loaded. */
void switch_mm(u64 *pgd);

/* The direct map covers physical [0, direct_map_end). */
extern phys_addr_t direct_map_end;

#endif /* _ASM_PGTABLE_H */
