// SPDX-License-Identifier: GPL-2.0
/*
 * /proc's root directory, /proc/self and /proc/PID/ (Linux's
 * fs/proc/root.c, base.c, self.c).
 *
 * The root's fixed names are dentries made at boot.  A PID directory is
 * made by the root's lookup when something names it (the dentry tree
 * keeps what it made: there is no eviction), with its files in it; the
 * root's readdir lists the fixed names, then every task but the idle
 * ones, by pid, from the task list.  PIDs are never reused, so a
 * directory left from a task that is gone names no other: its files
 * fail with ESRCH, and the directory is pruned at the next lookup of a
 * new PID or readdir of /proc.
 */
#include "internal.h"
#include <irqlab/fdtable.h>
#include <irqlab/mm_types.h>
#include <irqlab/mman.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/spinlock.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <uapi/linux/dirent.h>

/* Where the PIDs start among the root's readdir positions. */
#define PROC_PID_POS	0x10000

/* A task /proc lists: not an idle task, not already reaped. */
static bool proc_task_visible(const struct task_struct *p)
{
	return p->pid > 0 && !(p->flags & PF_IDLE) &&
	       READ_ONCE(p->exit_state) != EXIT_DEAD;
}

static struct task_struct *proc_find_task(int pid)
{
	struct task_struct *p = pid > 0 ? find_get_task_by_vpid(pid) : NULL;

	if (p && !proc_task_visible(p)) {
		put_task_struct(p);
		p = NULL;
	}
	return p;
}

struct task_struct *proc_get_task(struct seq_file *m)
{
	const struct proc_inode *pi = m->private;

	return proc_find_task(pi->pid);
}

/* ---- /proc/PID/cmdline, comm ------------------------------------------ */

/*
 * Copies [addr, addr + len) of mm's memory into m, page by page through
 * its page tables and the direct map (never by loading its CR3); stops
 * at a page that is not present.
 */
static void seq_copy_mm(struct seq_file *m, struct mm_struct *mm,
			unsigned long addr, unsigned long len)
{
	mutex_lock(&mm->mmap_lock);
	while (len) {
		unsigned long off = addr & ~PAGE_MASK;
		unsigned long n = PAGE_SIZE - off;
		u64 *pte = user_pte(mm->pgd, addr & PAGE_MASK);

		if (!pte)
			break;
		if (n > len)
			n = len;
		seq_write(m, (char *)__va(*pte & PTE_PFN_MASK) + off, n);
		addr += n;
		len -= n;
	}
	mutex_unlock(&mm->mmap_lock);
}

/*
 * The task's mm, with a reference (mmput), or NULL: a kernel thread, or
 * one exiting.  Linux takes task_lock() against exit_mm() and exec;
 * irqlab has none yet, so this narrows the window but does not close
 * it (docs/fs.md).
 */
static struct mm_struct *proc_get_task_mm(struct task_struct *p)
{
	struct mm_struct *mm = READ_ONCE(p->mm);

	if (!mm || (READ_ONCE(p->flags) & (PF_EXITING | PF_KTHREAD)) ||
	    p->exit_state)
		return NULL;
	atomic_inc(&mm->mm_users);
	return mm;
}

static int proc_pid_cmdline(struct seq_file *m)
{
	struct task_struct *p = proc_get_task(m);
	struct mm_struct *mm;

	if (!p)
		return -ESRCH;
	mm = proc_get_task_mm(p);
	if (mm) {
		if (mm->arg_end > mm->arg_start)
			seq_copy_mm(m, mm, mm->arg_start,
				    mm->arg_end - mm->arg_start);
		mmput(mm);
	}
	put_task_struct(p);
	return 0;
}

static int proc_pid_comm(struct seq_file *m)
{
	struct task_struct *p = proc_get_task(m);
	char comm[TASK_COMM_LEN];

	if (!p)
		return -ESRCH;
	memcpy(comm, p->comm, TASK_COMM_LEN);
	comm[TASK_COMM_LEN - 1] = '\0';
	seq_printf(m, "%s\n", comm);
	put_task_struct(p);
	return 0;
}

static const struct {
	const char *name;
	int (*show)(struct seq_file *m);
} pid_files[] = {
	{ "cmdline", proc_pid_cmdline },
	{ "comm", proc_pid_comm },
	{ "stat", proc_pid_stat },
	{ "statm", proc_pid_statm },
	{ "status", proc_pid_status },
};

/* ---- the root ---------------------------------------------------------- */

static bool proc_is_pid_dir(const struct dentry *d)
{
	return d->d_inode && S_ISDIR(d->d_inode->i_mode) &&
	       d->d_inode->i_private && PROC_I(d->d_inode)->pid > 0;
}

/* Takes the directories of tasks that are gone out of the tree; locked. */
static void proc_prune_pids(struct dentry *root)
{
	struct dentry *d, *n, *c, *cn;

	list_for_each_entry_safe(d, n, &root->d_subdirs, d_child) {
		struct task_struct *p;

		if (!proc_is_pid_dir(d))
			continue;
		p = proc_find_task(PROC_I(d->d_inode)->pid);
		if (p) {
			put_task_struct(p);
			continue;
		}
		list_for_each_entry_safe(c, cn, &d->d_subdirs, d_child)
			d_delete(c);
		d_delete(d);
	}
}

