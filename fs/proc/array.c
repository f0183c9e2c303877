// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/stat, status and statm in Linux's formats (fs/proc/array.c
 * do_task_stat, proc_pid_status, proc_pid_statm; man 5 proc), with the
 * values irqlab has and 0 where it has none.  Times are clock ticks of
 * USER_HZ (100), as Linux's nsec_to_clock_t.
 */
#include "internal.h"
#include <irqlab/fdtable.h>
#include <irqlab/mm_types.h>
#include <irqlab/mman.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/smp.h>
#include <irqlab/string.h>
#include <asm/page.h>

#define USER_HZ		100
#define RLIM_INFINITY	(~0UL)

static unsigned long long ns_to_clock_t(u64 ns)
{
	return ns / (1000000000ULL / USER_HZ);
}

/* Linux's task_state_array[]: status's "State:" line. */
static const char *task_state_name(char c)
{
	switch (c) {
	case 'R': return "R (running)";
	case 'S': return "S (sleeping)";
	case 'D': return "D (disk sleep)";
	case 'T': return "T (stopped)";
	case 'Z': return "Z (zombie)";
	case 'I': return "I (idle)";
	default: return "X (dead)";
	}
}

static int task_ppid(const struct task_struct *p)
{
	const struct task_struct *parent = READ_ONCE(p->real_parent);

	return parent && parent != p ? parent->tgid : 0;
}

/* What stat, status and statm need of a task's memory, in pages. */
struct proc_mem {
	unsigned long total_vm, rss, stack_vm, data_vm, exec_vm;
	unsigned long start_code, end_code, start_stack;
	unsigned long start_data, end_data, start_brk;
	unsigned long arg_start, arg_end, env_start, env_end;
};

/* The same caveat as base.c's proc_get_task_mm: no task_lock yet. */

/* A task's signal sets as /proc shows them (Linux's collect_sigign_sigcatch). */
struct sig_sets {
	unsigned long long pending, blocked, ignored, caught;
};

static void sig_masks(struct task_struct *p, struct sig_sets *sm)
{
	const struct task_signal *s = &p->signal;
	int i;

	sm->pending = READ_ONCE(s->pending);
	sm->blocked = READ_ONCE(s->blocked);
	sm->ignored = sm->caught = 0;
	for (i = 0; i < _NSIG; i++) {
		unsigned long h = READ_ONCE(s->action[i].sa_handler);

		if (h == SIG_IGN)
			sm->ignored |= 1ULL << i;
		else if (h != SIG_DFL)
			sm->caught |= 1ULL << i;
	}
}

static bool proc_task_mem(struct task_struct *p, struct proc_mem *pm)
{
	struct mm_struct *mm = READ_ONCE(p->mm);
	struct vm_area_struct *vma;

	memset(pm, 0, sizeof(*pm));
	if (!mm || (READ_ONCE(p->flags) & (PF_EXITING | PF_KTHREAD)) ||
	    p->exit_state)
		return false;
	atomic_inc(&mm->mm_users);
	mutex_lock(&mm->mmap_lock);
	pm->total_vm = mm->total_vm;
	pm->rss = mm->rss;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		unsigned long pages = (vma->vm_end - vma->vm_start) >>
				      PAGE_SHIFT;

		if (vma->vm_flags & VM_GROWSDOWN)
			pm->stack_vm += pages;
		else if (vma->vm_flags & VM_EXEC)
			pm->exec_vm += pages;
		else if (vma->vm_flags & VM_WRITE)
			pm->data_vm += pages;
	}
	pm->start_code = mm->start_code;
	pm->end_code = mm->end_code;
	pm->start_stack = mm->start_stack;
	pm->start_data = mm->start_data;
	pm->end_data = mm->end_data;
	pm->start_brk = mm->start_brk;
	pm->arg_start = mm->arg_start;
	pm->arg_end = mm->arg_end;
	pm->env_start = mm->env_start;
	pm->env_end = mm->env_end;
	mutex_unlock(&mm->mmap_lock);
	mmput(mm);
	return true;
}

int proc_pid_stat(struct seq_file *m)
{
	struct task_struct *p = proc_get_task(m);
	char comm[TASK_COMM_LEN];
	struct proc_mem pm;
	struct sig_sets sm;
	bool has_mm;

	if (!p)
		return -ESRCH;
	has_mm = proc_task_mem(p, &pm);
	memcpy(comm, p->comm, TASK_COMM_LEN);
	comm[TASK_COMM_LEN - 1] = '\0';
	/* pid (comm) state ppid pgrp session tty_nr tpgid flags */
	seq_printf(m, "%d (%s) %c %d %d %d 0 -1 %u", p->pid, comm,
		   task_state_letter(p), task_ppid(p), p->pgrp, p->session,
		   READ_ONCE(p->flags));
	/* minflt cminflt majflt cmajflt utime stime cutime cstime */
	seq_printf(m, " 0 0 0 0 %llu %llu 0 0",
		   ns_to_clock_t(READ_ONCE(p->utime)),
		   ns_to_clock_t(READ_ONCE(p->stime)));
	/* priority nice num_threads itrealvalue starttime vsize rss rsslim */
	seq_printf(m, " %d %d 1 0 %llu %lu %lu %lu",
		   READ_ONCE(p->prio) - MAX_RT_PRIO, task_nice(p),
		   ns_to_clock_t(p->start_time), pm.total_vm << PAGE_SHIFT,
		   pm.rss, RLIM_INFINITY);
	/* startcode endcode startstack kstkesp kstkeip */
	seq_printf(m, " %lu %lu %lu 0 0", pm.start_code, pm.end_code,
		   pm.start_stack);
	/* signal blocked sigignore sigcatch wchan nswap cnswap */
	sig_masks(p, &sm);
	seq_printf(m, " %llu %llu %llu %llu %d 0 0", sm.pending, sm.blocked,
		   sm.ignored, sm.caught, !task_is_running(p));
	/* exit_signal processor rt_priority policy blkio guest cguest */
	seq_printf(m, " %d %d %u %u 0 0 0", p->exit_signal, task_cpu(p),
		   p->rt_priority, p->policy);
	/* start_data end_data start_brk arg_start arg_end env_start env_end */
	seq_printf(m, " %lu %lu %lu %lu %lu %lu %lu", pm.start_data,
		   pm.end_data, pm.start_brk, pm.arg_start, pm.arg_end,
		   pm.env_start, pm.env_end);
	/* exit_code */
	seq_printf(m, " %d\n", has_mm || p->exit_state ? p->exit_code : 0);
	put_task_struct(p);
	return 0;
}

