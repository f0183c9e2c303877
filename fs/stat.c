// SPDX-License-Identifier: GPL-2.0
/*
 * stat, lstat, fstat, newfstatat and readlink, as Linux's fs/stat.c:
 * the attributes go through a struct kstat and come out in x86_64's
 * struct stat, device numbers in the user encoding.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include <asm/page.h>

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb ? inode->i_sb->s_dev : 0;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = PAGE_SIZE;
	/* Memory file systems count the pages a file could hold. */
	stat->blocks = S_ISREG(inode->i_mode) ?
		       ALIGN((u64)inode->i_size, PAGE_SIZE) / 512 : 0;
}

int vfs_getattr(const struct path *path, struct kstat *stat)
{
	generic_fillattr(path->dentry->d_inode, stat);
	return 0;
}

int vfs_fstat(int fd, struct kstat *stat)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_getattr(&f->f_path, stat);
	fput(f);
	return err;
}

int vfs_fstatat(int dfd, const char *name, struct kstat *stat, int flags)
{
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	err = kern_path_at(dfd, name, at_lookup_flags(flags), &path);
	if (err)
		return err;
	err = vfs_getattr(&path, stat);
	path_put(&path);
	return err;
}

void cp_new_stat(const struct kstat *stat, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = new_encode_dev(stat->dev);
	st->st_ino = stat->ino;
	st->st_nlink = stat->nlink;
	st->st_mode = stat->mode;
	st->st_uid = stat->uid;
	st->st_gid = stat->gid;
	st->st_rdev = new_encode_dev(stat->rdev);
	st->st_size = stat->size;
	st->st_blksize = stat->blksize;
	st->st_blocks = stat->blocks;
	st->st_atime = stat->atime.tv_sec;
	st->st_atime_nsec = stat->atime.tv_nsec;
	st->st_mtime = stat->mtime.tv_sec;
	st->st_mtime_nsec = stat->mtime.tv_nsec;
	st->st_ctime = stat->ctime.tv_sec;
	st->st_ctime_nsec = stat->ctime.tv_nsec;
}

static long put_stat(const struct kstat *stat, struct stat __user *ubuf)
{
	struct stat st;

	cp_new_stat(stat, &st);
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long stat_user(int dfd, const char __user *filename,
		      struct stat __user *ubuf, int flags)
{
	char *name = getname(filename, flags & AT_EMPTY_PATH);
	struct kstat stat;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = vfs_fstatat(dfd, name, &stat, flags);
	putname(name);
	return err ? err : put_stat(&stat, ubuf);
}

SYSCALL_DEFINE2(stat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	return stat_user(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	return stat_user(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	return stat_user(dfd, filename, statbuf, flag);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;
	long err = vfs_fstat(fd, &stat);

	return err ? err : put_stat(&stat, statbuf);
}

/* At most bufsiz bytes of the target, not NUL-terminated, as Linux. */
int do_readlinkat(int dfd, const char *name, char *buf, int bufsiz)
{
	struct path path;
	struct inode *inode;
	const char *target;
	int err, len;

	if (bufsiz <= 0)
		return -EINVAL;
	err = kern_path_at(dfd, name, LOOKUP_EMPTY, &path);
	if (err)
		return err;
	inode = path.dentry->d_inode;
	target = S_ISLNK(inode->i_mode) && inode->i_op->get_link ?
		 inode->i_op->get_link(path.dentry, inode) : NULL;
	if (!target) {
		path_put(&path);
		return -EINVAL;
	}
	len = strlen(target);
	if (len > bufsiz)
		len = bufsiz;
	memcpy(buf, target, len);
	path_put(&path);
	return len;
}

static long readlink_user(int dfd, const char __user *pathname,
			  char __user *ubuf, int bufsiz)
{
	char *name, *buf;
	long ret;

	if (bufsiz <= 0)
		return -EINVAL;
	if (bufsiz > PATH_MAX)
		bufsiz = PATH_MAX;
	name = getname(pathname, true);
	if (IS_ERR(name))
		return PTR_ERR(name);
	buf = kmalloc(bufsiz, GFP_KERNEL);
	ret = buf ? do_readlinkat(dfd, name, buf, bufsiz) : -ENOMEM;
	if (ret > 0 && copy_to_user(ubuf, buf, ret))
		ret = -EFAULT;
	kfree(buf);
	putname(name);
	return ret;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf,
		int, bufsiz)
{
	return readlink_user(AT_FDCWD, path, buf, bufsiz);
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname,
		char __user *, buf, int, bufsiz)
{
	return readlink_user(dfd, pathname, buf, bufsiz);
}
