/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A process's address space, as Linux's <linux/mm_types.h>: its page
 * tables (the kernel half shared by every process, the user half its
 * own) and the areas of the user half it may use, each with its
 * permissions.  A page of an area is allocated when first touched
 * (kernel/mm/memory.c), so a large heap or stack costs nothing until
 * used.
 */
#ifndef _IRQLAB_MM_TYPES_H
#define _IRQLAB_MM_TYPES_H

#include <irqlab/types.h>
#include <irqlab/list.h>
#include <irqlab/atomic.h>
#include <irqlab/mutex.h>

/* vm_flags, Linux's values. */
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_GROWSDOWN	0x00000100	/* the stack */

#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

struct vm_area_struct {
	unsigned long vm_start, vm_end;	/* [start, end), page aligned */
	unsigned long vm_flags;
	struct list_head vm_list;	/* in mm->mmap, by address */
	/*
	 * A private file mapping: each page is read from vm_file at its
	 * first touch, from page vm_pgoff on (irqlab has no page cache:
	 * the page is the process's own copy at once).  NULL: anonymous.
	 */
	struct file *vm_file;
	unsigned long vm_pgoff;
	/* The program file it was loaded from, for reports; "" if none. */
	char vm_name[16];
};

struct mm_struct {
	u64 *pgd;			/* top-level page table (virtual) */
	struct list_head mmap;		/* the areas, lowest first */
	int map_count;
	atomic_t mm_users;
	struct mutex mmap_lock;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long mmap_base;	/* where mmap's search starts, going down */
	unsigned long total_vm;		/* pages mapped (areas' sizes) */
	unsigned long rss;		/* pages present */
};

#endif /* _IRQLAB_MM_TYPES_H */
