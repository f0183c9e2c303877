// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys (Linux's fs/proc/proc_sysctl.c, proc_dointvec_minmax): every
 * SYSCTL_INT() as a file, "net.core.netdev_budget" as
 * /proc/sys/net/core/netdev_budget, mode 0644.  A read gives "%d\n"; a
 * write takes one integer (white space around it, a "0x" or "0" prefix
 * as Linux's base 0) and stores it through sysctl_write_int(): EINVAL
 * for anything else, a value out of int or the knob's range, or what
 * the knob's handler refuses.
 */
#include "internal.h"
#include <irqlab/ctype.h>
#include <irqlab/kstrtox.h>
#include <irqlab/string.h>
#include <irqlab/sysctl.h>
#include <irqlab/uio.h>

static int proc_sys_show(struct seq_file *m)
{
	const struct proc_inode *pi = m->private;
	const struct ctl_table *t = pi->data;

	seq_printf(m, "%d\n", READ_ONCE(*t->data));
	return 0;
}

static ssize_t proc_sys_write(struct file *file, struct iov_iter *from,
			      loff_t *pos)
{
	const struct ctl_table *t = PROC_I(file->f_inode)->data;
	size_t count = iov_iter_count(from);
	char buf[32], *s, *e;
	int v, err;

	if (!count)
		return 0;
	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_iter(buf, count, from) != count)
		return -EFAULT;
	buf[count] = '\0';
	for (s = buf; isspace(*s); s++)
		;
	for (e = s + strlen(s); e > s && isspace(e[-1]); e--)
		;
	*e = '\0';
	err = kstrtoint(s, 0, &v);
	if (err)
		return -EINVAL;
	err = sysctl_write_int(t, v);
	if (err)
		return err;
	*pos += count;
	return count;
}

static int proc_sys_open(struct inode *inode, struct file *file)
{
	return single_open(file, PROC_I(inode)->show, PROC_I(inode));
}

static const struct file_operations proc_sys_file_operations = {
	.open = proc_sys_open,
	.llseek = seq_lseek,
	.read_iter = seq_read_iter,
	.write_iter = proc_sys_write,
	.release = single_release,
};

/* Linux's proc_sys_setattr: no chmod or chown; O_TRUNC is fine. */
static int proc_sys_setattr(struct dentry *dentry, struct iattr *attr)
{
	if (attr->ia_valid & (ATTR_MODE | ATTR_UID | ATTR_GID))
		return -EPERM;
	return 0;
}

static const struct inode_operations proc_sys_inode_operations = {
	.setattr = proc_sys_setattr,
};

int proc_sys_init(struct dentry *root)
{
	const struct ctl_table *t;
	char path[128];

	for (t = sysctl_table_begin(); t < sysctl_table_end(); t++) {
		char *p, *slash;
		struct dentry *dir;
		int err;

		strscpy(path, t->procname, sizeof(path));
		for (p = path; *p; p++)
			if (*p == '.')
				*p = '/';
		slash = strrchr(path, '/');
		dir = proc_mkdir_p(root, path, slash ? slash - path : 0);
		if (!dir)
			return -ENOMEM;
		err = proc_create(dir, slash ? slash + 1 : path, S_IFREG | 0644,
				  proc_sys_show, t, 0,
				  &proc_sys_file_operations);
		if (!err) {
			struct dentry *d = d_lookup(dir, slash ? slash + 1 :
						    path, strlen(slash ?
						    slash + 1 : path));

			if (d) {
				d->d_inode->i_op = &proc_sys_inode_operations;
				dput(d);
			}
		}
		dput(dir);
		if (err && err != -EEXIST)
			return err;
	}
	return 0;
}
