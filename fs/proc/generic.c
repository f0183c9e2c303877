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
#include <irqlab/printk.h>
#include <irqlab/string.h>
#include <irqlab/uio.h>

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
static struct dentry *proc_mkdir_dentry(struct dentry *dir, const char *name,
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
		    proc_mkdir_dentry(dir, comp, path - comp) : NULL;
		dput(dir);
		dir = d;
	}
	return dir;
}

/* A new file name in dir, or NULL with *err; dcache_lock held. */
static struct proc_inode *proc_new_file(struct dentry *dir, const char *name,
					umode_t mode,
					int (*show)(struct seq_file *m),
					const void *data, int pid,
					const struct file_operations *fops,
					int *err)
{
	unsigned int len = strlen(name);
	struct proc_inode *pi;
	struct inode *inode;
	struct dentry *d;

	d = d_lookup(dir, name, len);
	if (d) {
		dput(d);
		*err = -EEXIST;
		return NULL;
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
		*err = -ENOMEM;
		return NULL;
	}
	pi->show = show;
	pi->data = data;
	pi->pid = pid;
	pi->pde.dentry = d;	/* the tree's reference keeps it */
	inode->i_private = pi;
	inode->i_op = &proc_file_inode_operations;
	inode->i_fop = fops ? fops : &proc_file_operations;
	d_instantiate(d, inode);
	dput(d);
	return pi;
}

int proc_create(struct dentry *dir, const char *name, umode_t mode,
		int (*show)(struct seq_file *m), const void *data, int pid,
		const struct file_operations *fops)
{
	int err = 0;

	proc_new_file(dir, name, mode, show, data, pid, fops, &err);
	return err;
}

/* ---- the API for the rest of the kernel (<irqlab/proc_fs.h>) ---- */

void *pde_data(const struct inode *inode)
{
	return (void *)PROC_I(inode)->data;
}

/* A proc_create_data() file: its seq_file's private is the data. */
static int proc_ops_open(struct inode *inode, struct file *file)
{
	struct proc_inode *pi = PROC_I(inode);

	return single_open(file, pi->show, (void *)pi->data);
}

static ssize_t proc_ops_write(struct file *file, struct iov_iter *from,
			      loff_t *pos)
{
	const struct proc_ops *ops = PROC_I(file->f_inode)->ops;
	size_t count = iov_iter_count(from);
	ssize_t ret;
	char *buf;

	if (!ops || !ops->proc_write)
		return -EIO;
	if (count > PROC_WRITE_MAX)
		return -EINVAL;
	buf = kmalloc(count + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_iter(buf, count, from) != count) {
		kfree(buf);
		return -EFAULT;
	}
	buf[count] = '\0';
	ret = ops->proc_write(file, buf, count);
	kfree(buf);
	if (ret > 0)
		*pos += ret;
	return ret;
}

static const struct file_operations proc_ops_file_operations = {
	.open = proc_ops_open,
	.llseek = seq_lseek,
	.read_iter = seq_read_iter,
	.write_iter = proc_ops_write,
	.release = single_release,
};

/* A file with no proc_show (/proc/sysrq-trigger): reads are Linux's EIO. */
static ssize_t proc_no_read(struct file *file, struct iov_iter *to,
			    loff_t *pos)
{
	return -EIO;
}

static const struct file_operations proc_write_only_file_operations = {
	.read_iter = proc_no_read,
	.write_iter = proc_ops_write,
};

static struct dentry *pde_dir(struct proc_dir_entry *parent)
{
	return parent ? parent->dentry : proc_root;
}

/* Linux's words for a name taken (its root's name is "/proc"). */
static void warn_registered(struct dentry *dir, const char *name)
{
	pr_warn("proc_dir_entry '%s/%s' already registered\n",
		dir == proc_root ? "/proc" : dir->d_name, name);
}

struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent)
{
	struct dentry *dir = pde_dir(parent), *d = NULL;
	unsigned int len = strlen(name);
	struct proc_inode *pi;

	if (!dir || !len || strchr(name, '/'))
		return NULL;
	pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	if (!pi)
		return NULL;
	mutex_lock(&dcache_lock);
	d = d_lookup(dir, name, len);
	if (d) {
		warn_registered(dir, name);
		dput(d);
		d = NULL;
	} else {
		d = proc_mkdir_dentry(dir, name, len);
	}
	if (d) {
		d->d_inode->i_private = pi;
		pi->pde.dentry = d;
		dput(d);
	}
	mutex_unlock(&dcache_lock);
	if (!d) {
		kfree(pi);
		return NULL;
	}
	return &pi->pde;
}

static struct proc_dir_entry *proc_create_show(const char *name,
		umode_t mode, struct proc_dir_entry *parent,
		int (*show)(struct seq_file *m), const struct proc_ops *ops,
		void *data)
{
	struct dentry *dir = pde_dir(parent);
	struct proc_inode *pi;
	int err = 0;

	if (!dir || (!show && !(ops && ops->proc_write)) || strchr(name, '/'))
		return NULL;
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	mutex_lock(&dcache_lock);
	pi = proc_new_file(dir, name, mode, show, data, 0,
			   show ? &proc_ops_file_operations :
				  &proc_write_only_file_operations, &err);
	if (pi)
		pi->ops = ops;
	mutex_unlock(&dcache_lock);
	if (err == -EEXIST)
		warn_registered(dir, name);
	return pi ? &pi->pde : NULL;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *ops,
					void *data)
{
	return proc_create_show(name, mode, parent,
				ops ? ops->proc_show : NULL, ops, data);
}

struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent,
			int (*show)(struct seq_file *m), void *data)
{
	return proc_create_show(name, mode, parent, show, NULL, data);
}

/* An entry and its subtree out of the tree; dcache_lock held. */
static void proc_remove_dentry(struct dentry *d)
{
	struct inode *inode = d->d_inode, *dir = d->d_parent->d_inode;
	struct dentry *child, *next;

	list_for_each_entry_safe(child, next, &d->d_subdirs, d_child)
		if (child->d_inode)
			proc_remove_dentry(child);
	if (S_ISDIR(inode->i_mode)) {
		drop_nlink(inode);	/* its "." */
		drop_nlink(dir);	/* its ".." */
	}
	drop_nlink(inode);
	d_delete(d);
}

void proc_remove(struct proc_dir_entry *de)
{
	if (!de)
		return;
	mutex_lock(&dcache_lock);
	proc_remove_dentry(de->dentry);
	mutex_unlock(&dcache_lock);
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
