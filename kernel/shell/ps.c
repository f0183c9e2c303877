// SPDX-License-Identifier: GPL-2.0
/*
 * ps: every task, with the columns of procps's
 *   ps -eo pid,psr,cls,rtprio,ni,stat,time,comm
 * CLS is TS (fair) or FF (FIFO); STAT is the state letter (I for an idle
 * kernel thread) and procps's < or N for a negative or positive nice;
 * TIME is CPU time used, [DD-]HH:MM:SS.
 */
#include "taskview.h"
#include <irqlab/shell.h>
#include <irqlab/slab.h>

static int cmd_ps(int argc, char **argv)
{
	struct task_snap *snaps;
	unsigned long secs;
	int n, i;

	snaps = kmalloc_array(TASKVIEW_MAX, sizeof(*snaps), GFP_KERNEL);
	if (!snaps) {
		sh_printf("ps: out of memory\n");
		return 1;
	}
	n = min(taskview_snapshot(snaps, TASKVIEW_MAX), TASKVIEW_MAX);
	sh_printf("  PID PSR CLS RTPRIO  NI STAT     TIME COMMAND\n");
	for (i = 0; i < n; i++) {
		const struct task_snap *s = &snaps[i];
		bool fifo = s->policy == SCHED_FIFO;

		secs = s->runtime / 1000000000;
		sh_printf("%5d %3d %3s ", s->pid, s->cpu, fifo ? "FF" : "TS");
		if (fifo)
			sh_printf("%6u   - ", s->rt_priority);
		else
			sh_printf("     - %3d ", s->nice);
		/* procps: < for high priority (nice < 0), N for low. */
		sh_printf("%c%-3s ", s->state,
			  s->nice < 0 ? "<" : s->nice > 0 ? "N" : "");
		if (secs >= 86400)
			sh_printf("%lu-", secs / 86400);
		sh_printf("%02lu:%02lu:%02lu %s\n", secs / 3600 % 24,
			  secs / 60 % 60, secs % 60, s->comm);
	}
	kfree(snaps);
	return 0;
}
SHELL_COMMAND("ps", "every task: pid, CPU, class, priority, state, time",
	      cmd_ps);
