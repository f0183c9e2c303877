// SPDX-License-Identifier: GPL-2.0
/*
 * Signals as a program sees them: each case runs one of
 * kernel/tests/user_progs.S's programs as a child of the test and reads
 * its wait status; some send it signals while it runs, as another
 * process (or the TTY) would.  A handler that runs and returns with
 * every register intact, sa_mask, blocking and unblocking, what cannot
 * be caught, SA_RESTART on wait4, pause through a stop and a continue
 * (reported by wait4 WUNTRACED and WCONTINUED), SIGCHLD ignored and
 * caught, a frame that cannot be written, a fault's siginfo, the
 * alternate stack, rt_sigtimedwait, nanosleep's EINTR and restart,
 * kill_pgrp; and what fork and execve do to the signal state.
 */
#include <irqlab/ktest.h>
#include <irqlab/errno.h>
#include <irqlab/process.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/slab.h>
#include <irqlab/timekeeping.h>
#include <irqlab/timer.h>
#include "user_progs.h"

#define RUNP(t, name)	ktest_run_user(t, PROG(name))

/* A running program, and the task to send signals to. */
struct uproc {
	struct ucode u;
	int pid;
	struct task_struct *p;
};

static bool start_proc(struct ktest *t, struct uproc *up, const u8 *code,
		       size_t len)
{
	up->u.code = code;
	up->u.len = len;
	up->pid = ktest_start_user(t, &up->u);
	up->p = find_get_task_by_vpid(up->pid);
	KTEST_EXPECT_NOT_NULL(t, up->p);
	return up->p != NULL;
}

static int finish_proc(struct ktest *t, struct uproc *up)
{
	int status = -1;

	KTEST_EXPECT_EQ(t, kernel_wait4(up->pid, &status, 0), up->pid);
	put_task_struct(up->p);
	return status;
}

/* Until p has a handler for sig (it set it up in user mode), 2 s at most. */
static bool wait_for_handler(struct task_struct *p, int sig)
{
	int i;

	for (i = 0; i < 2000; i++) {
		if (READ_ONCE(p->signal.action[sig - 1].sa_handler) > SIG_IGN)
			return true;
		if (READ_ONCE(p->exit_state))
			return false;
		msleep(1);
	}
	return false;
}

/* Until p sleeps interruptibly (in wait4, pause), 2 s at most. */
static bool wait_for_state(struct task_struct *p, unsigned int state)
{
	int i;

	for (i = 0; i < 2000; i++) {
		if (READ_ONCE(p->__state) == state)
			return true;
		if (READ_ONCE(p->exit_state))
			return false;
		msleep(1);
	}
	return false;
}

/* An interrupt's way out: every register, SSE ones too, as it was. */
static void handler_returns_with_registers_intact(struct ktest *t)
{
	struct uproc up;

	if (!start_proc(t, &up, PROG(regs_async)))
		return;
	KTEST_EXPECT_TRUE(t, wait_for_handler(up.p, SIGUSR1));
	msleep(10);		/* into its loop */
	KTEST_EXPECT_EQ(t, send_sig(SIGUSR1, up.p), 0);
	KTEST_EXPECT_EQ(t, finish_proc(t, &up), EXITED(0));
}

/* A system call's way out: the callee-saved registers and the result. */
static void handler_after_a_syscall_keeps_registers(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, regs_sync), EXITED(0));
}

static void sa_mask_blocks_during_the_handler(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, samask), EXITED(0));
}

static void sigprocmask_blocks_then_delivers_at_unblock(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, procmask), EXITED(0));
}

static void sigkill_and_sigstop_cannot_be_caught(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, uncatchable), EXITED(0));
}

static int interrupt_wait4(struct ktest *t, const u8 *code, size_t len)
{
	struct uproc up;

	if (!start_proc(t, &up, code, len))
		return -1;
	KTEST_EXPECT_TRUE(t, wait_for_handler(up.p, SIGUSR1));
	KTEST_EXPECT_TRUE(t, wait_for_state(up.p, TASK_INTERRUPTIBLE));
	KTEST_EXPECT_EQ(t, send_sig(SIGUSR1, up.p), 0);
	return finish_proc(t, &up);
}

/* wait4's -ERESTARTSYS: SA_RESTART waits on for the child's 7. */
static void sa_restart_restarts_wait4(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, interrupt_wait4(t, PROG(wait_restart)),
			EXITED(100 + 7));
}

static void without_sa_restart_wait4_is_eintr(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, interrupt_wait4(t, PROG(wait_eintr)),
			EXITED(200 + EINTR));
	/* Its child, now init's or the kernel's: gone by itself. */
	msleep(400);
}

/*
 * SIGSTOP: wait4(WUNTRACED) says 0x137f once, the task is stopped;
 * SIGCONT: wait4(WCONTINUED) says 0xffff; pause() went on sleeping
 * (restarted, no handler ran); SIGUSR1's handler ends it with EINTR.
 */
