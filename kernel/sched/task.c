// SPDX-License-Identifier: GPL-2.0
/*
 * Creating and reaping tasks (Linux's kernel/fork.c copy_process() and
 * kernel/exit.c do_exit(), for kernel threads only): a task_struct, a
 * THREAD_SIZE stack whose first frame returns into ret_from_fork, a pid,
 * a place on the task list.  A task that exits is freed by the next one
 * to run on its CPU (finish_task_switch), once nothing uses its stack.
 */
#include "sched.h"
#include <irqlab/kthread.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/vmalloc.h>
#include <irqlab/loadavg.h>
#include <irqlab/process.h>
#include <asm/switch_to.h>
#include <asm/ptrace.h>

LIST_HEAD(task_list);
DEFINE_SPINLOCK(tasklist_lock);
static atomic_t last_pid;
/* Tasks on the list but the idle ones, under tasklist_lock: Linux's. */
unsigned int nr_threads;

/* Tasks created since boot: /proc/stat's processes line. */
unsigned long nr_total_forks(void)
{
	return atomic_read(&last_pid);
}

int last_pid_allocated(void)
{
	return atomic_read(&last_pid);
}

struct task_struct *create_task(int (*fn)(void *), void *arg,
				const char *comm)
{
	struct inactive_task_frame *frame;
	struct task_struct *p;
	unsigned long flags;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return NULL;
	p->stack = alloc_kernel_stack();
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	atomic_set(&p->usage, 1);	/* dropped once it has died */
	p->flags = PF_KTHREAD;
	strscpy(p->comm, comm, sizeof(p->comm));
	p->start_time = ktime_get_ns();
	p->threadfn = fn;
	p->threadfn_data = arg;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	sched_fork(p);

	/*
	 * Below the user registers at the top (a kernel thread may exec a
	 * program and return to user mode with them); pt_regs' size keeps
	 * ret_from_fork's calls 16-byte aligned.
	 */
	frame = (struct inactive_task_frame *)task_pt_regs(p) - 1;
	memset(frame, 0, sizeof(*frame));
	frame->rbx = (unsigned long)fn;
	frame->r12 = (unsigned long)arg;
	frame->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)frame;

	spin_lock_irqsave(&tasklist_lock, flags);
	p->pid = atomic_inc_return(&last_pid);
	p->tgid = p->pid;	/* one thread per process */
	list_add_tail(&p->tasks, &task_list);
	nr_threads++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/* A task create_task() made that never ran (fork failed half-way). */
void release_new_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	nr_threads--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	free_kernel_stack(p->stack);
	kfree(p);
}

void put_task_struct(struct task_struct *p)
{
	if (!atomic_dec_and_test(&p->usage))
		return;
	kfree(p->kthread);
	kfree(p);
}

char task_state_letter(const struct task_struct *p)
{
	unsigned int s = READ_ONCE(p->__state);

	if (READ_ONCE(p->exit_state) == EXIT_ZOMBIE)
		return 'Z';
	if (READ_ONCE(p->exit_state) == EXIT_DEAD)
		return 'X';
	if ((s & TASK_IDLE) == TASK_IDLE)
		return 'I';
	if (s & TASK_DEAD)
		return 'X';
	if (s & TASK_STOPPED)
		return 'T';
	/* Not started yet: waits as Linux's kthread() does, in D. */
	if (s & (TASK_UNINTERRUPTIBLE | TASK_NEW))
		return 'D';
	if (s & TASK_INTERRUPTIBLE)
		return 'S';
	return 'R';
}

struct task_struct *find_get_task_by_vpid(int pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		/* pid 0 is every CPU's idle task: the boot CPU's answers. */
		if (p->pid == pid) {
			found = p;
			get_task_struct(found);
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	if (tsk->flags & PF_IDLE)
		panic("Attempted to kill the idle task!");
	if (tsk->pid == 1 && tsk->mm)
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	if (tsk->kthread)
		kthread_exit_notify(tsk, code);
	exit_process(tsk);
	do_task_dead();
}

/* finish_task_switch(): nothing runs on p's stack any more. */
void release_dead_task(struct task_struct *p)
{
	unsigned long flags;

	/* A process stays listed (a zombie) until reaped: exit.c. */
	if (!p->exit_state) {
		spin_lock_irqsave(&tasklist_lock, flags);
		list_del(&p->tasks);
		nr_threads--;
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	free_kernel_stack(p->stack);
	p->stack = NULL;
	put_task_struct(p);
}
