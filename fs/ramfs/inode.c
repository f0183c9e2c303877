// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs: a file system that is its dentry tree, as Linux's fs/ramfs/
 * (which Linux's tmpfs becomes without swap).  Directories, symlinks
 * and device nodes are inodes with no data of their own; regular files
 * keep pages (file.c).  Each mount is a new, empty tree, except rootfs,
 * mounted once as "/".  Its name is "tmpfs", as Linux's, and "ramfs"
 * is accepted too.
 */
#include <irqlab/fs.h>
#include <irqlab/init.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include "internal.h"

static const struct inode_operations ramfs_dir_inode_operations;
static const struct inode_operations ramfs_symlink_inode_operations;

static const struct super_operations ramfs_ops = {
	.evict_inode = ramfs_evict_inode,
};

static int ramfs_dir_setattr(struct dentry *dentry, struct iattr *attr)
{
	setattr_copy(dentry->d_inode, attr);
	return 0;
}

static const struct inode_operations ramfs_special_inode_operations = {
	.setattr = ramfs_dir_setattr,
};

static struct inode *ramfs_get_inode(struct super_block *sb,
				     const struct inode *dir, umode_t mode,
				     dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode->i_mode = mode;
	/* Owned by the creator: root, until there are credentials. */
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);	/* "." */
		break;
	case S_IFLNK:
		inode->i_op = &ramfs_symlink_inode_operations;
		break;
	default:
		inode->i_op = &ramfs_special_inode_operations;
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

static int ramfs_mknod(struct inode *dir, struct dentry *dentry,
		       umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOSPC;
	d_instantiate(dentry, inode);
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry,
			umode_t mode)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry,
		       umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);		/* the new ".." */
	return err;
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry,
			 const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;

	inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | S_IRWXUGO, 0);
	if (!inode)
		return -ENOSPC;
	inode->i_link = kmalloc(len + 1, GFP_KERNEL);
	if (!inode->i_link) {
		iput(inode);
		return -ENOMEM;
	}
	memcpy(inode->i_link, target, len + 1);
	inode->i_size = len;
	d_instantiate(dentry, inode);
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static const char *ramfs_get_link(struct dentry *dentry, struct inode *inode)
{
	return inode->i_link;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.lookup = simple_lookup,
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.symlink = ramfs_symlink,
	.link = simple_link,
	.unlink = simple_unlink,
	.rmdir = simple_rmdir,
	.rename = simple_rename,
	.setattr = ramfs_dir_setattr,
};

/* Symlinks resolve through get_link; the rest share the setattr. */
static const struct inode_operations ramfs_symlink_inode_operations = {
	.get_link = ramfs_get_link,
	.setattr = ramfs_dir_setattr,
};

struct dentry *ramfs_mount(struct file_system_type *type, int flags,
			   const char *dev_name, void *data)
{
	struct super_block *sb = sget_anon(type);
	struct inode *root;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_magic = TMPFS_MAGIC;
	sb->s_op = &ramfs_ops;
	/* Linux's tmpfs root is 1777 and rootfs's 0755. */
	root = ramfs_get_inode(sb, NULL, S_IFDIR | 0755, 0);
	if (root)
		sb->s_root = d_alloc_root(root);
	if (!root || !sb->s_root) {
		iput(root);
		kfree(sb);
		return ERR_PTR(-ENOMEM);
	}
	if (strcmp(type->name, "rootfs") != 0)
		root->i_mode = S_IFDIR | 01777;
	return sb->s_root;
}

static struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.mount = ramfs_mount,
};

static struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
};

static int init_tmpfs(void)
{
	register_filesystem(&tmpfs_fs_type);
	return register_filesystem(&ramfs_fs_type);
}
core_initcall(init_tmpfs);
