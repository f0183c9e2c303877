/* SPDX-License-Identifier: GPL-2.0 */
/* What fs/ramfs/inode.c and file.c share. */
#ifndef _FS_RAMFS_INTERNAL_H
#define _FS_RAMFS_INTERNAL_H

#include <irqlab/fs.h>

#define TMPFS_MAGIC	0x01021994	/* Linux's, for statfs */
#define RAMFS_MAX_SIZE	(1LL << 32)	/* beyond: EFBIG */

extern const struct file_operations ramfs_file_operations;
extern const struct inode_operations ramfs_file_inode_operations;

/* Frees the data pages at and beyond size; i_mutex held. */
void ramfs_truncate_pages(struct inode *inode, loff_t size);
void ramfs_evict_inode(struct inode *inode);

#endif /* _FS_RAMFS_INTERNAL_H */
