// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a process (Linux's kernel/exit.c): it gives back its
 * address space, files and directory, hands its children to init
 * (reparenting), and stays a zombie, with its exit status, until its
 * parent collects it with wait4(2) or waitid(2).  When the reaper is a
 * kernel thread (the kernel shell as init), orphans are not waited for
 * by anyone and reap themselves, as children of a parent that ignores
 * SIGCHLD do on Linux.
 */
#include <irqlab/errno.h>
#include <irqlab/fdtable.h>
#include <irqlab/kernel.h>
#include <irqlab/mman.h>
#include <irqlab/process.h>
#include <irqlab/signal.h>
#include <irqlab/syscalls.h>
#include <asm/switch_to.h>

DECLARE_WAIT_QUEUE_HEAD(child_wait);

static struct task_struct *child_reaper(void)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == 1)
			return p;
	return NULL;
}

/* Takes a task off the task list for good; tasklist_lock held. */
static void unlink_task(struct task_struct *p)
{
	extern unsigned int nr_threads;

	list_del(&p->tasks);
	nr_threads--;
}

/* Under tasklist_lock: gives tsk's children to the reaper. */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *reaper = child_reaper(), *child, *n;
	bool self_reap = !reaper || !reaper->mm || reaper == tsk;

	list_for_each_entry_safe(child, n, &tsk->children, sibling) {
		list_del_init(&child->sibling);
		/* prctl(PR_SET_PDEATHSIG): the child asked to hear of it. */
		if (child->pdeath_signal && !child->exit_state)
			send_sig(child->pdeath_signal, child);
		if (!self_reap) {
			child->real_parent = reaper;
			list_add_tail(&child->sibling, &reaper->children);
			continue;
		}
		child->real_parent = NULL;
		if (child->exit_state == EXIT_ZOMBIE) {
			child->exit_state = EXIT_DEAD;
			unlink_task(child);
			put_task_struct(child);
		}
	}
}

