// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl, as Linux's fs/ioctl.c: the driver's unlocked_ioctl, or ENOTTY
 * ("inappropriate ioctl for device") when it has none, which is what
 * isatty() reads on a file that is not a terminal.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/syscalls.h>

long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (!file->f_op || !file->f_op->unlocked_ioctl)
		return -ENOTTY;
	return file->f_op->unlocked_ioctl(file, cmd, arg);
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd,
		unsigned long, arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = (f->f_mode & FMODE_PATH) ? -EBADF : vfs_ioctl(f, cmd, arg);
	fput(f);
	return ret;
}
