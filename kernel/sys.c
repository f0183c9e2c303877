// SPDX-License-Identifier: GPL-2.0
/*
 * Small system calls about the process and the system (Linux's
 * kernel/sys.c, kernel/time/, kernel/sched/): identity, uname, limits,
 * clocks and sleeping.  Everyone is root: the uid and gid calls say 0.
 *
 * uname's sysname is "Linux": irqlab implements Linux's system-call ABI,
 * and programs (glibc, busybox) decide what they may use from it.  The
 * release says which kernel it really is.
 */
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/mman.h>
#include <irqlab/mm.h>
#include <irqlab/gfp.h>
#include <irqlab/sched.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include <irqlab/time.h>
#include <irqlab/timekeeping.h>
#include <irqlab/timer.h>
#include <irqlab/jiffies.h>
#include <irqlab/loadavg.h>
#include <asm/processor.h>
#include <irqlab/acpi.h>
#include <irqlab/reboot.h>
#include <irqlab/shell.h>

#define UTS_RELEASE	"6.1.0-irqlab-" IRQLAB_VERSION

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65],
	     machine[65], domainname[65];
};

#define __NEW_UTS_LEN	64

/* sethostname(2) sets it; "irqlab" until then (rcS sets it at boot). */
static char utsname_nodename[__NEW_UTS_LEN + 1] = "irqlab";
static char utsname_domainname[__NEW_UTS_LEN + 1] = "(none)";

/* /proc/sys/kernel/{ostype,osrelease}: uname's, read-only as Linux's. */
static void proc_ostype_show(void)
{
	sh_printf("Linux\n");
}
PROC_ENTRY("/proc/sys/kernel/ostype", proc_ostype_show);

static void proc_osrelease_show(void)
{
	sh_printf("%s\n", UTS_RELEASE);
}
PROC_ENTRY("/proc/sys/kernel/osrelease", proc_osrelease_show);
static DEFINE_SPINLOCK(uts_lock);

static long set_uts_field(char *field, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN + 1];
	unsigned long flags;

	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	tmp[len] = 0;
	spin_lock_irqsave(&uts_lock, flags);
	memcpy(field, tmp, len + 1);
	spin_unlock_irqrestore(&uts_lock, flags);
	return 0;
}

SYSCALL_DEFINE2(sethostname, const char __user *, name, int, len)
{
	return set_uts_field(utsname_nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, const char __user *, name, int, len)
{
	return set_uts_field(utsname_domainname, name, len);
}

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	unsigned long flags;
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, "Linux", sizeof(u.sysname));
	spin_lock_irqsave(&uts_lock, flags);
	strscpy(u.nodename, utsname_nodename, sizeof(u.nodename));
	strscpy(u.domainname, utsname_domainname, sizeof(u.domainname));
	spin_unlock_irqrestore(&uts_lock, flags);
	strscpy(u.release, UTS_RELEASE, sizeof(u.release));
	strscpy(u.version, "#1 SMP irqlab", sizeof(u.version));
	strscpy(u.machine, "x86_64", sizeof(u.machine));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	struct task_struct *parent = READ_ONCE(current->real_parent);

	/* An orphan's parent is init; init's is the kernel (0). */
	if (parent)
		return parent->tgid;
	return current->pid == 1 ? 0 : 1;
}

SYSCALL_DEFINE0(getuid) { return 0; }
SYSCALL_DEFINE0(geteuid) { return 0; }
SYSCALL_DEFINE0(getgid) { return 0; }
SYSCALL_DEFINE0(getegid) { return 0; }

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/* Kept, as Linux: the list is walked only by futex code on exit. */
SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != 24)		/* sizeof(struct robust_list_head) */
		return -EINVAL;
	return 0;
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->pgrp;
}

SYSCALL_DEFINE1(getpgid, int, pid)
{
	struct task_struct *p;
	int ret;

	if (!pid)
		return current->pgrp;
	p = find_get_task_by_vpid(pid);
	if (!p || !p->mm) {
		if (p)
			put_task_struct(p);
		return -ESRCH;
	}
	ret = p->pgrp;
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	struct task_struct *p;

	if (pgid < 0)
		return -EINVAL;
	if (!pid)
		pid = current->pid;
	if (!pgid)
		pgid = pid;
	p = find_get_task_by_vpid(pid);
	if (!p || !p->mm || (p != current && p->real_parent != current)) {
		if (p)
			put_task_struct(p);
		return -ESRCH;
	}
	p->pgrp = pgid;
	put_task_struct(p);
	return 0;
}

