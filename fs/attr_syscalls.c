// SPDX-License-Identifier: GPL-2.0
/*
 * chmod, fchmod, fchmodat, chown, fchown, lchown and fchownat, as
 * Linux's fs/open.c: each is a notify_change() of the mode or the owner
 * on the inode a name or a descriptor leads to.  chmod keeps the file
 * type and takes the 07777 bits; chown with -1 leaves that id alone, and
 * on anything but a directory it clears set-user-ID, and set-group-ID
 * when group execute is on (Linux's should_remove_suid(), which root
 * does not escape).  Everyone is root: there are no EPERM checks.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/fs_syscalls.h>
#include <irqlab/syscalls.h>

int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs = {
		.ia_valid = ATTR_MODE | ATTR_CTIME,
		.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO),
	};

	/* No i_mutex: notify_change()'s setattr takes it where needed. */
	return notify_change(path->dentry, &newattrs);
}

int do_fchmodat(int dfd, const char *name, umode_t mode)
{
	struct path path;
	int err = kern_path_at(dfd, name, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

int chown_common(const struct path *path, u32 uid, u32 gid)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs = { .ia_valid = ATTR_CTIME };
	umode_t mode = inode->i_mode;

	if (uid != (u32)-1) {
		newattrs.ia_valid |= ATTR_UID;
		newattrs.ia_uid = uid;
	}
	if (gid != (u32)-1) {
		newattrs.ia_valid |= ATTR_GID;
		newattrs.ia_gid = gid;
	}
	if (!S_ISDIR(mode)) {
		umode_t kill = 0;

		if (mode & S_ISUID)
			kill |= S_ISUID;
		if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
			kill |= S_ISGID;
		if (kill) {
			newattrs.ia_valid |= ATTR_MODE;
			newattrs.ia_mode = mode & ~kill;
		}
	}
	return notify_change(path->dentry, &newattrs);
}

int do_fchownat(int dfd, const char *name, u32 uid, u32 gid, int flag)
{
	unsigned int lookup_flags;
	struct path path;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	lookup_flags = (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	if (flag & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = kern_path_at(dfd, name, lookup_flags, &path);
	if (err)
		return err;
	err = chown_common(&path, uid, gid);
	path_put(&path);
	return err;
}

/* fdget(): O_PATH descriptors name a file but cannot change it. */
static struct file *fget_attr(unsigned int fd)
{
	struct file *f = fget(fd);

	if (f && (f->f_mode & FMODE_PATH)) {
		fput(f);
		return NULL;
	}
	return f;
}

static long fchmodat_user(int dfd, const char __user *filename,
			  umode_t mode)
{
	char *name = getname(filename, false);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_fchmodat(dfd, name, mode);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename,
		umode_t, mode)
{
	return fchmodat_user(dfd, filename, mode);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return fchmodat_user(AT_FDCWD, filename, mode);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *f = fget_attr(fd);
	long err;

	if (!f)
		return -EBADF;
	err = chmod_common(&f->f_path, mode);
	fput(f);
	return err;
}

static long fchownat_user(int dfd, const char __user *filename, u32 user,
			  u32 group, int flag)
{
	char *name;
	long err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	name = getname(filename, flag & AT_EMPTY_PATH);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_fchownat(dfd, name, user, group, flag);
	putname(name);
	return err;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename,
		u32, user, u32, group, int, flag)
{
	return fchownat_user(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, u32, user, u32, group)
{
	return fchownat_user(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, u32, user, u32, group)
{
	return fchownat_user(AT_FDCWD, filename, user, group,
			     AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, u32, user, u32, group)
{
	struct file *f = fget_attr(fd);
	long err;

	if (!f)
		return -EBADF;
	err = chown_common(&f->f_path, user, group);
	fput(f);
	return err;
}
