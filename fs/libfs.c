// SPDX-License-Identifier: GPL-2.0
/*
 * What a file system kept in the dentry tree needs, as Linux's
 * fs/libfs.c: names are dentries, so lookup finds nothing new, link and
 * unlink only count links, and readdir walks a directory's children.
 */
#include <irqlab/fs.h>
#include <uapi/linux/dirent.h>

int simple_lookup(struct inode *dir, struct dentry *dentry)
{
	return 0;	/* every name that exists is in the tree already */
}

int simple_link(struct dentry *old, struct inode *dir, struct dentry *new)
{
	struct inode *inode = old->d_inode;

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	inc_nlink(inode);
	ihold(inode);
	d_instantiate(new, inode);
	return 0;
}

int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	drop_nlink(inode);
	return 0;
}

bool simple_empty(struct dentry *dentry)
{
	struct dentry *child;

	list_for_each_entry(child, &dentry->d_subdirs, d_child)
		if (child->d_inode)
			return false;
	return true;
}

int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);	/* its "." */
	simple_unlink(dir, dentry);
	drop_nlink(dir);		/* its ".." */
	return 0;
}

/* The VFS has checked the types and emptiness; count what moves. */
int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry,
		  unsigned int flags)
{
	struct inode *inode = old_dentry->d_inode;
	bool is_dir = S_ISDIR(inode->i_mode);

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	if (new_dentry->d_inode) {
		if (is_dir) {
			drop_nlink(new_dentry->d_inode);
			drop_nlink(old_dir);
		}
		simple_unlink(new_dir, new_dentry);
	} else if (is_dir && old_dir != new_dir) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime =
		new_dir->i_mtime = inode->i_ctime = current_time(inode);
	return 0;
}

/*
 * Positions 0 and 1 of every directory: "." and "..".  False if the
 * caller's buffer is full (Linux's dir_emit_dots).
 */
bool dir_emit_dots(struct dentry *dir, struct dir_context *ctx)
{
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, dir->d_parent->d_inode->i_ino,
			      DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/* Positions: 0 ".", 1 "..", then each child's d_dir_pos (increasing). */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *child;
	int ret = 0;

	mutex_lock(&dcache_lock);
	if (!dir_emit_dots(dir, ctx))
		goto out;
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		struct inode *inode = child->d_inode;

		if (!inode || (loff_t)child->d_dir_pos < ctx->pos)
			continue;
		ctx->pos = child->d_dir_pos;
		if (!dir_emit(ctx, child->d_name, child->d_name_len,
			      inode->i_ino, fs_umode_to_dtype(inode->i_mode)))
			goto out;
		ctx->pos = child->d_dir_pos + 1;
	}
out:
	mutex_unlock(&dcache_lock);
	return ret;
}

loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos;

	mutex_lock(&file->f_pos_lock);
	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	default:
		pos = -1;
	}
	if (pos >= 0)
		file->f_pos = pos;
	mutex_unlock(&file->f_pos_lock);
	return pos >= 0 ? pos : -EINVAL;
}

const struct file_operations simple_dir_operations = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = dcache_readdir,
};
