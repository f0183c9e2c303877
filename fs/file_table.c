// SPDX-License-Identifier: GPL-2.0
/*
 * Open files, as Linux's fs/file_table.c: a struct file is shared by
 * every descriptor dup()ed or inherited from the one open(), and goes
 * with the last fput(), which calls the driver's release.
 */
#include <irqlab/fs.h>
#include <irqlab/slab.h>

struct file *alloc_file(const struct path *path, int flags,
			const struct file_operations *fop)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	atomic_set(&f->f_count, 1);
	mutex_init(&f->f_pos_lock);
	f->f_flags = flags;
	f->f_path = *path;
	path_get(&f->f_path);
	f->f_inode = path->dentry->d_inode;
	f->f_op = fop;
	return f;
}

struct file *get_file(struct file *file)
{
	atomic_inc(&file->f_count);
	return file;
}

void fput(struct file *file)
{
	if (!file || !atomic_dec_and_test(&file->f_count))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	path_put(&file->f_path);
	kfree(file);
}
