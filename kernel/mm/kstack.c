// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel stacks, as Linux's CONFIG_VMAP_STACK: THREAD_SIZE of vmalloc
 * space, aligned on THREAD_SIZE, so the page below each stack is never
 * mapped (vmalloc.c) and an overflow faults there.  The fault cannot push
 * its frame on that stack, so it becomes a double fault, whose handler
 * asks in_stack_guard() (arch/x86_64/gdt.c), which asks here.
 */
#include <irqlab/vmalloc.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>
#include <asm/page.h>

/*
 * Zeroed, as Linux's THREADINFO_GFP (__GFP_ZERO): no stale words from the
 * pages' last use for a backtrace's scan to show.
 */
void *alloc_kernel_stack(void)
{
	void *stack = __vmalloc_area(THREAD_SIZE, THREAD_SIZE, VM_STACK);

	if (stack)
		memset(stack, 0, THREAD_SIZE);
	return stack;
}

void free_kernel_stack(void *stack)
{
	vfree(stack);
}

/* Lock-free on purpose: a double-fault handler may be asking. */
static struct vm_struct *stack_area(unsigned long addr)
{
	struct vm_struct *area = find_vm_area((void *)addr);

	return area && (area->flags & VM_STACK) &&
	       !(area->flags & VM_LAZY_FREE) ? area : NULL;
}

bool kernel_stack_bounds(unsigned long addr, unsigned long *lo,
			 unsigned long *hi)
{
	struct vm_struct *area = stack_area(addr);

	if (!area || addr - (unsigned long)area->addr >= THREAD_SIZE)
		return false;
	*lo = (unsigned long)area->addr;
	*hi = *lo + THREAD_SIZE;
	return true;
}

bool kernel_stack_guard(unsigned long addr, unsigned long *lo,
			unsigned long *hi)
{
	struct vm_struct *area;

	addr &= PAGE_MASK;
	area = stack_area(addr + PAGE_SIZE);
	if (!area || (unsigned long)area->addr != addr + PAGE_SIZE)
		return false;
	*lo = addr + PAGE_SIZE;
	*hi = *lo + THREAD_SIZE;
	return true;
}
