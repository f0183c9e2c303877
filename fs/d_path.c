// SPDX-License-Identifier: GPL-2.0
/*
 * A dentry's path name, and getcwd, as Linux's fs/d_path.c: the names
 * from the dentry up to the root, crossing from each mounted root to the
 * directory it covers.  A directory removed while it is the cwd reads as
 * "(unreachable)" in Linux's d_path; getcwd gives ENOENT for it.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>

/* Builds the path at the end of buf; returns its start or ERR_PTR. */
char *d_path_root(const struct path *path, const struct path *root,
		  char *buf, int buflen)
{
	struct vfsmount *mnt = path->mnt;
	struct dentry *d = path->dentry;
	char *p = buf + buflen;

	*--p = '\0';
	mutex_lock(&dcache_lock);
	while (!(d == root->dentry && mnt == root->mnt)) {
		if (d == mnt->mnt_root) {
			if (mnt->mnt_parent == mnt)
				break;	/* outside root: give it from "/" */
			d = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		if (p - buf < (long)d->d_name_len + 1) {
			mutex_unlock(&dcache_lock);
			return ERR_PTR(-ENAMETOOLONG);
		}
		p -= d->d_name_len;
		memcpy(p, d->d_name, d->d_name_len);
		*--p = '/';
		d = d->d_parent;
	}
	mutex_unlock(&dcache_lock);
	if (!*p) {
		if (p == buf)
			return ERR_PTR(-ENAMETOOLONG);
		*--p = '/';
	}
	return p;
}

long do_getcwd(char *buf, unsigned long size)
{
	struct path pwd, root;
	char *page, *p;
	long len;

	get_fs_pwd(&pwd);
	get_fs_root(&root);
	page = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!page) {
		len = -ENOMEM;
		goto out;
	}
	if (pwd.dentry->d_flags & DCACHE_UNHASHED) {
		len = -ENOENT;
		goto out;
	}
	p = d_path_root(&pwd, &root, page, PATH_MAX);
	if (IS_ERR(p)) {
		len = PTR_ERR(p);
		goto out;
	}
	len = page + PATH_MAX - p;	/* with the NUL */
	if ((unsigned long)len > size)
		len = -ERANGE;
	else
		memcpy(buf, p, len);
out:
	kfree(page);
	path_put(&pwd);
	path_put(&root);
	return len;
}

SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *kbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!kbuf)
		return -ENOMEM;
	len = do_getcwd(kbuf, size < PATH_MAX ? size : PATH_MAX);
	if (len > 0 && copy_to_user(buf, kbuf, len))
		len = -EFAULT;
	kfree(kbuf);
	return len;
}
