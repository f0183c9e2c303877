// SPDX-License-Identifier: GPL-2.0
/*
 * The core scheduler, a small Linux kernel/sched/core.c: the run queue
 * locking, picking and switching (__schedule), and the places preemption
 * happens: the tick, wake-up, preempt_enable() and the return from an
 * interrupt.  Waking a task (try_to_wake_up) is in wake.c.
 *
 * preempt_count is per CPU and not saved per task, as on Linux x86: every
 * switch happens with it at 2 (schedule()'s preempt_disable and the rq
 * lock), and the task switched to drops both (finish_task_switch).
 */
#include "sched.h"
#include <irqlab/process.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/sprintf.h>
#include <irqlab/vmalloc.h>
#include <irqlab/jiffies.h>
#include <irqlab/kernel_stat.h>
#include <irqlab/workqueue.h>
#include <irqlab/loadavg.h>
#include <asm/switch_to.h>
#include <asm/processor.h>

DEFINE_PER_CPU(struct rq, runqueues);
bool scheduler_running;

bool need_resched(void)
{
	struct task_struct *curr = current;

	/* NULL before sched_init() / sched_init_cpu() on this CPU. */
	return curr && test_tsk_need_resched(curr);
}

void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	if (test_tsk_need_resched(curr))
		return;
	set_tsk_need_resched(curr);
	/* Another CPU sees the flag when its interrupt returns. */
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

void resched_curr_cpu(int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	resched_curr(rq);
	spin_unlock_irqrestore(&rq->lock, flags);
}

u64 update_curr_common(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	s64 delta = rq->clock_task - curr->se.exec_start;

	if (delta <= 0)
		return 0;
	curr->se.exec_start = rq->clock_task;
	curr->se.sum_exec_runtime += delta;
	/* Linux's schedstat: a host stall shows up here, in one charge. */
	if ((u64)delta > curr->se.exec_max)
		curr->se.exec_max = delta;
	/* utime and stime come from kernel/cputime.c's crossings. */
	return delta;
}

void enqueue_task(struct rq *rq, struct task_struct *p, int flags)
{
	p->sched_class->enqueue_task(rq, p, flags);
}

void dequeue_task(struct rq *rq, struct task_struct *p, int flags)
{
	p->sched_class->dequeue_task(rq, p, flags);
}

void activate_task(struct rq *rq, struct task_struct *p, int flags)
{
	/* Linux's SCHED_WARN_ONs: a task queued twice runs twice. */
	if (WARN_ON(READ_ONCE(p->on_rq) == TASK_ON_RQ_QUEUED))
		dump_stack();
	enqueue_task(rq, p, flags);
	WRITE_ONCE(p->on_rq, TASK_ON_RQ_QUEUED);
}

/*
 * Off the queue: for good if it sleeps, else on its way to another queue,
 * as Linux's: a waker that sees TASK_ON_RQ_MIGRATING waits for the move
 * (__task_rq_lock) instead of queueing the task a second time.
 */
void deactivate_task(struct rq *rq, struct task_struct *p, int flags)
{
	WRITE_ONCE(p->on_rq, (flags & DEQUEUE_SLEEP) ? 0 :
			     TASK_ON_RQ_MIGRATING);
	dequeue_task(rq, p, flags);
}

void wakeup_preempt(struct rq *rq, struct task_struct *p)
{
	const struct sched_class *cc = rq->curr->sched_class;

	if (p->sched_class == cc)
		cc->wakeup_preempt(rq, p);
	else if (sched_class_rank(p->sched_class) > sched_class_rank(cc))
		resched_curr(rq);
}

void set_task_cpu(struct task_struct *p, int cpu)
{
	int old = task_cpu(p);

	if (old == cpu)
		return;
	if (p->sched_class->migrate_task_rq)
		p->sched_class->migrate_task_rq(p, cpu_rq(old), cpu_rq(cpu));
	WRITE_ONCE(p->cpu, cpu);
}

