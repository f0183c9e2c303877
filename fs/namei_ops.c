// SPDX-License-Identifier: GPL-2.0
/*
 * Making and removing names: mkdir, mknod, symlink, link, unlink,
 * rmdir, rename, as the second half of Linux's fs/namei.c.  Each looks
 * up the directory that holds the last component, then, under
 * dcache_lock so nothing changes in between, checks the name and asks
 * the directory's inode_operations.  The checks and their order are
 * Linux's, so are the errnos.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>

/*
 * A name to create: its parent (referenced) and a new negative dentry
 * for it (referenced, dcache_lock held) or an errno (lock not held).
 */
static int start_creating(int dfd, const char *name, struct path *parent,
			  struct dentry **res, bool is_dir)
{
	struct dentry *d;
	const char *last;
	unsigned int len;
	bool trailing;
	int err;

	err = kern_path_parent(dfd, name, parent, &last, &len, &trailing);
	if (err)
		return err;
	if (!len || name_is_dot_dotdot(last, len)) {
		path_put(parent);
		return -EEXIST;
	}
	mutex_lock(&dcache_lock);
	err = lookup_one_locked(parent->dentry, last, len, &d);
	if (!err) {
		dput(d);
		err = -EEXIST;
	} else if (err == -ENOENT) {
		err = 0;
		/* "name/" can only be made by mkdir. */
		if (trailing && !is_dir)
			err = -ENOENT;
		else if (parent->dentry->d_inode->i_flags & S_DEAD)
			err = -ENOENT;
	}
	if (!err) {
		d = d_alloc(parent->dentry, last, len);
		if (!d)
			err = -ENOMEM;
	}
	if (err) {
		mutex_unlock(&dcache_lock);
		path_put(parent);
		return err;
	}
	*res = d;
	return 0;
}

static void done_creating(struct path *parent, struct dentry *d, int err)
{
	if (err)
		d_delete(d);	/* still negative: out of the tree */
	dput(d);
	mutex_unlock(&dcache_lock);
	path_put(parent);
}

int do_mkdirat(int dfd, const char *name, umode_t mode)
{
	struct path parent;
	struct dentry *d;
	struct inode *dir;
	int err = start_creating(dfd, name, &parent, &d, true);

	if (err)
		return err;
	dir = parent.dentry->d_inode;
	err = dir->i_op && dir->i_op->mkdir ?
	      dir->i_op->mkdir(dir, d, mode & ~current_umask() &
			       (S_IRWXUGO | S_ISVTX)) : -EPERM;
	done_creating(&parent, d, err);
	return err;
}

int do_mknodat(int dfd, const char *name, umode_t mode, dev_t dev)
{
	struct path parent;
	struct dentry *d;
	struct inode *dir;
	int err;

	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	err = start_creating(dfd, name, &parent, &d, false);
	if (err)
		return err;
	dir = parent.dentry->d_inode;
	mode = (mode & S_IFMT) | (mode & ~current_umask() & S_IALLUGO);
	if (!(mode & S_IFMT) || S_ISREG(mode))
		err = vfs_create(dir, d, S_IFREG | (mode & S_IALLUGO));
	else
		err = dir->i_op && dir->i_op->mknod ?
		      dir->i_op->mknod(dir, d, mode, dev) : -EPERM;
	done_creating(&parent, d, err);
	return err;
}

int do_symlinkat(const char *target, int newdfd, const char *newname)
{
	struct path parent;
	struct dentry *d;
	struct inode *dir;
	int err;

	if (!*target)
		return -ENOENT;
	err = start_creating(newdfd, newname, &parent, &d, false);
	if (err)
		return err;
	dir = parent.dentry->d_inode;
	err = dir->i_op && dir->i_op->symlink ?
	      dir->i_op->symlink(dir, d, target) : -EPERM;
	done_creating(&parent, d, err);
	return err;
}

int do_linkat(int olddfd, const char *oldname, int newdfd,
	      const char *newname, int flags)
{
	unsigned int lf = 0;
	struct path old, parent;
	struct dentry *d;
	struct inode *dir;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_FOLLOW)
		lf |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lf |= LOOKUP_EMPTY;
	err = kern_path_at(olddfd, oldname, lf, &old);
	if (err)
		return err;
	err = start_creating(newdfd, newname, &parent, &d, false);
	if (err) {
		path_put(&old);
		return err;
	}
	dir = parent.dentry->d_inode;
	if (old.mnt != parent.mnt)
		err = -EXDEV;
	else if (S_ISDIR(old.dentry->d_inode->i_mode))
		err = -EPERM;
	else if (old.dentry->d_inode->i_nlink == 0)
		err = -ENOENT;		/* unlinked while we looked */
	else if (!dir->i_op || !dir->i_op->link)
		err = -EPERM;
	else
		err = dir->i_op->link(old.dentry, dir, d);
	done_creating(&parent, d, err);
	path_put(&old);
	return err;
}

static bool is_busy(struct dentry *d)
{
	return (d->d_flags & DCACHE_MOUNTED) || d_is_root(d);
}

