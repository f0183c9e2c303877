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
#include <irqlab/smp.h>
#include <irqlab/preempt.h>
#include <irqlab/spinlock.h>

/* The list of areas. */
static DEFINE_SPINLOCK(vmap_lock);

static struct vm_struct *vmlist;
static unsigned long nr_lazy;	/* areas freed, not yet purged */

static void flush_tlb_local(void *unused)
{
	write_cr3(read_cr3());	/* kernel mappings are not global: all go */
}

/*
 * Freed areas keep their addresses until every CPU has flushed its TLB:
 * another CPU may still cache a translation to the freed pages, and would
 * use it if the address were mapped anew (Linux's lazy vunmap purge).
 * The flush needs other CPUs to answer an IPI, so it happens here, when
 * an area is allocated from process context, never in vfree().
 */
static void purge_lazy_areas(void)
{
	struct vm_struct *tmp, **p, *dead = NULL;
	unsigned long irqflags;

	if (!READ_ONCE(nr_lazy) || irqs_disabled() || in_atomic())
		return;
	smp_call_function_many(cpu_online_mask, flush_tlb_local, NULL, true);
	flush_tlb_local(NULL);
	spin_lock_irqsave(&vmap_lock, irqflags);
	for (p = &vmlist; (tmp = *p);) {
		if (tmp->flags & VM_LAZY_FREE) {
			*p = tmp->next;
			tmp->next = dead;
			dead = tmp;
			nr_lazy--;
		} else {
			p = &tmp->next;
		}
	}
	spin_unlock_irqrestore(&vmap_lock, irqflags);
	while (dead) {
		tmp = dead->next;
		kfree(dead);
		dead = tmp;
	}
}

struct vm_struct *get_vm_area_align(unsigned long size, unsigned long align,
				    unsigned long flags)
{
	struct vm_struct *area, *tmp, **p;
	unsigned long addr, irqflags;

	purge_lazy_areas();
	align = max(align, PAGE_SIZE);
	size = PAGE_ALIGN(size) + PAGE_SIZE;	/* the guard page */
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	spin_lock_irqsave(&vmap_lock, irqflags);
	addr = ALIGN(VMALLOC_START, align);
	for (p = &vmlist; (tmp = *p); p = &tmp->next) {
		if (addr + size <= (unsigned long)tmp->addr)
			break;
		addr = ALIGN((unsigned long)tmp->addr + tmp->size, align);
	}
	if (addr + size - 1 > VMALLOC_END || addr + size < addr) {
		spin_unlock_irqrestore(&vmap_lock, irqflags);
		kfree(area);
		return NULL;
	}
	area->addr = (void *)addr;
	area->size = size;
	area->flags = flags;
	area->next = *p;
	*p = area;
	spin_unlock_irqrestore(&vmap_lock, irqflags);
	return area;
}

struct vm_struct *find_vm_area(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	struct vm_struct *tmp;

	for (tmp = vmlist; tmp; tmp = tmp->next)
		if (a >= (unsigned long)tmp->addr &&
		    a - (unsigned long)tmp->addr < tmp->size)
			return tmp->flags & VM_LAZY_FREE ? NULL : tmp;
	return NULL;
}

/* The address stays taken until purge_lazy_areas(). */
void remove_vm_area(const void *addr)
{
	struct vm_struct *tmp;
	unsigned long irqflags;

	spin_lock_irqsave(&vmap_lock, irqflags);
	for (tmp = vmlist; tmp; tmp = tmp->next) {
		if (tmp->addr == addr && !(tmp->flags & VM_LAZY_FREE)) {
			tmp->flags |= VM_LAZY_FREE;
			nr_lazy++;
			break;
		}
	}
	spin_unlock_irqrestore(&vmap_lock, irqflags);
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
	if (!area || area->addr != addr || (area->flags & VM_LAZY_FREE) ||
	    !(area->flags & (VM_ALLOC | VM_STACK))) {
		pr_err("Trying to vfree() nonexistent vm area (%p)\n", addr);
		dump_stack();
		return;
	}
	vunmap_free_pages(area);
	remove_vm_area(addr);
}
