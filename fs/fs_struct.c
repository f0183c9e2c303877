// SPDX-License-Identifier: GPL-2.0
/*
 * A process's root, working directory and umask, as Linux's
 * fs/fs_struct.c.  A kernel thread has none (current->fs == NULL) and
 * resolves names from the namespace root, with a umask of 0022.
 */
#include <irqlab/fdtable.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>

struct fs_struct *init_fs_struct(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	atomic_set(&fs->users, 1);
	mutex_init(&fs->lock);
	fs->umask = 0022;
	get_root_path(&fs->root);
	get_root_path(&fs->pwd);
	return fs;
}

/* fork without CLONE_FS: the same places, in a struct of its own. */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs;

	if (!old)
		return init_fs_struct();
	fs = kzalloc(sizeof(*fs), GFP_KERNEL);
	if (!fs)
		return NULL;
	atomic_set(&fs->users, 1);
	mutex_init(&fs->lock);
	mutex_lock(&old->lock);
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	path_get(&fs->root);
	path_get(&fs->pwd);
	mutex_unlock(&old->lock);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	if (!fs || !atomic_dec_and_test(&fs->users))
		return;
	path_put(&fs->root);
	path_put(&fs->pwd);
	kfree(fs);
}

void get_fs_root(struct path *root)
{
	struct fs_struct *fs = current->fs;

	if (!fs) {
		get_root_path(root);
		return;
	}
	mutex_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	mutex_unlock(&fs->lock);
}

void get_fs_pwd(struct path *pwd)
{
	struct fs_struct *fs = current->fs;

	if (!fs) {
		get_root_path(pwd);
		return;
	}
	mutex_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	mutex_unlock(&fs->lock);
}

int current_umask(void)
{
	return current->fs ? current->fs->umask : 0022;
}

/* chdir and fchdir: the caller has checked it is a directory. */
int set_fs_pwd_path(const struct path *path)
{
	struct fs_struct *fs = current->fs;
	struct path old;

	if (!fs)
		return -EINVAL;
	path_get(path);
	mutex_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = *path;
	mutex_unlock(&fs->lock);
	path_put(&old);
	return 0;
}
