// SPDX-License-Identifier: GPL-2.0
#include "taskview.h"
#include <irqlab/shell.h>
#include <irqlab/string.h>
#include <irqlab/kstrtox.h>

/*
 * ps's STAT letter, as Linux's task_state_index(): a zombie is Z,
 * TASK_IDLE (an idle kworker) is I; a task not yet started waits as Linux's kthread() does,
 * in D.
 */
static char state_letter(const struct task_struct *p)
{
	unsigned int s = READ_ONCE(p->__state);

	/* A process that exited and waits for its parent's wait4(). */
	if (READ_ONCE(p->exit_state) == EXIT_ZOMBIE)
		return 'Z';
	if ((s & TASK_IDLE) == TASK_IDLE)
		return 'I';
	if (s & TASK_DEAD)
		return 'X';
	if (s & (TASK_UNINTERRUPTIBLE | TASK_NEW))
		return 'D';
	if (s & TASK_INTERRUPTIBLE)
		return 'S';
	return 'R';
}

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
			s->state = state_letter(p);
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
