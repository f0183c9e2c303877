// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap(): device registers mapped uncached (PCD|PWT, the UC memory
 * type) in the vmalloc range.  The direct map would not do even where it
 * covers the address (the LAPIC and IOAPIC are below 4 GiB): it is
 * write-back cacheable, and device registers must see every access.
 */
#include <asm/io_map.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <irqlab/vmalloc.h>
#include <irqlab/kernel.h>
#include <irqlab/mm.h>

void __iomem *ioremap(phys_addr_t phys, unsigned long size)
{
	unsigned long offset = phys & ~PAGE_MASK, va, i;
	phys_addr_t base = phys & PAGE_MASK;
	struct vm_struct *area;

	size = PAGE_ALIGN(size + offset);
	if (!size || base + size < base)
		return NULL;
	area = get_vm_area_align(size, PAGE_SIZE, VM_IOREMAP);
	if (!area)
		return NULL;
	area->phys_addr = base;
	va = (unsigned long)area->addr;
	for (i = 0; i < size; i += PAGE_SIZE) {
		if (map_kernel_page(va + i, base + i, PAGE_KERNEL_NOCACHE)) {
			while (i)
				unmap_kernel_page(va + (i -= PAGE_SIZE));
			remove_vm_area(area->addr);
			return NULL;
		}
	}
	return (void __iomem *)(va + offset);
}

void iounmap(volatile void __iomem *addr)
{
	unsigned long va = (unsigned long)addr & PAGE_MASK, end;
	struct vm_struct *area = find_vm_area((void *)va);

	if (!area || !(area->flags & VM_IOREMAP) ||
	    va >= (unsigned long)area->addr + area->size - PAGE_SIZE) {
		pr_warn("iounmap: bad address %p\n", addr);
		dump_stack();
		return;
	}
	end = (unsigned long)area->addr + area->size - PAGE_SIZE;
	for (va = (unsigned long)area->addr; va < end; va += PAGE_SIZE)
		unmap_kernel_page(va);
	remove_vm_area(area->addr);
}
