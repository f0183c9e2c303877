// SPDX-License-Identifier: GPL-2.0
/*
 * Delivering signals on the way back to user mode (Linux's
 * arch_do_signal_or_restart, get_signal and handle_signal), and the
 * system calls that wait for one or return from a handler.
 *
 * exit_to_user_mode() (kernel/entry.c) calls arch_do_signal_or_restart()
 * while a signal is pending and unblocked.  get_signal() takes the next
 * one (SIGKILL first, then a synchronous fault, then the lowest number)
 * and does its default action: ignore, stop (until SIGCONT or SIGKILL),
 * or end the process with the signal as its wait status ("core" ones
 * too: no core file is written, so WCOREDUMP stays clear).  A handler
 * gets Linux's rt signal frame (arch/x86_64/signal.c) on the user
 * stack, or the alternate one with SA_ONSTACK, and sa_mask plus the
 * signal itself (unless SA_NODEFER) blocked while it runs.
 *
 * Restarting: a sleeping call that a signal interrupted returns
 * -ERESTARTSYS (wait4), -ERESTARTNOHAND (pause, rt_sigsuspend) or
 * -ERESTART_RESTARTBLOCK (nanosleep).  With a handler to run, ERESTARTSYS
 * restarts only under SA_RESTART, the others become -EINTR and
 * ERESTARTNOINTR always restarts; with none (ignored, or a stop and a
 * continue) every one restarts: ip back over the SYSCALL instruction,
 * ax the number again (restart_syscall(2) for RESTARTBLOCK, which goes
 * on with the rest of the sleep).
 */
#include <asm/ptrace.h>
#include <irqlab/errno.h>
#include <irqlab/jiffies.h>
#include <irqlab/kernel.h>
#include <irqlab/process.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include "signal_internal.h"

#define __NR_restart_syscall	219

static int next_signal(sigset_t pending, sigset_t blocked)
{
	sigset_t x = pending & ~blocked;

	if (!x)
		return 0;
	if (x & sigmask(SIGKILL))
		return SIGKILL;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzll(x) + 1;
}

/*
 * Stopped (Linux's do_signal_stop, one thread per process): the parent
 * hears CLD_STOPPED, wait4(WUNTRACED) can report it, and the task
 * sleeps in TASK_STOPPED until SIGCONT (or SIGKILL) wakes it.
 * Called with sig_lock held; drops it.
 */