/* name as a PID: decimal, no sign, no leading zero (Linux's name_to_int). */
static int proc_name_to_pid(const char *name, unsigned int len)
{
	unsigned int i;
	int pid = 0;

	if (!len || len > 9 || (len > 1 && name[0] == '0'))
		return -1;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		pid = pid * 10 + name[i] - '0';
	}
	return pid;
}

static int proc_root_lookup(struct inode *dir, struct dentry *dentry)
{
	int pid = proc_name_to_pid(dentry->d_name, dentry->d_name_len);
	struct task_struct *p;
	struct proc_inode *pi;
	struct inode *inode;
	unsigned int i;

	if (pid <= 0)
		return 0;	/* ENOENT */
	p = proc_find_task(pid);
	if (!p)
		return 0;
	put_task_struct(p);
	proc_prune_pids(dentry->d_parent);

	inode = proc_new_inode(dir->i_sb, S_IFDIR | 0555);
	pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	if (!inode || !pi) {
		iput(inode);
		kfree(pi);
		return -ENOMEM;
	}
	pi->pid = pid;
	inode->i_private = pi;
	d_add(dentry, inode);
	for (i = 0; i < ARRAY_SIZE(pid_files); i++) {
		int err = proc_create(dentry, pid_files[i].name,
				      S_IFREG | 0444, pid_files[i].show,
				      NULL, pid, NULL);

		if (err)
			return err;
	}
	return 0;
}

/* The smallest visible tgid >= from, or 0. */
static int proc_next_pid(int from)
{
	struct task_struct *p;
	unsigned long flags;
	int best = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (proc_task_visible(p) && p->tgid == p->pid &&
		    p->pid >= from && (!best || p->pid < best))
			best = p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/*
 * Positions: 0 ".", 1 "..", 2 + i the i-th fixed name, PROC_PID_POS +
 * pid each task's directory, so a resumed getdents64 goes on in order.
 */
static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *child;
	char name[16];
	loff_t i = 2;
	int pid;

	mutex_lock(&dcache_lock);
	proc_prune_pids(dir);
	if (!dir_emit_dots(dir, ctx))
		goto out;
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		struct inode *inode = child->d_inode;

		if (!inode || proc_is_pid_dir(child))
			continue;
		if (i++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, child->d_name, child->d_name_len,
			      inode->i_ino, fs_umode_to_dtype(inode->i_mode)))
			goto out;
		ctx->pos = i;
	}
	mutex_unlock(&dcache_lock);
	if (ctx->pos < PROC_PID_POS)
		ctx->pos = PROC_PID_POS;
	while ((pid = proc_next_pid(ctx->pos - PROC_PID_POS))) {
		int len = snprintf(name, sizeof(name), "%d", pid);

		ctx->pos = PROC_PID_POS + pid;
		if (!dir_emit(ctx, name, len, PROC_PID_POS + pid, DT_DIR))
			return 0;
		ctx->pos = PROC_PID_POS + pid + 1;
	}
	return 0;
out:
	mutex_unlock(&dcache_lock);
	return 0;
}

const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

const struct file_operations proc_root_operations = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = proc_root_readdir,
};

/* ---- /proc/self --------------------------------------------------------- */

/*
 * The link's target is the reader's pid, as a string that must outlive
 * the lookup: one per pid that ever asked, kept (a few bytes each).
 */
struct self_name {
	struct self_name *next;
	int pid;
	char name[12];
};
static struct self_name *self_names;
static DEFINE_SPINLOCK(self_names_lock);

static const char *proc_self_get_link(struct dentry *dentry,
				      struct inode *inode)
{
	int pid = current->tgid;
	struct self_name *s, *n;
	unsigned long flags;

	if (pid <= 0)
		return "";	/* an idle task has no /proc/PID: ENOENT */
	spin_lock_irqsave(&self_names_lock, flags);
	for (s = self_names; s; s = s->next)
		if (s->pid == pid)
			break;
	spin_unlock_irqrestore(&self_names_lock, flags);
	if (s)
		return s->name;
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return NULL;
	n->pid = pid;
	snprintf(n->name, sizeof(n->name), "%d", pid);
	spin_lock_irqsave(&self_names_lock, flags);
	for (s = self_names; s; s = s->next)
		if (s->pid == pid)
			break;
	if (!s) {
		n->next = self_names;
		self_names = n;
		s = n;
		n = NULL;
	}
	spin_unlock_irqrestore(&self_names_lock, flags);
	kfree(n);
	return s->name;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};

int proc_base_init(struct dentry *root)
{
	struct inode *inode = proc_new_inode(root->d_sb, S_IFLNK | 0777);
	struct dentry *d = d_alloc(root, "self", 4);

	if (!inode || !d) {
		iput(inode);
		if (d) {
			d_delete(d);
			dput(d);
		}
		return -ENOMEM;
	}
	inode->i_op = &proc_self_inode_operations;
	d_instantiate(d, inode);
	dput(d);
	return 0;
}
