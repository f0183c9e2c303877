// SPDX-License-Identifier: GPL-2.0
/*
 * The "proc" file system type (Linux's fs/proc/root.c).  There is one
 * tree, built at boot, which every mount shows (as devtmpfs's): the
 * kernel's PROC_ENTRY()s, /proc/sys, procfs's own files, /proc/self,
 * and the PID directories made as they are looked up (base.c).
 *
 * Nothing mounts it at boot: as on Linux, that is init's job
 * (rootfs/etc/init.d/rcS: `mount -t proc proc /proc`).  The kernel
 * shell's own `cat /proc/...` does not need it.
 */
#include "internal.h"
#include <irqlab/init.h>
#include <irqlab/printk.h>

struct dentry *proc_root;	/* NULL until built */

static struct dentry *proc_mount(struct file_system_type *type, int flags,
				 const char *dev_name, void *data)
{
	if (!proc_root)
		return ERR_PTR(-ENODEV);
	return dget(proc_root);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
};

static int proc_build(struct dentry *root)
{
	struct dentry *sys;
	int err;

	err = proc_base_init(root);
	if (!err)
		err = proc_misc_init(root);
	if (!err)
		err = proc_add_entries(root, "/proc/");
	if (err)
		return err;
	sys = proc_mkdir_p(root, "sys", 3);
	if (!sys)
		return -ENOMEM;
	err = proc_sys_init(sys);
	dput(sys);
	return err;
}

static int proc_root_init(void)
{
	struct super_block *sb = sget_anon(&proc_fs_type);
	struct inode *inode;
	struct dentry *root;
	int err;

	if (!sb)
		return -ENOMEM;
	sb->s_magic = PROC_SUPER_MAGIC;
	inode = proc_new_inode(sb, S_IFDIR | 0555);
	if (!inode)
		return -ENOMEM;
	inode->i_op = &proc_root_inode_operations;
	inode->i_fop = &proc_root_operations;
	root = d_alloc_root(inode);
	if (!root) {
		iput(inode);
		return -ENOMEM;
	}
	sb->s_root = root;
	mutex_lock(&dcache_lock);
	err = proc_build(root);
	mutex_unlock(&dcache_lock);
	if (err) {
		pr_err("proc: cannot build the tree: %d\n", err);
		return err;
	}
	proc_root = root;
	return register_filesystem(&proc_fs_type);
}
fs_initcall(proc_root_init);
