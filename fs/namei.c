// SPDX-License-Identifier: GPL-2.0
/*
 * Path lookup, as Linux's fs/namei.c (its rules, not its RCU walk):
 *
 *  - an absolute name starts at the root of current (kernel threads:
 *    the namespace root), a relative one at the cwd or at dfd's
 *    directory; dfd is ignored for absolute names;
 *  - each component but the last must be a directory (ENOTDIR) that
 *    exists (ENOENT), at most NAME_MAX bytes long (ENAMETOOLONG);
 *  - "." stays, ".." goes up, never above the root, and from the root
 *    of a mount to the directory it covers; a directory with a mount on
 *    it is crossed into the mounted root;
 *  - symlinks are followed in the middle always and at the end when
 *    LOOKUP_FOLLOW says so or a '/' follows; a relative target is read
 *    from the link's directory.  More than MAXSYMLINKS (40) in one
 *    lookup is ELOOP;
 *  - a trailing '/' wants a directory.
 *
 * The whole walk holds dcache_lock, so the tree cannot change under it.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/uaccess.h>

struct nameidata {
	struct path path;	/* where the walk is (referenced) */
	struct path root;	/* where "/" and ".." stop (referenced) */
	int total_link_count;
};

static void set_path(struct path *dst, struct vfsmount *mnt,
		     struct dentry *dentry)
{
	struct path old = *dst;

	dst->mnt = mnt;
	dst->dentry = dget(dentry);
	path_put(&old);
}

/* Into the root of whatever is mounted on path, repeatedly. */
static void follow_mount(struct path *path)
{
	struct vfsmount *m;

	while ((m = lookup_mnt(path->mnt, path->dentry)))
		set_path(path, m, m->mnt_root);
}

static void follow_dotdot(struct nameidata *nd)
{
	struct path *p = &nd->path;

	for (;;) {
		if (p->dentry == nd->root.dentry && p->mnt == nd->root.mnt)
			return;
		if (p->dentry != p->mnt->mnt_root)
			break;
		if (p->mnt->mnt_parent == p->mnt)
			return;		/* the root mount's root */
		set_path(p, p->mnt->mnt_parent, p->mnt->mnt_mountpoint);
	}
	set_path(p, p->mnt, p->dentry->d_parent);
	follow_mount(p);
}

/* The child name of dir, referenced: from the tree or from ->lookup. */
static int lookup_one(struct dentry *dir, const char *name, unsigned int len,
		      struct dentry **res)
{
	struct inode *inode = dir->d_inode;
	struct dentry *d = d_lookup(dir, name, len);
	int err;

	if (d) {
		*res = d;
		return 0;
	}
	if (!inode->i_op || !inode->i_op->lookup ||
	    (inode->i_flags & S_DEAD))
		return -ENOENT;
	d = d_alloc(dir, name, len);
	if (!d)
		return -ENOMEM;
	err = inode->i_op->lookup(inode, d);
	if (!err && !d->d_inode)
		err = -ENOENT;
	if (err) {
		d_delete(d);
		dput(d);
		return err;
	}
	*res = d;
	return 0;
}

static int resolve(struct nameidata *nd, const char *name, size_t len,
		   unsigned int flags);

static int follow_link(struct nameidata *nd, struct path *link,
		       unsigned int flags)
{
	struct inode *inode = link->dentry->d_inode;
	const char *target;

	if (++nd->total_link_count > MAXSYMLINKS)
		return -ELOOP;
	target = inode->i_op && inode->i_op->get_link ?
		 inode->i_op->get_link(link->dentry, inode) : NULL;
	if (!target)
		return -EINVAL;
	if (!*target)
		return -ENOENT;
	/* The link holds its target: keep it referenced while we read it. */
	return resolve(nd, target, strlen(target), flags);
}

