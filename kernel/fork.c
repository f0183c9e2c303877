// SPDX-License-Identifier: GPL-2.0
/*
 * fork(2), vfork(2) and clone(2) for processes (Linux's kernel/fork.c):
 * the child gets a copy of the parent's address space (every page copied
 * now: there is no copy-on-write yet), its open files and working
 * directory, its scheduling parameters and affinity, and returns 0 from
 * the same call.  Threads (CLONE_VM without CLONE_VFORK, CLONE_THREAD)
 * are not supported: -EINVAL.  A vfork child runs on a copy too, which
 * POSIX allows; the parent still waits until it has exec'd or exited,
 * as vfork promises.
 */
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <irqlab/errno.h>
#include <irqlab/fdtable.h>
#include <irqlab/kernel.h>
#include <irqlab/mman.h>
#include <irqlab/process.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include <irqlab/wait.h>

#define CSIGNAL		0x000000ff
#define CLONE_VM	0x00000100
#define CLONE_FS	0x00000200
#define CLONE_FILES	0x00000400
#define CLONE_SIGHAND	0x00000800
#define CLONE_VFORK	0x00004000
#define CLONE_THREAD	0x00010000
#define CLONE_SETTLS	0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000

/* Linux's default RLIMIT_NPROC is about half the pages / 8; a fixed
 * limit keeps a fork bomb from taking every page. */
#define MAX_USER_PROCESSES	512

static int nr_processes;

/* Drops what a half-made child has (its task is not yet running). */
static void free_child(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
	if (p->files)
		put_files_struct(p->files);
	if (p->fs)
		free_fs_struct(p->fs);
	fpu_free(p);
	p->mm = NULL;
	p->files = NULL;
	p->fs = NULL;
	release_new_task(p);
}

void link_child(struct task_struct *p)
{
	struct task_struct *parent = current;
	unsigned long irqflags;

	/* The parent's reference, dropped when it reaps the child. */
	get_task_struct(p);
	spin_lock_irqsave(&tasklist_lock, irqflags);
	p->pgrp = parent->pgrp;
	p->session = parent->session;
	p->real_parent = parent;
	list_add_tail(&p->sibling, &parent->children);
	nr_processes++;
	spin_unlock_irqrestore(&tasklist_lock, irqflags);
}

static long do_fork(unsigned long flags, unsigned long newsp,
		    unsigned long tls, int __user *parent_tid,
		    int __user *child_tid)
{
	struct task_struct *parent = current, *p;
	long pid;

	if ((flags & CLONE_THREAD) ||
	    ((flags & CLONE_VM) && !(flags & CLONE_VFORK)))
		return -EINVAL;
	if (READ_ONCE(nr_processes) >= MAX_USER_PROCESSES)
		return -EAGAIN;
	p = create_task(NULL, NULL, parent->comm);
	if (!p)
		return -ENOMEM;
	p->flags &= ~PF_KTHREAD;
	p->mm = dup_mm(parent->mm);
	p->files = dup_fd(parent->files);
	p->fs = copy_fs_struct(parent->fs);
	if (!p->mm || !p->files || !p->fs ||
	    copy_thread_user(p, current_pt_regs())) {
		free_child(p);
		return -ENOMEM;
	}
	if (flags & CLONE_SETTLS)
		p->thread.fsbase = tls;
	/* A new stack for the child (glibc's posix_spawn gives one). */
	if (newsp)
		task_pt_regs(p)->sp = newsp;
	p->exit_signal = flags & CSIGNAL;
	copy_signal_state(p, parent);
	set_user_nice(p, task_nice(parent));
	if (parent->policy == SCHED_FIFO) {
		struct sched_param sp = { parent->rt_priority };

		sched_setscheduler_nocheck(p, SCHED_FIFO, &sp);
	}
	set_cpus_allowed_ptr(p, parent->cpus_mask);

	pid = p->pid;
	link_child(p);

	if (flags & CLONE_PARENT_SETTID)
		put_user((int)pid, parent_tid);
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tid;
	if (flags & CLONE_VFORK)
		p->vfork_parent = parent;
	wake_up_process(p);
	if (flags & CLONE_VFORK)
		wait_event(child_wait, !READ_ONCE(p->vfork_parent));
	return pid;
}

void process_exited(void)
{
	unsigned long irqflags;

	spin_lock_irqsave(&tasklist_lock, irqflags);
	nr_processes--;
	spin_unlock_irqrestore(&tasklist_lock, irqflags);
}

SYSCALL_DEFINE0(fork)
{
	return do_fork(SIGCHLD, 0, 0, NULL, NULL);
}

SYSCALL_DEFINE0(vfork)
{
	return do_fork(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, 0, NULL, NULL);
}

/* x86_64's argument order: flags, stack, parent_tid, child_tid, tls. */
SYSCALL_DEFINE5(clone, unsigned long, flags, unsigned long, newsp,
		int __user *, parent_tid, int __user *, child_tid,
		unsigned long, tls)
{
	return do_fork(flags, newsp, tls, parent_tid, child_tid);
}

/* schedule_tail(), in a new process before it first returns to user. */
void fork_child_started(void)
{
	struct task_struct *p = current;

	if (p->set_child_tid) {
		put_user(p->pid, p->set_child_tid);
		p->set_child_tid = NULL;
	}
}

/* A vfork child that exec'd or exited lets its parent go on. */
void mm_release_vfork(void)
{
	if (current->vfork_parent) {
		WRITE_ONCE(current->vfork_parent, NULL);
		wake_up_all(&child_wait);
	}
}
