/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A process's open files and its root and working directory, as Linux's
 * <linux/fdtable.h> and <linux/fs_struct.h>.
 *
 * The table is one fixed array of NR_OPEN_DEFAULT (1024, RLIMIT_NOFILE's
 * default) slots: a new descriptor is always the lowest free one, as
 * POSIX requires, and the 1025th open fails with EMFILE.  Linux grows the
 * array up to the rlimit; with the rlimit fixed at 1024 there is nothing
 * to grow.
 */
#ifndef _IRQLAB_FDTABLE_H
#define _IRQLAB_FDTABLE_H

#include <irqlab/types.h>
#include <irqlab/atomic.h>
#include <irqlab/spinlock.h>
#include <irqlab/fs.h>

#define NR_OPEN_DEFAULT	1024
#define RLIMIT_NOFILE_CUR NR_OPEN_DEFAULT
#define BITS_PER_LONG	64
#define FD_WORDS	(NR_OPEN_DEFAULT / BITS_PER_LONG)

struct files_struct {
	atomic_t count;			/* tasks sharing it (CLONE_FILES) */
	spinlock_t file_lock;
	unsigned int next_fd;		/* no free fd below it */
	unsigned long open_fds[FD_WORDS];
	unsigned long close_on_exec[FD_WORDS];
	struct file *fd[NR_OPEN_DEFAULT];
};

/* For fork/exec/exit (kernel/). */
struct files_struct *files_alloc(void);		/* empty, or NULL */
struct files_struct *dup_fd(struct files_struct *old);	/* NULL: ENOMEM */
void put_files_struct(struct files_struct *files);	/* refcounted */
void do_close_on_exec(struct files_struct *files);

static inline struct files_struct *get_files_struct(struct files_struct *f)
{
	atomic_inc(&f->count);
	return f;
}

/* NULL: ENOMEM */
struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);	/* refcounted put */
struct fs_struct *init_fs_struct(void);		/* root = pwd = "/" */

static inline struct fs_struct *get_fs_struct(struct fs_struct *fs)
{
	atomic_inc(&fs->users);
	return fs;
}

/* current's root and cwd (the namespace root for a kernel thread). */
void get_fs_root(struct path *root);
void get_fs_pwd(struct path *pwd);
int current_umask(void);

/* Descriptors of current->files (fs/file.c). */
/* The lowest free fd >= start, with close-on-exec as flags say. */
int alloc_fd(unsigned int start, unsigned int flags);
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
/* The file open as fd, with a reference; NULL if none. */
struct file *fget(unsigned int fd);
int close_fd(unsigned int fd);
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
bool get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, bool on);

#endif /* _IRQLAB_FDTABLE_H */
