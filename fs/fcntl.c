// SPDX-License-Identifier: GPL-2.0
/*
 * dup, dup2, dup3 and fcntl's descriptor commands, as Linux's
 * fs/fcntl.c and fs/file.c: a duplicate shares the open file (position
 * and status flags) but has its own close-on-exec flag.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/pipe_fs_i.h>
#include <irqlab/syscalls.h>

/* The status flags F_SETFL may change; the others stay as opened. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NDELAY | FASYNC | \
			 O_DIRECT | O_NOATIME)

static long dupfd(struct file *f, unsigned int from, unsigned int flags)
{
	int fd = alloc_fd(from, flags);

	if (fd >= 0)
		fd_install(fd, get_file(f));
	return fd;
}

long ksys_dup(unsigned int fildes)
{
	struct file *f = fget(fildes);
	long ret;

	if (!f)
		return -EBADF;
	ret = dupfd(f, 0, 0);
	fput(f);
	return ret;
}

long ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *f;
	long ret;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= RLIMIT_NOFILE_CUR)
		return -EBADF;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	ret = replace_fd(newfd, f, flags);
	fput(f);
	return ret;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return ksys_dup(fildes);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		struct file *f = fget(oldfd);

		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return ksys_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= RLIMIT_NOFILE_CUR)
			ret = -EINVAL;
		else
			ret = dupfd(f, arg,
				    cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
		break;
	case F_GETFD:
		ret = get_close_on_exec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		ret = 0;
		break;
	case F_GETFL:
		ret = f->f_flags;
		break;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		ret = 0;
		break;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		ret = pipe_fcntl(f, cmd, arg);
		break;
	default:
		ret = -EINVAL;
	}
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd,
		unsigned long, arg)
{
	return do_fcntl(fd, cmd, arg);
}
