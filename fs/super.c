// SPDX-License-Identifier: GPL-2.0
/*
 * Super blocks, as Linux's fs/super.c: a file system without a device
 * gets an anonymous device number 0:N (st_dev tells its files apart
 * from another mount's), N counting from 1 as Linux's get_anon_bdev.
 */
#include <irqlab/fs.h>
#include <irqlab/slab.h>

static atomic_t last_anon_minor = ATOMIC_INIT(0);

struct super_block *sget_anon(struct file_system_type *type)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_dev = MKDEV(0, atomic_inc_return(&last_anon_minor));
	return sb;
}
