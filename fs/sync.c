// SPDX-License-Identifier: GPL-2.0
/*
 * sync, syncfs, fsync and fdatasync, as Linux's fs/sync.c.  Every file
 * system here lives in memory, so there is nothing to write back: what
 * is left is the checking.  Linux's tmpfs files and directories have
 * noop_fsync, so they succeed; a file without ->fsync (a pipe, a
 * character device) gets EINVAL, as on Linux.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/fs_syscalls.h>
#include <irqlab/syscalls.h>

int vfs_fsync(struct file *file, int datasync)
{
	umode_t mode = file->f_inode->i_mode;

	if (S_ISREG(mode) || S_ISDIR(mode))
		return 0;
	return -EINVAL;
}

/* fdget(): an O_PATH descriptor is no file to sync. */
static struct file *fget_io(unsigned int fd)
{
	struct file *f = fget(fd);

	if (f && (f->f_mode & FMODE_PATH)) {
		fput(f);
		return NULL;
	}
	return f;
}

static long do_fsync(unsigned int fd, int datasync)
{
	struct file *f = fget_io(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = vfs_fsync(f, datasync);
	fput(f);
	return ret;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}

SYSCALL_DEFINE0(sync)
{
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *f = fget_io(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}
