// SPDX-License-Identifier: GPL-2.0
/*
 * Filling an address space on demand (Linux's mm/memory.c): a fault in
 * an area that allows the access gets a zeroed page, mapped with the
 * area's permissions, and for a file mapping filled from the file (what
 * lies past its end stays zero: Linux would give SIGBUS for a page
 * wholly past it); a fault outside every area, or against them, is the
 * program's error (the caller sends SIGSEGV, or fixes up a user copy).
 */
#include <asm/pgtable.h>
#include <asm/page.h>
#include <irqlab/atomic.h>
#include <irqlab/errno.h>
#include <irqlab/fs.h>
#include <irqlab/gfp.h>
#include <irqlab/mman.h>
#include <irqlab/sched.h>
#include <irqlab/printk.h>
#include <irqlab/signal.h>

#define PF_WRITE	0x2
#define PF_INSTR	0x10

/* Faults that filled a page, for /proc/vmstat's pgfault. */
static atomic_long_t pgfault_count;

unsigned long vm_pgfault_count(void)
{
	return atomic_long_read(&pgfault_count);
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned long error)
{
	struct vm_area_struct *vma;
	unsigned long page;
	int ret = 0;

	mutex_lock(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (!vma) {
		ret = -EFAULT;
		goto out;
	}
	if (((error & PF_WRITE) && !(vma->vm_flags & VM_WRITE)) ||
	    ((error & PF_INSTR) && !(vma->vm_flags & VM_EXEC)) ||
	    !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC))) {
		ret = -EACCES;
		goto out;
	}
	addr &= PAGE_MASK;
	/* Another path filled it meanwhile (a user copy and the program). */
	if (user_pte(mm->pgd, addr))
		goto out;
	/* No allocation-failure report: the OOM path reports (oom_kill). */
	page = get_zeroed_page(GFP_KERNEL | __GFP_NOWARN);
	if (!page) {
		ret = -ENOMEM;
		goto out;
	}
	if (vma->vm_file) {
		loff_t pos = ((loff_t)vma->vm_pgoff << PAGE_SHIFT) +
			     (addr - vma->vm_start);
		ssize_t n = kernel_read(vma->vm_file, (void *)page, PAGE_SIZE,
					&pos);

		if (n < 0) {
			free_page(page);
			ret = -EFAULT;
			goto out;
		}
	}
	ret = map_user_page(mm->pgd, addr, __pa(page),
			    PAGE_USER_PROT(vma->vm_flags & VM_WRITE,
					   vma->vm_flags & VM_EXEC));
	if (ret) {
		free_page(page);
	} else {
		mm->rss++;
		atomic_long_inc(&pgfault_count);
	}
out:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

void fault_in_user_range(unsigned long uaddr, size_t size, bool write)
{
	struct mm_struct *mm = current->mm;
	unsigned long a, end;

	if (!mm || !size || uaddr >= TASK_SIZE_MAX)
		return;
	end = size > TASK_SIZE_MAX - uaddr ? TASK_SIZE_MAX : uaddr + size;
	for (a = uaddr & PAGE_MASK; a < end; a += PAGE_SIZE)
		if (!user_pte(mm->pgd, a) &&
		    handle_mm_fault(mm, a, write ? PF_WRITE : 0))
			break;	/* the copy will fail there: EFAULT */
}

/*
 * No page for a process's fault: kill it, with Linux's report (one
 * process only has the memory it faulted in, so the faulting one is the
 * victim; Linux picks the largest, which is usually that one too).
 */
void pagefault_out_of_memory(void)
{
	struct task_struct *p = current;
	struct mm_struct *mm = p->mm;

	pr_warn("%s invoked oom-killer: gfp_mask=0x%x(GFP_KERNEL), order=0, oom_score_adj=0\n",
		p->comm, GFP_KERNEL);
	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:0kB oom_score_adj:0\n",
	       p->pid, p->comm, mm ? mm->total_vm << (PAGE_SHIFT - 10) : 0,
	       mm ? mm->rss << (PAGE_SHIFT - 10) : 0);
	force_sig(SIGKILL);
}

void exit_mm(void)
{
	struct task_struct *p = current;
	struct mm_struct *mm = p->mm;

	if (!mm)
		return;
	/* Off its tables before they go (Linux keeps them as active_mm). */
	p->mm = NULL;
	switch_mm(NULL);
	mmput(mm);
}

/* " in prog[400000+1000]": the area ip is in, for a fault's log line. */
void print_vma_addr(const char *prefix, unsigned long ip)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	if (!mm || !mutex_trylock(&mm->mmap_lock))
		return;
	vma = find_vma(mm, ip);
	if (vma)
		pr_cont("%s%s[%lx+%lx]", prefix,
			vma->vm_name[0] ? vma->vm_name : "anon",
			vma->vm_start, vma->vm_end - vma->vm_start);
	mutex_unlock(&mm->mmap_lock);
}
