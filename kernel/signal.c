// SPDX-License-Identifier: GPL-2.0
/*
 * Signals with their default actions only (Linux's kernel/signal.c
 * sig_kernel_ignore() and friends): the terminating ones end the process
 * when it next returns to user mode, the ignored ones are dropped when
 * sent.  kill(2) and tgkill(2) send them.
 */
#include <irqlab/errno.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/syscalls.h>

#define sigmask(sig)	(1ULL << ((sig) - 1))
/* Default action "ignore": SIGCHLD, SIGURG, SIGWINCH; SIGCONT resumes. */
#define SIG_KERNEL_IGNORE_MASK						\
	(sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) |	\
	 sigmask(SIGCONT))
/* Default action "stop": not yet, so they are kept pending unused. */
#define SIG_KERNEL_STOP_MASK						\
	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) |	\
	 sigmask(SIGTTOU))

int send_sig(int sig, struct task_struct *p)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (sigmask(sig) & SIG_KERNEL_IGNORE_MASK)
		return 0;
	/* Kernel threads ignore signals, as Linux's do by default. */
	if (!p->mm && !(p->flags & PF_EXITING) && (p->flags & PF_KTHREAD))
		return 0;
	__atomic_or_fetch(&p->pending, sigmask(sig), __ATOMIC_SEQ_CST);
	wake_up_state(p, TASK_INTERRUPTIBLE);
	return 0;
}

void force_sig(int sig)
{
	__atomic_or_fetch(&current->pending, sigmask(sig), __ATOMIC_SEQ_CST);
}

int get_fatal_signal(void)
{
	u64 pending = READ_ONCE(current->pending) & ~SIG_KERNEL_STOP_MASK;
	int sig;

	if (!pending)
		return 0;
	/* SIGKILL first, then the lowest number, as Linux's next_signal. */
	if (pending & sigmask(SIGKILL))
		return SIGKILL;
	for (sig = 1; sig <= _NSIG; sig++)
		if (pending & sigmask(sig))
			return sig;
	return 0;
}

static int kill_one(struct task_struct *p, int sig)
{
	/* Signal 0 only checks that the process exists. */
	if (!p->mm && (p->flags & PF_KTHREAD) && p->pid == 1)
		return -EPERM;
	return sig ? send_sig(sig, p) : 0;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH, r;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		p = find_get_task_by_vpid(pid);
		if (!p || p->exit_state) {
			if (p)
				put_task_struct(p);
			return -ESRCH;
		}
		ret = kill_one(p, sig);
		put_task_struct(p);
		return ret;
	}
	/* 0: the caller's group, -1: every process but init and itself,
	 * -N: group N. */
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (!p->mm || p->exit_state)
			continue;
		if (pid == 0 && p->pgrp != current->pgrp)
			continue;
		if (pid == -1 && (p->pid == 1 || p == current))
			continue;
		if (pid < -1 && p->pgrp != -pid)
			continue;
		r = kill_one(p, sig);
		if (ret)
			ret = r;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE3(tgkill, int, tgid, int, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	if (tgid != pid)
		return -ESRCH;
	return __do_sys_kill(pid, sig);
}

SYSCALL_DEFINE2(tkill, int, pid, int, sig)
{
	if (pid <= 0)
		return -EINVAL;
	return __do_sys_kill(pid, sig);
}
