// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's page tables, replacing head.S's boot tables:
 *
 *  - the image at __START_KERNEL_map in 4 KiB pages, text read-only and
 *    executable, rodata read-only, the rest non-executable; the page below
 *    the boot stack stays unmapped as its guard page;
 *  - all physical memory from PAGE_OFFSET in 2 MiB pages (the direct map);
 *  - nothing at all at the bottom of the address space, so a NULL pointer
 *    faults.
 *
 * Page-table pages come from a pool inside the image: the page allocator
 * does not exist yet when this runs.  Later mappings (map_kernel_page(),
 * for vmalloc, ioremap and kernel stacks) take theirs from the page
 * allocator once mm_init() has set it up.
 */
#include <asm/pgtable.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <irqlab/kernel.h>
#include <irqlab/bootinfo.h>
#include <irqlab/errno.h>
#include <irqlab/gfp.h>
#include <irqlab/spinlock.h>

/* Changes to the kernel page tables, from any CPU. */
static DEFINE_SPINLOCK(pgtable_lock);

#define EFER_NX		(1UL << 11)
#define PT_POOL_PAGES	80
/* 64 PD pages of the pool: beyond this much RAM the map is cut short. */
#define DIRECT_MAP_MAX	(64UL << 30)
#define FOUR_GB		(4UL << 30)

extern const char __kernel_start[], _text[], _etext[], _rodata[],
	_erodata[], _end[], init_stack_guard[];

phys_addr_t direct_map_end;

static u64 pt_pool[PT_POOL_PAGES][512] __aligned(4096);
static int pt_used;
static u64 nx;	/* _PAGE_NX if the CPU has it (EFER.NXE set in head.S) */

u64 *kernel_pgd;	/* also arch/x86_64/pgtable.c's */
phys_addr_t kernel_pgd_pa;

/* A zeroed page for a table, and its physical address; NULL if none. */
static u64 *alloc_table(phys_addr_t *pa)
{
	u64 *t;

	if (after_bootmem) {
		t = (u64 *)get_zeroed_page(GFP_ATOMIC);
		if (t)
			*pa = __pa(t);
		return t;
	}
	if (pt_used == PT_POOL_PAGES)
		panic("paging: page-table pool exhausted");
	t = pt_pool[pt_used++];
	*pa = __pa_symbol(t);
	return t;
}

/*
 * Pool tables are reached through the image mapping, because the direct
 * map does not exist yet while paging_init() builds it; the rest only
 * through the direct map.
 */
static u64 *table_va(u64 entry)
{
	phys_addr_t pa = entry & PTE_PFN_MASK;

	if (pa >= __pa_symbol(pt_pool) &&
	    pa < __pa_symbol(pt_pool + PT_POOL_PAGES))
		return (u64 *)(pa + __START_KERNEL_map);
	return __va(pa);
}

/* The table an entry points to, allocating it if needed; NULL if none. */
static u64 *next_table(u64 *table, int index)
{
	phys_addr_t pa;

	if (!(table[index] & _PAGE_PRESENT)) {
		if (!alloc_table(&pa))
			return NULL;
		table[index] = pa | _PAGE_PRESENT | _PAGE_RW;
	}
	return table_va(table[index]);
}

static int pgd_index(unsigned long va) { return (va >> 39) & 511; }
static int pud_index(unsigned long va) { return (va >> 30) & 511; }
static int pmd_index(unsigned long va) { return (va >> 21) & 511; }
static int pte_index(unsigned long va) { return (va >> 12) & 511; }

static void map_4k(u64 *pgd, unsigned long va, phys_addr_t pa, u64 flags)
{
	u64 *pud = next_table(pgd, pgd_index(va));
	u64 *pmd = next_table(pud, pud_index(va));
	u64 *pte = next_table(pmd, pmd_index(va));

	pte[pte_index(va)] = pa | flags;
}

/*
 * Replaces a 2 MiB mapping by a table of 512 4 KiB ones with the same
 * attributes, so one page of it can change.
 */
static int split_pmd(u64 *pmd)
{
	u64 flags = *pmd & ~PTE_PFN_MASK & ~_PAGE_PSE;
	phys_addr_t base = *pmd & PTE_PFN_MASK, pa;
	u64 *pte = alloc_table(&pa);
	int i;

	if (!pte)
		return -ENOMEM;
	for (i = 0; i < 512; i++)
		pte[i] = (base + i * PAGE_SIZE) | flags;
	*pmd = pa | _PAGE_PRESENT | _PAGE_RW;
	return 0;
}

/*
 * pgtable_lock, with interrupts off, while a table changes (Linux's
 * init_mm.page_table_lock).  The TLB flush is this CPU's only: an unmapped
 * address must not be reused before every CPU has flushed, which
 * vmalloc.c's lazy purge ensures.
 */
