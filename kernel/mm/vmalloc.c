// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual areas between VMALLOC_START and VMALLOC_END, as Linux's vmalloc
 * had them before the rbtree: a list of areas in address order, a new one
 * going into the first gap big enough.  Each area ends with a guard page
 * that is never mapped, so the page below any area is unmapped too: the
 * guard of the area before it, or space nobody has.
 *
 * vmalloc() backs an area with order-0 pages, which need not be
 * contiguous; ioremap() (ioremap.c) maps device memory into one.
 */
#include <irqlab/vmalloc.h>
#include <irqlab/slab.h>
#include <irqlab/kernel.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/traps.h>

static struct vm_struct *vmlist;

struct vm_struct *get_vm_area_align(unsigned long size, unsigned long align,
				    unsigned long flags)
{
	struct vm_struct *area, *tmp, **p;
	unsigned long addr, irqflags;

	align = max(align, PAGE_SIZE);
	size = PAGE_ALIGN(size) + PAGE_SIZE;	/* the guard page */
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	/* Interrupts off for the list; the SMP issue adds vmap_area_lock. */
	local_irq_save(irqflags);
	addr = ALIGN(VMALLOC_START, align);
	for (p = &vmlist; (tmp = *p); p = &tmp->next) {
		if (addr + size <= (unsigned long)tmp->addr)
			break;
		addr = ALIGN((unsigned long)tmp->addr + tmp->size, align);
	}
	if (addr + size - 1 > VMALLOC_END || addr + size < addr) {
		local_irq_restore(irqflags);
		kfree(area);
		return NULL;
	}
	area->addr = (void *)addr;
	area->size = size;
	area->flags = flags;
	area->next = *p;
	*p = area;
	local_irq_restore(irqflags);
	return area;
}

struct vm_struct *find_vm_area(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	struct vm_struct *tmp;

	for (tmp = vmlist; tmp; tmp = tmp->next)
		if (a >= (unsigned long)tmp->addr &&
		    a - (unsigned long)tmp->addr < tmp->size)
			return tmp;
	return NULL;
}

void remove_vm_area(const void *addr)
{
	struct vm_struct *tmp, **p;
	unsigned long irqflags;

	local_irq_save(irqflags);
	for (p = &vmlist; (tmp = *p); p = &tmp->next)
		if (tmp->addr == addr) {
			*p = tmp->next;
			break;
		}
	local_irq_restore(irqflags);
	kfree(tmp);
}

/* Unmaps an area's pages, giving them back to the buddy allocator. */
static void vunmap_free_pages(struct vm_struct *area)
{
	unsigned long va = (unsigned long)area->addr;
	unsigned long end = va + area->size - PAGE_SIZE;
	unsigned int level;
	u64 *pte, entry;
	unsigned long pfn;

	for (; va < end; va += PAGE_SIZE) {
		pte = lookup_address(va, &level);
		if (!pte)
			continue;
		entry = *pte;
		unmap_kernel_page(va);
		pfn = PFN_DOWN(entry & PTE_PFN_MASK);
		if (!(area->flags & VM_IOREMAP))
			__free_page(pfn_to_page(pfn));
	}
}

void *__vmalloc_area(unsigned long size, unsigned long align,
		     unsigned long vm_flags)
{
	struct vm_struct *area;
	struct page *page;
	unsigned long va, end;

	if (!size)
		return NULL;
	area = get_vm_area_align(size, align, vm_flags);
	if (!area)
		return NULL;
	end = (unsigned long)area->addr + area->size - PAGE_SIZE;
	for (va = (unsigned long)area->addr; va < end; va += PAGE_SIZE) {
		page = alloc_page(GFP_KERNEL);
		if (!page)
			goto fail;
		if (map_kernel_page(va, PFN_PHYS(page_to_pfn(page)),
				    PAGE_KERNEL)) {
			__free_page(page);
			goto fail;
		}
	}
	return area->addr;
fail:
	vunmap_free_pages(area);
	remove_vm_area(area->addr);
	return NULL;
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_area(size, PAGE_SIZE, VM_ALLOC);
}

void vfree(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area(addr);
	if (!area || area->addr != addr ||
	    !(area->flags & (VM_ALLOC | VM_STACK))) {
		pr_err("Trying to vfree() nonexistent vm area (%p)\n", addr);
		dump_stack();
		return;
	}
	vunmap_free_pages(area);
	remove_vm_area(addr);
}
