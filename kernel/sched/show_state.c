// SPDX-License-Identifier: GPL-2.0
/*
 * Every task's state and where it sleeps (Linux's sched_show_task() and
 * show_state_filter(), kernel/sched/core.c), for sysrq t and w:
 *
 *   task:kworker/0:1     state:I stack:0     pid:12    ppid:2      flags:0x00004000
 *   Call Trace:
 *    <TASK>
 *    __schedule+0x.../0x...
 *    ...
 *
 * A task's stack is read only while it is switched out and still on
 * the task list (tasklist_lock held: exit frees the stack only after
 * taking the task off the list); a task on a CPU, or a zombie whose
 * stack is gone, shows its line alone.  Linux's "stack:" is the unused
 * stack (CONFIG_DEBUG_STACK_USAGE), 0 without it, as here.  Linux also
 * prints the scheduler's debug tables after sysrq t (CONFIG_SCHED_DEBUG);
 * irqlab does not.
 */
#include <asm/traps.h>
#include <irqlab/loadavg.h>
#include <irqlab/printk.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/spinlock.h>

/* Linux's state_filter_match: w leaves out the idle kworkers. */
static bool state_filter_match(unsigned int filter, struct task_struct *p)
{
	unsigned int state = READ_ONCE(p->__state);

	if (!filter)
		return true;
	if (!(state & filter))
		return false;
	return !(filter == TASK_UNINTERRUPTIBLE && state == TASK_IDLE);
}

static bool on_task_list(struct task_struct *p)
{
	struct task_struct *q;

	for_each_process(q)
		if (q == p)
			return true;
	return false;
}

void sched_show_task(struct task_struct *p)
{
	unsigned long flags;
	bool stack;
	int ppid;

	spin_lock_irqsave(&tasklist_lock, flags);
	/* The parent is only safe to read under the lock. */
	ppid = on_task_list(p) && p->real_parent ? p->real_parent->pid : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	pr_info("task:%-15.15s state:%c", p->comm, task_state_letter(p));
	if (task_is_running(p))
		pr_cont("  running task    ");
	pr_cont(" stack:%-5lu pid:%-5d ppid:%-6d flags:0x%08lx\n", 0UL,
		p->pid, ppid, READ_ONCE(p->thread_info.flags));
	spin_lock_irqsave(&tasklist_lock, flags);
	stack = on_task_list(p) && !p->exit_state && !READ_ONCE(p->on_cpu);
	if (stack)
		show_stack(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void show_state_filter(unsigned int state_filter)
{
	struct task_struct *p, **tasks;
	unsigned long flags;
	unsigned int n = 0, i;

	/* Taken with references first, to print without the lock. */
	/* Atomic: sysrq may come from the serial interrupt. */
	tasks = kmalloc_array(nr_threads + 16, sizeof(*tasks), GFP_ATOMIC);
	if (!tasks)
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (n == nr_threads + 16)
			break;
		/* Linux's walk starts after init_task: no idle task. */
		if (p->flags & PF_IDLE)
			continue;
		if (state_filter_match(state_filter, p)) {
			get_task_struct(p);
			tasks[n++] = p;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	for (i = 0; i < n; i++) {
		sched_show_task(tasks[i]);
		put_task_struct(tasks[i]);
	}
	kfree(tasks);
}
