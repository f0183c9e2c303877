// SPDX-License-Identifier: GPL-2.0
/*
 * The file system types mount(2) knows by name, as Linux's
 * fs/filesystems.c (and its /proc/filesystems, later).
 */
#include <irqlab/fs.h>
#include <irqlab/string.h>

static struct file_system_type *file_systems;
static DEFINE_MUTEX(file_systems_lock);

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int ret = 0;

	mutex_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next)
		if (strcmp((*p)->name, fs->name) == 0)
			ret = -EBUSY;
	if (!ret) {
		fs->next = NULL;
		*p = fs;
	}
	mutex_unlock(&file_systems_lock);
	return ret;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	mutex_lock(&file_systems_lock);
	for (fs = file_systems; fs; fs = fs->next)
		if (strcmp(fs->name, name) == 0)
			break;
	mutex_unlock(&file_systems_lock);
	return fs;
}
