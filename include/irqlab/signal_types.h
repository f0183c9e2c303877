/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A task's signal state (struct task_struct's `signal`), in Linux's
 * x86_64 layouts where user space sees them: struct k_sigaction is the
 * struct sigaction of rt_sigaction(2), stack_t sigaltstack(2)'s, and the
 * first 48 bytes of struct kernel_siginfo are those of siginfo_t.  The
 * functions are in <irqlab/signal.h>; kernel/signal.c says how it works.
 */
#ifndef _IRQLAB_SIGNAL_TYPES_H
#define _IRQLAB_SIGNAL_TYPES_H

#include <irqlab/types.h>

#define _NSIG		64

typedef u64 sigset_t;		/* bit (sig - 1) */

struct k_sigaction {
	unsigned long sa_handler;	/* SIG_DFL 0, SIG_IGN 1, or code */
	unsigned long sa_flags;
	unsigned long sa_restorer;	/* SA_RESTORER: the return stub */
	sigset_t sa_mask;
};

/* siginfo_t's head; user space gets it padded to 128 bytes. */
struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad0;
	union {
		struct {		/* kill, tkill, SIGCHLD */
			int si_pid;
			unsigned int si_uid;
			int si_status;	/* SIGCHLD */
			int __pad1;
			long si_utime, si_stime;
		};
		unsigned long si_addr;	/* faults */
	};
};
#define SI_MAX_SIZE	128

typedef struct {
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
} stack_t;

/* A system call interrupted after part of its work: restart_syscall(2). */
struct restart_block {
	long (*fn)(struct restart_block *);
	int which, flags;
	u64 deadline;			/* nanosleep's, ns on clock `which` */
	void __user *rmtp;
};

/* jobctl bits */
#define JOBCTL_STOPPED		0x1	/* stopped by stop_sig */
#define JOBCTL_STOP_REPORT	0x2	/* wait4(WUNTRACED) not told yet */
#define JOBCTL_CONT_REPORT	0x4	/* wait4(WCONTINUED) not told yet */

struct task_signal {
	sigset_t pending;		/* under sig_lock */
	sigset_t blocked;
	sigset_t saved_sigmask;		/* rt_sigsuspend's, for the frame */
	/* rt_sigtimedwait's mask while it waits (Linux's real_blocked):
	 * what it waits for is unblocked then, but still not ignored. */
	sigset_t real_blocked;
	bool restore_sigmask;
	unsigned int jobctl;		/* JOBCTL_* */
	int stop_sig;			/* what stopped it */
	unsigned long sas_ss_sp, sas_ss_size;
	unsigned int sas_ss_flags;	/* SS_AUTODISARM */
	struct restart_block restart;
	struct kernel_siginfo info[_NSIG];	/* one per pending signal */
	struct k_sigaction action[_NSIG];
};

#endif /* _IRQLAB_SIGNAL_TYPES_H */
