// SPDX-License-Identifier: GPL-2.0
/*
 * Opening and closing, and the calls on where a name leads (access,
 * chdir, truncate), as Linux's fs/open.c and the open half of
 * fs/namei.c.  Every check is Linux's, in Linux's order, so that a
 * program sees the errno it would there; there are no permission checks
 * yet because every task is root.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/printk.h>
#include <irqlab/sched.h>
#include <irqlab/syscalls.h>

static const struct file_operations empty_fops;

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	if (!dir->i_op || !dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, mode);
}

int do_truncate(struct dentry *dentry, loff_t length)
{
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };

	if (length < 0)
		return -EINVAL;
	return notify_change(dentry, &attr);
}

struct file *dentry_open(const struct path *path, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	int acc = flags & O_ACCMODE;
	struct file *f;
	int err;

	if (flags & O_PATH) {
		f = alloc_file(path, flags & (O_PATH | O_DIRECTORY |
					      O_NOFOLLOW | O_CLOEXEC),
			       &empty_fops);
		if (!IS_ERR(f))
			f->f_mode = FMODE_PATH;
		return f;
	}
	f = alloc_file(path, flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC),
		       inode->i_fop ? inode->i_fop : &empty_fops);
	if (IS_ERR(f))
		return f;
	f->f_mode = FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (acc == O_RDONLY || acc == O_RDWR)
		f->f_mode |= FMODE_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		f->f_mode |= FMODE_WRITE;
	if (f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err) {
			f->f_op = NULL;		/* never opened: no release */
			fput(f);
			return ERR_PTR(err);
		}
	}
	return f;
}

/* O_CREAT: the name's directory, then the name in it, made if absent. */
static int open_create(int dfd, const char *name, int flags, umode_t mode,
		       struct path *res, bool *created)
{
	struct path parent;
	struct dentry *child;
	struct inode *dir;
	const char *last;
	unsigned int len;
	bool trailing;
	int err;

	err = kern_path_parent(dfd, name, &parent, &last, &len, &trailing);
	if (err)
		return err;
	if (!len || name_is_dot_dotdot(last, len)) {
		path_put(&parent);
		return -EISDIR;
	}
	dir = parent.dentry->d_inode;
	mutex_lock(&dcache_lock);
	err = lookup_one_locked(parent.dentry, last, len, &child);
	if (!err) {
		umode_t m = child->d_inode->i_mode;

		mutex_unlock(&dcache_lock);
		if (flags & O_EXCL)
			err = -EEXIST;
		else if (S_ISDIR(m))
			err = -EISDIR;
		if (err || (S_ISLNK(m) && !(flags & O_NOFOLLOW))) {
			dput(child);
			path_put(&parent);
			if (err)
				return err;
			/* Opened through the link, as without O_CREAT. */
			return kern_path_at(dfd, name, LOOKUP_FOLLOW, res);
		}
		res->mnt = parent.mnt;
		res->dentry = child;
		follow_mount_path(res);
		path_put(&parent);
		return 0;
	}
	if (err == -ENOENT) {
		err = trailing ? -EISDIR : 0;
		if (!err && (dir->i_flags & S_DEAD))
			err = -ENOENT;
		child = err ? NULL : d_alloc(parent.dentry, last, len);
		if (!err && !child)
			err = -ENOMEM;
		if (!err) {
			err = vfs_create(dir, child, S_IFREG |
					 (mode & ~current_umask() & S_IALLUGO));
			if (err) {
				d_delete(child);
				dput(child);
			}
		}
	}
	mutex_unlock(&dcache_lock);
	if (!err) {
		res->mnt = parent.mnt;
		res->dentry = child;
		*created = true;
	}
	path_put(&parent);
	return err;
}

struct file *do_filp_open(int dfd, const char *name, int flags, umode_t mode)
{
	bool created = false;
	struct inode *inode;
	struct path path;
	struct file *f;
	int err;

