// SPDX-License-Identifier: GPL-2.0
/*
 * devtmpfs, as Linux's drivers/base/devtmpfs.c: one tmpfs tree, shared
 * by every mount of it, in which drivers create their device nodes as
 * they register (devtmpfs_create_node), so /dev has what the kernel
 * has, with no udev.  It is mounted on /dev at the end of boot (after
 * the initramfs, which may have made /dev); Linux leaves that mount to
 * an initramfs's init, irqlab does it as CONFIG_DEVTMPFS_MOUNT does for
 * a disk root.
 */
#include <irqlab/fs.h>
#include <irqlab/init.h>
#include <irqlab/printk.h>
#include <irqlab/string.h>

static struct dentry *devtmpfs_root;

static struct dentry *dev_mount(struct file_system_type *type, int flags,
				const char *dev_name, void *data)
{
	if (!devtmpfs_root)
		return ERR_PTR(-ENODEV);
	return dget(devtmpfs_root);
}

static struct file_system_type dev_fs_type = {
	.name = "devtmpfs",
	.mount = dev_mount,
};

/* The child name of dir, made with mkdir or mknod if absent; locked. */
static int make_child(struct dentry *dir, const char *name, unsigned int len,
		      umode_t mode, dev_t dev, struct dentry **res)
{
	struct inode *inode = dir->d_inode;
	struct dentry *d;
	int err = lookup_one_locked(dir, name, len, &d);

	if (err != -ENOENT) {
		if (!err && ((d->d_inode->i_mode ^ mode) & S_IFMT))
			err = -EEXIST;
		*res = d;
		return err;
	}
	d = d_alloc(dir, name, len);
	if (!d)
		return -ENOMEM;
	if (S_ISDIR(mode))
		err = inode->i_op->mkdir(inode, d, mode & S_IALLUGO);
	else
		err = inode->i_op->mknod(inode, d, mode, dev);
	if (err) {
		d_delete(d);
		dput(d);
		return err;
	}
	*res = d;
	return 0;
}

int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct dentry *dir, *d;
	const char *slash;
	int err = 0;

	if (!devtmpfs_root)
		return -ENODEV;
	mutex_lock(&dcache_lock);
	dir = dget(devtmpfs_root);
	/* "pts/0" and the like: the directories first, 0755 as Linux's. */
	while ((slash = strchr(name, '/'))) {
		err = make_child(dir, name, slash - name, S_IFDIR | 0755, 0,
				 &d);
		dput(dir);
		if (err) {
			if (err == -EEXIST)
				dput(d);	/* there, but not a directory */
			goto out;
		}
		dir = d;
		name = slash + 1;
	}
	/* One there already of the same type is fine: 0, as Linux's. */
	err = make_child(dir, name, strlen(name), mode, dev, &d);
	if (!err || err == -EEXIST)
		dput(d);
	dput(dir);
out:
	mutex_unlock(&dcache_lock);
	return err;
}

static int devtmpfs_init(void)
{
	devtmpfs_root = ramfs_mount(&dev_fs_type, 0, "devtmpfs", NULL);
	if (IS_ERR(devtmpfs_root)) {
		pr_err("devtmpfs: unable to create devtmpfs %ld\n",
		       PTR_ERR(devtmpfs_root));
		devtmpfs_root = NULL;
		return -ENOMEM;
	}
	devtmpfs_root->d_inode->i_mode = S_IFDIR | 0755;
	register_filesystem(&dev_fs_type);
	pr_info("devtmpfs: initialized\n");
	return 0;
}
postcore_initcall(devtmpfs_init);

/* After the initramfs and every driver: /dev is what the kernel has. */
static int devtmpfs_mount(void)
{
	int err;

	if (!devtmpfs_root)
		return 0;
	err = do_mkdirat(AT_FDCWD, "/dev", 0755);
	if (err && err != -EEXIST)
		return err;
	err = do_mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	if (err)
		printk(KERN_INFO "devtmpfs: error mounting %d\n", err);
	else
		printk(KERN_INFO "devtmpfs: mounted\n");
	return err;
}
late_initcall(devtmpfs_mount);
