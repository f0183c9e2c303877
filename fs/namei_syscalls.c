// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls on names: each copies its paths in (getname: EFAULT,
 * ENAMETOOLONG, ENOENT for "") and calls the kernel function of
 * namei_ops.c, which the ktests call with kernel strings.
 */
#include <irqlab/fs.h>
#include <irqlab/syscalls.h>

static long mkdirat_user(int dfd, const char __user *pathname, umode_t mode)
{
	char *name = getname(pathname, false);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mkdirat(dfd, name, mode);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname,
		umode_t, mode)
{
	return mkdirat_user(dfd, pathname, mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return mkdirat_user(AT_FDCWD, pathname, mode);
}

static long mknodat_user(int dfd, const char __user *filename, umode_t mode,
			 unsigned int dev)
{
	char *name = getname(filename, false);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mknodat(dfd, name, mode, new_decode_dev(dev));
	putname(name);
	return err;
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename,
		umode_t, mode, unsigned int, dev)
{
	return mknodat_user(dfd, filename, mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return mknodat_user(AT_FDCWD, filename, mode, dev);
}

static long remove_user(int dfd, const char __user *pathname, bool dir)
{
	char *name = getname(pathname, false);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = dir ? do_rmdir(dfd, name) : do_unlinkat(dfd, name);
	putname(name);
	return err;
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return remove_user(AT_FDCWD, pathname, true);
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return remove_user(AT_FDCWD, pathname, false);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return remove_user(dfd, pathname, flag & AT_REMOVEDIR);
}

/* Two paths in: the calls that take an old and a new name. */
static long two_names(const char __user *u1, const char __user *u2,
		      bool empty1, char **n1, char **n2)
{
	*n1 = getname(u1, empty1);
	if (IS_ERR(*n1))
		return PTR_ERR(*n1);
	*n2 = getname(u2, false);
	if (IS_ERR(*n2)) {
		putname(*n1);
		return PTR_ERR(*n2);
	}
	return 0;
}

static long symlinkat_user(const char __user *oldname, int newdfd,
			   const char __user *newname)
{
	char *target, *name;
	long err = two_names(oldname, newname, false, &target, &name);

	if (err)
		return err;
	err = do_symlinkat(target, newdfd, name);
	putname(target);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return symlinkat_user(oldname, newdfd, newname);
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname,
		const char __user *, newname)
{
	return symlinkat_user(oldname, AT_FDCWD, newname);
}

static long linkat_user(int olddfd, const char __user *oldname, int newdfd,
			const char __user *newname, int flags)
{
	char *o, *n;
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = two_names(oldname, newname, flags & AT_EMPTY_PATH, &o, &n);
	if (err)
		return err;
	err = do_linkat(olddfd, o, newdfd, n, flags);
	putname(o);
	putname(n);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname, int, flags)
{
	return linkat_user(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname,
		const char __user *, newname)
{
	return linkat_user(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

static long renameat2_user(int olddfd, const char __user *oldname,
			   int newdfd, const char __user *newname,
			   unsigned int flags)
{
	char *o, *n;
	long err = two_names(oldname, newname, false, &o, &n);

	if (err)
		return err;
	err = do_renameat2(olddfd, o, newdfd, n, flags);
	putname(o);
	putname(n);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname, unsigned int, flags)
{
	return renameat2_user(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname)
{
	return renameat2_user(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname,
		const char __user *, newname)
{
	return renameat2_user(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}
