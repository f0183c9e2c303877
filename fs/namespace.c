// SPDX-License-Identifier: GPL-2.0
/*
 * Mounts, as Linux's fs/namespace.c for one namespace: the root mount is
 * a tmpfs named "rootfs" (Linux's init_mount_tree), and do_mount() puts
 * another file system's root over a directory.  Path lookup crosses
 * from the directory into the mounted root (lookup_mnt), and ".." from a
 * mounted root back to the directory it covers.
 */
#include <irqlab/fs.h>
#include <irqlab/init.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>

LIST_HEAD(mount_list);
static struct path root_path;

void get_root_path(struct path *root)
{
	*root = root_path;
	path_get(root);
}

struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct vfsmount *m, *found = NULL;

	if (!(dentry->d_flags & DCACHE_MOUNTED))
		return NULL;
	/* The last one mounted there covers the others. */
	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_parent == mnt && m->mnt_mountpoint == dentry)
			found = m;
	return found;
}

static struct vfsmount *vfs_kern_mount(struct file_system_type *type,
				       int flags, const char *dev_name,
				       void *data)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	struct dentry *root;

	if (!mnt)
		return ERR_PTR(-ENOMEM);
	root = type->mount(type, flags, dev_name, data);
	if (IS_ERR(root)) {
		kfree(mnt);
		return ERR_PTR(PTR_ERR(root));
	}
	mnt->mnt_root = root;
	mnt->mnt_sb = root->d_sb;
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = root;
	strscpy(mnt->mnt_devname, dev_name ? dev_name : "none",
		sizeof(mnt->mnt_devname));
	INIT_LIST_HEAD(&mnt->mnt_list);
	return mnt;
}

int do_mount(const char *dev_name, const char *dir_name, const char *fstype,
	     unsigned long flags, void *data)
{
	struct file_system_type *type = get_fs_type(fstype);
	struct vfsmount *mnt;
	struct path path;
	int err;

	if (!type)
		return -ENODEV;
	err = kern_path(dir_name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	mnt = vfs_kern_mount(type, (int)flags, dev_name, data);
	if (IS_ERR(mnt)) {
		path_put(&path);
		return PTR_ERR(mnt);
	}
	mutex_lock(&dcache_lock);
	/* The mount keeps the reference to the directory it covers. */
	mnt->mnt_parent = path.mnt;
	mnt->mnt_mountpoint = path.dentry;
	path.dentry->d_flags |= DCACHE_MOUNTED;
	list_add_tail(&mnt->mnt_list, &mount_list);
	mutex_unlock(&dcache_lock);
	return 0;
}

static struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.mount = ramfs_mount,
};

/* Linux's init_rootfs + init_mount_tree: "/" before anything opens it. */
static int init_mount_tree(void)
{
	struct vfsmount *mnt;

	register_filesystem(&rootfs_fs_type);
	mnt = vfs_kern_mount(&rootfs_fs_type, 0, "rootfs", NULL);
	if (IS_ERR(mnt))
		panic("Can't create rootfs");
	list_add_tail(&mnt->mnt_list, &mount_list);
	root_path.mnt = mnt;
	root_path.dentry = mnt->mnt_root;
	return 0;
}
core_initcall(init_mount_tree);
