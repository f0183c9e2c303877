// SPDX-License-Identifier: GPL-2.0
/*
 * Sending signals, and the system calls on masks and actions (Linux's
 * kernel/signal.c).  A task's state is task_struct.signal, under
 * sig_lock: the pending set with one siginfo per pending number (a
 * second of the same number while one is pending is dropped, real-time
 * ones too), the blocked mask, the 64 actions, the alternate stack and
 * the job-control state.  Sending (send_signal_locked) follows Linux's
 * prepare_signal: a stop signal discards a pending SIGCONT, SIGCONT
 * discards pending stops and wakes a stopped task even if it blocks or
 * ignores SIGCONT, and a signal that would be ignored is dropped unless
 * it is blocked.  init (pid 1) gets only the signals it has handlers
 * for, as Linux's SIGNAL_UNKILLABLE.  Delivery is in signal_deliver.c.
 * Everyone is root (kernel/sys.c), so kill(2) may signal any process;
 * kernel threads ignore signals, and init as the kernel shell refuses
 * them (EPERM).
 */
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/process.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include "signal_internal.h"

DEFINE_SPINLOCK(sig_lock);

bool sig_kernel_ignore(int sig)
{
	return sig <= 31 && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK);
}

/* Linux's sig_task_ignored + sig_ignored; sig_lock held. */
static bool sig_ignored(struct task_struct *p, int sig, bool force)
{
	unsigned long handler = p->signal.action[sig - 1].sa_handler;

	/*
	 * A blocked signal stays, even for init: it may be unblocked or
	 * waited for (busybox init blocks SIGUSR2, poweroff's, and takes it
	 * with sigtimedwait).
	 */
	if ((p->signal.blocked | p->signal.real_blocked) & sigmask(sig))
		return false;
	if (p->pid == 1 && handler == SIG_DFL && !force)
		return true;
	return handler == SIG_IGN ||
	       (handler == SIG_DFL && sig_kernel_ignore(sig));
}

static void notify_parent_cldstop(struct task_struct *tsk, int why, int sig);

/* Linux's send_signal_locked with prepare_signal; sig_lock held.
 * *cont: the task was stopped and SIGCONT went on, tell its parent. */
static int send_signal_locked(int sig, const struct kernel_siginfo *info,
			      struct task_struct *p, bool force, bool *cont)
{
	struct task_signal *s = &p->signal;

	if (p->exit_state || (p->flags & PF_EXITING))
		return 0;
	if (sigmask(sig) & SIG_KERNEL_STOP_MASK) {
		s->pending &= ~sigmask(SIGCONT);
	} else if (sig == SIGCONT) {
		s->pending &= ~SIG_KERNEL_STOP_MASK;
		if (s->jobctl & JOBCTL_STOPPED) {
			s->jobctl = (s->jobctl & ~(JOBCTL_STOPPED |
						   JOBCTL_STOP_REPORT)) |
				    JOBCTL_CONT_REPORT;
			*cont = true;
			wake_up_state(p, TASK_STOPPED);
		}
	}
	if (sig_ignored(p, sig, force))
		return 0;
	if (!(s->pending & sigmask(sig))) {
		s->pending |= sigmask(sig);
		if (info) {
			s->info[sig - 1] = *info;
		} else {
			memset(&s->info[sig - 1], 0, sizeof(s->info[0]));
			s->info[sig - 1].si_code = SI_KERNEL;
		}
		s->info[sig - 1].si_signo = sig;
	}
	if (sig == SIGKILL)
		wake_up_state(p, TASK_STOPPED | TASK_INTERRUPTIBLE);
	else if (!(s->blocked & sigmask(sig)))
		wake_up_state(p, TASK_INTERRUPTIBLE);
	return 0;
}

static int do_send_sig(int sig, const struct kernel_siginfo *info,
		       struct task_struct *p, bool force)
{
	unsigned long flags;
	bool cont = false;
	int ret;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	/* Kernel threads ignore signals, as Linux's do by default. */
	if (!p->mm && !(p->flags & PF_EXITING) && (p->flags & PF_KTHREAD))
		return 0;
	spin_lock_irqsave(&sig_lock, flags);
	ret = send_signal_locked(sig, info, p, force, &cont);
	spin_unlock_irqrestore(&sig_lock, flags);
	if (cont)
		notify_parent_cldstop(p, CLD_CONTINUED, SIGCONT);
	return ret;
}

int send_sig_info(int sig, const struct kernel_siginfo *info,
		  struct task_struct *p)
{
	return do_send_sig(sig, info, p, false);
}

int send_sig(int sig, struct task_struct *p)
{
	return do_send_sig(sig, NULL, p, true);
}

/*
 * Linux's force_sig_info_to_task: a fault the program cannot escape.
 * Blocked or ignored, the action goes back to SIG_DFL and the signal is
 * unblocked, so the fault kills.
 */
