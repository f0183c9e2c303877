// SPDX-License-Identifier: GPL-2.0
/*
 * Memory totals.  Until the page allocator (the memory issue) exists,
 * nothing is allocated at run time: usable RAM is what the memory map calls
 * RAM, less the kernel image, and all of it is free.
 */
#include <irqlab/mm.h>
#include <irqlab/bootinfo.h>
#include <irqlab/printk.h>
#include <asm/page.h>

extern const char __kernel_start[], _text[], _etext[], _rodata[],
	_erodata[], _data[], _edata[], __bss_start[], __bss_stop[], _end[];

static unsigned long totalram, reserved;

void mem_init(void)
{
	unsigned long ram = boot_mem_total(E820_TYPE_RAM);

	reserved = _end - __kernel_start;
	totalram = ram - reserved;
	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK bss, %luK reserved)\n",
		totalram >> 10, ram >> 10, (unsigned long)(_etext - _text) >> 10,
		(unsigned long)(_edata - _data) >> 10,
		(unsigned long)(_erodata - _rodata) >> 10,
		(unsigned long)(__bss_stop - __bss_start) >> 10,
		reserved >> 10);
}

void si_meminfo(struct sysinfo *val)
{
	val->totalram = totalram;
	val->freeram = totalram;
}
