// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler's system calls (Linux's kernel/sched/syscalls.c and
 * kernel/sys.c's priority calls): policy and priority (chrt), nice
 * (renice, top), and affinity (taskset).  Everyone is root, so every task
 * may be changed, kernel threads included (chrt -p on ksoftirqd works as
 * on Linux); a thread pinned by kthread_bind() refuses a new affinity
 * with EINVAL, as Linux's PF_NO_SETAFFINITY.  pid 0 is the caller.
 */
#include "sched.h"
#include <irqlab/errno.h>
#include <irqlab/syscalls.h>

#define PRIO_PROCESS	0
#define PRIO_PGRP	1
#define PRIO_USER	2
#define SCHED_RR	2
#define SCHED_BATCH	3
#define SCHED_IDLE	5
#define SCHED_RESET_ON_FORK 0x40000000

/* The task pid names, with a reference; NULL if none. */
static struct task_struct *get_task(int pid)
{
	struct task_struct *p;

	if (pid < 0)
		return NULL;
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	p = find_get_task_by_vpid(pid);
	if (p && (p->exit_state || (p->flags & PF_IDLE))) {
		put_task_struct(p);
		return NULL;
	}
	return p;
}

static long do_sched_setscheduler(int pid, int policy,
				  struct sched_param __user *param)
{
	struct sched_param lp;
	struct task_struct *p;
	long ret;

	if (!param || pid < 0)
		return -EINVAL;
	if (copy_from_user(&lp, param, sizeof(lp)))
		return -EFAULT;
	policy &= ~SCHED_RESET_ON_FORK;
	/* Only the policies irqlab has (Linux also has RR, BATCH, IDLE,
	 * DEADLINE): the others are refused rather than approximated. */
	if (policy != SCHED_NORMAL && policy != SCHED_FIFO && policy != -1)
		return -EINVAL;
	p = get_task(pid);
	if (!p)
		return -ESRCH;
	if (policy == -1)
		policy = p->policy;
	ret = sched_setscheduler(p, policy, &lp);
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE3(sched_setscheduler, int, pid, int, policy,
		struct sched_param __user *, param)
{
	if (policy < 0)
		return -EINVAL;
	return do_sched_setscheduler(pid, policy, param);
}

SYSCALL_DEFINE2(sched_setparam, int, pid, struct sched_param __user *, param)
{
	return do_sched_setscheduler(pid, -1, param);
}

SYSCALL_DEFINE1(sched_getscheduler, int, pid)
{
	struct task_struct *p = get_task(pid);
	int policy;

	if (!p)
		return pid < 0 ? -EINVAL : -ESRCH;
	policy = p->policy;
	put_task_struct(p);
	return policy;
}

SYSCALL_DEFINE2(sched_getparam, int, pid, struct sched_param __user *, param)
{
	struct task_struct *p;
	struct sched_param lp;

	if (!param || pid < 0)
		return -EINVAL;
	p = get_task(pid);
	if (!p)
		return -ESRCH;
	lp.sched_priority = p->policy == SCHED_FIFO ? p->rt_priority : 0;
	put_task_struct(p);
	return copy_to_user(param, &lp, sizeof(lp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(sched_get_priority_max, int, policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return MAX_RT_PRIO - 1;
	if (policy == SCHED_NORMAL || policy == SCHED_BATCH ||
	    policy == SCHED_IDLE)
		return 0;
	return -EINVAL;
}

SYSCALL_DEFINE1(sched_get_priority_min, int, policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return 1;
	if (policy == SCHED_NORMAL || policy == SCHED_BATCH ||
	    policy == SCHED_IDLE)
		return 0;
	return -EINVAL;
}

/* The mask is one unsigned long: NR_CPUS is 64. */
SYSCALL_DEFINE3(sched_setaffinity, int, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask = 0;
	struct task_struct *p;
	long ret;

	if (copy_from_user(&mask, user_mask_ptr,
			   len < sizeof(mask) ? len : sizeof(mask)))
		return -EFAULT;
	p = get_task(pid);
	if (!p)
		return -ESRCH;
	ret = (p->flags & PF_NO_SETAFFINITY) ? -EINVAL :
	      set_cpus_allowed_ptr(p, mask);
	put_task_struct(p);
	return ret;
}

/* Returns the bytes written, as the raw system call does. */
SYSCALL_DEFINE3(sched_getaffinity, int, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct task_struct *p;
	unsigned long mask;

	if (len < sizeof(mask) || (len & (sizeof(mask) - 1)))
		return -EINVAL;
	p = get_task(pid);
	if (!p)
		return -ESRCH;
	mask = p->cpus_mask & cpu_online_mask;
	put_task_struct(p);
	return copy_to_user(user_mask_ptr, &mask, sizeof(mask)) ?
	       -EFAULT : (long)sizeof(mask);
}

struct timespec_k {
	s64 tv_sec;
	long tv_nsec;
};

SYSCALL_DEFINE2(sched_rr_get_interval, int, pid,
		struct timespec_k __user *, interval)
{
	struct task_struct *p = get_task(pid);
	struct timespec_k ts = { 0, 0 };

	if (!p)
		return pid < 0 ? -EINVAL : -ESRCH;
	put_task_struct(p);
	return copy_to_user(interval, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/*
 * getpriority returns 20 - nice (1..40), so that no valid answer looks
 * like an error; glibc turns it back into nice.  Groups and users: every
 * process matches user 0; a group is its pgrp.
 */
static bool prio_matches(struct task_struct *p, int which, int who)
{
	if (which == PRIO_PROCESS)
		return p->pid == (who ? who : current->pid);
	if (which == PRIO_PGRP)
		return p->mm && p->pgrp == (who ? who : current->pgrp);
	return p->mm && who == 0;
}

SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	struct task_struct *p;
	unsigned long flags;
	long best = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (!(p->flags & PF_IDLE) && !p->exit_state &&
		    prio_matches(p, which, who) && 20 - task_nice(p) > best)
			best = 20 - task_nice(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	struct task_struct *p, *found[64];
	unsigned long flags;
	int n = 0, i;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	if (niceval < MIN_NICE)
		niceval = MIN_NICE;
	if (niceval > MAX_NICE)
		niceval = MAX_NICE;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (!(p->flags & PF_IDLE) && !p->exit_state &&
		    prio_matches(p, which, who) && n < 64) {
			get_task_struct(p);
			found[n++] = p;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	for (i = 0; i < n; i++) {
		set_user_nice(found[i], niceval);
		put_task_struct(found[i]);
	}
	return n ? 0 : -ESRCH;
}