void exit_process(struct task_struct *tsk)
{
	unsigned long flags;
	bool was_process = tsk->mm || tsk->real_parent;
	struct task_struct *parent = NULL;
	struct kernel_siginfo info;

	if (tsk->clear_child_tid && tsk->mm)
		put_user(0, tsk->clear_child_tid);
	mm_release_vfork();
	exit_mm();
	if (tsk->files) {
		put_files_struct(tsk->files);
		tsk->files = NULL;
	}
	if (tsk->fs) {
		free_fs_struct(tsk->fs);
		tsk->fs = NULL;
	}
	fpu_free(tsk);

	spin_lock_irqsave(&tasklist_lock, flags);
	forget_original_parent(tsk);
	if (tsk->real_parent) {
		parent = tsk->real_parent;
		get_task_struct(parent);
		if (do_notify_parent(tsk, &info)) {
			/* The parent will not wait: reap ourselves. */
			list_del_init(&tsk->sibling);
			tsk->real_parent = NULL;
			tsk->exit_state = EXIT_DEAD;
			unlink_task(tsk);
			put_task_struct(tsk);	/* the parent's reference */
		} else {
			tsk->exit_state = EXIT_ZOMBIE;
		}
	} else if (was_process && tsk->pid != 1) {
		/* No one will wait: gone now, but for our running ref. */
		tsk->exit_state = EXIT_DEAD;
		unlink_task(tsk);
		put_task_struct(tsk);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (parent) {
		if (info.si_signo)
			send_sig_info(info.si_signo, &info, parent);
		put_task_struct(parent);
	}
	if (was_process) {
		process_exited();
		wake_up_all(&child_wait);
	}
}

static bool wait_matches(struct task_struct *p, int pid)
{
	if (pid > 0)
		return p->pid == pid;
	if (pid == -1)
		return true;
	if (pid == 0)
		return p->pgrp == current->pgrp;
	return p->pgrp == -pid;
}

struct child_status {
	int pid, status;
	u64 utime, stime;
};

/*
 * A stopped child for WUNTRACED (status 0x7f | sig << 8), a continued
 * one for WCONTINUED (0xffff), each reported once unless WNOWAIT;
 * tasklist_lock held.
 */
static bool wait_task_stopped_continued(struct task_struct *p, int options,
					struct child_status *cs)
{
	struct task_signal *s = &p->signal;
	unsigned int bit = 0;

	spin_lock(&sig_lock);
	if ((options & WUNTRACED) && (s->jobctl & JOBCTL_STOPPED) &&
	    (s->jobctl & JOBCTL_STOP_REPORT)) {
		bit = JOBCTL_STOP_REPORT;
		cs->status = 0x7f | (s->stop_sig << 8);
	} else if ((options & WCONTINUED) &&
		   (s->jobctl & JOBCTL_CONT_REPORT)) {
		bit = JOBCTL_CONT_REPORT;
		cs->status = 0xffff;
	}
	if (bit) {
		cs->pid = p->pid;
		cs->utime = p->utime;
		cs->stime = p->stime;
		if (!(options & WNOWAIT))
			s->jobctl &= ~bit;
	}
	spin_unlock(&sig_lock);
	return bit;
}

/* 1: a child collected into *cs, 0: children but none exited, -ECHILD. */
static int reap_one(int pid, int options, struct child_status *cs)
{
	struct task_struct *p, *found = NULL;
	bool any = false;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &current->children, sibling) {
		if (!wait_matches(p, pid))
			continue;
		any = true;
		if (p->exit_state == EXIT_ZOMBIE) {
			found = p;
			break;
		}
		if (wait_task_stopped_continued(p, options, cs))
			break;
	}
	if (found) {
		cs->pid = found->pid;
		cs->status = found->exit_code;
		cs->utime = found->utime;
		cs->stime = found->stime;
		if (!(options & WNOWAIT)) {
			list_del_init(&found->sibling);
			found->exit_state = EXIT_DEAD;
			unlink_task(found);
		} else {
			found = NULL;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (found)
		put_task_struct(found);	/* the parent's reference */
	if (cs->pid)
		return 1;
	return any ? 0 : -ECHILD;
}

static long do_wait(int pid, int options, struct child_status *cs)
{
	struct child_status peek;
	int r;

	for (;;) {
		r = reap_one(pid, options, cs);
		if (r)
			return r < 0 ? r : cs->pid;
		if (options & WNOHANG)
			return 0;
		/* A handler with SA_RESTART, or none, calls it again. */
		if (signal_pending(current))
			return -ERESTARTSYS;
		/* WNOWAIT only looks: a zombie to collect, or no child. */
		wait_event_interruptible(child_wait,
			(peek.pid = 0,
			 reap_one(pid, options | WNOWAIT, &peek) != 0) ||
			signal_pending(current));
	}
}

long kernel_wait4(int pid, int *status, int options)
{
	struct child_status cs = { 0 };
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	ret = do_wait(pid, options, &cs);
	if (ret > 0 && status)
		*status = cs.status;
	return ret;
}

struct rusage_prefix {		/* the head of struct rusage */
	long ru_utime_sec, ru_utime_usec, ru_stime_sec, ru_stime_usec;
};
#define RUSAGE_SIZE	144

SYSCALL_DEFINE4(wait4, int, pid, int __user *, stat_addr, int, options,
		void __user *, ru)
{
	struct child_status cs = { 0 };
	struct rusage_prefix r;
	long ret;

	if (pid == INT_MIN)
		return -ESRCH;
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	ret = do_wait(pid, options, &cs);
	if (ret <= 0)
		return ret;
	if (stat_addr && put_user(cs.status, stat_addr))
		return -EFAULT;
	if (ru) {
		r.ru_utime_sec = cs.utime / 1000000000;
		r.ru_utime_usec = cs.utime % 1000000000 / 1000;
		r.ru_stime_sec = cs.stime / 1000000000;
		r.ru_stime_usec = cs.stime % 1000000000 / 1000;
		if (clear_user(ru, RUSAGE_SIZE) ||
		    copy_to_user(ru, &r, sizeof(r)))
			return -EFAULT;
	}
	return ret;
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

#define P_ALL		0
#define P_PID		1
#define P_PGID		2
#define CLD_EXITED	1
#define CLD_KILLED	2

/* The head of siginfo_t for SIGCHLD, Linux's x86_64 layout. */
struct waitid_info {
	int si_signo, si_errno, si_code, _pad;
	int si_pid, si_uid, si_status;
};

SYSCALL_DEFINE5(waitid, int, which, int, upid, void __user *, infop,
		int, options, void __user *, ru)
{
	struct child_status cs = { 0 };
	struct waitid_info info = { 0 };
	long ret;
	int pid;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WUNTRACED |
			WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WUNTRACED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		pid = -1;
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		pid = upid;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		pid = upid ? -upid : 0;
		break;
	default:
		return -EINVAL;
	}
	ret = do_wait(pid, options, &cs);
	if (ret < 0)
		return ret;
	if (ret > 0) {
		info.si_signo = SIGCHLD;
		info.si_pid = cs.pid;
		if (cs.status & 0x7f) {
			info.si_code = CLD_KILLED;
			info.si_status = cs.status & 0x7f;
		} else {
			info.si_code = CLD_EXITED;
			info.si_status = (cs.status >> 8) & 0xff;
		}
	}
	if (infop && (clear_user(infop, 128) ||
		      copy_to_user(infop, &info, sizeof(info))))
		return -EFAULT;
	if (ru && clear_user(ru, RUSAGE_SIZE))
		return -EFAULT;
	return 0;
}