static void stop_and_continue_are_reported_and_pause_restarts(struct ktest *t)
{
	struct uproc up;
	int status = -1;

	if (!start_proc(t, &up, PROG(pause_prog)))
		return;
	KTEST_EXPECT_TRUE(t, wait_for_handler(up.p, SIGUSR1));
	KTEST_EXPECT_TRUE(t, wait_for_state(up.p, TASK_INTERRUPTIBLE));
	KTEST_EXPECT_EQ(t, send_sig(SIGSTOP, up.p), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(up.pid, &status, WUNTRACED), up.pid);
	KTEST_EXPECT_EQ(t, status, 0x7f | (SIGSTOP << 8));
	KTEST_EXPECT_TRUE(t, wait_for_state(up.p, TASK_STOPPED));
	/* Reported once. */
	KTEST_EXPECT_EQ(t, kernel_wait4(up.pid, &status, WUNTRACED | WNOHANG),
			0);
	/* SIGCONT wakes it even though it is a default "ignore". */
	KTEST_EXPECT_EQ(t, send_sig(SIGCONT, up.p), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(up.pid, &status, WCONTINUED), up.pid);
	KTEST_EXPECT_EQ(t, status, 0xffff);
	KTEST_EXPECT_TRUE(t, wait_for_state(up.p, TASK_INTERRUPTIBLE));
	KTEST_EXPECT_EQ(t, send_sig(SIGUSR1, up.p), 0);
	KTEST_EXPECT_EQ(t, finish_proc(t, &up), EXITED(EINTR));
}

/* A stop signal then SIGKILL: the stopped task dies. */
static void sigkill_ends_a_stopped_task(struct ktest *t)
{
	struct uproc up;
	int status = -1;

	if (!start_proc(t, &up, PROG(pause_prog)))
		return;
	KTEST_EXPECT_TRUE(t, wait_for_state(up.p, TASK_INTERRUPTIBLE));
	KTEST_EXPECT_EQ(t, send_sig(SIGTSTP, up.p), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(up.pid, &status, WUNTRACED), up.pid);
	KTEST_EXPECT_EQ(t, status, 0x7f | (SIGTSTP << 8));
	KTEST_EXPECT_EQ(t, send_sig(SIGKILL, up.p), 0);
	KTEST_EXPECT_EQ(t, finish_proc(t, &up), SIGKILL);
}

static void sigchld_ignored_children_reap_themselves(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, autoreap), EXITED(ECHILD));
}

static void a_frame_that_cannot_be_written_is_sigsegv(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, badframe), SIGSEGV);
}

static void fault_info_reaches_the_handler(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, segv_info), EXITED(0));
}

static void a_blocked_fault_kills_anyway(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, segv_blocked), SIGSEGV);
}

static void sa_onstack_runs_on_the_alternate_stack(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, altstack), EXITED(0));
}

static void sigtimedwait_takes_a_blocked_signal(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, timedwait), EXITED(0));
}

static void sigchld_info_and_sigsuspend(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, sigchld), EXITED(0));
}

static void sa_resethand_and_sa_nodefer(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUNP(t, resethand), SIGUSR1);
}

/* A handler: nanosleep is EINTR with the time left (most of 2 s). */
static void nanosleep_interrupted_is_eintr_with_the_rest(struct ktest *t)
{
	struct uproc up;

	if (!start_proc(t, &up, PROG(nsleep)))
		return;
	KTEST_EXPECT_TRUE(t, wait_for_handler(up.p, SIGUSR1));
	KTEST_EXPECT_TRUE(t, wait_for_state(up.p, TASK_INTERRUPTIBLE));
	KTEST_EXPECT_EQ(t, send_sig(SIGUSR1, up.p), 0);
	KTEST_EXPECT_EQ(t, finish_proc(t, &up), EXITED(100 + EINTR));
}

/* No handler (a stop and a continue): restart_syscall sleeps on to the
 * same deadline, 2 s after it began, and nanosleep returns 0; a fresh
 * 2 s after the 1 s stopped would end 3 s after. */
static void nanosleep_goes_on_after_a_stop(struct ktest *t)
{
	struct uproc up;
	u64 start;
	int status = -1;

	if (!start_proc(t, &up, PROG(nsleep)))
		return;
	KTEST_EXPECT_TRUE(t, wait_for_state(up.p, TASK_INTERRUPTIBLE));
	start = ktime_get_ns();
	KTEST_EXPECT_EQ(t, send_sig(SIGSTOP, up.p), 0);
	KTEST_EXPECT_EQ(t, kernel_wait4(up.pid, &status, WUNTRACED), up.pid);
	msleep(1000);
	KTEST_EXPECT_EQ(t, send_sig(SIGCONT, up.p), 0);
	KTEST_EXPECT_EQ(t, finish_proc(t, &up), EXITED(0));
	KTEST_EXPECT_GE(t, ktime_get_ns() - start, 1900000000ULL);
	KTEST_EXPECT_LT(t, ktime_get_ns() - start, 2800000000ULL);
}

