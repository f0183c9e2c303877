/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals, Linux's numbers (<uapi/asm/signal.h>).  So far only default
 * actions: a signal that terminates ends the process on its way back to
 * user mode (exit_to_user_mode), its number in the wait status; one
 * whose default is to be ignored is dropped.  Handlers, masks and
 * stopping come with rt_sigaction.
 */
#ifndef _IRQLAB_SIGNAL_H
#define _IRQLAB_SIGNAL_H

#include <irqlab/sched.h>

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
#define _NSIG		64

/* Queues sig for p and wakes it from an interruptible sleep. */
int send_sig(int sig, struct task_struct *p);
/* A fault of the current task (SIGSEGV...): it cannot be ignored. */
void force_sig(int sig);
/* On the way to user mode: the signal to die of, or 0. */
int get_fatal_signal(void);

#endif /* _IRQLAB_SIGNAL_H */
