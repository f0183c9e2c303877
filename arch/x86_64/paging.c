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
 * (the memory issue) does not exist yet when this runs.
 */
#include <asm/pgtable.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <irqlab/kernel.h>
#include <irqlab/bootinfo.h>

#define MSR_EFER	0xc0000080
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

static u64 *alloc_table(void)
{
	if (pt_used == PT_POOL_PAGES)
		panic("paging: page-table pool exhausted");
	return pt_pool[pt_used++];
}

/* The table an entry points to, allocating it if needed. */
static u64 *next_table(u64 *table, int index)
{
	if (!(table[index] & _PAGE_PRESENT))
		table[index] = __pa_symbol(alloc_table()) | _PAGE_PRESENT |
			       _PAGE_RW;
	/* Every table comes from pt_pool, inside the kernel image. */
	return (u64 *)((table[index] & 0x000ffffffffff000UL) +
		       __START_KERNEL_map);
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
	u64 *pgd;

	if (rdmsr(MSR_EFER) & EFER_NX)
		nx = _PAGE_NX;
	pgd = alloc_table();
	map_kernel_image(pgd);
	map_direct(pgd);
	write_cr3(__pa_symbol(pgd));
}
