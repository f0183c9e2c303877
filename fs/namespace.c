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
#include <irqlab/syscalls.h>
#include <asm/page.h>

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
	mnt->mnt_flags = flags & MNT_FLAGS_KEPT;
	mnt->mnt_parent = path.mnt;
	mnt->mnt_mountpoint = path.dentry;
	path.dentry->d_flags |= DCACHE_MOUNTED;
	list_add_tail(&mnt->mnt_list, &mount_list);
	mutex_unlock(&dcache_lock);
	return 0;
}

/*
 * umount2's core: takes the mount whose root path is out of the tree.
 * There are no mount reference counts yet, so it is always Linux's lazy
 * umount (MNT_DETACH): files open in it keep working, and its vfsmount
 * is not freed, as they may still point at it.
 */
int do_umount(const struct path *path, int flags)
{
	struct vfsmount *mnt = path->mnt, *m;
	bool covered = false;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (path->dentry != mnt->mnt_root)
		return -EINVAL;		/* not a mount point */
	if (mnt->mnt_parent == mnt)
		return -EBUSY;		/* the root */
	mutex_lock(&dcache_lock);
	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_parent == mnt) {
			mutex_unlock(&dcache_lock);
			return -EBUSY;	/* something is mounted inside it */
		}
	list_del_init(&mnt->mnt_list);
	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_mountpoint == mnt->mnt_mountpoint)
			covered = true;
	if (!covered)
		mnt->mnt_mountpoint->d_flags &= ~DCACHE_MOUNTED;
	mutex_unlock(&dcache_lock);
	dput(mnt->mnt_mountpoint);
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt_root;
	return 0;
}

/* A string argument of mount(2): at most a page, as Linux's. */
static char *copy_mount_string(const void __user *data)
{
	char *s;
	long n;

	if (!data)
		return NULL;
	s = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(s, data, PAGE_SIZE);
	if (n < 0 || n == PAGE_SIZE) {
		kfree(s);
		return ERR_PTR(n < 0 ? -EFAULT : -EINVAL);
	}
	return s;
}

/*
 * mount(2), for new mounts only: the flags that change an existing one
 * (MS_REMOUNT, MS_BIND, MS_MOVE, propagation) are EINVAL until there is
 * something for them to change.  MS_RDONLY and the per-mount flags are
 * recorded, not yet enforced; tmpfs takes no options.
 */
SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	char *kdev, *kdir, *ktype;
	long err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & (MS_REMOUNT | MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE |
		     MS_SLAVE | MS_UNBINDABLE))
		return -EINVAL;
	ktype = copy_mount_string(type);
	if (IS_ERR(ktype))
		return PTR_ERR(ktype);
	if (!ktype)
		return -EINVAL;
	kdev = copy_mount_string(dev_name);
	if (IS_ERR(kdev)) {
		kfree(ktype);
		return PTR_ERR(kdev);
	}
	kdir = getname(dir_name, false);
	if (IS_ERR(kdir))
		err = PTR_ERR(kdir);
	else
		err = do_mount(kdev ? kdev : "none", kdir, ktype, flags, NULL);
	putname(kdir);
	kfree(kdev);
	kfree(ktype);
	return err;
}

SYSCALL_DEFINE2(umount2, char __user *, name, int, flags)
{
	char *kname = getname(name, false);
	struct path path;
	long err;

	if (IS_ERR(kname))
		return PTR_ERR(kname);
	err = kern_path(kname, (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			&path);
	putname(kname);
	if (err)
		return err;
	err = do_umount(&path, flags);
	path_put(&path);
	return err;
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
