/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs (fs/proc/, docs/fs.md): the "proc" file system.  Its files are
 * generated at the first read into a seq_file (<irqlab/seq_file.h>):
 * every PROC_ENTRY() of the kernel under /proc, every SYSCTL_INT() as
 * /proc/sys/..., and procfs's own: /proc/self, /proc/PID/, uptime,
 * mounts, filesystems, cpuinfo.  sysfs (fs/sysfs.c) has the
 * PROC_ENTRY()s whose path starts with /sys/.
 */
#ifndef _IRQLAB_PROC_FS_H
#define _IRQLAB_PROC_FS_H

#include <irqlab/fs.h>
#include <irqlab/seq_file.h>

#define PROC_SUPER_MAGIC	0x9fa0
#define SYSFS_MAGIC		0x62656572

/*
 * Files a subsystem makes where its data lives (Linux's proc_mkdir,
 * proc_create_data, proc_create_single_data, proc_remove, pde_data):
 * proc_mkdir("irq", NULL) is /proc/irq.  A file reads as its
 * proc_show() prints into a seq_file whose private is the data given
 * at creation.  A write goes to proc_write() with the bytes copied in
 * and NUL-terminated (irqlab's difference: Linux hands over the user
 * pointer), at most PROC_WRITE_MAX of them (EINVAL beyond); it returns
 * the count taken or a negative errno.  Without proc_write, EIO; a file
 * with proc_write and no proc_show is write-only (reads are EIO).
 * An entry and everything under it go with proc_remove().
 */
#define PROC_WRITE_MAX		4095

struct proc_ops {
	int (*proc_show)(struct seq_file *m);
	ssize_t (*proc_write)(struct file *file, char *buf, size_t count);
};

/* Opaque to the callers: where the entry is in the tree. */
struct proc_dir_entry {
	struct dentry *dentry;
};

struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *ops,
					void *data);
struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent,
			int (*show)(struct seq_file *m), void *data);
void proc_remove(struct proc_dir_entry *de);
void *pde_data(const struct inode *inode);

/*
 * What a generated file's inode keeps (i_private): how to make it, and
 * for whom (the pid of a /proc/PID file, the knob of a /proc/sys one).
 */
struct proc_inode {
	int (*show)(struct seq_file *m);
	const void *data;	/* a proc_entry, a ctl_table... */
	int pid;		/* a /proc/PID file's task; 0 otherwise */
	const struct proc_ops *ops;	/* a proc_create_data() file's */
	struct proc_dir_entry pde;	/* what proc_mkdir() and co return */
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return inode->i_private;
}

#endif /* _IRQLAB_PROC_FS_H */