/* rmdir and unlink: the existing name, looked up under dcache_lock. */
static int do_remove(int dfd, const char *name, bool rmdir)
{
	struct path parent;
	struct dentry *d;
	struct inode *dir;
	const char *last;
	unsigned int len;
	bool trailing;
	int err;

	err = kern_path_parent(dfd, name, &parent, &last, &len, &trailing);
	if (err)
		return err;
	if (!len)
		err = rmdir ? -EBUSY : -EISDIR;
	else if (len == 1 && last[0] == '.')
		err = rmdir ? -EINVAL : -EISDIR;
	else if (len == 2 && last[0] == '.' && last[1] == '.')
		err = rmdir ? -ENOTEMPTY : -EISDIR;
	if (err) {
		path_put(&parent);
		return err;
	}
	dir = parent.dentry->d_inode;
	mutex_lock(&dcache_lock);
	err = lookup_one_locked(parent.dentry, last, len, &d);
	if (err)
		goto out;
	if (rmdir && !S_ISDIR(d->d_inode->i_mode))
		err = -ENOTDIR;
	else if (!rmdir && S_ISDIR(d->d_inode->i_mode))
		err = -EISDIR;
	else if (!rmdir && trailing)
		err = -ENOTDIR;
	else if (is_busy(d))
		err = -EBUSY;
	else if (rmdir)
		err = dir->i_op->rmdir ? dir->i_op->rmdir(dir, d) : -EPERM;
	else
		err = dir->i_op->unlink ? dir->i_op->unlink(dir, d) : -EPERM;
	if (!err) {
		if (rmdir)
			d->d_inode->i_flags |= S_DEAD;
		d_delete(d);
	}
	dput(d);
out:
	mutex_unlock(&dcache_lock);
	path_put(&parent);
	return err;
}

int do_rmdir(int dfd, const char *name)
{
	return do_remove(dfd, name, true);
}

int do_unlinkat(int dfd, const char *name)
{
	return do_remove(dfd, name, false);
}

static bool is_ancestor(struct dentry *a, struct dentry *d)
{
	for (;;) {
		if (d == a)
			return true;
		if (d_is_root(d))
			return false;
		d = d->d_parent;
	}
}

/* The checks of Linux's vfs_rename; dcache_lock held. */
static int rename_locked(struct dentry *old_parent, struct dentry *old,
			 struct dentry *new_parent, struct dentry *new,
			 const char *name, unsigned int len, bool trailing,
			 unsigned int flags)
{
	struct inode *inode = old->d_inode, *target = new->d_inode;
	struct inode *odir = old_parent->d_inode, *ndir = new_parent->d_inode;
	bool is_dir = S_ISDIR(inode->i_mode);
	int err;

	if (trailing && !is_dir)
		return -ENOTDIR;
	if (target && (flags & RENAME_NOREPLACE))
		return -EEXIST;
	if (target == inode)
		return 0;	/* two names of one file: nothing to do */
	if (is_dir && is_ancestor(old, new_parent))
		return -EINVAL;
	if (target) {
		if (is_dir && !S_ISDIR(target->i_mode))
			return -ENOTDIR;
		if (!is_dir && S_ISDIR(target->i_mode))
			return -EISDIR;
		if (S_ISDIR(target->i_mode) && !simple_empty(new))
			return -ENOTEMPTY;
		if (is_busy(new))
			return -EBUSY;
	} else if (ndir->i_flags & S_DEAD) {
		return -ENOENT;
	}
	if (is_busy(old))
		return -EBUSY;
	if (!odir->i_op || !odir->i_op->rename)
		return -EPERM;
	err = odir->i_op->rename(odir, old, ndir, new, flags);
	if (err)
		return err;
	if (target && S_ISDIR(target->i_mode))
		target->i_flags |= S_DEAD;
	d_delete(new);
	/* Fails only without memory for the name (the rename is done). */
	return d_move(old, new_parent, name, len);
}

int do_renameat2(int olddfd, const char *oldname, int newdfd,
		 const char *newname, unsigned int flags)
{
	const char *olast, *nlast;
	unsigned int olen, nlen;
	bool otrail, ntrail;
	struct path op, np;
	struct dentry *old, *new = NULL;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	/* tmpfs has both on Linux; irqlab's does not yet. */
	if (flags & (RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	err = kern_path_parent(olddfd, oldname, &op, &olast, &olen, &otrail);
	if (err)
		return err;
	err = kern_path_parent(newdfd, newname, &np, &nlast, &nlen, &ntrail);
	if (err) {
		path_put(&op);
		return err;
	}
	if (!olen || name_is_dot_dotdot(olast, olen) ||
	    !nlen || name_is_dot_dotdot(nlast, nlen))
		err = -EBUSY;
	else if (op.mnt != np.mnt)
		err = -EXDEV;
	if (err)
		goto out;
	mutex_lock(&dcache_lock);
	err = lookup_one_locked(op.dentry, olast, olen, &old);
	if (!err) {
		int e = lookup_one_locked(np.dentry, nlast, nlen, &new);

		/* No such name: a negative dentry stands for it. */
		if (e == -ENOENT) {
			new = d_alloc(np.dentry, nlast, nlen);
			e = new ? 0 : -ENOMEM;
		}
		if (e)
			err = e;
		else
			err = rename_locked(op.dentry, old, np.dentry, new,
					    nlast, nlen, otrail || ntrail,
					    flags);
		if (!e) {
			if (!new->d_inode)
				d_delete(new);
			dput(new);
		}
		dput(old);
	}
	mutex_unlock(&dcache_lock);
out:
	path_put(&op);
	path_put(&np);
	return err;
}
