// SPDX-License-Identifier: GPL-2.0
/*
 * The idle class and loop (Linux's kernel/sched/idle.c): each CPU's
 * swapper/N is never queued; it is picked when no other class has a
 * task, tries to pull work from a busier CPU, and otherwise halts until
 * an interrupt (the tick, a device, a reschedule IPI) comes.
 */
#include "sched.h"
#include <asm/processor.h>

static void update_curr_idle(struct rq *rq)
{
	/* Its sum_exec_runtime is this CPU's idle time. */
	update_curr_common(rq);
}

static void enqueue_task_idle(struct rq *rq, struct task_struct *p,
			      int flags)
{
	WARN_ON(1);	/* an idle task is never queued */
}

static void dequeue_task_idle(struct rq *rq, struct task_struct *p,
			      int flags)
{
	WARN_ON(1);
}

static void yield_task_idle(struct rq *rq)
{
}

static void wakeup_preempt_idle(struct rq *rq, struct task_struct *p)
{
	resched_curr(rq);
}

static void set_next_task_idle(struct rq *rq, struct task_struct *p)
{
	p->se.exec_start = rq->clock_task;
}

static struct task_struct *pick_next_task_idle(struct rq *rq)
{
	set_next_task_idle(rq, rq->idle);
	return rq->idle;
}

static void put_prev_task_idle(struct rq *rq, struct task_struct *p)
{
	update_curr_idle(rq);
}

static void task_tick_idle(struct rq *rq, struct task_struct *p)
{
	update_curr_idle(rq);
}

const struct sched_class idle_sched_class = {
	.enqueue_task		= enqueue_task_idle,
	.dequeue_task		= dequeue_task_idle,
	.yield_task		= yield_task_idle,
	.wakeup_preempt		= wakeup_preempt_idle,
	.pick_next_task		= pick_next_task_idle,
	.put_prev_task		= put_prev_task_idle,
	.set_next_task		= set_next_task_idle,
	.task_tick		= task_tick_idle,
	.update_curr		= update_curr_idle,
};

/*
 * Every CPU ends here (kmain on the boot CPU, start_secondary on the
 * others), as its idle task.  sti;hlt is atomic against an interrupt: one
 * that sets need_resched after the test still wakes the hlt.
 */
void __noreturn cpu_startup_entry(void)
{
	struct rq *rq = this_rq();

	for (;;) {
		while (!need_resched()) {
			local_irq_disable();
			if (idle_balance(rq) || need_resched()) {
				local_irq_enable();
				break;
			}
			__asm__ __volatile__("sti; hlt" ::: "memory");
		}
		schedule_idle();
	}
}
