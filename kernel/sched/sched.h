/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scheduler's own view (Linux's kernel/sched/sched.h): per-CPU run
 * queues and the classes that fill them.  Lock order: p->pi_lock, then
 * rq->lock; two rq locks in CPU-number order (double_rq_lock).
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <irqlab/sched.h>
#include <irqlab/percpu.h>
#include <irqlab/kernel.h>
#include <irqlab/timekeeping.h>
#include <irqlab/kernel_stat.h>

/* task->on_rq */
#define TASK_ON_RQ_QUEUED	1
#define TASK_ON_RQ_MIGRATING	2

/* enqueue/dequeue flags, Linux's meaning */
#define DEQUEUE_SLEEP		0x01	/* going to sleep */
#define DEQUEUE_SAVE		0x02	/* put back at once (new attributes) */
#define ENQUEUE_WAKEUP		0x01
#define ENQUEUE_RESTORE		0x02
#define ENQUEUE_INITIAL		0x04	/* a new task's first time */

#define NICE_0_LOAD		1024UL

/* Tunables, Linux's defaults (ns). */
extern unsigned int sysctl_sched_base_slice;
extern unsigned int sysctl_sched_latency;
extern unsigned int sysctl_sched_wakeup_granularity;
extern unsigned int sysctl_sched_migration_cost;
extern const int sched_prio_to_weight[40];

struct cfs_rq {
	struct list_head tasks;		/* queued, not curr; by vruntime */
	unsigned int nr_running;	/* including curr */
	unsigned long load;		/* sum of their weights */
	unsigned long load_avg;		/* sum of their load averages */
	u64 min_vruntime;		/* never goes back */
	struct sched_entity *curr;
};

#define RT_BITMAP_LONGS	((MAX_RT_PRIO + 63) / 64)

struct rt_rq {
	struct list_head queue[MAX_RT_PRIO];	/* by prio, FIFO in each */
	unsigned long bitmap[RT_BITMAP_LONGS];	/* non-empty queues */
	unsigned int rt_nr_running;
	/* Its tasks count in rq->nr_running and can be picked: it has
	 * tasks and is not throttled (Linux's rt_queued). */
	bool rt_queued;
	bool rt_throttled;		/* used its runtime this period */
	u64 rt_time;			/* ns RT ran this period */
};

struct rq {
	spinlock_t lock;
	int cpu;
	unsigned int nr_running;	/* runnable in any class, curr too;
					 * not a throttled RT queue's */
	struct task_struct *curr;
	struct task_struct *idle;
	u64 clock;			/* ktime ns, updated under lock */
	/* What tasks are charged in: clock less this CPU's interrupts
	 * (Linux's clock_task with CONFIG_IRQ_TIME_ACCOUNTING). */
	u64 clock_task;
	u64 prev_irq_time;		/* irq_time_read() at the last update */
	u64 nr_switches;
	unsigned long next_balance;	/* jiffies */
	unsigned int nr_balance_failed;	/* periodic pulls in a row */
	/* The load average's (loadavg.c): */
	unsigned int nr_uninterruptible;	/* may wrap below 0 here */
	unsigned long calc_load_update;	/* jiffies: next fold */
	long calc_load_active;		/* what was folded last */
	struct cfs_rq cfs;
	struct rt_rq rt;
};

DECLARE_PER_CPU(struct rq, runqueues);
#define cpu_rq(cpu)		per_cpu_ptr(&runqueues, (cpu))
#define this_rq()		this_cpu_ptr(&runqueues)
#define task_rq(p)		cpu_rq(task_cpu(p))

/*
 * A class is a set of hooks; core.c asks them in priority order
 * (FIFO, fair, idle), the first with a runnable task wins.
 */
struct sched_class {
	void (*enqueue_task)(struct rq *rq, struct task_struct *p, int flags);
	void (*dequeue_task)(struct rq *rq, struct task_struct *p, int flags);
	void (*yield_task)(struct rq *rq);
	/* p was woken or moved here: should it preempt rq->curr? */
	void (*wakeup_preempt)(struct rq *rq, struct task_struct *p);
	struct task_struct *(*pick_next_task)(struct rq *rq);
	void (*put_prev_task)(struct rq *rq, struct task_struct *p);
	void (*set_next_task)(struct rq *rq, struct task_struct *p);
	void (*task_tick)(struct rq *rq, struct task_struct *p);
	void (*update_curr)(struct rq *rq);
	/* p moves from src to dst (both locked or p off both) */
	void (*migrate_task_rq)(struct task_struct *p, struct rq *src,
				struct rq *dst);
};