/* Walks name (len bytes) from nd->path; leaves the result there. */
static int resolve(struct nameidata *nd, const char *name, size_t len,
		   unsigned int flags)
{
	const char *end = name + len;
	bool want_dir = flags & LOOKUP_DIRECTORY;

	if (name < end && *name == '/')
		set_path(&nd->path, nd->root.mnt, nd->root.dentry);
	while (name < end) {
		const char *comp;
		unsigned int clen;
		struct dentry *child;
		struct path next;
		bool last, trailing;
		int err;

		while (name < end && *name == '/')
			name++;
		if (name == end)
			break;
		comp = name;
		while (name < end && *name != '/')
			name++;
		clen = name - comp;
		trailing = name < end;
		while (name < end && *name == '/')
			name++;
		last = name == end;

		if (clen > NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(nd->path.dentry->d_inode->i_mode))
			return -ENOTDIR;
		if (last && trailing)
			want_dir = true;
		if (clen == 1 && comp[0] == '.')
			continue;
		if (clen == 2 && comp[0] == '.' && comp[1] == '.') {
			follow_dotdot(nd);
			continue;
		}
		err = lookup_one(nd->path.dentry, comp, clen, &child);
		if (err)
			return err;
		next.mnt = nd->path.mnt;
		next.dentry = child;
		follow_mount(&next);
		if (S_ISLNK(next.dentry->d_inode->i_mode) &&
		    (!last || trailing || (flags & LOOKUP_FOLLOW))) {
			unsigned int lflags = LOOKUP_FOLLOW;

			if (last && !trailing)
				lflags = flags;
			err = follow_link(nd, &next, lflags);
			path_put(&next);
			if (err)
				return err;
			continue;
		}
		path_put(&nd->path);
		nd->path = next;
	}
	if (want_dir && !S_ISDIR(nd->path.dentry->d_inode->i_mode))
		return -ENOTDIR;
	return 0;
}

/* nd's start: the root, and dfd's directory (or the cwd). */
static int path_init(struct nameidata *nd, int dfd, const char *name,
		     unsigned int flags)
{
	nd->total_link_count = 0;
	get_fs_root(&nd->root);
	if (*name == '/') {
		nd->path = nd->root;
		path_get(&nd->path);
		return 0;
	}
	if (dfd == AT_FDCWD) {
		get_fs_pwd(&nd->path);
	} else {
		struct file *f = fget(dfd);

		if (!f) {
			path_put(&nd->root);
			return -EBADF;
		}
		nd->path = f->f_path;
		path_get(&nd->path);
		fput(f);
		if (*name && !S_ISDIR(nd->path.dentry->d_inode->i_mode)) {
			path_put(&nd->path);
			path_put(&nd->root);
			return -ENOTDIR;
		}
	}
	return 0;
}

static void path_cleanup(struct nameidata *nd)
{
	path_put(&nd->path);
	path_put(&nd->root);
}

int kern_path_at(int dfd, const char *name, unsigned int flags,
		 struct path *path)
{
	struct nameidata nd;
	int err;

	if (!*name && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	err = path_init(&nd, dfd, name, flags);
	if (err)
		return err;
	mutex_lock(&dcache_lock);
	err = resolve(&nd, name, strlen(name), flags);
	mutex_unlock(&dcache_lock);
	if (!err) {
		*path = nd.path;
		path_get(path);
	}
	path_cleanup(&nd);
	return err;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return kern_path_at(AT_FDCWD, name, flags, path);
}

int kern_path_parent(int dfd, const char *name, struct path *parent,
		     const char **last, unsigned int *lastlen,
		     bool *trailing)
{
	size_t len = strlen(name), end = len, start;
	struct nameidata nd;
	int err;

	if (!len)
		return -ENOENT;
	while (end && name[end - 1] == '/')
		end--;
	*trailing = end < len;
	start = end;
	while (start && name[start - 1] != '/')
		start--;
	if (end - start > NAME_MAX)
		return -ENAMETOOLONG;
	*last = name + start;
	*lastlen = end - start;
	err = path_init(&nd, dfd, name, 0);
	if (err)
		return err;
	mutex_lock(&dcache_lock);
	err = resolve(&nd, name, start, LOOKUP_FOLLOW | LOOKUP_DIRECTORY);
	if (!err && !S_ISDIR(nd.path.dentry->d_inode->i_mode))
		err = -ENOTDIR;
	mutex_unlock(&dcache_lock);
	if (!err) {
		*parent = nd.path;
		path_get(parent);
	}
	path_cleanup(&nd);
	return err;
}

char *getname(const char __user *filename, bool empty_ok)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len >= PATH_MAX || (!len && !empty_ok)) {
		kfree(name);
		if (len < 0)
			return ERR_PTR(-EFAULT);
		return ERR_PTR(len ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

void putname(char *name)
{
	if (!IS_ERR_OR_NULL(name))
		kfree(name);
}

/* lookup_one() for the operations on names; dcache_lock held. */
int lookup_one_locked(struct dentry *dir, const char *name, unsigned int len,
		      struct dentry **res)
{
	return lookup_one(dir, name, len, res);
}

void follow_mount_path(struct path *path)
{
	mutex_lock(&dcache_lock);
	follow_mount(path);
	mutex_unlock(&dcache_lock);
}
