// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes, as Linux's fs/inode.c and fs/attr.c at their simplest: every
 * inode lives in memory, referenced by the dentries that name it and the
 * files that have it open, and is freed with the last reference.
 */
#include <irqlab/fs.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/timekeeping.h>

static atomic_t last_ino = ATOMIC_INIT(0);

/* Linux's get_next_ino(): unique numbers for file systems without any. */
unsigned long get_next_ino(void)
{
	return (unsigned long)atomic_inc_return(&last_ino);
}

struct timespec64 current_time(struct inode *inode)
{
	struct timespec64 ts;
	u64 ns = ktime_get_ns();

	getboottime64(&ts);
	ts.tv_sec += ns / 1000000000;
	ts.tv_nsec += ns % 1000000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	return ts;
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	atomic_set(&inode->i_count, 1);
	mutex_init(&inode->i_mutex);
	inode->i_sb = sb;
	inode->i_nlink = 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

void ihold(struct inode *inode)
{
	atomic_inc(&inode->i_count);
}

void iput(struct inode *inode)
{
	if (!inode || !atomic_dec_and_test(&inode->i_count))
		return;
	if (inode->i_sb && inode->i_sb->s_op && inode->i_sb->s_op->evict_inode)
		inode->i_sb->s_op->evict_inode(inode);
	kfree(inode->i_link);
	kfree(inode);
}

static int no_open(struct inode *inode, struct file *file)
{
	return -ENXIO;
}

/* FIFOs, sockets and block devices cannot be opened yet: ENXIO. */
static const struct file_operations no_open_fops = {
	.open = no_open,
};

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_fop = &no_open_fops;
		inode->i_rdev = rdev;
	} else {
		inode->i_fop = &no_open_fops;
	}
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	if (inode->i_nlink)
		inode->i_nlink--;
}

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int v = attr->ia_valid;

	if (v & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (v & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (v & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) |
				(attr->ia_mode & S_IALLUGO);
	if (v & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (v & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	inode->i_ctime = current_time(inode);
}

/* chmod, chown, utimes and truncate all come here, as on Linux. */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if ((attr->ia_valid & ATTR_SIZE) && !S_ISREG(inode->i_mode))
		return S_ISDIR(inode->i_mode) ? -EISDIR : -EINVAL;
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	if (attr->ia_valid & ATTR_SIZE)
		return -EPERM;
	setattr_copy(inode, attr);
	return 0;
}
