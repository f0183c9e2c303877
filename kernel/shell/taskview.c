// SPDX-License-Identifier: GPL-2.0
#include "taskview.h"
#include <irqlab/shell.h>
#include <irqlab/string.h>
#include <irqlab/kstrtox.h>

int taskview_snapshot(struct task_snap *snaps, int max)
{
	struct task_struct *p;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (n < max) {
			struct task_snap *s = &snaps[n];

			s->pid = p->pid;
			s->cpu = task_cpu(p);
			s->policy = p->policy;
			s->rt_priority = p->rt_priority;
			s->nice = task_nice(p);
			s->state = task_state_letter(p);
			s->runtime = task_sched_runtime(p);
			memcpy(s->comm, p->comm, TASK_COMM_LEN);
		}
		n++;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

/* The idle tasks all have pid 0, as in Linux: the name tells them apart. */
const struct task_snap *taskview_find(const struct task_snap *snaps, int n,
				      const struct task_snap *like)
{
	int i;

	for (i = 0; i < n; i++)
		if (snaps[i].pid == like->pid &&
		    !strcmp(snaps[i].comm, like->comm))
			return &snaps[i];
	return NULL;
}

struct task_struct *taskview_get_task(const char *cmd, const char *arg)
{
	struct task_struct *p;
	int pid;

	if (kstrtoint(arg, 10, &pid) || pid < 0) {
		sh_printf("%s: invalid PID argument: '%s'\n", cmd, arg);
		return NULL;
	}
	p = find_get_task_by_vpid(pid);
	if (!p)
		sh_printf("%s: failed to find pid %d\n", cmd, pid);
	return p;
}
