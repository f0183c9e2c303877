/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the workqueue files share, after Linux's kernel/workqueue_internal.h
 * (Linux keeps the rest in kernel/workqueue.c; here it is split by
 * concept):
 *   workqueue.c        pools, kworkers, concurrency management, running
 *                      items, boot
 *   workqueue_bh.c     BH pools, run by the softirq
 *   workqueue_queue.c  queueing, max_active, delayed work, cancelling
 *   workqueue_flush.c  flush barriers, flush_work(), flush_workqueue(),
 *                      drain_workqueue()
 *   workqueue_alloc.c  alloc_workqueue(), destroy_workqueue(), pwq refs
 *   workqueue_proc.c   /proc/workqueues
 * pool->lock (interrupts off) guards a pool, its workers and the pwqs on
 * it; wq_list_lock the list of workqueues, and is taken before a pool's
 * lock, never after.
 */
#ifndef _KERNEL_WORKQUEUE_INTERNAL_H
#define _KERNEL_WORKQUEUE_INTERNAL_H

#include <irqlab/workqueue.h>
#include <irqlab/completion.h>
#include <irqlab/mutex.h>
#include <irqlab/smp.h>
#include <irqlab/spinlock.h>

#define WORKER_ID_BITS		64	/* bits in one worker_ids word */
/* kworker ids per pool, for the name's second number. */
#define MAX_WORKER_IDS		256

enum pool_flags {
	POOL_BH			= 1 << 0,	/* run by the softirq */
	POOL_MANAGER_ACTIVE	= 1 << 1,	/* a kworker is creating one */
	POOL_DISASSOCIATED	= 1 << 2,	/* not bound to a CPU */
};

enum worker_flags {
	WORKER_DIE		= 1 << 1,	/* reaped: exit when woken */
	WORKER_IDLE		= 1 << 2,
	WORKER_PREP		= 1 << 3,	/* between works, managing */
	WORKER_CPU_INTENSIVE	= 1 << 6,
	WORKER_UNBOUND		= 1 << 7,
	/* Any of these: not counted in pool->nr_running. */
	WORKER_NOT_RUNNING	= WORKER_PREP | WORKER_CPU_INTENSIVE |
				  WORKER_UNBOUND,
};

enum {
	NR_STD_WORKER_POOLS	= 2,	/* normal and highpri, per CPU */
	NR_POOLS		= NR_CPUS * 2 * NR_STD_WORKER_POOLS + 1,
};

struct worker_pool;
struct pool_workqueue;

struct worker {
	struct list_head entry;		/* pool->idle_list or busy_list */
	struct work_struct *current_work;
	work_func_t current_func;
	struct pool_workqueue *current_pwq;
	unsigned int current_color;
	struct list_head scheduled;	/* its next works, barriers too */
	struct task_struct *task;	/* NULL for a BH pool's */
	struct worker_pool *pool;
	unsigned long last_active;	/* jiffies it went idle */
	unsigned int flags;		/* WORKER_* */
	int id;
	int sleeping;			/* wq_worker_sleeping() saw it */
};

struct worker_pool {
	spinlock_t lock;
	int cpu;			/* -1: unbound */
	int id;
	unsigned int flags;		/* POOL_* */
	int nice;
	struct list_head worklist;	/* works ready to run */
	int nr_workers;
	int nr_idle;
	/*
	 * Running kworkers not flagged WORKER_NOT_RUNNING: a new work wakes
	 * a kworker only when this is 0, so one runs while none blocks.
	 */
	int nr_running;
	struct list_head idle_list;	/* most recently idle first */
	/* Linux hashes busy workers by work item; a list does for us. */
	struct list_head busy_list;
	struct timer_list idle_timer;
	unsigned long worker_ids[MAX_WORKER_IDS / WORKER_ID_BITS];
	struct worker bh_worker;	/* the softirq's, POOL_BH only */
	call_single_data_t bh_csd;	/* kicks it from another CPU */
	unsigned long nr_processed;
};

struct pool_workqueue {
	struct worker_pool *pool;
	struct workqueue_struct *wq;
	int work_color;			/* given to works queued now */
	int flush_color;		/* being flushed, or -1 */
	/*
	 * pool->lock: the workqueue's base reference, plus one per item
	 * queued to it (barriers too) until it has run or is cancelled.
	 */
	int refcnt;
	int nr_in_flight[WORK_NR_COLORS];
	int nr_active;			/* on the worklist or running */
	int max_active;
	struct list_head inactive_works;	/* over max_active */
	struct list_head pwqs_node;	/* wq->pwqs */
};

struct workqueue_struct {
	struct list_head pwqs;
	/* The creator's reference and one per pwq not yet released. */
	atomic_t refcnt;
	struct list_head list;		/* workqueues */
	struct pool_workqueue *cpu_pwq[NR_CPUS];	/* per-CPU ones */
	struct pool_workqueue *dfl_pwq;			/* WQ_UNBOUND */
	struct mutex flush_mutex;	/* one flush_workqueue() at a time */
	int work_color;
	atomic_t nr_pwqs_to_flush;
	struct completion flush_done;
	int nr_drainers;
	unsigned int flags;
	int saved_max_active;
	char name[24];
};