int map_kernel_page(unsigned long va, phys_addr_t pa, u64 prot)
{
	unsigned long irqflags;
	u64 *pud, *pmd, *pte;
	int ret = -ENOMEM;

	prot &= ~_PAGE_NX | nx;
	spin_lock_irqsave(&pgtable_lock, irqflags);
	pud = next_table(kernel_pgd, pgd_index(va));
	pmd = pud ? next_table(pud, pud_index(va)) : NULL;
	if (!pmd)
		goto out;
	BUG_ON(pud[pud_index(va)] & _PAGE_PSE);	/* no 1 GiB pages made */
	if ((pmd[pmd_index(va)] & _PAGE_PSE) && split_pmd(&pmd[pmd_index(va)]))
		goto out;
	pte = next_table(pmd, pmd_index(va));
	if (!pte)
		goto out;
	pte[pte_index(va)] = (pa & PTE_PFN_MASK) | prot;
	flush_tlb_one_kernel(va);
	ret = 0;
out:
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	return ret;
}

u64 *lookup_address(unsigned long va, unsigned int *level)
{
	u64 *t = kernel_pgd;

	*level = PG_LEVEL_NONE;
	if (!(t[pgd_index(va)] & _PAGE_PRESENT))
		return NULL;
	t = table_va(t[pgd_index(va)]);
	if (!(t[pud_index(va)] & _PAGE_PRESENT))
		return NULL;
	if (t[pud_index(va)] & _PAGE_PSE) {
		*level = PG_LEVEL_1G;
		return &t[pud_index(va)];
	}
	t = table_va(t[pud_index(va)]);
	if (!(t[pmd_index(va)] & _PAGE_PRESENT))
		return NULL;
	if (t[pmd_index(va)] & _PAGE_PSE) {
		*level = PG_LEVEL_2M;
		return &t[pmd_index(va)];
	}
	t = table_va(t[pmd_index(va)]);
	if (!(t[pte_index(va)] & _PAGE_PRESENT))
		return NULL;
	*level = PG_LEVEL_4K;
	return &t[pte_index(va)];
}

/* Page-table pages stay allocated: the range will be mapped again. */
void unmap_kernel_page(unsigned long va)
{
	unsigned long irqflags;
	unsigned int level;
	u64 *pte;

	spin_lock_irqsave(&pgtable_lock, irqflags);
	pte = lookup_address(va, &level);
	if (pte && level == PG_LEVEL_4K) {
		*pte = 0;
		flush_tlb_one_kernel(va);
	} else if (pte) {
		pr_warn("paging: %016lx is in a large page, not unmapped\n",
			va);
	}
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
}

/*
 * Every top-level entry of the kernel half gets its table now, so that
 * copies of the top level (user address spaces) never miss a later
 * kernel mapping: 256 pages, once (Linux's preallocate_vmalloc_pages).
 */
int preallocate_kernel_pgd(void)
{
	unsigned long irqflags;
	int i, ret = 0;

	spin_lock_irqsave(&pgtable_lock, irqflags);
	for (i = 256; i < 512; i++)
		if (!next_table(kernel_pgd, i)) {
			ret = -ENOMEM;
			break;
		}
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	return ret;
}

static void map_2m(u64 *pgd, unsigned long va, phys_addr_t pa, u64 flags)
{
	u64 *pud = next_table(pgd, pgd_index(va));
	u64 *pmd = next_table(pud, pud_index(va));

	pmd[pmd_index(va)] = pa | flags | _PAGE_PSE;
}

static void map_kernel_image(u64 *pgd)
{
	unsigned long va;
	u64 flags;

	for (va = (unsigned long)__kernel_start; va < (unsigned long)_end;
	     va += PAGE_SIZE) {
		if (va == (unsigned long)init_stack_guard)
			continue;
		if (va >= (unsigned long)_text && va < (unsigned long)_etext)
			flags = _PAGE_PRESENT;
		else if (va >= (unsigned long)_rodata &&
			 va < (unsigned long)_erodata)
			flags = _PAGE_PRESENT | nx;
		else
			flags = _PAGE_PRESENT | _PAGE_RW | nx;
		map_4k(pgd, va, __pa_symbol(va), flags);
	}
}

static void map_direct(u64 *pgd)
{
	phys_addr_t pa, end = max(boot_mem_end(), FOUR_GB);

	/* All of the low 4 GiB, so firmware tables are reachable whatever
	 * type the memory map gives them; above that, RAM only. */
	if (end > DIRECT_MAP_MAX) {
		pr_warn("paging: direct map limited to %lu GiB\n",
			DIRECT_MAP_MAX >> 30);
		end = DIRECT_MAP_MAX;
	}
	end = ALIGN(end, PMD_SIZE);
	for (pa = 0; pa < end; pa += PMD_SIZE)
		map_2m(pgd, PAGE_OFFSET + pa, pa,
		       _PAGE_PRESENT | _PAGE_RW | nx);
	direct_map_end = end;
}

void paging_init(void)
{
	phys_addr_t pa;

	if (rdmsr(MSR_EFER) & EFER_NX)
		nx = _PAGE_NX;
	kernel_pgd = alloc_table(&pa);
	kernel_pgd_pa = pa;
	map_kernel_image(kernel_pgd);
	map_direct(kernel_pgd);
	write_cr3(pa);
}
