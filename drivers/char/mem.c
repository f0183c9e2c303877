// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of major 1, as Linux's drivers/char/mem.c:
 * /dev/null (reads end at once, writes vanish), /dev/zero (reads zeros),
 * /dev/full (writes fail with ENOSPC), /dev/random and /dev/urandom
 * (random.c).  One cdev takes the whole major; open picks the minor's
 * operations, as Linux's memory_open.
 */
#include <irqlab/fs.h>
#include <irqlab/init.h>
#include <irqlab/uio.h>

extern const struct file_operations random_fops, urandom_fops;

static ssize_t read_null(struct file *file, struct iov_iter *to, loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *file, struct iov_iter *from,
			  loff_t *pos)
{
	size_t n = iov_iter_count(from);

	from->count = 0;	/* taken, and dropped */
	return n;
}

static ssize_t read_zero(struct file *file, struct iov_iter *to, loff_t *pos)
{
	size_t want = iov_iter_count(to), got = iov_iter_zero(want, to);

	return got ? (ssize_t)got : -EFAULT;
}

static ssize_t write_full(struct file *file, struct iov_iter *from,
			  loff_t *pos)
{
	return -ENOSPC;
}

/* Linux's null_lseek: every position is 0. */
static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read_iter = read_null,
	.write_iter = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read_iter = read_zero,
	.write_iter = write_null,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek,
	.read_iter = read_zero,
	.write_iter = write_full,
};

static const struct memdev {
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
} devlist[] = {
	[3] = { "null", 0666, &null_fops },
	[5] = { "zero", 0666, &zero_fops },
	[7] = { "full", 0666, &full_fops },
	[8] = { "random", 0666, &random_fops },
	[9] = { "urandom", 0666, &urandom_fops },
};

static int memory_open(struct inode *inode, struct file *file)
{
	unsigned int minor = MINOR(inode->i_rdev);

	if (minor >= ARRAY_SIZE(devlist) || !devlist[minor].fops)
		return -ENXIO;
	file->f_op = devlist[minor].fops;
	return 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

static struct cdev mem_cdev;

static int chr_dev_init(void)
{
	unsigned int minor;
	int err = register_chrdev_region(MKDEV(1, 0), 256, "mem");

	if (err)
		return err;
	cdev_init(&mem_cdev, &memory_fops);
	cdev_add(&mem_cdev, MKDEV(1, 0), 256);
	for (minor = 0; minor < ARRAY_SIZE(devlist); minor++)
		if (devlist[minor].name)
			devtmpfs_create_node(devlist[minor].name,
					     S_IFCHR | devlist[minor].mode,
					     MKDEV(1, minor));
	return 0;
}
fs_initcall(chr_dev_init);
