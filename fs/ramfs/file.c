// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs's regular files: the data is an array of pages indexed by
 * position / PAGE_SIZE, grown as writes reach further.  A slot without a
 * page is a hole and reads as zeros, so a seek past the end and a write
 * there costs only the page written.  (Linux keeps them in the page
 * cache, in the inode's address_space; this is that idea without it.)
 */
#include <irqlab/fs.h>
#include <irqlab/mman.h>
#include <irqlab/uio.h>
#include <irqlab/gfp.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <asm/page.h>
#include "internal.h"

struct ramfs_data {
	void **pages;
	unsigned long nr_slots;
};

static struct ramfs_data *data_of(struct inode *inode)
{
	return inode->i_private;
}

/* Makes room for page index idx: 0 or -ENOMEM. */
static int grow_slots(struct inode *inode, unsigned long idx)
{
	struct ramfs_data *d = data_of(inode);
	unsigned long n;
	void **slots;

	if (!d) {
		d = kzalloc(sizeof(*d), GFP_KERNEL);
		if (!d)
			return -ENOMEM;
		inode->i_private = d;
	}
	if (idx < d->nr_slots)
		return 0;
	for (n = d->nr_slots ? d->nr_slots : 16; n <= idx; n *= 2)
		;
	slots = kcalloc(n, sizeof(*slots), GFP_KERNEL);
	if (!slots)
		return -ENOMEM;
	if (d->pages)
		memcpy(slots, d->pages, d->nr_slots * sizeof(*slots));
	kfree(d->pages);
	d->pages = slots;
	d->nr_slots = n;
	return 0;
}

static ssize_t ramfs_read_iter(struct file *file, struct iov_iter *to,
			       loff_t *pos)
{
	struct inode *inode = file->f_inode;
	loff_t left = READ_ONCE(inode->i_size) - *pos;
	struct ramfs_data *d;
	ssize_t done = 0;

	/* The buffer may be a mapping of a file: fault it in unlocked. */
	if (to->user && left > 0)
		fault_in_user_range((unsigned long)to->buf,
				    min((loff_t)iov_iter_count(to), left), true);
	mutex_lock(&inode->i_mutex);
	d = data_of(inode);
	while (iov_iter_count(to) && *pos < inode->i_size) {
		unsigned long idx = *pos / PAGE_SIZE;
		size_t off = *pos % PAGE_SIZE, n, got;

		n = min((size_t)(PAGE_SIZE - off), iov_iter_count(to));
		n = min(n, (size_t)(inode->i_size - *pos));
		if (d && idx < d->nr_slots && d->pages[idx])
			got = copy_to_iter((char *)d->pages[idx] + off, n, to);
		else
			got = iov_iter_zero(n, to);
		*pos += got;
		done += got;
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	inode->i_atime = current_time(inode);
	mutex_unlock(&inode->i_mutex);
	return done;
}

static ssize_t ramfs_write_iter(struct file *file, struct iov_iter *from,
				loff_t *pos)
{
	struct inode *inode = file->f_inode;
	ssize_t done = 0;
	int err = 0;

	if (from->user)
		fault_in_user_range((unsigned long)from->buf,
				    min(iov_iter_count(from), (size_t)RAMFS_MAX_SIZE),
				    false);
	mutex_lock(&inode->i_mutex);
	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	if (*pos >= RAMFS_MAX_SIZE && iov_iter_count(from)) {
		mutex_unlock(&inode->i_mutex);
		return -EFBIG;
	}
	while (iov_iter_count(from) && *pos < RAMFS_MAX_SIZE) {
		unsigned long idx = *pos / PAGE_SIZE;
		size_t off = *pos % PAGE_SIZE, n, got;
		struct ramfs_data *d;

		err = grow_slots(inode, idx);
		if (err)
			break;
		d = data_of(inode);
		if (!d->pages[idx]) {
			d->pages[idx] = (void *)get_zeroed_page(GFP_KERNEL);
			if (!d->pages[idx]) {
				err = -ENOMEM;
				break;
			}
		}
		n = min((size_t)(PAGE_SIZE - off), iov_iter_count(from));
		got = copy_from_iter((char *)d->pages[idx] + off, n, from);
		*pos += got;
		done += got;
		if (*pos > inode->i_size)
			inode->i_size = *pos;
		if (got < n) {
			err = -EFAULT;
			break;
		}
	}
	if (done)
		inode->i_mtime = inode->i_ctime = current_time(inode);
	mutex_unlock(&inode->i_mutex);
	return done ? done : err;
}

void ramfs_truncate_pages(struct inode *inode, loff_t size)
{
	struct ramfs_data *d = data_of(inode);
	unsigned long idx, first = (size + PAGE_SIZE - 1) / PAGE_SIZE;

	if (!d)
		return;
	for (idx = first; idx < d->nr_slots; idx++) {
		if (d->pages[idx])
			free_pages((unsigned long)d->pages[idx], 0);
		d->pages[idx] = NULL;
	}
	/* The rest of the last page must read as zeros if it grows again. */
	idx = size / PAGE_SIZE;
	if (size % PAGE_SIZE && idx < d->nr_slots && d->pages[idx])
		memset((char *)d->pages[idx] + size % PAGE_SIZE, 0,
		       PAGE_SIZE - size % PAGE_SIZE);
}

void ramfs_evict_inode(struct inode *inode)
{
	struct ramfs_data *d = data_of(inode);

	if (!S_ISREG(inode->i_mode) || !d)
		return;
	ramfs_truncate_pages(inode, 0);
	kfree(d->pages);
	kfree(d);
	inode->i_private = NULL;
}

static int ramfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if (attr->ia_valid & ATTR_SIZE) {
		if (attr->ia_size < 0)
			return -EINVAL;
		if (attr->ia_size > RAMFS_MAX_SIZE)
			return -EFBIG;
		mutex_lock(&inode->i_mutex);
		if (attr->ia_size < inode->i_size)
			ramfs_truncate_pages(inode, attr->ia_size);
		inode->i_size = attr->ia_size;
		inode->i_mtime = current_time(inode);
		mutex_unlock(&inode->i_mutex);
	}
	setattr_copy(inode, attr);
	return 0;
}

/* Linux's generic_file_mmap, for a file system whose pages never move. */
static int ramfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = ramfs_read_iter,
	.write_iter = ramfs_write_iter,
	.mmap = ramfs_mmap,
};

const struct inode_operations ramfs_file_inode_operations = {
	.setattr = ramfs_setattr,
};
