// SPDX-License-Identifier: GPL-2.0
/*
 * utimensat(2), as Linux's fs/utimes.c: set a file's access and
 * modification times to given values, to now (UTIME_NOW, or no array at
 * all), or leave one alone (UTIME_OMIT); the change time is always now.
 * Any other tv_nsec outside [0, 999999999] is EINVAL; both omitted does
 * nothing, without even looking the name up.  A NULL name means dfd
 * itself (then flags must be 0), which is how glibc's futimens() comes.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/fs_syscalls.h>
#include <irqlab/syscalls.h>

static bool nsec_valid(long nsec)
{
	if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
		return true;
	return nsec >= 0 && nsec <= 999999999;
}

int vfs_utimes(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = path->dentry->d_inode;
	struct timespec64 now = current_time(inode);
	struct iattr newattrs = {
		.ia_valid = ATTR_CTIME | ATTR_MTIME | ATTR_ATIME,
		.ia_atime = now,
		.ia_mtime = now,
	};

	if (times) {
		if (!nsec_valid(times[0].tv_nsec) ||
		    !nsec_valid(times[1].tv_nsec))
			return -EINVAL;
		if (times[0].tv_nsec == UTIME_OMIT)
			newattrs.ia_valid &= ~ATTR_ATIME;
		else if (times[0].tv_nsec != UTIME_NOW)
			newattrs.ia_atime = times[0];
		if (times[1].tv_nsec == UTIME_OMIT)
			newattrs.ia_valid &= ~ATTR_MTIME;
		else if (times[1].tv_nsec != UTIME_NOW)
			newattrs.ia_mtime = times[1];
	}
	return notify_change(path->dentry, &newattrs);
}

int do_utimes(int dfd, const char *name, struct timespec64 *times,
	      int flags)
{
	unsigned int lookup_flags = 0;
	struct path path;
	int err;

	if (!name) {
		struct file *f;

		if (dfd == AT_FDCWD)
			return -EFAULT;
		if (flags)
			return -EINVAL;
		f = fget(dfd);
		if (!f)
			return -EBADF;
		err = (f->f_mode & FMODE_PATH) ? -EBADF :
		      vfs_utimes(&f->f_path, times);
		fput(f);
		return err;
	}
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!(flags & AT_SYMLINK_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = kern_path_at(dfd, name, lookup_flags, &path);
	if (err)
		return err;
	err = vfs_utimes(&path, times);
	path_put(&path);
	return err;
}

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct __kernel_timespec uts[2];
	struct timespec64 tstimes[2];
	char *name = NULL;
	long err;

	if (utimes) {
		if (copy_from_user(uts, utimes, sizeof(uts)))
			return -EFAULT;
		tstimes[0] = (struct timespec64){ uts[0].tv_sec,
						  uts[0].tv_nsec };
		tstimes[1] = (struct timespec64){ uts[1].tv_sec,
						  uts[1].tv_nsec };
		/* Nothing to do: the name is not even looked at. */
		if (tstimes[0].tv_nsec == UTIME_OMIT &&
		    tstimes[1].tv_nsec == UTIME_OMIT)
			return 0;
	}
	if (filename || dfd == AT_FDCWD) {
		name = getname(filename, flags & AT_EMPTY_PATH);
		if (IS_ERR(name))
			return PTR_ERR(name);
	}
	err = do_utimes(dfd, name, utimes ? tstimes : NULL, flags);
	if (name)
		putname(name);
	return err;
}
