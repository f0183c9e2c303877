/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Workqueues, Linux's <linux/workqueue.h>: a work item is a function to
 * call later in process context (or softirq context for WQ_BH), run by a
 * shared pool of kworker threads.  kernel/workqueue.c implements them and
 * docs/workqueues.md explains how.
 */
#ifndef _IRQLAB_WORKQUEUE_H
#define _IRQLAB_WORKQUEUE_H

#include <irqlab/types.h>
#include <irqlab/list.h>
#include <irqlab/atomic.h>
#include <irqlab/timer.h>

struct task_struct;
struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

/*
 * work->data, Linux's layout.  While the item is queued it holds the
 * pool_workqueue pointer (hence pwqs aligned on 1 << WORK_STRUCT_FLAG_BITS)
 * and the flags below; once taken off a queue, the id of the pool that
 * last ran it, so a re-queue can find a still-running instance.
 */
enum {
	WORK_STRUCT_PENDING_BIT	= 0,	/* queued or about to be */
	WORK_STRUCT_INACTIVE_BIT = 1,	/* held back by max_active */
	WORK_STRUCT_PWQ_BIT	= 2,	/* data points to a pwq */
	WORK_STRUCT_LINKED_BIT	= 3,	/* a flush barrier follows it */
	WORK_STRUCT_COLOR_SHIFT	= 4,	/* flush_workqueue()'s color */
	WORK_STRUCT_COLOR_BITS	= 4,

	WORK_STRUCT_PENDING	= 1 << WORK_STRUCT_PENDING_BIT,
	WORK_STRUCT_INACTIVE	= 1 << WORK_STRUCT_INACTIVE_BIT,
	WORK_STRUCT_PWQ		= 1 << WORK_STRUCT_PWQ_BIT,
	WORK_STRUCT_LINKED	= 1 << WORK_STRUCT_LINKED_BIT,

	WORK_NR_COLORS		= 1 << WORK_STRUCT_COLOR_BITS,

	WORK_STRUCT_FLAG_BITS	= WORK_STRUCT_COLOR_SHIFT +
				  WORK_STRUCT_COLOR_BITS,

	/* Off queue: a cancel in progress, and the pool id above it. */
	WORK_OFFQ_CANCELING_BIT	= WORK_STRUCT_FLAG_BITS,
	WORK_OFFQ_CANCELING	= 1 << WORK_OFFQ_CANCELING_BIT,
	WORK_OFFQ_POOL_SHIFT	= WORK_OFFQ_CANCELING_BIT + 1,
	WORK_OFFQ_POOL_BITS	= 16,
	WORK_OFFQ_POOL_NONE	= (1 << WORK_OFFQ_POOL_BITS) - 1,

	/* queue_work()'s cpu: any (this one for a per-CPU workqueue). */
	WORK_CPU_UNBOUND	= 64,	/* NR_CPUS */

	WQ_MAX_ACTIVE		= 512,
	WQ_DFL_ACTIVE		= WQ_MAX_ACTIVE / 2,
};

#define WORK_STRUCT_NO_POOL	((unsigned long)WORK_OFFQ_POOL_NONE << \
				 WORK_OFFQ_POOL_SHIFT)
#define WORK_DATA_INIT()	{ WORK_STRUCT_NO_POOL }

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	/* Where the timer queues it when it fires. */
	struct workqueue_struct *wq;
	int cpu;
};

/* alloc_workqueue() flags, Linux 6.9's values. */
enum wq_flags {
	WQ_BH			= 1 << 0,	/* runs in softirq */
	WQ_UNBOUND		= 1 << 1,	/* any CPU, no nr_running */
	WQ_FREEZABLE		= 1 << 2,	/* accepted, no meaning here */
	WQ_MEM_RECLAIM		= 1 << 3,	/* accepted, no rescuer here */
	WQ_HIGHPRI		= 1 << 4,	/* the nice -20 pools */
	WQ_CPU_INTENSIVE	= 1 << 5,	/* not counted in nr_running */
	WQ_SYSFS		= 1 << 6,
	WQ_POWER_EFFICIENT	= 1 << 7,

	__WQ_DESTROYING		= 1 << 15,
	__WQ_DRAINING		= 1 << 16,
	__WQ_ORDERED		= 1 << 17,
	__WQ_LEGACY		= 1 << 18,

	__WQ_BH_ALLOWS		= WQ_BH | WQ_HIGHPRI,
};

#define __INIT_WORK_DATA(_work, _func)					\
	do {								\
		atomic_long_set(&(_work)->data, WORK_STRUCT_NO_POOL);	\
		INIT_LIST_HEAD(&(_work)->entry);			\
		(_work)->func = (_func);				\
	} while (0)

#define INIT_WORK(_work, _func)	__INIT_WORK_DATA(_work, _func)

/*
 * TIMER_IRQSAFE, as in Linux: the timer function queues the item with
 * interrupts off, which __queue_work() and its pool->lock need.
 */
#define INIT_DELAYED_WORK(_dwork, _func)				\
	do {								\
		INIT_WORK(&(_dwork)->work, (_func));			\
		timer_setup(&(_dwork)->timer, delayed_work_timer_fn,	\
			    TIMER_IRQSAFE);				\
	} while (0)

#define __WORK_INITIALIZER(n, f) {					\
	.data = WORK_DATA_INIT(),					\
	.entry = { &(n).entry, &(n).entry },				\
	.func = (f),							\
	}

#define DECLARE_WORK(n, f)						\
	struct work_struct n = __WORK_INITIALIZER(n, f)

#define work_data_bits(work)	((unsigned long *)(&(work)->data.counter))
#define work_pending(work)						\
	test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))
#define delayed_work_pending(w)	work_pending(&(w)->work)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

void delayed_work_timer_fn(struct timer_list *t);

__printf(1, 4) struct workqueue_struct *
alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);

/* One item at a time, in queueing order. */
#define alloc_ordered_workqueue(fmt, flags, args...)			\
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)

void destroy_workqueue(struct workqueue_struct *wq);

bool queue_work_on(int cpu, struct workqueue_struct *wq,
		   struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
			 struct delayed_work *dwork, unsigned long delay);

void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);

bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);

/* The work item the calling kworker is running, or NULL. */
struct work_struct *current_work(void);

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_bh_wq;
extern struct workqueue_struct *system_bh_highpri_wq;

static inline bool queue_work(struct workqueue_struct *wq,
			      struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

static inline bool queue_delayed_work(struct workqueue_struct *wq,
				      struct delayed_work *dwork,
				      unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool mod_delayed_work(struct workqueue_struct *wq,
				    struct delayed_work *dwork,
				    unsigned long delay)
{
	return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, system_wq, work);
}

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work_on(int cpu,
					    struct delayed_work *dwork,
					    unsigned long delay)
{
	return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork,
					 unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

/* From kmain: pools and system workqueues, before sched_init(). */
void workqueue_init_early(void);
/* From kmain once every CPU is up: the first kworkers. */
void workqueue_init(void);

/* The scheduler's hooks for a PF_WQ_WORKER task (concurrency mgmt). */
void wq_worker_sleeping(struct task_struct *task);
void wq_worker_running(struct task_struct *task);

/*
 * How long an idle kworker beyond the few kept may linger, jiffies.
 * IDLE_WORKER_TIMEOUT by default; ktests lower it to watch reaping.
 */
extern unsigned long wq_idle_worker_timeout;

#endif /* _IRQLAB_WORKQUEUE_H */
