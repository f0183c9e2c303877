/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals, Linux's numbers, flags and codes (<uapi/asm/signal.h>,
 * <uapi/asm-generic/signal-defs.h>, <uapi/asm-generic/siginfo.h>), and
 * what the rest of the kernel calls to send them.  kernel/signal.c sends
 * and has the system calls on masks and actions; kernel/signal_deliver.c
 * delivers on the way to user mode (default actions, stops, handlers,
 * restarting); arch/x86_64/signal.c builds and reads the frame.
 */
#ifndef _IRQLAB_SIGNAL_H
#define _IRQLAB_SIGNAL_H

#include <irqlab/sched.h>

struct pt_regs;

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32

#define SIG_DFL		0UL
#define SIG_IGN		1UL

/* sa_flags */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_UNSUPPORTED	0x00000400
#define SA_EXPOSE_TAGBITS 0x00000800
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* rt_sigprocmask's how */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* sigaltstack */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)
#define MINSIGSTKSZ	2048

/* si_code */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	(-1)
#define SI_TKILL	(-6)
#define ILL_ILLOPN	2
#define FPE_INTDIV	1
#define FPE_FLTINV	7
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRALN	1
#define TRAP_BRKPT	1
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

#define sigmask(sig)	(1ULL << ((sig) - 1))

/* Serialises every task's signal state (task_struct.signal). */
extern spinlock_t sig_lock;

/* No handler catches sig in tsk: a fault's log line is worth printing
 * (Linux's unhandled_signal). */
static inline bool unhandled_signal(struct task_struct *tsk, int sig)
{
	unsigned long h = READ_ONCE(tsk->signal.action[sig - 1].sa_handler);

	return tsk->pid == 1 || h == SIG_DFL || h == SIG_IGN;
}

/* Sends sig from the kernel (si_code SI_KERNEL) to p; 0 or -EINVAL. */
int send_sig(int sig, struct task_struct *p);
/* Sends sig with info (which may be NULL: SI_KERNEL) to p. */
int send_sig_info(int sig, const struct kernel_siginfo *info,
		  struct task_struct *p);
/* A fault of the current task: it cannot be blocked or ignored. */
void force_sig(int sig);
void force_sig_fault(int sig, int code, unsigned long addr);
/* Sends sig to every process of group pgrp (the TTY's interrupt, quit
 * and suspend keys); priv: from the kernel (SI_KERNEL).  0 if one got
 * it, else the last error (-ESRCH: no such group). */
int kill_pgrp(int pgrp, int sig, int priv);

/* Delivers what is pending to current on its way out to user mode
 * (kernel/entry.c): default actions, stops, handlers, restarts. */
void arch_do_signal_or_restart(struct pt_regs *regs, bool syscall);
/* The return value of a system call that must be restarted or become
 * EINTR on the way out (one of the ERESTART* values). */
bool syscall_restart_owed(const struct pt_regs *regs, bool syscall);
/* fork: handlers, mask and altstack copied, nothing pending. */
void copy_signal_state(struct task_struct *p, struct task_struct *parent);
/* execve: caught signals back to SIG_DFL (Linux's flush_signal_handlers). */
void flush_signal_handlers(struct task_struct *p);
/* exit: tells the parent (SIGCHLD's siginfo); true if tsk must reap
 * itself (the parent ignores SIGCHLD or set SA_NOCLDWAIT).  Under
 * tasklist_lock. */
bool do_notify_parent(struct task_struct *tsk, struct kernel_siginfo *info);

/* arch/x86_64/signal.c: the rt signal frame of Linux's x86_64 ABI. */
struct pt_regs;
int setup_rt_frame(struct pt_regs *regs, int sig,
		   const struct k_sigaction *ka,
		   const struct kernel_siginfo *info, sigset_t oldset,
		   const stack_t *uc_stack, unsigned long sp);
/* rt_sigreturn: the registers and FPU from the frame at regs->sp - 8,
 * its mask and uc_stack; 0 or -EFAULT. */
int restore_rt_frame(struct pt_regs *regs, sigset_t *mask,
		     stack_t *uc_stack);
/* The most a frame takes below sp, for the altstack's room. */
unsigned long sigframe_size(void);
/* arch/x86_64/process.c: the FXSAVE area to and from user memory. */
int fpu_save_to_user(void __user *buf);
int fpu_restore_from_user(const void __user *buf);
void fpu_reset_user(void);

#endif /* _IRQLAB_SIGNAL_H */
