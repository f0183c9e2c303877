// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices by number, as Linux's fs/char_dev.c: a driver
 * claims a range of device numbers (register_chrdev_region) and adds a
 * cdev with its file_operations (cdev_add).  Opening a device node looks
 * its i_rdev up here and swaps the file's operations for the driver's;
 * a number nobody added gives ENXIO.
 */
#include <irqlab/fs.h>
#include <irqlab/slab.h>

struct char_device_struct {
	dev_t first;
	unsigned int count;
	const char *name;
	struct list_head list;
};

static LIST_HEAD(chrdev_regions);
static LIST_HEAD(cdev_map);
static DEFINE_MUTEX(chrdevs_lock);

static bool overlaps(dev_t a, unsigned int na, dev_t b, unsigned int nb)
{
	return a < b + nb && b < a + na;
}

int register_chrdev_region(dev_t first, unsigned int count,
			   const char *name)
{
	struct char_device_struct *cd, *r;
	int err = 0;

	if (!count || MINOR(first) + count - 1 > MINORMASK)
		return -EINVAL;
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return -ENOMEM;
	cd->first = first;
	cd->count = count;
	cd->name = name;
	mutex_lock(&chrdevs_lock);
	list_for_each_entry(r, &chrdev_regions, list)
		if (overlaps(r->first, r->count, first, count))
			err = -EBUSY;
	if (!err)
		list_add_tail(&cd->list, &chrdev_regions);
	mutex_unlock(&chrdevs_lock);
	if (err)
		kfree(cd);
	return err;
}

const char *chrdev_name(dev_t dev)
{
	struct char_device_struct *r;
	const char *name = NULL;

	mutex_lock(&chrdevs_lock);
	list_for_each_entry(r, &chrdev_regions, list)
		if (overlaps(r->first, r->count, dev, 1))
			name = r->name;
	mutex_unlock(&chrdevs_lock);
	return name;
}

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	cdev->ops = fops;
	INIT_LIST_HEAD(&cdev->list);
}

int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count)
{
	cdev->dev = dev;
	cdev->count = count;
	mutex_lock(&chrdevs_lock);
	list_add_tail(&cdev->list, &cdev_map);
	mutex_unlock(&chrdevs_lock);
	return 0;
}

static const struct file_operations *cdev_lookup(dev_t dev)
{
	const struct file_operations *ops = NULL;
	struct cdev *c;

	mutex_lock(&chrdevs_lock);
	list_for_each_entry(c, &cdev_map, list)
		if (overlaps(c->dev, c->count, dev, 1))
			ops = c->ops;
	mutex_unlock(&chrdevs_lock);
	return ops;
}

static int chrdev_open(struct inode *inode, struct file *file)
{
	const struct file_operations *ops = cdev_lookup(inode->i_rdev);

	if (!ops)
		return -ENXIO;
	file->f_op = ops;
	return ops->open ? ops->open(inode, file) : 0;
}

/* What every character device node's inode opens with. */
const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