/* The TTY's way: a whole process group, from the kernel. */
static void kill_pgrp_reaches_the_group(struct ktest *t)
{
	struct uproc up;
	unsigned long flags;

	if (!start_proc(t, &up, PROG(pause_prog)))
		return;
	KTEST_EXPECT_TRUE(t, wait_for_state(up.p, TASK_INTERRUPTIBLE));
	spin_lock_irqsave(&tasklist_lock, flags);
	up.p->pgrp = up.pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	KTEST_EXPECT_EQ(t, kill_pgrp(up.pid + 100000, SIGUSR1, 1), -ESRCH);
	KTEST_EXPECT_EQ(t, kill_pgrp(up.pid, SIGUSR1, 1), 0);
	KTEST_EXPECT_EQ(t, finish_proc(t, &up), EXITED(EINTR));
}

/* execve's part (Linux's flush_signal_handlers), on a task of our own. */
static void exec_resets_handlers_keeps_ignored_and_mask(struct ktest *t)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, p);
	p->signal.action[SIGUSR1 - 1] = (struct k_sigaction){
		0x401000, SA_RESTART | SA_RESTORER, 0x402000, sigmask(SIGINT) };
	p->signal.action[SIGPIPE - 1].sa_handler = SIG_IGN;
	p->signal.blocked = sigmask(SIGTERM);
	p->signal.pending = sigmask(SIGUSR2);
	p->signal.sas_ss_sp = 0x7fd000;
	p->signal.sas_ss_size = 0x2000;
	flush_signal_handlers(p);
	KTEST_EXPECT_EQ(t, p->signal.action[SIGUSR1 - 1].sa_handler, SIG_DFL);
	KTEST_EXPECT_EQ(t, p->signal.action[SIGUSR1 - 1].sa_flags, 0);
	KTEST_EXPECT_EQ(t, p->signal.action[SIGUSR1 - 1].sa_mask, 0);
	KTEST_EXPECT_EQ(t, p->signal.action[SIGPIPE - 1].sa_handler, SIG_IGN);
	KTEST_EXPECT_EQ(t, p->signal.blocked, sigmask(SIGTERM));
	KTEST_EXPECT_EQ(t, p->signal.pending, sigmask(SIGUSR2));
	KTEST_EXPECT_EQ(t, p->signal.sas_ss_size, 0);
	kfree(p);
}

/* fork's part: actions, mask and altstack copied, nothing pending. */
static void fork_copies_actions_and_mask_not_pending(struct ktest *t)
{
	struct task_struct *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct task_struct *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (!a || !b)
		goto out;
	a->signal.action[SIGINT - 1].sa_handler = 0x401000;
	a->signal.action[SIGINT - 1].sa_flags = SA_RESTORER | SA_RESTART;
	a->signal.blocked = sigmask(SIGHUP);
	a->signal.pending = sigmask(SIGHUP);
	a->signal.jobctl = JOBCTL_CONT_REPORT;
	b->signal.pending = sigmask(SIGTERM);
	copy_signal_state(b, a);
	KTEST_EXPECT_EQ(t, b->signal.action[SIGINT - 1].sa_handler, 0x401000);
	KTEST_EXPECT_EQ(t, b->signal.action[SIGINT - 1].sa_flags,
			SA_RESTORER | SA_RESTART);
	KTEST_EXPECT_EQ(t, b->signal.blocked, sigmask(SIGHUP));
	KTEST_EXPECT_EQ(t, b->signal.pending, 0);
	KTEST_EXPECT_EQ(t, b->signal.jobctl, 0);
out:
	KTEST_EXPECT_NOT_NULL(t, a);
	KTEST_EXPECT_NOT_NULL(t, b);
	kfree(a);
	kfree(b);
}

static const struct ktest_case signal_cases[] = {
	KTEST_CASE(handler_returns_with_registers_intact),
	KTEST_CASE(handler_after_a_syscall_keeps_registers),
	KTEST_CASE(sa_mask_blocks_during_the_handler),
	KTEST_CASE(sigprocmask_blocks_then_delivers_at_unblock),
	KTEST_CASE(sigkill_and_sigstop_cannot_be_caught),
	KTEST_CASE(sa_restart_restarts_wait4),
	KTEST_CASE(without_sa_restart_wait4_is_eintr),
	KTEST_CASE(stop_and_continue_are_reported_and_pause_restarts),
	KTEST_CASE(sigkill_ends_a_stopped_task),
	KTEST_CASE(sigchld_ignored_children_reap_themselves),
	KTEST_CASE(a_frame_that_cannot_be_written_is_sigsegv),
	KTEST_CASE(fault_info_reaches_the_handler),
	KTEST_CASE(a_blocked_fault_kills_anyway),
	KTEST_CASE(sa_onstack_runs_on_the_alternate_stack),
	KTEST_CASE(sigtimedwait_takes_a_blocked_signal),
	KTEST_CASE(sigchld_info_and_sigsuspend),
	KTEST_CASE(sa_resethand_and_sa_nodefer),
	KTEST_CASE(nanosleep_interrupted_is_eintr_with_the_rest),
	KTEST_CASE(nanosleep_goes_on_after_a_stop),
	KTEST_CASE(kill_pgrp_reaches_the_group),
	KTEST_CASE(exec_resets_handlers_keeps_ignored_and_mask),
	KTEST_CASE(fork_copies_actions_and_mask_not_pending),
	{}
};
KTEST_SUITE(signal, signal_cases);
