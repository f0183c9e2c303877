// SPDX-License-Identifier: GPL-2.0
/*
 * The dentry tree, as Linux's fs/dcache.c without the cache: no hash
 * table (a directory's children are a list), no LRU, no eviction.  A
 * dentry in the tree holds one reference to itself, so it stays until
 * d_delete() takes it out; one taken out lives on while an open file or
 * a cwd still holds it, and then frees its inode and its parent's
 * reference.
 */
#include <irqlab/fs.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>

DEFINE_MUTEX(dcache_lock);

static struct dentry *__d_alloc(struct super_block *sb, const char *name,
				unsigned int len)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	d->d_name = kmalloc(len + 1, GFP_KERNEL);
	if (!d->d_name) {
		kfree(d);
		return NULL;
	}
	memcpy(d->d_name, name, len);
	d->d_name[len] = '\0';
	d->d_name_len = len;
	atomic_set(&d->d_count, 1);
	d->d_parent = d;
	d->d_sb = sb;
	d->d_flags = DCACHE_UNHASHED;
	d->d_next_pos = 2;	/* 0 and 1 are "." and ".." */
	INIT_LIST_HEAD(&d->d_child);
	INIT_LIST_HEAD(&d->d_subdirs);
	return d;
}

/*
 * A negative child of parent, in the tree (dcache_lock held), with the
 * caller's reference; the tree's own comes with d_instantiate().
 */
struct dentry *d_alloc(struct dentry *parent, const char *name,
		       unsigned int len)
{
	struct dentry *d = __d_alloc(parent->d_sb, name, len);

	if (!d)
		return NULL;
	d->d_parent = dget(parent);
	d->d_flags &= ~DCACHE_UNHASHED;
	d->d_dir_pos = parent->d_next_pos++;
	list_add_tail(&d->d_child, &parent->d_subdirs);
	return d;
}

struct dentry *d_alloc_root(struct inode *root)
{
	struct dentry *d = __d_alloc(root->i_sb, "/", 1);

	if (!d)
		return NULL;
	d->d_flags &= ~DCACHE_UNHASHED;
	d->d_inode = root;
	return d;
}

bool d_is_root(const struct dentry *dentry)
{
	return dentry->d_parent == dentry;
}

struct dentry *d_lookup(struct dentry *parent, const char *name,
			unsigned int len)
{
	struct dentry *d;

	list_for_each_entry(d, &parent->d_subdirs, d_child)
		if (d->d_inode && d->d_name_len == len &&
		    memcmp(d->d_name, name, len) == 0)
			return dget(d);
	return NULL;
}

/* The name now has an inode: the tree keeps both (a pinned dentry). */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
	dget(dentry);
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
}

static void d_unhash(struct dentry *dentry)
{
	if (dentry->d_flags & DCACHE_UNHASHED)
		return;
	list_del_init(&dentry->d_child);
	dentry->d_flags |= DCACHE_UNHASHED;
}

void d_delete(struct dentry *dentry)
{
	bool positive = dentry->d_inode != NULL;

	d_unhash(dentry);
	/* A negative dentry never took the tree's reference. */
	if (positive)
		dput(dentry);
}

int d_move(struct dentry *dentry, struct dentry *new_parent,
	   const char *name, unsigned int len)
{
	struct dentry *old_parent = dentry->d_parent;
	char *copy = kmalloc(len + 1, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, name, len);
	copy[len] = '\0';
	kfree(dentry->d_name);
	dentry->d_name = copy;
	dentry->d_name_len = len;
	list_del(&dentry->d_child);
	list_add_tail(&dentry->d_child, &new_parent->d_subdirs);
	dentry->d_dir_pos = new_parent->d_next_pos++;
	if (old_parent != new_parent) {
		dentry->d_parent = dget(new_parent);
		dput(old_parent);
	}
	return 0;
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		atomic_inc(&dentry->d_count);
	return dentry;
}

/*
 * Only a dentry out of the tree can reach zero (the tree holds one
 * reference), and nothing can find it any more: no lock is needed.
 */
void dput(struct dentry *dentry)
{
	while (dentry && atomic_dec_and_test(&dentry->d_count)) {
		struct dentry *parent = dentry->d_parent;

		if (dentry->d_inode)
			iput(dentry->d_inode);
		kfree(dentry->d_name);
		kfree(dentry);
		dentry = parent == dentry ? NULL : parent;
	}
}

void path_get(const struct path *path)
{
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
}