static void do_signal_stop(int sig, unsigned long flags)
{
	struct task_signal *s = &current->signal;

	s->jobctl = (s->jobctl & ~JOBCTL_CONT_REPORT) | JOBCTL_STOPPED |
		    JOBCTL_STOP_REPORT;
	s->stop_sig = sig;
	spin_unlock_irqrestore(&sig_lock, flags);
	do_notify_parent_cldstop(current, CLD_STOPPED, sig);
	for (;;) {
		spin_lock_irqsave(&sig_lock, flags);
		if (!(s->jobctl & JOBCTL_STOPPED) ||
		    (s->pending & sigmask(SIGKILL))) {
			spin_unlock_irqrestore(&sig_lock, flags);
			break;
		}
		set_current_state(TASK_STOPPED);
		spin_unlock_irqrestore(&sig_lock, flags);
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* The next signal with a handler (its action in *ka), or 0; default
 * actions are done here and a fatal one does not return. */
static int get_signal(struct kernel_siginfo *info, struct k_sigaction *ka)
{
	struct task_signal *s = &current->signal;
	unsigned long flags;
	int sig;

	for (;;) {
		spin_lock_irqsave(&sig_lock, flags);
		sig = next_signal(s->pending, s->blocked);
		if (!sig) {
			spin_unlock_irqrestore(&sig_lock, flags);
			return 0;
		}
		s->pending &= ~sigmask(sig);
		*info = s->info[sig - 1];
		*ka = s->action[sig - 1];
		if (ka->sa_handler == SIG_IGN) {
			spin_unlock_irqrestore(&sig_lock, flags);
			continue;
		}
		if (ka->sa_handler != SIG_DFL) {
			if (ka->sa_flags & SA_RESETHAND)
				s->action[sig - 1].sa_handler = SIG_DFL;
			spin_unlock_irqrestore(&sig_lock, flags);
			return sig;
		}
		if (sig_kernel_ignore(sig)) {
			spin_unlock_irqrestore(&sig_lock, flags);
			continue;
		}
		if (sig <= 31 && (sigmask(sig) & SIG_KERNEL_STOP_MASK)) {
			do_signal_stop(sig, flags);
			continue;
		}
		spin_unlock_irqrestore(&sig_lock, flags);
		/* Terminate; the "core" signals too, without a core. */
		do_exit(sig);
	}
}

bool syscall_restart_owed(const struct pt_regs *regs, bool syscall)
{
	long ax = (long)regs->ax;

	return syscall && (ax == -ERESTARTSYS || ax == -ERESTARTNOINTR ||
			   ax == -ERESTARTNOHAND ||
			   ax == -ERESTART_RESTARTBLOCK);
}

/* A frame that cannot be written (Linux's force_sigsegv): SIGSEGV. */
static void force_sigsegv(int sig)
{
	unsigned long flags;

	if (sig == SIGSEGV) {
		spin_lock_irqsave(&sig_lock, flags);
		current->signal.action[SIGSEGV - 1].sa_handler = SIG_DFL;
		spin_unlock_irqrestore(&sig_lock, flags);
	}
	force_sig(SIGSEGV);
}

static void handle_signal(int sig, const struct kernel_siginfo *info,
			  const struct k_sigaction *ka, struct pt_regs *regs,
			  bool syscall)
{
	struct task_signal *s = &current->signal;
	unsigned long sp, flags;
	bool onstack = false;
	sigset_t oldset;
	stack_t uc_stack;

	if (syscall_restart_owed(regs, syscall)) {
		switch ((long)regs->ax) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			regs->ax = -EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ka->sa_flags & SA_RESTART)) {
				regs->ax = -EINTR;
				break;
			}
			__attribute__((__fallthrough__));
		case -ERESTARTNOINTR:
			regs->ax = regs->vector;
			regs->ip -= 2;
			break;
		}
	}

	oldset = s->restore_sigmask ? s->saved_sigmask : s->blocked;
	/* uc_stack: the altstack as the interrupted code had it. */
	uc_stack.ss_sp = s->sas_ss_sp;
	uc_stack.ss_size = s->sas_ss_size;
	uc_stack.ss_flags = sas_ss_flags(regs->sp) | s->sas_ss_flags;

	sp = regs->sp - 128;			/* the red zone */
	if ((ka->sa_flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = s->sas_ss_sp + s->sas_ss_size;
		onstack = true;
	}
	/* No room left on the alternate stack: a bad frame (Linux). */
	if ((onstack || on_sig_stack(sp)) &&
	    sp - sigframe_size() < s->sas_ss_sp) {
		force_sigsegv(sig);
		return;
	}
	if (setup_rt_frame(regs, sig, ka, info, oldset, &uc_stack, sp)) {
		force_sigsegv(sig);
		return;
	}
	spin_lock_irqsave(&sig_lock, flags);
	if (onstack && (s->sas_ss_flags & SS_AUTODISARM)) {
		s->sas_ss_sp = 0;
		s->sas_ss_size = 0;
		s->sas_ss_flags = 0;
	}
	s->blocked |= ka->sa_mask;
	if (!(ka->sa_flags & SA_NODEFER))
		s->blocked |= sigmask(sig);
	s->blocked &= ~SIG_UNBLOCKABLE;
	s->restore_sigmask = false;
	spin_unlock_irqrestore(&sig_lock, flags);
}

void arch_do_signal_or_restart(struct pt_regs *regs, bool syscall)
{
	struct task_signal *s = &current->signal;
	struct kernel_siginfo info;
	struct k_sigaction ka;
	int sig;

	sig = get_signal(&info, &ka);
	if (sig) {
		handle_signal(sig, &info, &ka, regs, syscall);
		return;
	}
	/* No handler ran: the call starts again. */
	if (syscall_restart_owed(regs, syscall)) {
		if ((long)regs->ax == -ERESTART_RESTARTBLOCK)
			regs->ax = __NR_restart_syscall;
		else
			regs->ax = regs->vector;
		regs->ip -= 2;
	}
	/* rt_sigsuspend's mask goes back (Linux's restore_saved_sigmask). */
	if (s->restore_sigmask) {
		s->restore_sigmask = false;
		set_current_blocked(s->saved_sigmask);
	}
}

