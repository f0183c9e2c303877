/* SPDX-License-Identifier: GPL-2.0 */
/* Between the files of fs/proc/ (and fs/sysfs.c). */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <irqlab/proc_fs.h>
#include <irqlab/shell.h>

struct task_struct;

/* root.c: the tree's root, NULL until the tree is built. */
extern struct dentry *proc_root;

/* generic.c: a tree of generated files, built under dcache_lock. */
extern const struct file_operations proc_file_operations;
extern const struct inode_operations proc_file_inode_operations;
struct inode *proc_new_inode(struct super_block *sb, umode_t mode);
/* The directory at path under root (made, 0555, as needed), referenced. */
struct dentry *proc_mkdir_p(struct dentry *root, const char *path,
			    size_t len);
/* A file name in dir (which must not have it), made by show: 0 or -errno. */
int proc_create(struct dentry *dir, const char *name, umode_t mode,
		int (*show)(struct seq_file *m), const void *data, int pid,
		const struct file_operations *fops);
/* Every PROC_ENTRY() whose path starts with prefix ("/proc/"), in root. */
int proc_add_entries(struct dentry *root, const char *prefix);
extern const struct proc_entry __start_proc_entries[], __stop_proc_entries[];

/* proc_sysctl.c: /proc/sys from the SYSCTL_INT() table. */
int proc_sys_init(struct dentry *root);

/* base.c: /proc/self and /proc/PID/. */
extern const struct inode_operations proc_root_inode_operations;
extern const struct file_operations proc_root_operations;
int proc_base_init(struct dentry *root);
/* The task of a /proc/PID file, referenced, or NULL (it is gone). */
struct task_struct *proc_get_task(struct seq_file *m);

/* array.c: stat, status, statm. */
int proc_pid_stat(struct seq_file *m);
int proc_pid_status(struct seq_file *m);
int proc_pid_statm(struct seq_file *m);

/* misc.c: uptime, mounts, filesystems, cpuinfo. */
int proc_misc_init(struct dentry *root);

#endif
