// SPDX-License-Identifier: GPL-2.0
/*
 * Loading an ELF64 program (Linux's fs/binfmt_elf.c): ET_EXEC at its
 * addresses, ET_DYN (PIE, static-pie) at ELF_ET_DYN_BASE, and a
 * dynamically linked one's interpreter (PT_INTERP: glibc's ld.so) where
 * mmap would put it, below the stack; the program starts there, with
 * AT_BASE saying where, and ld.so maps the libraries with mmap(2).  Every check happens before the point of no
 * return, so a malformed file fails execve with Linux's errno and the
 * caller goes on: ENOEXEC for a header that is not an x86_64 executable,
 * EINVAL for segments that cannot be placed (beyond the user half,
 * overlapping, misaligned against their file offset), ENOMEM for
 * segments larger than memory allows, EIO for a file shorter than its
 * headers say (Linux maps such a segment and the program gets SIGBUS
 * when it touches the missing part; irqlab reads segments at exec, so it
 * refuses the file instead).  An interpreter that is not an x86_64 ELF
 * is ELIBBAD, as Linux's.  Pages are read from the file now (no page
 * cache to map yet); bss pages are allocated on first touch.
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
static int fill_page(struct file *file, struct mm_struct *mm,
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
	n = kernel_read(file, (char *)page + in_page, len, &pos);
	if (n < 0)
		return n;
	return (size_t)n == len ? 0 : -EIO;
}

static int load_segment(struct file *file, const char *name,
			struct mm_struct *mm, const struct elf64_phdr *p,
			unsigned long bias)
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
				  flags, true, name);
		if (ret < 0)
			return ret;
	}
	for (va = start & PAGE_MASK; va < start + p->p_filesz; va += PAGE_SIZE) {
		unsigned long from = va > start ? va : start;
		unsigned long to = va + PAGE_SIZE < start + p->p_filesz ?
				   va + PAGE_SIZE : start + p->p_filesz;

		ret = fill_page(file, mm, va, prot,
				p->p_offset + (from - start), to - from,
				from - va);
		if (ret)
			return ret;
	}
	return 0;
}

/* The program headers of a checked header, kmalloc'd, or an ERR_PTR. */
static struct elf64_phdr *read_phdrs(struct file *file,
				     const struct elf64_hdr *eh)
{
	ssize_t n = eh->e_phnum * sizeof(struct elf64_phdr);
	struct elf64_phdr *ph = kmalloc(n, GFP_KERNEL);
	loff_t pos = eh->e_phoff;

	if (!ph)
		return ERR_PTR(-ENOMEM);
	if (kernel_read(file, ph, n, &pos) != n) {
		kfree(ph);
		return ERR_PTR(-EIO);
	}
	return ph;
}

/* The lowest PT_LOAD address and the end of the highest. */
static void load_span(const struct elf64_hdr *eh, const struct elf64_phdr *ph,
		      unsigned long *lo, unsigned long *hi)
{
	int i;

	*lo = ~0UL;
	*hi = 0;
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ph[i].p_vaddr < *lo)
			*lo = ph[i].p_vaddr;
		if (ph[i].p_vaddr + ph[i].p_memsz > *hi)
			*hi = ph[i].p_vaddr + ph[i].p_memsz;
	}
}

/* PT_INTERP's path, opened: the file or an ERR_PTR (ENOEXEC if bad). */
static struct file *open_interp(struct file *file, const struct elf64_phdr *p)
{
	struct file *interp;
	loff_t pos = p->p_offset;
	char *path;

	if (p->p_filesz < 2 || p->p_filesz > PATH_MAX)
		return ERR_PTR(-ENOEXEC);
	path = kmalloc(p->p_filesz, GFP_KERNEL);
	if (!path)
		return ERR_PTR(-ENOMEM);
	if (kernel_read(file, path, p->p_filesz, &pos) != (ssize_t)p->p_filesz)
		interp = ERR_PTR(-EIO);
	else if (path[p->p_filesz - 1] != '\0')
		interp = ERR_PTR(-ENOEXEC);
	else
		interp = open_exec(path);
	kfree(path);
	return interp;
}

/*
 * The interpreter into mm, below the stack where mmap would put it:
 * its load bias in *base, its entry in *entry.
 */
static int load_interp(struct file *interp, struct mm_struct *mm,
		       unsigned long *base, unsigned long *entry)
{
	struct elf64_hdr eh;
	struct elf64_phdr *ph;
	unsigned long lo, hi, bias = 0;
	loff_t pos = 0, size = interp->f_inode->i_size;
	long addr;
	int i, ret;

	if (kernel_read(interp, &eh, sizeof(eh), &pos) != sizeof(eh) ||
	    check_header(&eh, size))
		return -ELIBBAD;
	ph = read_phdrs(interp, &eh);
	if (IS_ERR(ph))
		return PTR_ERR(ph);
	load_span(&eh, ph, &lo, &hi);
	ret = -ELIBBAD;
	if (lo >= hi)
		goto out;
	if (eh.e_type == ET_DYN) {
		addr = get_unmapped_area(mm, PAGE_ALIGN(hi) - (lo & PAGE_MASK));
		ret = addr < 0 ? addr : 0;
		if (ret)
			goto out;
		bias = addr - (lo & PAGE_MASK);
	}
	ret = check_segments(&eh, ph, bias, size);
	for (i = 0; !ret && i < eh.e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			ret = load_segment(interp,
					   interp->f_path.dentry->d_name, mm,
					   &ph[i], bias);
	*base = bias;
	*entry = bias + eh.e_entry;
out:
	kfree(ph);
	return ret;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const struct elf64_hdr *eh = (const struct elf64_hdr *)bprm->buf;
	loff_t size = bprm->file->f_inode->i_size;
	struct file *interp = NULL;
	struct elf64_phdr *ph;
	struct mm_struct *mm;
	unsigned long bias = 0, lo, hi, end = 0, phdr_addr = 0;
	int i, ret;

	if (bprm->buf_len < sizeof(*eh))
		return -ENOEXEC;
	ret = check_header(eh, size);
	if (ret)
		return ret;
	ph = read_phdrs(bprm->file, eh);
	if (IS_ERR(ph))
		return PTR_ERR(ph);
	load_span(eh, ph, &lo, &hi);
	if (eh->e_type == ET_DYN)
		bias = ELF_ET_DYN_BASE - (lo & PAGE_MASK);
	ret = check_segments(eh, ph, bias, size);
	if (ret)
		goto out;
	/* The first PT_INTERP, as Linux's. */
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_INTERP) {
			interp = open_interp(bprm->file, &ph[i]);
			if (IS_ERR(interp)) {
				ret = PTR_ERR(interp);
				interp = NULL;
				goto out;
			}
			break;
		}

	ret = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out;
	for (i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *p = &ph[i];

		if (p->p_type != PT_LOAD)
			continue;
		ret = load_segment(bprm->file, bprm->comm, mm, p, bias);
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
	bprm->entry = bprm->start_ip = bias + eh->e_entry;
	bprm->interp_base = 0;
	if (interp) {
		ret = load_interp(interp, mm, &bprm->interp_base,
				  &bprm->start_ip);
		if (ret) {
			mmput(mm);
			goto out;
		}
	}
	bprm->mm = mm;
	bprm->phdr = phdr_addr;
	bprm->phnum = eh->e_phnum;
	ret = 0;
out:
	if (interp)
		fput(interp);
	kfree(ph);
	return ret;
}