extern const struct sched_class rt_sched_class;
extern const struct sched_class fair_sched_class;
extern const struct sched_class idle_sched_class;

/* Higher class first: the order pick_next_task() asks them in. */
static inline int sched_class_rank(const struct sched_class *c)
{
	if (c == &rt_sched_class)
		return 2;
	if (c == &fair_sched_class)
		return 1;
	return 0;
}

static inline bool task_current(struct rq *rq, struct task_struct *p)
{
	return rq->curr == p;
}

static inline bool task_on_rq_queued(struct task_struct *p)
{
	return READ_ONCE(p->on_rq) == TASK_ON_RQ_QUEUED;
}

/* Linux's task_contributes_to_load(), of the state it went to sleep in. */
static inline bool task_contributes_to_load(unsigned int state)
{
	return (state & TASK_UNINTERRUPTIBLE) && !(state & TASK_NOLOAD);
}

static inline bool cpu_allowed(struct task_struct *p, int cpu)
{
	return (p->cpus_mask >> cpu) & 1;
}

/* What the classes' enqueue and dequeue count, as Linux's. */
static inline void add_nr_running(struct rq *rq, unsigned int count)
{
	WRITE_ONCE(rq->nr_running, rq->nr_running + count);
}

static inline void sub_nr_running(struct rq *rq, unsigned int count)
{
	WRITE_ONCE(rq->nr_running, rq->nr_running - count);
}

/* core.c */
void enqueue_task(struct rq *rq, struct task_struct *p, int flags);
void dequeue_task(struct rq *rq, struct task_struct *p, int flags);
void activate_task(struct rq *rq, struct task_struct *p, int flags);
void deactivate_task(struct rq *rq, struct task_struct *p, int flags);
void wakeup_preempt(struct rq *rq, struct task_struct *p);
void resched_curr(struct rq *rq);
void set_task_cpu(struct task_struct *p, int cpu);
void double_rq_lock(struct rq *a, struct rq *b);
void double_rq_unlock(struct rq *a, struct rq *b);
struct rq *__task_rq_lock(struct task_struct *p);
struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags);
void task_rq_unlock(struct rq *rq, struct task_struct *p,
		    unsigned long flags);
int select_task_rq(struct task_struct *p);
struct rq *move_queued_task(struct rq *rq, struct task_struct *p, int cpu);
void sched_fork(struct task_struct *p);
void set_load_weight(struct task_struct *p);

/* fair.c, rt.c */
void init_cfs_rq(struct cfs_rq *cfs);
void init_rt_rq(struct rt_rq *rt);
/* From every CPU's tick, its rq unlocked: ends the RT period when due. */
void sched_rt_period_timer(void);

/* balance.c */
void trigger_load_balance(struct rq *rq);
void init_sched_fair_class(void);
bool idle_balance(struct rq *rq);

/* pelt.c */
void init_pelt(void);
void init_entity_load_avg(struct sched_entity *se, u64 now);
void update_load_avg(struct sched_entity *se, u64 now, bool runnable);
void update_cfs_load_avg(struct rq *rq);

/* loadavg.c */
void init_calc_load(void);
void calc_global_load_tick(struct rq *rq);

/* task.c: called by finish_task_switch() for a task that has died */
void release_dead_task(struct task_struct *p);
void __noreturn do_task_dead(void);

/* migrate.c: prev was not allowed here; queue it where it is */
void push_task_away(struct task_struct *p);

/* might_sleep.c: schedule() in atomic context; false: do not switch */
bool schedule_bug(void);

/* kernel/time/timer.c: set up, and run, this CPU's timers */
void init_timers_cpu(int cpu);
void run_local_timers(void);

/* Charges rq->curr for the time since it last was; returns the ns. */
u64 update_curr_common(struct rq *rq);

/*
 * Linux's update_rq_clock() and update_rq_clock_task(): time spent in
 * hard interrupts and softirqs (but ksoftirqd's, which is its own) is
 * nobody's, so it is kept out of what the running task is charged.
 */
static inline void update_rq_clock(struct rq *rq)
{
	u64 now = ktime_get_ns(), irq_delta;
	s64 delta = now - rq->clock;

	if (delta <= 0)
		return;
	rq->clock = now;
	irq_delta = irq_time_read(rq->cpu) - rq->prev_irq_time;
	if (irq_delta > (u64)delta)
		irq_delta = delta;
	rq->prev_irq_time += irq_delta;
	rq->clock_task += delta - irq_delta;
}

#endif /* _KERNEL_SCHED_SCHED_H */