/* Both locks, lower CPU first so two balancers cannot deadlock. */
void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a == b) {
		spin_lock(&a->lock);
	} else if (a->cpu < b->cpu) {
		spin_lock(&a->lock);
		spin_lock(&b->lock);
	} else {
		spin_lock(&b->lock);
		spin_lock(&a->lock);
	}
}

void double_rq_unlock(struct rq *a, struct rq *b)
{
	spin_unlock(&a->lock);
	if (a != b)
		spin_unlock(&b->lock);
}

struct rq *__task_rq_lock(struct task_struct *p)
{
	struct rq *rq;

	for (;;) {
		rq = task_rq(p);
		spin_lock(&rq->lock);
		if (rq == task_rq(p) &&
		    READ_ONCE(p->on_rq) != TASK_ON_RQ_MIGRATING)
			return rq;
		spin_unlock(&rq->lock);
		cpu_relax();
	}
}

/* Pins p to its run queue: neither can change until the unlock. */
struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	spin_lock_irqsave(&p->pi_lock, *flags);
	return __task_rq_lock(p);
}

void task_rq_unlock(struct rq *rq, struct task_struct *p,
		    unsigned long flags)
{
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

bool idle_cpu(int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	return READ_ONCE(rq->curr) == rq->idle && !READ_ONCE(rq->nr_running);
}

struct task_struct *idle_task(int cpu)
{
	return cpu_rq(cpu)->idle;
}

static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	unsigned int prev_state = READ_ONCE(prev->__state);
	bool push = prev->migrate_pending;

	/* From here another CPU may run prev: we are off its stack. */
	smp_store_release(&prev->on_cpu, 0);
	spin_unlock_irq(&rq->lock);
	if (push)
		push_task_away(prev);
	if (prev_state == TASK_DEAD)
		release_dead_task(prev);
}

/* ret_from_fork's first call, on the new task's stack. */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable();
	if (current->mm)
		fork_child_started();
}

static struct task_struct *pick_next_task(struct rq *rq,
					  struct task_struct *prev)
{
	struct task_struct *p;

	prev->sched_class->put_prev_task(rq, prev);
	p = rt_sched_class.pick_next_task(rq);
	if (!p)
		p = fair_sched_class.pick_next_task(rq);
	if (!p)
		p = idle_sched_class.pick_next_task(rq);
	return p;
}

/*
 * The switch.  preempt: an involuntary switch (tick, wake-up, interrupt
 * return), which leaves prev queued whatever its state, so a task
 * preempted between set_current_state() and schedule() is not lost.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev, *next;
	unsigned int prev_state;
	struct rq *rq;

	local_irq_disable();
	rq = this_rq();
	prev = rq->curr;
	spin_lock(&rq->lock);
	update_rq_clock(rq);

	prev_state = READ_ONCE(prev->__state);
	if (!preempt && prev_state != TASK_RUNNING &&
	    !(prev->flags & PF_IDLE)) {
		prev->sched_contributes_to_load =
			task_contributes_to_load(prev_state);
		if (prev->sched_contributes_to_load)
			rq->nr_uninterruptible++;
		deactivate_task(rq, prev, DEQUEUE_SLEEP);
		prev->nvcsw++;
	} else if (prev != rq->idle) {
		prev->nivcsw += preempt;
		/* Its affinity changed while it ran: move it once out. */
		if (task_on_rq_queued(prev) && !cpu_allowed(prev, rq->cpu)) {
			deactivate_task(rq, prev, 0);
			/*
			 * Off any queue, as if asleep: a waker queues it
			 * itself (once we are off its stack), or
			 * push_task_away() does after the switch.
			 */
			WRITE_ONCE(prev->on_rq, 0);
			prev->migrate_pending = true;
		}
	}

	next = pick_next_task(rq, prev);
	clear_tsk_need_resched(prev);
	if (likely(prev != next)) {
		rq->nr_switches++;
		if (WARN_ON(READ_ONCE(next->on_cpu)))
			dump_stack();
		WRITE_ONCE(next->on_cpu, 1);
		WRITE_ONCE(rq->curr, next);
		account_task_switch(next == rq->idle);
		prev = switch_to(prev, next);
		finish_task_switch(prev);
	} else {
		spin_unlock_irq(&rq->lock);
	}
}

