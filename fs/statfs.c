// SPDX-License-Identifier: GPL-2.0
/*
 * statfs(2) and fstatfs(2), as Linux's fs/statfs.c over simple_statfs():
 * the file system's magic (tmpfs 0x01021994, pipefs...), page-sized
 * blocks, NAME_MAX; f_frsize is f_bsize and f_flags says ST_VALID.  The
 * in-memory file systems have no size limit, so the block and inode
 * counts are 0 as Linux's ramfs reports them.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/fs_syscalls.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include <asm/page.h>

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;

	memset(buf, 0, sizeof(*buf));
	buf->f_type = sb ? (long)sb->s_magic : 0;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	buf->f_frsize = buf->f_bsize;
	buf->f_flags = ST_VALID;
	return 0;
}

static int do_statfs_native(const struct kstatfs *st, struct statfs __user *p)
{
	struct statfs buf;

	memset(&buf, 0, sizeof(buf));
	buf.f_type = st->f_type;
	buf.f_bsize = st->f_bsize;
	buf.f_blocks = st->f_blocks;
	buf.f_bfree = st->f_bfree;
	buf.f_bavail = st->f_bavail;
	buf.f_files = st->f_files;
	buf.f_ffree = st->f_ffree;
	buf.f_fsid.val[0] = st->f_fsid[0];
	buf.f_fsid.val[1] = st->f_fsid[1];
	buf.f_namelen = st->f_namelen;
	buf.f_frsize = st->f_frsize;
	buf.f_flags = st->f_flags;
	return copy_to_user(p, &buf, sizeof(buf)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname,
		struct statfs __user *, buf)
{
	char *name = getname(pathname, false);
	struct kstatfs st;
	struct path path;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = kern_path_at(AT_FDCWD, name, LOOKUP_FOLLOW, &path);
	putname(name);
	if (err)
		return err;
	err = vfs_statfs(&path, &st);
	path_put(&path);
	return err ? err : do_statfs_native(&st, buf);
}

/* fdget_raw(): an O_PATH descriptor will do. */
SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct file *f = fget(fd);
	struct kstatfs st;
	int err;

	if (!f)
		return -EBADF;
	err = vfs_statfs(&f->f_path, &st);
	fput(f);
	return err ? err : do_statfs_native(&st, buf);
}