SYSCALL_DEFINE0(setsid)
{
	struct task_struct *p = current;

	/* A group leader cannot start a session (its group lives on). */
	if (p->pgrp == p->pid)
		return -EPERM;
	p->session = p->pgrp = p->pid;
	return p->pid;
}

SYSCALL_DEFINE1(getsid, int, pid)
{
	struct task_struct *p;
	int ret;

	if (!pid)
		return current->session;
	p = find_get_task_by_vpid(pid);
	if (!p || !p->mm) {
		if (p)
			put_task_struct(p);
		return -ESRCH;
	}
	ret = p->session;
	put_task_struct(p);
	return ret;
}

/* ---- limits ------------------------------------------------------------ */

#define RLIMIT_STACK	3
#define RLIMIT_NPROC	6
#define RLIMIT_NOFILE	7
#define RLIM_NLIMITS	16
#define RLIM_INFINITY	(~0UL)

struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

/* Linux's defaults (fixed here: setrlimit is not kept yet). */
static void default_rlimit(unsigned int resource, struct rlimit64 *r)
{
	r->rlim_cur = r->rlim_max = RLIM_INFINITY;
	if (resource == RLIMIT_STACK)
		r->rlim_cur = STACK_SIZE_MAX;
	else if (resource == RLIMIT_NOFILE)
		r->rlim_cur = 1024, r->rlim_max = 4096;
	else if (resource == RLIMIT_NPROC)
		r->rlim_cur = r->rlim_max = 512;
	else if (resource == 4)			/* RLIMIT_CORE */
		r->rlim_cur = 0;
	else if (resource == 8)			/* RLIMIT_MEMLOCK */
		r->rlim_cur = r->rlim_max = 8UL << 20;
}

SYSCALL_DEFINE4(prlimit64, int, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid && pid != current->pid)
		return -ESRCH;
	default_rlimit(resource, &r);
	if (old_rlim && copy_to_user(old_rlim, &r, sizeof(r)))
		return -EFAULT;
	/* Setting is refused rather than silently not applied. */
	if (new_rlim)
		return -EPERM;
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource,
		struct rlimit64 __user *, rlim)
{
	struct rlimit64 r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	default_rlimit(resource, &r);
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

/* ---- clocks and sleeping ----------------------------------------------- */

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7
#define TIMER_ABSTIME		0x01
#define NSEC_PER_SEC		1000000000ULL

struct __kernel_timespec {
	s64 tv_sec;
	long tv_nsec;
};

static u64 realtime_ns(void)
{
	struct timespec64 boot;

	getboottime64(&boot);
	return boot.tv_sec * NSEC_PER_SEC + boot.tv_nsec + ktime_get_ns();
}

static int clock_ns(int which, u64 *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = realtime_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = task_sched_runtime(current);
		return 0;
	}
	return -EINVAL;
}

static int put_timespec(u64 ns, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec ts = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };

	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which_clock,
		struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int ret = clock_ns(which_clock, &ns);

	return ret ? ret : put_timespec(ns, tp);
}

SYSCALL_DEFINE2(clock_getres, int, which_clock,
		struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int ret = clock_ns(which_clock, &ns);

	if (ret || !tp)
		return ret;
	return put_timespec(which_clock == CLOCK_REALTIME_COARSE ||
			    which_clock == CLOCK_MONOTONIC_COARSE ?
			    NSEC_PER_SEC / HZ : 1, tp);
}

