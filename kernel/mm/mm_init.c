// SPDX-License-Identifier: GPL-2.0
/*
 * mm_init(): from the boot memory map to a running page allocator and
 * kmalloc, right after paging_init() has mapped all of physical memory.
 * The order is forced: memblock knows what is free, which places the
 * mem_map, which the buddy allocator needs before memblock hands it the
 * pages, which slab needs.
 */
#include <irqlab/memblock.h>
#include <irqlab/bootinfo.h>
#include <irqlab/slab.h>
#include <irqlab/kernel.h>
#include <asm/pgtable.h>

extern const char _end[];

#define SZ_1M	(1UL << 20)

void e820__memblock_setup(void)
{
	int i;

	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mem_region *r = &boot_info.mmap[i];
		phys_addr_t end = min(r->addr + r->len, direct_map_end);

		/*
		 * Whatever is not RAM is reserved as well, so that a RAM
		 * entry overlapping it (firmware maps can be sloppy) does not
		 * hand it out.
		 */
		if (r->type != E820_TYPE_RAM)
			memblock_reserve(r->addr, r->len);
		else if (r->addr < end)
			memblock_add(r->addr, end - r->addr);
	}
	/*
	 * The first MiB holds the BIOS data area, the EBDA and the ROMs, and
	 * is where smpboot.c puts the real-mode AP trampoline.
	 */
	memblock_reserve(0, SZ_1M);
	memblock_reserve(LOAD_PHYSICAL_ADDR,
			 __pa_symbol(_end) - LOAD_PHYSICAL_ADDR);
	/* Parsed already, but kept intact as Linux keeps boot_params. */
	memblock_reserve(boot_info.info_start,
			 boot_info.info_end - boot_info.info_start);
	/* Until fs/initramfs.c has unpacked it and frees it. */
	if (boot_info.initrd_size)
		memblock_reserve(ALIGN_DOWN(boot_info.initrd_start, PAGE_SIZE),
				 PAGE_ALIGN(boot_info.initrd_start +
					    boot_info.initrd_size) -
				 ALIGN_DOWN(boot_info.initrd_start, PAGE_SIZE));
}

/* Every pfn below the top of RAM gets a struct page, holes included. */
static void mem_map_init(void)
{
	unsigned long pfn;

	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	mem_map = memblock_alloc(PAGE_ALIGN(max_pfn * sizeof(struct page)),
				 PAGE_SIZE);
	for (pfn = 0; pfn < max_pfn; pfn++)
		SetPageFlag(&mem_map[pfn], PG_reserved);
}

void mm_init(void)
{
	unsigned long pages;

	e820__memblock_setup();
	mem_map_init();
	pages = memblock_free_all();
	after_bootmem = true;
	pr_info("mem_map: %lu struct pages at %p, %lu pages to the buddy allocator\n",
		max_pfn, mem_map, pages);
	kmem_cache_init();
}