void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct task_struct *p = current;
	struct task_signal *s = &p->signal;
	struct kernel_siginfo info = {
		.si_signo = sig, .si_code = code, .si_addr = addr,
	};
	unsigned long flags;
	bool cont = false;

	spin_lock_irqsave(&sig_lock, flags);
	if (s->action[sig - 1].sa_handler == SIG_IGN ||
	    (s->blocked & sigmask(sig))) {
		s->action[sig - 1].sa_handler = SIG_DFL;
		s->blocked &= ~sigmask(sig);
	}
	send_signal_locked(sig, &info, p, true, &cont);
	spin_unlock_irqrestore(&sig_lock, flags);
}

void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, 0);
}

static void notify_parent_cldstop(struct task_struct *tsk, int why, int sig)
{
	struct kernel_siginfo info = {
		.si_signo = SIGCHLD, .si_code = why, .si_pid = tsk->pid,
		.si_status = sig,
	};
	struct task_struct *parent;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	parent = tsk->real_parent;
	if (parent)
		get_task_struct(parent);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!parent)
		return;
	info.si_utime = tsk->utime / 10000000;	/* clock ticks, 100 Hz */
	info.si_stime = tsk->stime / 10000000;
	if (!(READ_ONCE(parent->signal.action[SIGCHLD - 1].sa_flags) &
	      SA_NOCLDSTOP))
		do_send_sig(SIGCHLD, &info, parent, false);
	put_task_struct(parent);
	wake_up_all(&child_wait);
}

void do_notify_parent_cldstop(struct task_struct *tsk, int why, int sig)
{
	notify_parent_cldstop(tsk, why, sig);
}

/*
 * exit_process, tasklist_lock held: SIGCHLD (exit_signal) to the
 * parent with how the child ended.  A parent that ignores SIGCHLD or set
 * SA_NOCLDWAIT will never wait: the child reaps itself (Linux).
 */
