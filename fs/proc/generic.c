// SPDX-License-Identifier: GPL-2.0
/*
 * procfs's tree, as Linux's fs/proc/generic.c: directories and generated
 * files, made once (at boot) in the dentry tree, so lookup and readdir
 * are libfs's.  A file's content is made at the first read of an open
 * (fs/seq_file.c) by its show(): for a PROC_ENTRY(), the entry's own
 * show() written for the shell, its console output captured.
 */
#include "internal.h"
#include <irqlab/slab.h>
#include <irqlab/string.h>

static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_inode *pi = PROC_I(inode);

	return single_open(file, pi->show, pi);
}

const struct file_operations proc_file_operations = {
	.open = proc_reg_open,
	.llseek = seq_lseek,
	.read_iter = seq_read_iter,
	.release = single_release,
};

/*
 * Linux's proc_notify_change: a truncation (open's O_TRUNC, as busybox
 * sysctl -w and a shell's `>` do) is a no-op that succeeds.
 */
static int proc_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct iattr a = *attr;

	a.ia_valid &= ~ATTR_SIZE;
	setattr_copy(dentry->d_inode, &a);
	return 0;
}

const struct inode_operations proc_file_inode_operations = {
	.setattr = proc_setattr,
};

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = simple_lookup,
};

static void proc_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
}

static const struct super_operations proc_sops = {
	.evict_inode = proc_evict_inode,
};

struct inode *proc_new_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	sb->s_op = &proc_sops;
	inode->i_ino = get_next_ino();
	inode->i_mode = mode;
	if (S_ISDIR(mode)) {
		inode->i_nlink = 2;
		inode->i_op = &proc_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
	}
	return inode;
}

/* The child name of dir, made a directory if absent; dcache_lock held. */
static struct dentry *proc_mkdir(struct dentry *dir, const char *name,
				 unsigned int len)
{
	struct dentry *d = d_lookup(dir, name, len);
	struct inode *inode;

	if (d)
		return d;
	d = d_alloc(dir, name, len);
	if (!d)
		return NULL;
	inode = proc_new_inode(dir->d_sb, S_IFDIR | 0555);
	if (!inode) {
		d_delete(d);
		dput(d);
		return NULL;
	}
	d_instantiate(d, inode);
	inc_nlink(dir->d_inode);
	return d;
}

struct dentry *proc_mkdir_p(struct dentry *root, const char *path,
			    size_t len)
{
	const char *end = path + len;
	struct dentry *dir = dget(root);

	while (dir && path < end) {
		const char *comp;
		struct dentry *d;

		while (path < end && *path == '/')
			path++;
		comp = path;
		while (path < end && *path != '/')
			path++;
		if (path == comp)
			break;
		d = S_ISDIR(dir->d_inode->i_mode) ?
		    proc_mkdir(dir, comp, path - comp) : NULL;
		dput(dir);
		dir = d;
	}
	return dir;
}

int proc_create(struct dentry *dir, const char *name, umode_t mode,
		int (*show)(struct seq_file *m), const void *data, int pid,
		const struct file_operations *fops)
{
	unsigned int len = strlen(name);
	struct proc_inode *pi;
	struct inode *inode;
	struct dentry *d;

	d = d_lookup(dir, name, len);
	if (d) {
		dput(d);
		return -EEXIST;
	}
	pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	inode = proc_new_inode(dir->d_sb, mode);
	d = d_alloc(dir, name, len);
	if (!pi || !inode || !d) {
		if (d) {
			d_delete(d);
			dput(d);
		}
		iput(inode);
		kfree(pi);
		return -ENOMEM;
	}
	pi->show = show;
	pi->data = data;
	pi->pid = pid;
	inode->i_private = pi;
	inode->i_op = &proc_file_inode_operations;
	inode->i_fop = fops ? fops : &proc_file_operations;
	d_instantiate(d, inode);
	dput(d);
	return 0;
}

static void proc_entry_call(void *arg)
{
	const struct proc_entry *e = arg;

	e->show();
}

/* A PROC_ENTRY()'s file: its show() as the shell's `cat` runs it. */
static int proc_entry_show(struct seq_file *m)
{
	const struct proc_inode *pi = m->private;

	seq_capture(m, proc_entry_call, (void *)pi->data);
	return 0;
}

int proc_add_entries(struct dentry *root, const char *prefix)
{
	size_t plen = strlen(prefix);
	const struct proc_entry *e;
	int err = 0;

	for (e = __start_proc_entries; e < __stop_proc_entries; e++) {
		const char *rel, *slash;
		struct dentry *dir;

		if (strncmp(e->path, prefix, plen))
			continue;
		rel = e->path + plen;
		slash = strrchr(rel, '/');
		dir = slash ? proc_mkdir_p(root, rel, slash - rel) : dget(root);
		if (!dir)
			return -ENOMEM;
		err = proc_create(dir, slash ? slash + 1 : rel, S_IFREG | 0444,
				  proc_entry_show, e, 0, NULL);
		dput(dir);
		if (err && err != -EEXIST)
			return err;
	}
	return 0;
}