struct __kernel_old_timeval {
	long tv_sec, tv_usec;
};

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		void __user *, tz)
{
	u64 ns = realtime_ns();
	struct __kernel_old_timeval t = { ns / NSEC_PER_SEC,
					  ns % NSEC_PER_SEC / 1000 };

	if (tv && copy_to_user(tv, &t, sizeof(t)))
		return -EFAULT;
	if (tz && clear_user(tz, 8))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long t = realtime_ns() / NSEC_PER_SEC;

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/*
 * Sleeps until the clock reaches deadline (ns): 0, or -EINTR with the
 * time left in *left if a signal came.  The tick's granularity: a
 * sleep ends on the first tick at or after its deadline.
 */
static int sleep_until(int which, u64 deadline, u64 *left)
{
	u64 now = 0;

	for (;;) {
		clock_ns(which, &now);
		if (now >= deadline)
			return 0;
		if (signal_pending(current)) {
			*left = deadline - now;
			return -EINTR;
		}
		u64 ticks = (deadline - now) / (NSEC_PER_SEC / HZ) + 1;

		schedule_timeout_interruptible(ticks < MAX_SCHEDULE_TIMEOUT ?
					       (long)ticks :
					       MAX_SCHEDULE_TIMEOUT);
	}
}

/*
 * A signal came: with a handler the call returns EINTR (the time left
 * in *rmtp); without one (ignored, a stop and a continue) it goes on
 * through restart_syscall(2) to the same deadline (Linux's
 * hrtimer_nanosleep_restart).
 */
static long nanosleep_restart(struct restart_block *r)
{
	u64 left = 0;

	if (!sleep_until(r->which, r->deadline, &left))
		return 0;
	if (r->rmtp && !(r->flags & TIMER_ABSTIME) &&
	    put_timespec(left, r->rmtp))
		return -EFAULT;
	current->signal.restart.fn = nanosleep_restart;
	return -ERESTART_RESTARTBLOCK;
}

static int nanosleep_interrupted(int which, int flags, u64 deadline,
				 struct __kernel_timespec __user *rmtp)
{
	struct restart_block *r = &current->signal.restart;

	r->which = which;
	r->flags = flags;
	r->deadline = deadline;
	r->rmtp = rmtp;
	r->fn = nanosleep_restart;
	return -ERESTART_RESTARTBLOCK;
}

static int do_nanosleep(int which, int flags,
			const struct __kernel_timespec __user *rqtp,
			struct __kernel_timespec __user *rmtp)
{
	struct __kernel_timespec t;
	u64 now, deadline, left = 0;
	int ret;

	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	ret = clock_ns(which, &now);
	if (ret)
		return ret;
	if (which == CLOCK_PROCESS_CPUTIME_ID ||
	    which == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	deadline = t.tv_sec * NSEC_PER_SEC + t.tv_nsec;
	if (!(flags & TIMER_ABSTIME))
		deadline += now;
	ret = sleep_until(which, deadline, &left);
	if (!ret)
		return 0;
	if (rmtp && !(flags & TIMER_ABSTIME) && put_timespec(left, rmtp))
		return -EFAULT;
	return nanosleep_interrupted(which, flags, deadline, rmtp);
}

SYSCALL_DEFINE2(nanosleep, const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, int, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	if (flags & ~TIMER_ABSTIME)
		return -EINVAL;
	return do_nanosleep(which_clock, flags, rqtp, rmtp);
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/* ---- the system as a whole --------------------------------------------- */

struct sysinfo_user {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	u16 procs, pad;
	unsigned long totalhigh, freehigh;
	u32 mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

SYSCALL_DEFINE1(sysinfo, struct sysinfo_user __user *, info)
{
	struct sysinfo_user u;
	struct sysinfo mem;

	memset(&u, 0, sizeof(u));
	u.uptime = ktime_get_ns() / NSEC_PER_SEC;
	/* SI_LOAD_SHIFT 16 from the kernel's FSHIFT 11 fixed point. */
	get_avenrun(u.loads, 0, 16 - 11);
	si_meminfo(&mem);
	u.totalram = mem.totalram;
	u.freeram = mem.freeram;
	u.procs = nr_threads;
	u.mem_unit = 1;
	return copy_to_user(info, &u, sizeof(u)) ? -EFAULT : 0;
}

#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_GET_DUMPABLE		3
#define PR_SET_DUMPABLE		4
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define PR_SET_NO_NEW_PRIVS	38
#define PR_GET_NO_NEW_PRIVS	39

/* The options programs use; the rest are refused (EINVAL, as Linux
 * for an option it does not know). */
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];
	long n;

	switch (option) {
	case PR_SET_NAME:
		n = strncpy_from_user(comm, (const char __user *)arg2,
				      sizeof(comm) - 1);
		if (n < 0)
			return n;
		comm[n] = 0;
		strscpy(current->comm, comm, sizeof(current->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm,
				    sizeof(current->comm)) ? -EFAULT : 0;
	case PR_SET_PDEATHSIG:
		if (arg2 > 64)
			return -EINVAL;
		current->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return 1;
	case PR_SET_DUMPABLE:
		return arg2 <= 1 ? 0 : -EINVAL;
	case PR_SET_NO_NEW_PRIVS:
		return arg2 == 1 && !arg3 && !arg4 && !arg5 ? 0 : -EINVAL;
	case PR_GET_NO_NEW_PRIVS:
		return 0;
	}
	return -EINVAL;
}

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_MAGIC2A		85072278
#define LINUX_REBOOT_MAGIC2B		369367448
#define LINUX_REBOOT_MAGIC2C		537993216
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89abcdef
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void __user *, arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
		return -EIO;	/* it returned: no way to power off */
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("reboot: System halted\n");
		halt_forever();
	case LINUX_REBOOT_CMD_RESTART:
		kernel_restart(NULL);
	}
	return -EINVAL;
}
