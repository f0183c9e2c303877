/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel halves of the file calls busybox and glibc need beyond
 * open/read/write/stat: sendfile, the syncs, chmod and chown, utimensat,
 * statfs (fs/sendfile.c, sync.c, attr_syscalls.c, utimes.c, statfs.c).
 * Names are kernel strings, positions kernel memory; the SYSCALL_DEFINEs
 * copy in and out around them.
 */
#ifndef _IRQLAB_FS_SYSCALLS_H
#define _IRQLAB_FS_SYSCALLS_H

#include <irqlab/fs.h>

/* utimensat's special tv_nsec values, as Linux's <uapi/linux/stat.h>. */
#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

#ifndef TMPFS_MAGIC
#define TMPFS_MAGIC	0x01021994
#endif
#define ST_VALID	0x0020	/* f_flags is filled in */

/* struct statfs of x86_64 (<asm-generic/statfs.h>). */
struct statfs {
	long f_type;
	long f_bsize;
	long f_blocks;
	long f_bfree;
	long f_bavail;
	long f_files;
	long f_ffree;
	struct {
		int val[2];
	} f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};

struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;
};

int vfs_statfs(const struct path *path, struct kstatfs *buf);

/*
 * Copies count bytes from in_fd (at *ppos, or its position if NULL)
 * to out_fd, a page at a time: the bytes moved or -errno.
 */
ssize_t do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count);

int do_fchmodat(int dfd, const char *name, umode_t mode);
int chmod_common(const struct path *path, umode_t mode);
/* uid or gid (u32)-1: unchanged.  flag: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH */
int do_fchownat(int dfd, const char *name, u32 uid, u32 gid, int flag);
int chown_common(const struct path *path, u32 uid, u32 gid);
/* times NULL: both now; else atime, mtime (UTIME_NOW, UTIME_OMIT). */
int vfs_utimes(const struct path *path, struct timespec64 *times);
/* name NULL: dfd itself (flags must be 0). */
int do_utimes(int dfd, const char *name, struct timespec64 *times,
	      int flags);
int vfs_fsync(struct file *file, int datasync);

#endif /* _IRQLAB_FS_SYSCALLS_H */
