// SPDX-License-Identifier: GPL-2.0
/*
 * chrt, renice, taskset and nproc, with util-linux's and coreutils'
 * options and messages, acting on kernel threads by PID.
 */
#include "taskview.h"
#include <irqlab/shell.h>
#include <irqlab/string.h>
#include <irqlab/kstrtox.h>
#include <irqlab/bitmap.h>
#include <irqlab/errno.h>

static const char *policy_name(unsigned int policy)
{
	return policy == SCHED_FIFO ? "SCHED_FIFO" : "SCHED_OTHER";
}

/* chrt -p PID | chrt -f -p PRIO PID | chrt -o -p 0 PID */
static int cmd_chrt(int argc, char **argv)
{
	struct sched_param param;
	struct task_struct *p;
	int policy, prio, ret;

	if (argc == 3 && !strcmp(argv[1], "-p")) {
		p = taskview_get_task("chrt", argv[2]);
		if (!p)
			return 1;
		sh_printf("pid %d's current scheduling policy: %s\n", p->pid,
			  policy_name(p->policy));
		sh_printf("pid %d's current scheduling priority: %u\n", p->pid,
			  p->policy == SCHED_FIFO ? p->rt_priority : 0);
		put_task_struct(p);
		return 0;
	}
	if (argc != 5 || strcmp(argv[2], "-p") ||
	    (strcmp(argv[1], "-f") && strcmp(argv[1], "-o"))) {
		sh_printf("usage: chrt -p PID | chrt -f -p PRIO PID | chrt -o -p 0 PID\n");
		return 1;
	}
	policy = argv[1][1] == 'f' ? SCHED_FIFO : SCHED_NORMAL;
	if (kstrtoint(argv[3], 10, &prio)) {
		sh_printf("chrt: invalid priority argument: '%s'\n", argv[3]);
		return 1;
	}
	p = taskview_get_task("chrt", argv[4]);
	if (!p)
		return 1;
	param.sched_priority = prio;
	ret = sched_setscheduler(p, policy, &param);
	if (ret)
		sh_printf("chrt: failed to set pid %d's policy: %s\n", p->pid,
			  strerror(ret));
	put_task_struct(p);
	return ret ? 1 : 0;
}
SHELL_COMMAND("chrt", "chrt [-f|-o] -p [PRIO] PID: real-time policy",
	      cmd_chrt);

/* renice -n N -p PID */
static int cmd_renice(int argc, char **argv)
{
	struct task_struct *p;
	int nice, old;

	if (argc != 5 || strcmp(argv[1], "-n") || strcmp(argv[3], "-p")) {
		sh_printf("usage: renice -n N -p PID\n");
		return 1;
	}
	if (kstrtoint(argv[2], 10, &nice)) {
		sh_printf("renice: invalid priority '%s'\n", argv[2]);
		return 1;
	}
	p = taskview_get_task("renice", argv[4]);
	if (!p)
		return 1;
	/* Out of range is clamped, as setpriority(2) does. */
	nice = max(MIN_NICE, min(MAX_NICE, nice));
	old = task_nice(p);
	set_user_nice(p, nice);
	sh_printf("%d (process ID) old priority %d, new priority %d\n", p->pid,
		  old, task_nice(p));
	put_task_struct(p);
	return 0;
}
SHELL_COMMAND("renice", "renice -n N -p PID: nice value", cmd_renice);

/* taskset -p PID | taskset -cp PID | taskset -cp LIST PID */
static int cmd_taskset(int argc, char **argv)
{
	char list[128];
	struct task_struct *p;
	unsigned long mask;
	bool cpulist;
	int ret;

	cpulist = argc >= 2 && !strcmp(argv[1], "-cp");
	if (argc < 3 || argc > 4 || (!cpulist && strcmp(argv[1], "-p")) ||
	    (argc == 4 && !cpulist)) {
		sh_printf("usage: taskset -p PID | taskset -cp [LIST] PID\n");
		return 1;
	}
	p = taskview_get_task("taskset", argv[argc - 1]);
	if (!p)
		return 1;
	bitmap_print_list(list, sizeof(list), p->cpus_mask);
	if (cpulist)
		sh_printf("pid %d's current affinity list: %s\n", p->pid, list);
	else
		sh_printf("pid %d's current affinity mask: %lx\n", p->pid,
			  p->cpus_mask);
	if (argc == 4) {
		ret = bitmap_parselist(argv[2], &mask, NR_CPUS);
		if (!ret)
			ret = set_cpus_allowed_ptr(p, mask);
		if (ret) {
			sh_printf("taskset: failed to set pid %d's affinity: %s\n",
				  p->pid, strerror(ret));
		} else {
			bitmap_print_list(list, sizeof(list), p->cpus_mask);
			sh_printf("pid %d's new affinity list: %s\n", p->pid,
				  list);
		}
	}
	put_task_struct(p);
	return 0;
}
SHELL_COMMAND("taskset", "taskset -cp [LIST] PID: CPU affinity", cmd_taskset);

static int cmd_nproc(int argc, char **argv)
{
	sh_printf("%u\n", num_online_cpus());
	return 0;
}
SHELL_COMMAND("nproc", "the number of CPUs online", cmd_nproc);
