// SPDX-License-Identifier: GPL-2.0
/*
 * A process's areas (Linux's mm/mmap.c, mm/mprotect.c): a list sorted by
 * address, split where a call covers only part of an area, placed top
 * down from MMAP_BASE when the caller names no address.  Pages are not
 * allocated here: memory.c fills an area on the first touch.  Linux keeps
 * the areas in a maple tree; a list is enough for a handful of areas.
 */
#include <asm/pgtable.h>
#include <irqlab/errno.h>
#include <irqlab/fdtable.h>
#include <irqlab/fs.h>
#include <irqlab/kernel.h>
#include <irqlab/mm.h>
#include <irqlab/mman.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>

/* Linux's default vm.max_map_count. */
#define MAX_MAP_COUNT	65530

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	atomic_set(&mm->mm_users, 1);
	mutex_init(&mm->mmap_lock);
	mm->mmap_base = MMAP_BASE;
	return mm;
}

static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	list_del(&vma->vm_list);
	mm->map_count--;
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	kfree(vma);
}

void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *n;

	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	list_for_each_entry_safe(vma, n, &mm->mmap, vm_list)
		remove_vma(mm, vma);
	pgd_free(mm->pgd);
	kfree(mm);
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (addr < vma->vm_end)
			return addr >= vma->vm_start ? vma : NULL;
	return NULL;
}

static void insert_vma(struct mm_struct *mm, struct vm_area_struct *new)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_start >= new->vm_end)
			break;
	list_add_tail(&new->vm_list, &vma->vm_list);
	mm->map_count++;
	mm->total_vm += (new->vm_end - new->vm_start) >> PAGE_SHIFT;
}

/* Cuts vma in two at addr (inside it); the upper part is new. */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		     unsigned long addr)
{
	struct vm_area_struct *hi;

	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	hi = kmalloc(sizeof(*hi), GFP_KERNEL);
	if (!hi)
		return -ENOMEM;
	*hi = *vma;
	hi->vm_start = addr;
	hi->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	if (hi->vm_file)
		get_file(hi->vm_file);
	vma->vm_end = addr;
	list_add(&hi->vm_list, &vma->vm_list);
	mm->map_count++;
	return 0;
}

/* Splits the areas at start and end so each area is inside or outside. */
static int split_range(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int ret;

	if (vma && vma->vm_start < start) {
		ret = split_vma(mm, vma, start);
		if (ret)
			return ret;
	}
	vma = find_vma(mm, end);
	if (vma && vma->vm_start < end)
		return split_vma(mm, vma, end);
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_area_struct *vma, *n;
	unsigned long end;
	int ret;

	if ((start & ~PAGE_MASK) || !len || start >= TASK_SIZE_MAX ||
	    len > TASK_SIZE_MAX - start)
		return -EINVAL;
	end = PAGE_ALIGN(start + len);
	ret = split_range(mm, start, end);
	if (ret)
		return ret;
	list_for_each_entry_safe(vma, n, &mm->mmap, vm_list)
		if (vma->vm_start >= start && vma->vm_end <= end) {
			unmap_user_range(mm->pgd, vma->vm_start, vma->vm_end);
			remove_vma(mm, vma);
		}
	return 0;
}

long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long top = mm->mmap_base;
	struct vm_area_struct *vma;

	list_for_each_entry_reverse(vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= top)
			continue;
		if (vma->vm_end <= top - len && top - len >= PAGE_SIZE)
			return top - len;
		top = vma->vm_start;
		if (top < len)
			return -ENOMEM;
	}
	return top >= len + PAGE_SIZE ? (long)(top - len) : -ENOMEM;
}

static bool range_free(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_start < end && vma->vm_end > start)
			return false;
	return true;
}

long mmap_region(struct mm_struct *mm, unsigned long addr,
		 unsigned long len, unsigned long vm_flags, bool fixed,
		 const char *name)
{
	struct vm_area_struct *vma;
	long ret;

	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE_MAX)
		return -ENOMEM;
	if (fixed) {
		if ((addr & ~PAGE_MASK) || addr > TASK_SIZE_MAX - len)
			return -EINVAL;
		ret = do_munmap(mm, addr, len);
		if (ret)
			return ret;
	} else {
		addr &= PAGE_MASK;
		if (!addr || addr > TASK_SIZE_MAX - len ||
		    !range_free(mm, addr, addr + len)) {
			ret = get_unmapped_area(mm, len);
			if (ret < 0)
				return ret;
			addr = ret;
		}
	}
	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	vma = kzalloc(sizeof(*vma), GFP_KERNEL);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	strscpy(vma->vm_name, name ? name : "", sizeof(vma->vm_name));
	insert_vma(mm, vma);
	return addr;
}

long mmap_file_region(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long vm_flags, bool fixed,
		      struct file *file, unsigned long pgoff, const char *name)
{
	long ret = mmap_region(mm, addr, len, vm_flags, fixed, name);
	struct vm_area_struct *vma;

	if (ret < 0)
		return ret;
	vma = find_vma(mm, ret);
	vma->vm_file = get_file(file);
	vma->vm_pgoff = pgoff;
	return ret;
}

struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma, *copy;

	if (!mm)
		return NULL;
	list_for_each_entry(vma, &old->mmap, vm_list) {
		copy = kmalloc(sizeof(*copy), GFP_KERNEL);
		if (!copy)
			goto fail;
		*copy = *vma;
		if (copy->vm_file)
			get_file(copy->vm_file);
		insert_vma(mm, copy);
		if (copy_user_range(mm->pgd, old->pgd, vma->vm_start,
				    vma->vm_end))
			goto fail;
	}
	memcpy(&mm->start_code, &old->start_code,
	       sizeof(*mm) - offsetof(struct mm_struct, start_code));
	return mm;
fail:
	mmput(mm);
	return NULL;
}

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/*
 * Linux's checks on the file of a mapping (do_mmap): EBADF without one,
 * EACCES unless it was opened for reading, ENODEV for what cannot be
 * mapped.  A regular file is mapped privately (MAP_SHARED of a file
 * needs the page cache irqlab does not have: ENODEV); /dev/zero gives
 * anonymous memory, as Linux's mmap_zero.  *file is NULL then.
 */
static long mmap_file_check(unsigned long fd, unsigned long flags,
			    struct file **filep)
{
	struct file *file = fget(fd);
	umode_t mode;

	*filep = NULL;
	if (!file)
		return -EBADF;
	mode = file->f_inode->i_mode;
	if (!(file->f_mode & FMODE_READ)) {
		fput(file);
		return -EACCES;
	}
	if (S_ISCHR(mode) && file->f_inode->i_rdev == MKDEV(1, 5)) {
		fput(file);		/* /dev/zero */
		return 0;
	}
	if (!S_ISREG(mode) || !file->f_op->mmap ||
	    (flags & MAP_TYPE) == MAP_SHARED) {
		fput(file);
		return -ENODEV;
	}
	*filep = file;
	return 0;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags,
		unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
	long ret;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return -EINVAL;
	if ((flags & MAP_TYPE) != MAP_PRIVATE &&
	    (flags & MAP_TYPE) != MAP_SHARED)
		return -EINVAL;
	if (len > TASK_SIZE_MAX)
		return -ENOMEM;
	/* The last page's offset must fit: Linux's EOVERFLOW. */
	if ((off >> PAGE_SHIFT) + (PAGE_ALIGN(len) >> PAGE_SHIFT) <
	    (off >> PAGE_SHIFT))
		return -EOVERFLOW;
	if (!(flags & MAP_ANONYMOUS)) {
		ret = mmap_file_check(fd, flags, &file);
		if (ret)
			return ret;
		/* Linux's file_mmap_ok: the end's offset fits in loff_t. */
		if (file && off > LLONG_MAX - PAGE_ALIGN(len)) {
			fput(file);
			return -EOVERFLOW;
		}
	}
	mutex_lock(&mm->mmap_lock);
	if ((flags & MAP_FIXED_NOREPLACE) &&
	    !range_free(mm, addr, PAGE_ALIGN(addr + len)))
		ret = -EEXIST;
	else if (file)
		ret = mmap_file_region(mm, addr, len, prot_to_vm_flags(prot),
				       fixed, file, off >> PAGE_SHIFT,
				       file->f_path.dentry->d_name);
	else
		ret = mmap_region(mm, addr, len, prot_to_vm_flags(prot),
				  fixed, NULL);
	mutex_unlock(&mm->mmap_lock);
	if (file)
		fput(file);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_munmap(mm, addr, len);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len,
		unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end, next;
	int ret;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	end = PAGE_ALIGN(start + len);
	if (end < start || end > TASK_SIZE_MAX)
		return -ENOMEM;
	if (end == start)
		return 0;
	mutex_lock(&mm->mmap_lock);
	/* The whole range must be mapped, else ENOMEM as Linux. */
	for (next = start; next < end; next = vma->vm_end) {
		vma = find_vma(mm, next);
		if (!vma) {
			ret = -ENOMEM;
			goto out;
		}
	}
	ret = split_range(mm, start, end);
	if (ret)
		goto out;
	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_start >= start && vma->vm_end <= end) {
			vma->vm_flags = (vma->vm_flags & ~VM_ACCESS_FLAGS) |
					prot_to_vm_flags(prot);
			protect_user_range(mm->pgd, vma->vm_start, vma->vm_end,
					   PAGE_USER_PROT(prot & PROT_WRITE,
							  prot & PROT_EXEC));
		}
out:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/* Linux's brk: the heap ends at brk; a bad request returns the old end. */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long old, new;

	mutex_lock(&mm->mmap_lock);
	old = PAGE_ALIGN(mm->brk);
	new = PAGE_ALIGN(brk);
	if (brk < mm->start_brk || brk >= mm->mmap_base)
		goto out;
	if (new < old) {
		if (do_munmap(mm, new, old - new))
			goto out;
	} else if (new > old) {
		if (!range_free(mm, old, new) ||
		    mmap_region(mm, old, new - old, VM_READ | VM_WRITE, true,
				"[heap]") < 0)
			goto out;
	}
	mm->brk = brk;
out:
	brk = mm->brk;
	mutex_unlock(&mm->mmap_lock);
	return brk;
}
