/* SPDX-License-Identifier: GPL-2.0 */
/* What kernel/signal.c and kernel/signal_deliver.c share. */
#ifndef _KERNEL_SIGNAL_INTERNAL_H
#define _KERNEL_SIGNAL_INTERNAL_H

#include <irqlab/signal.h>

/* Default action "ignore": SIGCHLD, SIGURG, SIGWINCH; SIGCONT resumes. */
#define SIG_KERNEL_IGNORE_MASK						\
	(sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) |	\
	 sigmask(SIGCONT))
#define SIG_KERNEL_STOP_MASK						\
	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) |	\
	 sigmask(SIGTTOU))
/* Terminate "with a core" (none is written: WCOREDUMP stays clear). */
#define SIG_KERNEL_COREDUMP_MASK					\
	(sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) |	\
	 sigmask(SIGABRT) | sigmask(SIGBUS) | sigmask(SIGFPE) |		\
	 sigmask(SIGSEGV) | sigmask(SIGXCPU) | sigmask(SIGXFSZ) |	\
	 sigmask(SIGSYS))
/* Faults, delivered before other signals (Linux's SYNCHRONOUS_MASK). */
#define SYNCHRONOUS_MASK						\
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) |	\
	 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))
#define SIG_UNBLOCKABLE	(sigmask(SIGKILL) | sigmask(SIGSTOP))

bool sig_kernel_ignore(int sig);
void set_current_blocked(sigset_t set);
void do_notify_parent_cldstop(struct task_struct *tsk, int why, int sig);
bool on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp);

#endif /* _KERNEL_SIGNAL_INTERNAL_H */