/*
 * A kworker about to block tells its pool, before the rq lock is taken
 * (the pool may wake another kworker), as Linux's sched_submit_work().
 */
static inline void sched_submit_work(struct task_struct *tsk)
{
	if (!task_is_running(tsk) && (tsk->flags & PF_WQ_WORKER)) {
		preempt_disable();
		wq_worker_sleeping(tsk);
		preempt_enable_no_resched();
	}
}

/* ... and that it runs again (Linux's sched_update_worker()). */
static inline void sched_update_worker(struct task_struct *tsk)
{
	if (tsk->flags & PF_WQ_WORKER)
		wq_worker_running(tsk);
}

void schedule(void)
{
	unsigned long saved = preempt_count(), flags = local_save_flags();
	struct task_struct *tsk = current;

	if (unlikely(saved)) {
		if (!schedule_bug())
			return;
		/* Reported: switch anyway, then give the caller its count. */
		preempt_count_set(0);
	}
	sched_submit_work(tsk);
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
	sched_update_worker(tsk);
	if (unlikely(saved))
		preempt_count_set(saved);
	if (unlikely(!(flags & X86_EFLAGS_IF)))
		local_irq_disable();
}

/*
 * The last thing a task does.  Straight into __schedule() with
 * preemption off: preempted with TASK_DEAD set, it would stay queued
 * while finish_task_switch() freed it.
 */
void __noreturn do_task_dead(void)
{
	preempt_disable();
	set_current_state(TASK_DEAD);
	__schedule(false);
	BUG();
}

/* The idle loop's: never deactivates, and the count is 0 there. */
void schedule_idle(void)
{
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
}

void schedule_preempt_disabled(void)
{
	preempt_enable_no_resched();
	schedule();
	preempt_disable();
}