	flags &= VALID_OPEN_FLAGS;
	if (flags & __O_TMPFILE)
		return ERR_PTR(-EOPNOTSUPP);
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	if (flags & O_CREAT) {
		err = open_create(dfd, name, flags, mode, &path, &created);
	} else {
		unsigned int lf = 0;

		if (!(flags & O_NOFOLLOW))
			lf |= LOOKUP_FOLLOW;
		if (flags & O_DIRECTORY)
			lf |= LOOKUP_DIRECTORY;
		err = kern_path_at(dfd, name, lf, &path);
	}
	if (err)
		return ERR_PTR(err);
	inode = path.dentry->d_inode;
	err = 0;
	if (S_ISLNK(inode->i_mode) && !(flags & O_PATH))
		err = -ELOOP;		/* O_NOFOLLOW met a symlink */
	else if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		err = -ENOTDIR;
	else if (S_ISDIR(inode->i_mode) && !(flags & O_PATH) &&
		 ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC)))
		err = -EISDIR;
	else if ((flags & O_TRUNC) && !created && S_ISREG(inode->i_mode) &&
		 (flags & O_ACCMODE) != O_RDONLY)
		err = do_truncate(path.dentry, 0);
	if (err) {
		path_put(&path);
		return ERR_PTR(err);
	}
	f = dentry_open(&path, flags);
	path_put(&path);
	return f;
}

struct file *filp_open(const char *path, int flags, umode_t mode)
{
	return do_filp_open(AT_FDCWD, path, flags, mode);
}

long do_sys_open(int dfd, const char *name, int flags, umode_t mode)
{
	struct file *f;
	int fd;

	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		return fd;
	f = do_filp_open(dfd, name, flags, mode);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	fd_install(fd, f);
	return fd;
}

static long do_sys_open_user(int dfd, const char __user *filename,
			     int flags, umode_t mode)
{
	char *name = getname(filename, false);
	long ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = do_sys_open(dfd, name, flags, mode);
	putname(name);
	return ret;
}

/* A 64-bit kernel opens every file as large (Linux's force_o_largefile). */
SYSCALL_DEFINE3(open, const char __user *, filename, int, flags,
		umode_t, mode)
{
	return do_sys_open_user(AT_FDCWD, filename, flags | O_LARGEFILE, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags,
		umode_t, mode)
{
	return do_sys_open_user(dfd, filename, flags | O_LARGEFILE, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open_user(AT_FDCWD, pathname,
				O_CREAT | O_WRONLY | O_TRUNC | O_LARGEFILE,
				mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

void console_on_rootfs(void)
{
	struct file *file;
	int i;

	if (!current->files)
		current->files = files_alloc();
	file = current->files ? filp_open("/dev/console", O_RDWR, 0) :
				ERR_PTR(-ENOMEM);
	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	/* Linux's init_dup(file) three times: fds 0, 1 and 2. */
	for (i = 0; i < 3; i++) {
		int fd = get_unused_fd_flags(0);

		if (fd >= 0)
			fd_install(fd, get_file(file));
	}
	fput(file);
}

int do_faccessat(int dfd, const char *name, int mode, int flags)
{
	struct path path;
	struct inode *inode;
	int err;

	if (mode & ~S_IRWXO)
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = kern_path_at(dfd, name, at_lookup_flags(flags), &path);
	if (err)
		return err;
	inode = path.dentry->d_inode;
	/* Root may do anything, but execute only what some x bit allows. */
	if ((mode & X_OK) && !S_ISDIR(inode->i_mode) &&
	    !(inode->i_mode & S_IXUGO))
		err = -EACCES;
	path_put(&path);
	return err;
}

static long faccessat_user(int dfd, const char __user *filename, int mode,
			   int flags)
{
	char *name = getname(filename, flags & AT_EMPTY_PATH);
	long ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = do_faccessat(dfd, name, mode, flags);
	putname(name);
	return ret;
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return faccessat_user(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return faccessat_user(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename,
		int, mode, int, flags)
{
	return faccessat_user(dfd, filename, mode, flags);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	char *name = getname(filename, false);
	struct path path;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	putname(name);
	if (err)
		return err;
	err = set_fs_pwd_path(&path);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = S_ISDIR(f->f_inode->i_mode) ? set_fs_pwd_path(&f->f_path) :
					    -ENOTDIR;
	fput(f);
	return err;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	if (!fs)
		return 0022;
	mutex_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & S_IRWXUGO;
	mutex_unlock(&fs->lock);
	return old;
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	char *name = getname(path, false);
	struct path p;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = kern_path(name, LOOKUP_FOLLOW, &p);
	putname(name);
	if (err)
		return err;
	if (S_ISDIR(p.dentry->d_inode->i_mode))
		err = -EISDIR;
	else if (!S_ISREG(p.dentry->d_inode->i_mode))
		err = -EINVAL;
	else
		err = do_truncate(p.dentry, length);
	path_put(&p);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	if ((long)length < 0)
		err = -EINVAL;
	else if (!(f->f_mode & FMODE_WRITE) || !S_ISREG(f->f_inode->i_mode))
		err = -EINVAL;
	else
		err = do_truncate(f->f_path.dentry, length);
	fput(f);
	return err;
}
