// SPDX-License-Identifier: GPL-2.0
/*
 * A minimal "sysfs" (Linux's fs/sysfs/): one tree, built at boot, that
 * every mount shows.  It has Linux's top-level directories (block, bus,
 * class, dev, devices, firmware, fs, kernel, module, power), empty but
 * for the PROC_ENTRY()s whose path starts with /sys/ (today
 * /sys/class/net/eth0/queues/rx-0/rps_cpus), read-only files made as
 * procfs's are (fs/proc/generic.c).  Linux's kobjects, attributes and
 * writable files are a later step; `mount -t sysfs sysfs /sys` works.
 */
#include "proc/internal.h"
#include <irqlab/init.h>
#include <irqlab/printk.h>
#include <irqlab/string.h>

static struct dentry *sysfs_root;

static struct dentry *sysfs_mount(struct file_system_type *type, int flags,
				  const char *dev_name, void *data)
{
	if (!sysfs_root)
		return ERR_PTR(-ENODEV);
	return dget(sysfs_root);
}

static struct file_system_type sysfs_fs_type = {
	.name = "sysfs",
	.mount = sysfs_mount,
};

static const char *const sysfs_dirs[] = {
	"block", "bus", "class", "dev", "devices", "firmware", "fs",
	"kernel", "module", "power",
};

static int sysfs_build(struct dentry *root)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sysfs_dirs); i++) {
		struct dentry *d = proc_mkdir_p(root, sysfs_dirs[i],
						strlen(sysfs_dirs[i]));

		if (!d)
			return -ENOMEM;
		dput(d);
	}
	return proc_add_entries(root, "/sys/");
}

static int sysfs_init(void)
{
	struct super_block *sb = sget_anon(&sysfs_fs_type);
	struct inode *inode;
	struct dentry *root;
	int err;

	if (!sb)
		return -ENOMEM;
	sb->s_magic = SYSFS_MAGIC;
	inode = proc_new_inode(sb, S_IFDIR | 0755);
	if (!inode)
		return -ENOMEM;
	root = d_alloc_root(inode);
	if (!root) {
		iput(inode);
		return -ENOMEM;
	}
	sb->s_root = root;
	mutex_lock(&dcache_lock);
	err = sysfs_build(root);
	mutex_unlock(&dcache_lock);
	if (err) {
		pr_err("sysfs: cannot build the tree: %d\n", err);
		return err;
	}
	sysfs_root = root;
	return register_filesystem(&sysfs_fs_type);
}
fs_initcall(sysfs_init);