bool do_notify_parent(struct task_struct *tsk, struct kernel_siginfo *info)
{
	struct task_struct *parent = tsk->real_parent;
	const struct k_sigaction *ka = &parent->signal.action[SIGCHLD - 1];
	int code = tsk->exit_code;
	bool autoreap = false;

	memset(info, 0, sizeof(*info));
	info->si_signo = tsk->exit_signal;
	info->si_pid = tsk->pid;
	info->si_utime = tsk->utime / 10000000;
	info->si_stime = tsk->stime / 10000000;
	if (code & 0x7f) {
		info->si_code = (code & 0x80) ? CLD_DUMPED : CLD_KILLED;
		info->si_status = code & 0x7f;
	} else {
		info->si_code = CLD_EXITED;
		info->si_status = (code >> 8) & 0xff;
	}
	if (tsk->exit_signal == SIGCHLD &&
	    (ka->sa_handler == SIG_IGN || (ka->sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (ka->sa_handler == SIG_IGN)
			info->si_signo = 0;	/* not sent */
	}
	return autoreap;
}

void copy_signal_state(struct task_struct *p, struct task_struct *parent)
{
	unsigned long flags;

	spin_lock_irqsave(&sig_lock, flags);
	memcpy(p->signal.action, parent->signal.action,
	       sizeof(p->signal.action));
	p->signal.blocked = parent->signal.blocked;
	p->signal.pending = 0;
	p->signal.jobctl = 0;
	p->signal.restore_sigmask = false;
	p->signal.sas_ss_sp = parent->signal.sas_ss_sp;
	p->signal.sas_ss_size = parent->signal.sas_ss_size;
	p->signal.sas_ss_flags = parent->signal.sas_ss_flags;
	spin_unlock_irqrestore(&sig_lock, flags);
}

void flush_signal_handlers(struct task_struct *p)
{
	unsigned long flags;
	int i;

	spin_lock_irqsave(&sig_lock, flags);
	for (i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &p->signal.action[i];

		if (ka->sa_handler != SIG_IGN)
			ka->sa_handler = SIG_DFL;
		ka->sa_flags = 0;
		ka->sa_restorer = 0;
		ka->sa_mask = 0;
	}
	p->signal.sas_ss_sp = 0;
	p->signal.sas_ss_size = 0;
	p->signal.sas_ss_flags = 0;
	spin_unlock_irqrestore(&sig_lock, flags);
}

/* ---- kill(2) and friends -------------------------------------------- */

static int kill_one(struct task_struct *p, int sig,
		    const struct kernel_siginfo *info)
{
	/* The kernel shell as init refuses; other kernel threads ignore. */
	if (!p->mm && (p->flags & PF_KTHREAD) && p->pid == 1)
		return -EPERM;
	/* Signal 0 only checks that the process exists. */
	return sig ? send_sig_info(sig, info, p) : 0;
}

static void user_info(struct kernel_siginfo *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->si_pid = current->mm ? current->pid : 0;
	info->si_uid = 0;
}

static int kill_pgrp_info(int pgrp, int sig, const struct kernel_siginfo *info)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH, err;
	bool success = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if ((p->flags & PF_KTHREAD) || p->exit_state || p->pgrp != pgrp)
			continue;
		err = kill_one(p, sig, info);
		success |= !err;
		ret = err;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return success ? 0 : ret;
}

int kill_pgrp(int pgrp, int sig, int priv)
{
	struct kernel_siginfo info;

	if (sig < 0 || sig > _NSIG || pgrp <= 0)
		return -EINVAL;
	if (priv) {
		memset(&info, 0, sizeof(info));
		info.si_signo = sig;
		info.si_code = SI_KERNEL;
	} else {
		user_info(&info, sig, SI_USER);
	}
	return kill_pgrp_info(pgrp, sig, &info);
}

static int kill_pid_info(int pid, int sig, const struct kernel_siginfo *info)
{
	struct task_struct *p = find_get_task_by_vpid(pid);
	int ret;

	if (!p || p->exit_state || (!p->mm && !(p->flags & PF_KTHREAD))) {
		if (p)
			put_task_struct(p);
		return -ESRCH;
	}
	ret = kill_one(p, sig, info);
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	struct kernel_siginfo info;
	struct task_struct *p;
	unsigned long flags;
	int ret = 0, err, count = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	user_info(&info, sig, SI_USER);
	if (pid > 0)
		return kill_pid_info(pid, sig, &info);
	if (pid == 0)
		return kill_pgrp_info(current->pgrp, sig, &info);
	if (pid < -1)
		return kill_pgrp_info(-pid, sig, &info);
	/* -1: every process but init and the caller (Linux's count). */
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (!p->mm || p->exit_state || p->pid <= 1 || p == current)
			continue;
		err = kill_one(p, sig, &info);
		count++;
		if (err != -EPERM)
			ret = err;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return count ? ret : -ESRCH;
}

SYSCALL_DEFINE3(tgkill, int, tgid, int, pid, int, sig)
{
	struct kernel_siginfo info;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (tgid != pid)
		return -ESRCH;
	user_info(&info, sig, SI_TKILL);
	return kill_pid_info(pid, sig, &info);
}

SYSCALL_DEFINE2(tkill, int, pid, int, sig)
{
	struct kernel_siginfo info;

	if (pid <= 0)
		return -EINVAL;
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	user_info(&info, sig, SI_TKILL);
	return kill_pid_info(pid, sig, &info);
}

/* ---- masks and actions ---------------------------------------------- */

/* Linux's set_current_blocked: KILL and STOP are never blocked. */
void set_current_blocked(sigset_t set)
{
	unsigned long flags;

	spin_lock_irqsave(&sig_lock, flags);
	current->signal.blocked = set & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	spin_unlock_irqrestore(&sig_lock, flags);
}

SYSCALL_DEFINE4(rt_sigaction, int, sig,
		const struct k_sigaction __user *, act,
		struct k_sigaction __user *, oact, size_t, sigsetsize)
{
	struct task_signal *s = &current->signal;
	struct k_sigaction new, old;
	unsigned long flags;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	spin_lock_irqsave(&sig_lock, flags);
	old = s->action[sig - 1];
	if (act) {
		new.sa_mask &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
		/* Bits the kernel does not know are cleared (Linux's
		 * SA_UNSUPPORTED probe sees them gone). */
		new.sa_flags &= ~(unsigned long)SA_UNSUPPORTED;
		s->action[sig - 1] = new;
		/* POSIX: setting SIG_IGN (or a default of ignore) discards
		 * the pending one (Linux's do_sigaction). */
		if (new.sa_handler == SIG_IGN ||
		    (new.sa_handler == SIG_DFL && sig_kernel_ignore(sig)))
			s->pending &= ~sigmask(sig);
	}
	spin_unlock_irqrestore(&sig_lock, flags);
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->signal.blocked, set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			set |= old;
			break;
		case SIG_UNBLOCK:
			set = old & ~set;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(set);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	set = READ_ONCE(current->signal.pending) &
	      READ_ONCE(current->signal.blocked);
	return copy_to_user(uset, &set, sizeof(set)) ? -EFAULT : 0;
}

/* ---- the alternate stack -------------------------------------------- */

bool on_sig_stack(unsigned long sp)
{
	struct task_signal *s = &current->signal;

	if (s->sas_ss_flags & SS_AUTODISARM)
		return false;
	return sp > s->sas_ss_sp && sp - s->sas_ss_sp <= s->sas_ss_size;
}

int sas_ss_flags(unsigned long sp)
{
	if (!current->signal.sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/* Linux's do_sigaltstack. */
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_signal *s = &current->signal;
	int mode;

	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = s->sas_ss_sp;
		oss->ss_size = s->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | s->sas_ss_flags;
	}
	if (!ss)
		return 0;
	if (on_sig_stack(sp))
		return -EPERM;
	mode = ss->ss_flags & ~SS_AUTODISARM;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		s->sas_ss_sp = 0;
		s->sas_ss_size = 0;
		s->sas_ss_flags = 0;
		return 0;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	s->sas_ss_sp = ss->ss_sp;
	s->sas_ss_size = ss->ss_size;
	s->sas_ss_flags = ss->ss_flags & SS_AUTODISARM;
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int ret;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	ret = do_sigaltstack(uss ? &new : NULL, &old, current_pt_regs()->sp);
	if (!ret && uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}
