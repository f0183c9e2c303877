/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's virtual address range for mappings made after boot
 * (kernel/mm/vmalloc.c): vmalloc(), ioremap() and kernel stacks.  Each
 * area is followed by an unmapped guard page, so running off the end of
 * one faults instead of landing in the next.
 */
#ifndef _IRQLAB_VMALLOC_H
#define _IRQLAB_VMALLOC_H

#include <irqlab/types.h>

/* Linux's x86_64 vmalloc range with 4-level paging: 32 TiB. */
#define VMALLOC_START	0xffffc90000000000UL
#define VMALLOC_END	(VMALLOC_START + (32UL << 40) - 1)

/* vm_struct.flags, Linux's values. */
#define VM_IOREMAP	0x00000001	/* ioremap() */
#define VM_LAZY_FREE	0x00000100	/* vfree()d, address not yet reusable */
#define VM_ALLOC	0x00000002	/* vmalloc() */
#define VM_STACK	0x00000200	/* a kernel stack */

struct vm_struct {
	struct vm_struct *next;		/* in address order */
	void *addr;
	unsigned long size;		/* including the guard page */
	unsigned long flags;
	phys_addr_t phys_addr;		/* VM_IOREMAP */
};

/* An area of size bytes (plus the guard) whose start is align-aligned. */
struct vm_struct *get_vm_area_align(unsigned long size, unsigned long align,
				    unsigned long flags);
/* The area containing addr, guard page included; NULL if none. */
struct vm_struct *find_vm_area(const void *addr);
/* Unlinks and frees the area starting at addr; its pages stay mapped. */
void remove_vm_area(const void *addr);

void *vmalloc(unsigned long size);
void vfree(const void *addr);
/* vmalloc() with the start aligned and the area flagged (VM_STACK). */
void *__vmalloc_area(unsigned long size, unsigned long align,
		     unsigned long vm_flags);

/*
 * Kernel stacks (kernel/mm/kstack.c): THREAD_SIZE mapped bytes, aligned on
 * THREAD_SIZE, with an unmapped page below (an overflow faults, and the
 * double-fault handler reports it) and one above.
 */
#define THREAD_SIZE	(16 * 1024)	/* Linux's x86_64 value */

void *alloc_kernel_stack(void);	/* the lowest address; NULL if no memory */
void free_kernel_stack(void *stack);
/* For arch/x86_64/gdt.c: is addr on, or in the guard page of, a stack? */
bool kernel_stack_bounds(unsigned long addr, unsigned long *lo,
			 unsigned long *hi);
bool kernel_stack_guard(unsigned long addr, unsigned long *lo,
			unsigned long *hi);

#endif /* _IRQLAB_VMALLOC_H */
