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
 * What a generated file's inode keeps (i_private): how to make it, and
 * for whom (the pid of a /proc/PID file, the knob of a /proc/sys one).
 */
struct proc_inode {
	int (*show)(struct seq_file *m);
	const void *data;	/* a proc_entry, a ctl_table... */
	int pid;		/* a /proc/PID file's task; 0 otherwise */
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return inode->i_private;
}

#endif /* _IRQLAB_PROC_FS_H */
