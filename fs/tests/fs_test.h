/* SPDX-License-Identifier: GPL-2.0 */
/* What the fs ktests share: whole-file helpers on kernel paths. */
#ifndef _FS_TESTS_FS_TEST_H
#define _FS_TESTS_FS_TEST_H

#include <irqlab/fs.h>
#include <irqlab/elf.h>
#include <irqlab/fdtable.h>
#include <irqlab/sched.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>

/* Creates or truncates path (mode if new) and writes len bytes: bytes or
 * -errno. */
static inline long fst_write_mode(const char *path, const void *data,
				  size_t len, umode_t mode)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	loff_t pos = 0;
	long n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, data, len, &pos);
	fput(f);
	return n;
}

static inline long fst_write(const char *path, const void *data, size_t len)
{
	return fst_write_mode(path, data, len, 0644);
}

/*
 * A static ET_EXEC a test can exec: its code at FST_ELF_VA + FST_ELF_CODE,
 * one PT_LOAD (R+X) of the whole file at FST_ELF_VA; ph[1] is there for a
 * test that wants a second header.
 */
#define FST_ELF_VA	0x400000UL
#define FST_ELF_CODE	0x1000UL

struct fst_elf {
	struct elf64_hdr eh;
	struct elf64_phdr ph[2];
	u8 pad[FST_ELF_CODE - sizeof(struct elf64_hdr) -
	       2 * sizeof(struct elf64_phdr)];
	u8 code[64];
} __packed;

static inline void fst_elf_build(struct fst_elf *im, const u8 *code,
				 size_t len)
{
	memset(im, 0, sizeof(*im));
	memcpy(im->eh.e_ident, ELFMAG, 4);
	im->eh.e_ident[4] = ELFCLASS64;
	im->eh.e_ident[5] = ELFDATA2LSB;
	im->eh.e_ident[6] = EV_CURRENT;
	im->eh.e_type = ET_EXEC;
	im->eh.e_machine = EM_X86_64;
	im->eh.e_version = EV_CURRENT;
	im->eh.e_entry = FST_ELF_VA + FST_ELF_CODE;
	im->eh.e_phoff = sizeof(im->eh);
	im->eh.e_ehsize = sizeof(im->eh);
	im->eh.e_phentsize = sizeof(struct elf64_phdr);
	im->eh.e_phnum = 1;
	im->ph[0].p_type = PT_LOAD;
	im->ph[0].p_flags = PF_R | PF_X;
	im->ph[0].p_offset = 0;
	im->ph[0].p_vaddr = FST_ELF_VA;
	im->ph[0].p_filesz = sizeof(*im);
	im->ph[0].p_memsz = sizeof(*im);
	im->ph[0].p_align = 0x1000;
	memcpy(im->code, code, len);
}

/* Reads up to len bytes of path from pos: bytes or -errno. */
static inline long fst_read(const char *path, void *buf, size_t len,
			    loff_t pos)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	long n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, len, &pos);
	fput(f);
	return n;
}

static inline int fst_stat(const char *path, struct kstat *st)
{
	return vfs_fstatat(AT_FDCWD, path, st, 0);
}

static inline int fst_lstat(const char *path, struct kstat *st)
{
	return vfs_fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

static inline bool fst_exists(const char *path)
{
	struct kstat st;

	return fst_lstat(path, &st) == 0;
}

/*
 * A descriptor table for the test's task (a kernel thread has none),
 * given back by fst_files_end() so that init starts with an empty one.
 */
static inline struct files_struct *fst_files_begin(void)
{
	struct files_struct *old = current->files;

	current->files = files_alloc();
	return old;
}

static inline void fst_files_end(struct files_struct *old)
{
	struct files_struct *files = current->files;

	current->files = old;
	put_files_struct(files);
}

/* Removes the tree at path (files, symlinks, directories). */
static inline void fst_rm_rf(const char *path);

struct fst_names {
	struct dir_context ctx;
	char names[16][32];
	int n;
};

static inline bool fst_collect(struct dir_context *ctx, const char *name,
			       int len, loff_t off, u64 ino, unsigned int type)
{
	struct fst_names *c = (void *)ctx;

	if (c->n == 16 || len >= 32)
		return false;
	memcpy(c->names[c->n], name, len);
	c->names[c->n][len] = '\0';
	c->n++;
	return true;
}

/* The names in directory path, in readdir order: how many, or -errno. */
static inline int fst_list(const char *path, struct fst_names *c)
{
	struct file *f = filp_open(path, O_RDONLY | O_DIRECTORY, 0);
	int err;

	memset(c, 0, sizeof(*c));
	c->ctx.actor = fst_collect;
	if (IS_ERR(f))
		return PTR_ERR(f);
	err = iterate_dir(f, &c->ctx);
	fput(f);
	return err ? err : c->n;
}

static inline void fst_rm_rf(const char *path)
{
	struct fst_names c;
	char child[128];
	int i;

	if (do_unlinkat(AT_FDCWD, path) == 0 || fst_list(path, &c) < 0)
		return;
	for (i = 2; i < c.n; i++) {
		snprintf(child, sizeof(child), "%s/%s", path, c.names[i]);
		fst_rm_rf(child);
	}
	do_rmdir(AT_FDCWD, path);
}

#endif /* _FS_TESTS_FS_TEST_H */