/* From preempt_enable(): the count just reached 0. */
void preempt_schedule(void)
{
	if (preempt_count() || irqs_disabled())
		return;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

/*
 * From the interrupt return path, with interrupts off, when the
 * interrupted code had them on and preempt_count is 0.
 */
void preempt_schedule_irq(void)
{
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

int _cond_resched(void)
{
	if (!preempt_count() && !irqs_disabled() && need_resched()) {
		preempt_schedule();
		return 1;
	}
	return 0;
}

void yield(void)
{
	struct rq *rq;

	__set_current_state(TASK_RUNNING);
	local_irq_disable();
	rq = this_rq();
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	current->sched_class->yield_task(rq);
	do_raw_spin_unlock(&rq->lock);
	local_irq_enable();
	preempt_enable_no_resched();
	schedule();
}

/*
 * Hard-irq context, from each CPU's tick (update_process_times).  What
 * ran is charged by the rq clock, so a tick that stands for several
 * missed ones charges all of their time.
 */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	if (!rq->idle)
		return;		/* this CPU's scheduler is not up yet */
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	curr = rq->curr;
	curr->sched_class->task_tick(rq, curr);
	update_cfs_load_avg(rq);
	calc_global_load_tick(rq);
	spin_unlock(&rq->lock);
	sched_rt_period_timer();
	trigger_load_balance(rq);
}

/* The reschedule IPI: need_resched is already set; the return acts. */
void scheduler_ipi(void)
{
}

void sched_fork(struct task_struct *p)
{
	p->__state = TASK_NEW;
	p->policy = SCHED_NORMAL;
	p->static_prio = NICE_TO_PRIO(0);
	p->prio = p->normal_prio = p->static_prio;
	p->sched_class = &fair_sched_class;
	set_load_weight(p);
	p->cpus_mask = ~0UL;
	p->nr_cpus_allowed = NR_CPUS;
	p->cpu = smp_processor_id();
	INIT_LIST_HEAD(&p->se.run_node);
	INIT_LIST_HEAD(&p->rt.run_list);
	spin_lock_init(&p->pi_lock);
}

static void init_this_rq(int cpu)
{
	struct rq *rq = this_rq();

	spin_lock_init(&rq->lock);
	rq->lock.name = "rq->lock";
	rq->cpu = cpu;
	rq->next_balance = jiffies;
	rq->calc_load_update = READ_ONCE(calc_load_update);
	init_cfs_rq(&rq->cfs);
	init_rt_rq(&rq->rt);
	init_timers_cpu(cpu);
}

/* The running boot context becomes this CPU's idle task, swapper/N. */
static void init_idle(int cpu)
{
	struct rq *rq = this_rq();
	struct task_struct *idle = kzalloc(sizeof(*idle), GFP_KERNEL);

	if (!idle)
		panic("sched: no memory for the idle task of CPU %d", cpu);
	sched_fork(idle);
	idle->__state = TASK_RUNNING;
	idle->flags = PF_IDLE | PF_KTHREAD | PF_NO_SETAFFINITY;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	idle->pid = 0;
	atomic_set(&idle->usage, 1);
	idle->sched_class = &idle_sched_class;
	idle->prio = idle->normal_prio = MAX_PRIO;
	idle->cpus_mask = 1UL << cpu;
	idle->nr_cpus_allowed = 1;
	idle->cpu = cpu;
	idle->on_cpu = 1;
	idle->start_time = ktime_get_ns();
	update_rq_clock(rq);
	idle->se.exec_start = rq->clock_task;

	spin_lock(&tasklist_lock);
	list_add_tail(&idle->tasks, &task_list);
	spin_unlock(&tasklist_lock);

	rq->idle = idle;
	rq->curr = idle;
	this_cpu_ptr(&pcpu_hot)->current_task = idle;
}

void sched_init(void)
{
	init_calc_load();
	init_pelt();
	init_this_rq(smp_processor_id());
	init_idle(smp_processor_id());
	init_sched_fair_class();
	WRITE_ONCE(scheduler_running, true);
	pr_info("sched: per-CPU run queues, SCHED_FIFO and fair classes, HZ=%d\n",
		HZ);
}

/* On the AP itself, before it is marked online. */
void sched_init_cpu(int cpu)
{
	init_this_rq(cpu);
	init_idle(cpu);
}

int current_pid(void)
{
	struct task_struct *curr = current;

	return curr ? curr->pid : 0;
}

const char *current_comm(void)
{
	static char early[NR_CPUS][TASK_COMM_LEN];
	struct task_struct *curr = current;
	int cpu = smp_processor_id();

	if (curr)
		return curr->comm;
	snprintf(early[cpu], TASK_COMM_LEN, "swapper/%d", cpu);
	return early[cpu];
}

/*
 * What p has run, ns, including the slice it is in now (Linux's
 * task_sched_runtime): a running task's sum_exec_runtime alone is as old
 * as its CPU's last tick, which a starved host can make very old.
 */
u64 task_sched_runtime(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;
	u64 ns;

	rq = task_rq_lock(p, &flags);
	if (task_current(rq, p)) {
		update_rq_clock(rq);
		p->sched_class->update_curr(rq);
	}
	ns = p->se.sum_exec_runtime;
	task_rq_unlock(rq, p, flags);
	return ns;
}

/* /proc/stat's ctxt, processes and procs_running lines. */
u64 nr_context_switches(void)
{
	u64 sum = 0;
	int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_switches);
	return sum;
}

unsigned int nr_running(void)
{
	unsigned int sum = 0;
	int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_running);
	return sum;
}
