/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Snapshots of the task list for ps and top: copied out under
 * tasklist_lock, so printing (slow, on the serial port) holds no lock.
 */
#ifndef _SHELL_TASKVIEW_H
#define _SHELL_TASKVIEW_H

#include <irqlab/sched.h>

#define TASKVIEW_MAX	256

struct task_snap {
	int pid;
	int cpu;
	unsigned int policy;
	unsigned int rt_priority;
	int nice;
	char state;		/* ps's letter: R S D I X */
	u64 runtime;		/* ns on a CPU */
	char comm[TASK_COMM_LEN];
};

/* Fills snaps (at most max); returns how many tasks there were. */
int taskview_snapshot(struct task_snap *snaps, int max);
/* The snapshot in snaps of the same task as like, or NULL. */
const struct task_snap *taskview_find(const struct task_snap *snaps, int n,
				      const struct task_snap *like);
/* Looks a PID argument up; prints the error itself. NULL if none. */
struct task_struct *taskview_get_task(const char *cmd, const char *arg);

#endif /* _SHELL_TASKVIEW_H */