/* ---- system calls --------------------------------------------------- */

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	sigset_t set;
	stack_t st;

	if (restore_rt_frame(regs, &set, &st)) {
		force_sig(SIGSEGV);
		return 0;
	}
	set_current_blocked(set);
	/* An old sleep's rest is not for restart_syscall any more. */
	current->signal.restart.fn = NULL;
	/* As Linux's restore_altstack: only EFAULT would count. */
	(void)do_sigaltstack(&st, NULL, regs->sp);
	/* The interrupted code's ax, untouched. */
	return regs->ax;
}

SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *r = &current->signal.restart;
	long (*fn)(struct restart_block *) = r->fn;

	r->fn = NULL;
	return fn ? fn(r) : -EINTR;
}

static void wait_for_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

SYSCALL_DEFINE0(pause)
{
	wait_for_signal();
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, const sigset_t __user *, unewset,
		size_t, sigsetsize)
{
	struct task_signal *s = &current->signal;
	unsigned long flags;
	sigset_t set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set, unewset, sizeof(set)))
		return -EFAULT;
	spin_lock_irqsave(&sig_lock, flags);
	s->saved_sigmask = s->blocked;
	s->blocked = set & ~SIG_UNBLOCKABLE;
	spin_unlock_irqrestore(&sig_lock, flags);
	wait_for_signal();
	/* The frame gets the old mask; without a handler, the way out
	 * restores it. */
	s->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

/* The lowest pending signal of set, taken off the queue; sig_lock held. */
static int dequeue_from(sigset_t set, struct kernel_siginfo *info)
{
	struct task_signal *s = &current->signal;
	sigset_t x = s->pending & set;
	int sig;

	if (!x)
		return 0;
	sig = __builtin_ctzll(x) + 1;
	s->pending &= ~sigmask(sig);
	*info = s->info[sig - 1];
	return sig;
}

struct k_timespec {
	long tv_sec, tv_nsec;
};

/*
 * Waits for one of a set (which need not be blocked, but usually is):
 * while it waits the set is unblocked, so that its signals wake it.
 * Another signal that comes ends the wait with EINTR (Linux).
 */
SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese,
		void __user *, uinfo, const struct k_timespec __user *, uts,
		size_t, sigsetsize)
{
	struct task_signal *s = &current->signal;
	struct kernel_siginfo info;
	long timeout = MAX_SCHEDULE_TIMEOUT;
	struct k_timespec ts;
	unsigned long flags;
	sigset_t these, old;
	int sig;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	these &= ~SIG_UNBLOCKABLE;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 ||
		    ts.tv_nsec >= 1000000000L)
			return -EINVAL;
		if (ts.tv_sec < (long)(MAX_SCHEDULE_TIMEOUT / HZ / 2))
			timeout = ts.tv_sec * HZ +
				  (ts.tv_nsec + 1000000000L / HZ - 1) /
				  (1000000000L / HZ);
	}
	spin_lock_irqsave(&sig_lock, flags);
	sig = dequeue_from(these, &info);
	if (!sig && timeout) {
		old = s->blocked;
		s->real_blocked = old;
		s->blocked &= ~these;
		spin_unlock_irqrestore(&sig_lock, flags);
		for (;;) {
			set_current_state(TASK_INTERRUPTIBLE);
			if (signal_pending(current))
				break;
			timeout = schedule_timeout(timeout);
			if (!timeout)
				break;
		}
		__set_current_state(TASK_RUNNING);
		spin_lock_irqsave(&sig_lock, flags);
		s->blocked = old;
		s->real_blocked = 0;
		sig = dequeue_from(these, &info);
	}
	spin_unlock_irqrestore(&sig_lock, flags);
	if (!sig)
		return timeout ? -EINTR : -EAGAIN;
	if (uinfo && (clear_user(uinfo, SI_MAX_SIZE) ||
		      copy_to_user(uinfo, &info, sizeof(info))))
		return -EFAULT;
	return sig;
}