extern struct worker_pool cpu_worker_pools[NR_CPUS][NR_STD_WORKER_POOLS];
extern struct worker_pool bh_worker_pools[NR_CPUS][NR_STD_WORKER_POOLS];
extern struct worker_pool unbound_pool;
/* Linux's worker_pool_idr: a work off queue records its pool's id. */
extern struct worker_pool *worker_pool_by_id[NR_POOLS];
extern int nr_pools;

extern struct kmem_cache *pwq_cache;
extern struct list_head workqueues;
extern spinlock_t wq_list_lock;		/* workqueues, for /proc */
extern bool wq_online;			/* workqueue_init() ran */
extern int wq_nr_cpus;			/* possible CPUs, 0 to this - 1 */

/* work->data */

static inline void set_work_data(struct work_struct *work, unsigned long data)
{
	atomic_long_set(&work->data, data);
}

static inline void set_work_pwq(struct work_struct *work,
				struct pool_workqueue *pwq, unsigned long flags)
{
	set_work_data(work, (unsigned long)pwq | WORK_STRUCT_PENDING |
			    WORK_STRUCT_PWQ | flags);
}

static inline void set_work_pool_and_keep_pending(struct work_struct *work,
						  int pool_id,
						  unsigned long flags)
{
	set_work_data(work, ((unsigned long)pool_id << WORK_OFFQ_POOL_SHIFT) |
			    WORK_STRUCT_PENDING | flags);
}

/*
 * The item leaves its queue to run: from here it may be queued again,
 * so the stores that set it up must be seen before PENDING clears.
 */
static inline void set_work_pool_and_clear_pending(struct work_struct *work,
						   int pool_id)
{
	smp_wmb();
	set_work_data(work, (unsigned long)pool_id << WORK_OFFQ_POOL_SHIFT);
	smp_mb();
}

static inline struct pool_workqueue *get_work_pwq(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);

	if (data & WORK_STRUCT_PWQ)
		return (void *)(data & ~((1UL << WORK_STRUCT_FLAG_BITS) - 1));
	return NULL;
}

/* The pool it is queued on, or last ran on; NULL if never queued. */
static inline struct worker_pool *get_work_pool(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);
	unsigned long id;

	if (data & WORK_STRUCT_PWQ)
		return ((struct pool_workqueue *)
			(data & ~((1UL << WORK_STRUCT_FLAG_BITS) - 1)))->pool;
	id = data >> WORK_OFFQ_POOL_SHIFT;
	if (id >= (unsigned long)nr_pools)
		return NULL;
	return worker_pool_by_id[id];
}

static inline int get_work_color(unsigned long data)
{
	return (data >> WORK_STRUCT_COLOR_SHIFT) &
	       ((1 << WORK_STRUCT_COLOR_BITS) - 1);
}

static inline unsigned long work_color_to_flags(int color)
{
	return (unsigned long)color << WORK_STRUCT_COLOR_SHIFT;
}

static inline bool work_is_canceling(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);

	return !(data & WORK_STRUCT_PWQ) && (data & WORK_OFFQ_CANCELING);
}

/* workqueue.c: pools and kworkers, pool->lock held. */
void worker_set_flags(struct worker *worker, unsigned int flags);
void worker_clr_flags(struct worker *worker, unsigned int flags);
bool kick_pool(struct worker_pool *pool);
void worker_enter_idle(struct worker *worker);
void worker_leave_idle(struct worker *worker);
struct worker *find_worker_executing_work(struct worker_pool *pool,
					  struct work_struct *work);
void move_linked_works(struct work_struct *work, struct list_head *head);
bool assign_work(struct work_struct *work, struct worker *worker);
void process_scheduled_works(struct worker *worker);
void init_worker(struct worker *worker, struct worker_pool *pool);

/* workqueue_bh.c: the pools the softirq runs. */
void bh_pool_raise(void *info);
void kick_bh_pool(struct worker_pool *pool);
void init_bh_worker(struct worker_pool *pool);

/* workqueue_queue.c: pool->lock held (__queue_work: interrupts off). */
void insert_work(struct pool_workqueue *pwq, struct work_struct *work,
		 struct list_head *head, unsigned long flags);
void pwq_dec_nr_in_flight(struct pool_workqueue *pwq,
			  unsigned long work_data);
void __queue_work(int cpu, struct workqueue_struct *wq,
		  struct work_struct *work);

/* workqueue_flush.c, pool->lock held. */
bool pwq_busy(struct pool_workqueue *pwq);

/* workqueue_alloc.c: pwq references, pool->lock held but for _unlocked. */
void get_pwq(struct pool_workqueue *pwq);
void put_pwq(struct pool_workqueue *pwq);
void put_pwq_unlocked(struct pool_workqueue *pwq);

#endif /* _KERNEL_WORKQUEUE_INTERNAL_H */
