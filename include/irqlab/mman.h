/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address spaces (kernel/mm/mmap.c, memory.c): creating and copying
 * them, their areas, and the page-fault path that fills them.  The mmap
 * constants are Linux's x86_64 values.
 */
#ifndef _IRQLAB_MMAN_H
#define _IRQLAB_MMAN_H

#include <irqlab/mm_types.h>

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_GROWSDOWN	0x0100
#define MAP_DENYWRITE	0x0800
#define MAP_EXECUTABLE	0x1000
#define MAP_LOCKED	0x2000
#define MAP_NORESERVE	0x4000
#define MAP_POPULATE	0x8000
#define MAP_NONBLOCK	0x10000
#define MAP_STACK	0x20000
#define MAP_FIXED_NOREPLACE 0x100000

/* The top of the stack, and how far it may grow (RLIMIT_STACK's 8 MiB). */
#define STACK_TOP	TASK_SIZE_MAX
#define STACK_SIZE_MAX	(8UL << 20)
/* mmap's areas start below the stack and a gap for its growth. */
#define MMAP_BASE	(STACK_TOP - STACK_SIZE_MAX - (128UL << 20))
/* A static-pie program is loaded here (Linux's ELF_ET_DYN_BASE). */
#define ELF_ET_DYN_BASE	0x555555554000UL

struct mm_struct *mm_alloc(void);
/* Drops a reference; the last one frees the areas, pages and tables. */
void mmput(struct mm_struct *mm);
/* A copy of mm for fork: every area and every present page. */
struct mm_struct *dup_mm(struct mm_struct *mm);

/* The area containing addr, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/*
 * Maps [addr, addr + len) anonymous with vm_flags (replacing what was
 * there if fixed; else addr is a hint), name for reports: the address or
 * a negative errno.
 */
long mmap_region(struct mm_struct *mm, unsigned long addr,
		 unsigned long len, unsigned long vm_flags, bool fixed,
		 const char *name);
/* The same, privately mapping file from page pgoff on (a reference is
 * taken); its pages are read in at their first touch. */
struct file;
long mmap_file_region(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long vm_flags, bool fixed,
		      struct file *file, unsigned long pgoff, const char *name);
/*
 * Linux's fault_in_readable/writeable: the pages of a user range filled
 * in now, before the caller takes a lock that a fault of its own could
 * need (a file's i_mutex: a read into a mapping of that same file).
 * Stops at the first page that cannot be; the copy fails there later.
 */
void fault_in_user_range(unsigned long uaddr, size_t size, bool write);
/* Page faults that filled a page since boot (/proc/vmstat pgfault). */
unsigned long vm_pgfault_count(void);
/* The highest free range of len bytes below mmap_base, or -ENOMEM. */
long get_unmapped_area(struct mm_struct *mm, unsigned long len);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);

/*
 * A fault at addr of the current address space (error: the CPU's #PF
 * error code bits: 2 write, 0x10 instruction fetch): 0 if the page is
 * there now, -EFAULT if addr is in no area (SEGV_MAPERR), -EACCES if the
 * area forbids the access (SEGV_ACCERR), -ENOMEM if no page was free.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned long error);
/* A fault found no free page: the OOM report, and the process dies. */
void pagefault_out_of_memory(void);
/* Drops the current task's address space (exit, exec). */
void exit_mm(void);
/* Prints prefix and the area of ip ("prog[400000+1000]"), if any. */
void print_vma_addr(const char *prefix, unsigned long ip);

#endif /* _IRQLAB_MMAN_H */
