// SPDX-License-Identifier: GPL-2.0
/*
 * Loading a static ELF64 program (Linux's fs/binfmt_elf.c, for what
 * static programs need): ET_EXEC at its addresses, a static-pie ET_DYN
 * at ELF_ET_DYN_BASE.  Every check happens before the point of no
 * return, so a malformed file fails execve with Linux's errno and the
 * caller goes on: ENOEXEC for a header that is not an x86_64 executable,
 * EINVAL for segments that cannot be placed (beyond the user half,
 * overlapping, misaligned against their file offset), ENOMEM for
 * segments larger than memory allows, EIO for a file shorter than its
 * headers say (Linux maps such a segment and the program gets SIGBUS
 * when it touches the missing part; irqlab reads segments at exec, so it
 * refuses the file instead).  Pages are read from the file now (no page cache to map
 * yet); bss pages are allocated on first touch.
 */
#include <irqlab/binfmts.h>
#include <irqlab/elf.h>
#include <irqlab/errno.h>
#include <irqlab/fs.h>
#include <irqlab/gfp.h>
#include <irqlab/kernel.h>
#include <irqlab/mm.h>
#include <irqlab/mman.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <asm/page.h>
#include <asm/pgtable.h>

#define ELF_MIN_ALIGN	PAGE_SIZE
/* Linux's limit on the program header table (ELF_MIN_ALIGN * 16). */
#define MAX_PHDRS_SIZE	65536

static int check_header(const struct elf64_hdr *eh, loff_t size)
{
	if (memcmp(eh->e_ident, ELFMAG, 4) != 0 ||
	    eh->e_ident[4] != ELFCLASS64 || eh->e_ident[5] != ELFDATA2LSB ||
	    eh->e_ident[6] != EV_CURRENT)
		return -ENOEXEC;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return -ENOEXEC;
	if (eh->e_machine != EM_X86_64)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(struct elf64_phdr) || !eh->e_phnum ||
	    eh->e_phnum * sizeof(struct elf64_phdr) > MAX_PHDRS_SIZE)
		return -ENOEXEC;
	/* A file shorter than its headers: Linux's elf_read() says EIO. */
	if (eh->e_phoff > (u64)size ||
	    eh->e_phnum * sizeof(struct elf64_phdr) > (u64)size - eh->e_phoff)
		return -EIO;
	return 0;
}

/* Checks every PT_LOAD before anything is changed. */
static int check_segments(const struct elf64_hdr *eh,
			  const struct elf64_phdr *ph, unsigned long bias,
			  loff_t size)
{
	u64 prev_end = 0, total = 0;
	bool entry_ok = false;
	int i, loads = 0;

	for (i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *p = &ph[i];
		u64 start, end;

		if (p->p_type != PT_LOAD)
			continue;
		loads++;
		if (p->p_filesz > p->p_memsz)
			return -EINVAL;
		if ((p->p_vaddr & (PAGE_SIZE - 1)) !=
		    (p->p_offset & (PAGE_SIZE - 1)))
			return -EINVAL;
		if (p->p_offset > (u64)size || p->p_filesz > (u64)size - p->p_offset)
			return -EIO;
		start = bias + p->p_vaddr;
		if (start < bias || p->p_memsz > TASK_SIZE_MAX ||
		    start > TASK_SIZE_MAX - p->p_memsz || start < PAGE_SIZE)
			return -EINVAL;
		end = start + p->p_memsz;
		/* In address order and not overlapping (a shared page is
		 * fine: the linker packs segments that way). */
		if (start < prev_end)
			return -EINVAL;
		prev_end = end;
		total += PAGE_ALIGN(end) - (start & PAGE_MASK);
		if (eh->e_entry + bias >= start && eh->e_entry + bias < end &&
		    (p->p_flags & PF_X))
			entry_ok = true;
	}
	if (!loads || !entry_ok)
		return -ENOEXEC;
	/* More than all of memory could ever hold. */
	if (total >> PAGE_SHIFT > totalram_pages())
		return -ENOMEM;
	return 0;
}

/* Reads [pos, pos + len) of the file into the user page at va. */
static int fill_page(struct linux_binprm *bprm, struct mm_struct *mm,
		     unsigned long va, u64 prot, loff_t pos, size_t len,
		     size_t in_page)
{
	u64 *pte = user_pte(mm->pgd, va);
	void *page;
	ssize_t n;

	if (pte) {
		page = __va(*pte & PTE_PFN_MASK);
	} else {
		page = (void *)get_zeroed_page(GFP_KERNEL);
		if (!page)
			return -ENOMEM;
		if (map_user_page(mm->pgd, va, __pa(page), prot)) {
			free_page((unsigned long)page);
			return -ENOMEM;
		}
		mm->rss++;
	}
	n = kernel_read(bprm->file, (char *)page + in_page, len, &pos);
	if (n < 0)
		return n;
	return (size_t)n == len ? 0 : -EIO;
}

