// SPDX-License-Identifier: GPL-2.0
/*
 * User address spaces' page tables: four levels as the kernel's, with
 * _PAGE_USER on every level of the user half.  Only the user half (top
 * entries 0-255) is a process's own; entries 256-511 point at the
 * kernel's tables, shared.  Tables and pages come from the page
 * allocator and are reached through the direct map.
 *
 * A process has one thread, so its tables are loaded on one CPU at a
 * time: a change needs only that CPU's TLB flushed, and only if the
 * tables are the ones loaded.
 */
#include <asm/pgtable.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <irqlab/errno.h>
#include <irqlab/gfp.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>
#include <irqlab/uaccess.h>

extern u64 *kernel_pgd;
extern phys_addr_t kernel_pgd_pa;
int preallocate_kernel_pgd(void);

#define USER_PTRS	256	/* top-level entries of the user half */
#define TABLE_FLAGS	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)

static u64 *entry_table(u64 e)
{
	return __va(e & PTE_PFN_MASK);
}

u64 *pgd_alloc(void)
{
	static bool kernel_half_complete;
	u64 *pgd;

	if (!READ_ONCE(kernel_half_complete)) {
		if (preallocate_kernel_pgd())
			return NULL;
		WRITE_ONCE(kernel_half_complete, true);
	}
	pgd = (u64 *)get_zeroed_page(GFP_KERNEL);
	if (pgd)
		memcpy(pgd + USER_PTRS, kernel_pgd + USER_PTRS,
		       USER_PTRS * sizeof(u64));
	return pgd;
}

/* The PTE slot of va, allocating the tables on the way if alloc. */
static u64 *walk(u64 *pgd, unsigned long va, bool alloc)
{
	static const int shifts[] = { 39, 30, 21 };
	u64 *t = pgd;
	int i;

	for (i = 0; i < 3; i++) {
		u64 *e = &t[(va >> shifts[i]) & 511];

		if (!(*e & _PAGE_PRESENT)) {
			u64 *n;

			if (!alloc)
				return NULL;
			n = (u64 *)get_zeroed_page(GFP_KERNEL);
			if (!n)
				return NULL;
			*e = __pa(n) | TABLE_FLAGS;
		}
		t = entry_table(*e);
	}
	return &t[(va >> 12) & 511];
}

static void flush_if_loaded(u64 *pgd, unsigned long va)
{
	if ((read_cr3() & PTE_PFN_MASK) == __pa(pgd))
		__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

int map_user_page(u64 *pgd, unsigned long va, phys_addr_t pa, u64 prot)
{
	u64 *pte = walk(pgd, va, true);

	if (!pte)
		return -ENOMEM;
	*pte = (pa & PTE_PFN_MASK) | prot;
	flush_if_loaded(pgd, va);
	return 0;
}

u64 *user_pte(u64 *pgd, unsigned long va)
{
	u64 *pte = walk(pgd, va, false);

	return pte && (*pte & _PAGE_PRESENT) ? pte : NULL;
}

/*
 * Calls fn on each present PTE of [start, end), skipping whole tables
 * that are absent at any level: the user half is 128 TiB, mostly empty.
 */
static int walk_level(u64 *table, int shift, unsigned long start,
		      unsigned long end,
		      int (*fn)(u64 *pte, unsigned long va, void *arg),
		      void *arg)
{
	unsigned long size = 1UL << shift, va = start;
	int ret;

	while (va < end) {
		u64 *e = &table[(va >> shift) & 511];
		unsigned long next = (va & ~(size - 1)) + size;

		if (next > end || next == 0)
			next = end;
		if (*e & _PAGE_PRESENT) {
			ret = shift == 12 ? fn(e, va, arg) :
			      walk_level(entry_table(*e), shift - 9, va, next,
					 fn, arg);
			if (ret)
				return ret;
		}
		va = next;
	}
	return 0;
}

static int for_each_pte(u64 *pgd, unsigned long start, unsigned long end,
			int (*fn)(u64 *pte, unsigned long va, void *arg),
			void *arg)
{
	return walk_level(pgd, 39, start, end, fn, arg);
}

static int unmap_one(u64 *pte, unsigned long va, void *pgd)
{
	free_page((unsigned long)__va(*pte & PTE_PFN_MASK));
	*pte = 0;
	flush_if_loaded(pgd, va);
	return 0;
}

void unmap_user_range(u64 *pgd, unsigned long start, unsigned long end)
{
	for_each_pte(pgd, start, end, unmap_one, pgd);
}

struct protect_arg {
	u64 *pgd;
	u64 prot;
};

static int protect_one(u64 *pte, unsigned long va, void *arg)
{
	struct protect_arg *p = arg;

	*pte = (*pte & PTE_PFN_MASK) | p->prot;
	flush_if_loaded(p->pgd, va);
	return 0;
}

void protect_user_range(u64 *pgd, unsigned long start, unsigned long end,
			u64 prot)
{
	struct protect_arg p = { pgd, prot };

	for_each_pte(pgd, start, end, protect_one, &p);
}

static int copy_one(u64 *pte, unsigned long va, void *dst_pgd)
{
	void *page = (void *)get_zeroed_page(GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	memcpy(page, __va(*pte & PTE_PFN_MASK), PAGE_SIZE);
	if (map_user_page(dst_pgd, va, __pa(page), *pte & ~PTE_PFN_MASK)) {
		free_page((unsigned long)page);
		return -ENOMEM;
	}
	return 0;
}

int copy_user_range(u64 *dst, u64 *src, unsigned long start,
		    unsigned long end)
{
	return for_each_pte(src, start, end, copy_one, dst);
}

/* Frees the tables below entry e of a table at level (3: a PUD...). */
static void free_table(u64 e, int level)
{
	u64 *t = entry_table(e);
	int i;

	if (level > 1)
		for (i = 0; i < 512; i++)
			if (t[i] & _PAGE_PRESENT)
				free_table(t[i], level - 1);
	free_page((unsigned long)t);
}

void pgd_free(u64 *pgd)
{
	int i;

	unmap_user_range(pgd, 0, TASK_SIZE_MAX);
	for (i = 0; i < USER_PTRS; i++)
		if (pgd[i] & _PAGE_PRESENT)
			free_table(pgd[i], 3);
	free_page((unsigned long)pgd);
}

void switch_mm(u64 *pgd)
{
	phys_addr_t pa = pgd ? __pa(pgd) : kernel_pgd_pa;

	if ((read_cr3() & PTE_PFN_MASK) != pa)
		write_cr3(pa);
}