int proc_pid_statm(struct seq_file *m)
{
	struct task_struct *p = proc_get_task(m);
	struct proc_mem pm;

	if (!p)
		return -ESRCH;
	proc_task_mem(p, &pm);
	/* size resident shared text lib data dt */
	seq_printf(m, "%lu %lu 0 %lu 0 %lu 0\n", pm.total_vm, pm.rss,
		   pm.exec_vm, pm.data_vm + pm.stack_vm);
	put_task_struct(p);
	return 0;
}

static void show_kb(struct seq_file *m, const char *label,
		    unsigned long pages)
{
	seq_printf(m, "%s\t%8lu kB\n", label, pages << (PAGE_SHIFT - 10));
}

int proc_pid_status(struct seq_file *m)
{
	struct task_struct *p = proc_get_task(m);
	char comm[TASK_COMM_LEN];
	struct fs_struct *fs;
	struct proc_mem pm;
	struct sig_sets sm;
	unsigned long cpus;
	int ppid;

	if (!p)
		return -ESRCH;
	memcpy(comm, p->comm, TASK_COMM_LEN);
	comm[TASK_COMM_LEN - 1] = '\0';
	ppid = task_ppid(p);
	seq_printf(m, "Name:\t%s\n", comm);
	fs = READ_ONCE(p->fs);
	seq_printf(m, "Umask:\t%04o\n", fs ? READ_ONCE(fs->umask) : 022);
	seq_printf(m, "State:\t%s\n", task_state_name(task_state_letter(p)));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n"
		   "TracerPid:\t0\n", p->tgid, p->pid, ppid);
	seq_puts(m, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
	seq_printf(m, "FDSize:\t%d\n", READ_ONCE(p->files) ?
		   NR_OPEN_DEFAULT : 0);
	seq_puts(m, "Groups:\t\n");
	seq_printf(m, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		   p->tgid, p->pid, p->pgrp, p->session);
	if (proc_task_mem(p, &pm)) {
		show_kb(m, "VmPeak:", pm.total_vm);
		show_kb(m, "VmSize:", pm.total_vm);
		show_kb(m, "VmLck:", 0);
		show_kb(m, "VmPin:", 0);
		show_kb(m, "VmHWM:", pm.rss);
		show_kb(m, "VmRSS:", pm.rss);
		show_kb(m, "RssAnon:", pm.rss);
		show_kb(m, "RssFile:", 0);
		show_kb(m, "RssShmem:", 0);
		show_kb(m, "VmData:", pm.data_vm);
		show_kb(m, "VmStk:", pm.stack_vm);
		show_kb(m, "VmExe:", pm.exec_vm);
		show_kb(m, "VmLib:", 0);
		show_kb(m, "VmPTE:", 0);
		show_kb(m, "VmSwap:", 0);
		show_kb(m, "HugetlbPages:", 0);
	}
	seq_puts(m, "CoreDumping:\t0\nTHP_enabled:\t0\n");
	seq_puts(m, "Threads:\t1\n");
	seq_printf(m, "SigQ:\t0/%d\n", 0);
	sig_masks(p, &sm);
	seq_printf(m, "SigPnd:\t%016llx\nShdPnd:\t0000000000000000\n"
		   "SigBlk:\t%016llx\nSigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		   sm.pending, sm.blocked, sm.ignored, sm.caught);
	seq_puts(m, "CapInh:\t0000000000000000\n"
		    "CapPrm:\t000001ffffffffff\n"
		    "CapEff:\t000001ffffffffff\n"
		    "CapBnd:\t000001ffffffffff\n"
		    "CapAmb:\t0000000000000000\n");
	seq_puts(m, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
	cpus = READ_ONCE(p->cpus_mask);
	seq_puts(m, "Cpus_allowed:\t");
	seq_cpumask(m, cpus, false);
	seq_puts(m, "\nCpus_allowed_list:\t");
	seq_cpumask(m, cpus, true);
	seq_puts(m, "\nMems_allowed:\t1\nMems_allowed_list:\t0\n");
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\n"
		   "nonvoluntary_ctxt_switches:\t%lu\n",
		   READ_ONCE(p->nvcsw), READ_ONCE(p->nivcsw));
	put_task_struct(p);
	return 0;
}
