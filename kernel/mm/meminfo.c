// SPDX-License-Identifier: GPL-2.0
/* Memory totals, from the page allocator's counters. */
#include <irqlab/mm.h>
#include <irqlab/gfp.h>
#include <irqlab/memblock.h>
#include <irqlab/printk.h>

extern const char _text[], _etext[], _rodata[], _erodata[], _data[],
	_edata[], __bss_start[], __bss_stop[];

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

/* Linux's mem_init_print_info(): reserved is RAM the allocator never got. */
void mem_init(void)
{
	unsigned long physpages = memblock_phys_pages();

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK bss, %luK reserved)\n",
		K(nr_free_pages()), K(physpages),
		(unsigned long)(_etext - _text) >> 10,
		(unsigned long)(_edata - _data) >> 10,
		(unsigned long)(_erodata - _rodata) >> 10,
		(unsigned long)(__bss_stop - __bss_start) >> 10,
		K(physpages - totalram_pages()));
}

void si_meminfo(struct sysinfo *val)
{
	val->totalram = totalram_pages() << PAGE_SHIFT;
	val->freeram = nr_free_pages() << PAGE_SHIFT;
}