static int load_segment(struct linux_binprm *bprm, struct mm_struct *mm,
			const struct elf64_phdr *p, unsigned long bias)
{
	unsigned long start = bias + p->p_vaddr, va;
	unsigned long map_start = start & PAGE_MASK;
	unsigned long flags = (p->p_flags & PF_R ? VM_READ : 0) |
			      (p->p_flags & PF_W ? VM_WRITE : 0) |
			      (p->p_flags & PF_X ? VM_EXEC : 0);
	u64 prot = PAGE_USER_PROT(flags & VM_WRITE, flags & VM_EXEC);
	struct vm_area_struct *shared = find_vma(mm, map_start);
	long ret;

	/* The first page may be the previous segment's last one. */
	if (shared)
		map_start = shared->vm_end;
	if (PAGE_ALIGN(start + p->p_memsz) > map_start) {
		ret = mmap_region(mm, map_start,
				  PAGE_ALIGN(start + p->p_memsz) - map_start,
				  flags, true, bprm->comm);
		if (ret < 0)
			return ret;
	}
	for (va = start & PAGE_MASK; va < start + p->p_filesz; va += PAGE_SIZE) {
		unsigned long from = va > start ? va : start;
		unsigned long to = va + PAGE_SIZE < start + p->p_filesz ?
				   va + PAGE_SIZE : start + p->p_filesz;

		ret = fill_page(bprm, mm, va, prot,
				p->p_offset + (from - start), to - from,
				from - va);
		if (ret)
			return ret;
	}
	return 0;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const struct elf64_hdr *eh = (const struct elf64_hdr *)bprm->buf;
	loff_t size = bprm->file->f_inode->i_size;
	struct elf64_phdr *ph;
	struct mm_struct *mm;
	unsigned long bias = 0, lo = ~0UL, end = 0, phdr_addr = 0;
	loff_t pos;
	ssize_t n;
	int i, ret;

	if (bprm->buf_len < sizeof(*eh))
		return -ENOEXEC;
	ret = check_header(eh, size);
	if (ret)
		return ret;
	n = eh->e_phnum * sizeof(*ph);
	ph = kmalloc(n, GFP_KERNEL);
	if (!ph)
		return -ENOMEM;
	pos = eh->e_phoff;
	ret = -EIO;
	if (kernel_read(bprm->file, ph, n, &pos) != n)
		goto out;
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_INTERP) {
			pr_info("%s: dynamically linked (PT_INTERP): irqlab runs static programs only so far\n",
				bprm->filename);
			ret = -ENOEXEC;
			goto out;
		}
		if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr < lo)
			lo = ph[i].p_vaddr;
	}
	if (eh->e_type == ET_DYN)
		bias = ELF_ET_DYN_BASE - (lo & PAGE_MASK);
	ret = check_segments(eh, ph, bias, size);
	if (ret)
		goto out;

	ret = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out;
	for (i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *p = &ph[i];

		if (p->p_type != PT_LOAD)
			continue;
		ret = load_segment(bprm, mm, p, bias);
		if (ret) {
			mmput(mm);
			goto out;
		}
		if (eh->e_phoff >= p->p_offset &&
		    eh->e_phoff < p->p_offset + p->p_filesz)
			phdr_addr = bias + p->p_vaddr +
				    (eh->e_phoff - p->p_offset);
		if (p->p_flags & PF_X) {
			mm->start_code = bias + p->p_vaddr;
			mm->end_code = mm->start_code + p->p_filesz;
		} else if (!mm->start_data) {
			mm->start_data = bias + p->p_vaddr;
			mm->end_data = mm->start_data + p->p_filesz;
		}
		if (bias + p->p_vaddr + p->p_memsz > end)
			end = bias + p->p_vaddr + p->p_memsz;
	}
	mm->start_brk = mm->brk = PAGE_ALIGN(end);
	bprm->mm = mm;
	bprm->entry = bias + eh->e_entry;
	bprm->phdr = phdr_addr;
	bprm->phnum = eh->e_phnum;
	ret = 0;
out:
	kfree(ph);
	return ret;
}
