// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues, as Linux's kernel/workqueue.c: work items are queued on a
 * workqueue, which hands them to a shared worker pool through its
 * pool_workqueue (pwq) for that pool.  Pools:
 *   - per CPU, a normal (nice 0) and a highpri (nice -20) pool whose
 *     kworkers are bound to the CPU, with concurrency management: the
 *     scheduler tells us when a running kworker blocks
 *     (wq_worker_sleeping) so another one is woken, and only one kworker
 *     runs while none blocks (nr_running);
 *   - one unbound pool, kworkers on any CPU, no concurrency management;
 *   - per CPU, two BH pools whose "worker" is the softirq itself.
 * The guarantees (non-reentrancy, flush, cancel) are Linux's and so are
 * their mechanisms: busy workers looked up by work item, flush barriers
 * linked after their target, flush colors.  docs/workqueues.md.
 */
#include <irqlab/workqueue.h>
#include <irqlab/kthread.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/mutex.h>
#include <irqlab/completion.h>
#include <irqlab/interrupt.h>
#include <irqlab/preempt.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/printk.h>
#include <irqlab/kernel.h>
#include <irqlab/shell.h>
#include <irqlab/smp.h>
#include <irqlab/errno.h>
#include <asm/madt.h>
#include <stdarg.h>

#define WQ_INT_MAX		0x7fffffff
#define WORKER_ID_BITS		64	/* bits in one worker_ids word */

/* An idle kworker beyond those kept may linger this long (Linux's). */
#define IDLE_WORKER_TIMEOUT	(300 * HZ)
/* Keep 2 idle, plus one per 4 busy (Linux's too_many_workers()). */
#define MAX_IDLE_WORKERS_RATIO	4
/* Between failed kworker creations (Linux's CREATE_COOLDOWN, 1 s). */
#define CREATE_COOLDOWN		HZ
/* One BH pass: at most 2 ms and 10 rounds, then the softirq again. */
#define BH_WORKER_JIFFIES	msecs_to_jiffies(2)
#define BH_WORKER_RESTARTS	10
/* kworker ids per pool, for the name's second number. */
#define MAX_WORKER_IDS		256

unsigned long wq_idle_worker_timeout = IDLE_WORKER_TIMEOUT;

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
	struct list_head node;		/* pool->workers */
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
	struct list_head workers;	/* all of them, for /proc */
	struct timer_list idle_timer;
	struct worker *manager;
	unsigned long worker_ids[MAX_WORKER_IDS / WORKER_ID_BITS];
	struct worker bh_worker;	/* the softirq's, POOL_BH only */
	unsigned long nr_processed;
};

struct pool_workqueue {
	struct worker_pool *pool;
	struct workqueue_struct *wq;
	int work_color;			/* given to works queued now */
	int flush_color;		/* being flushed, or -1 */
	int nr_in_flight[WORK_NR_COLORS];
	int nr_active;			/* on the worklist or running */
	int max_active;
	struct list_head inactive_works;	/* over max_active */
	struct list_head pwqs_node;	/* wq->pwqs */
};

struct workqueue_struct {
	struct list_head pwqs;
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

static struct worker_pool cpu_worker_pools[NR_CPUS][NR_STD_WORKER_POOLS];
static struct worker_pool bh_worker_pools[NR_CPUS][NR_STD_WORKER_POOLS];
static struct worker_pool unbound_pool;
/* Linux's worker_pool_idr: a work off queue records its pool's id. */
static struct worker_pool *worker_pool_by_id[NR_POOLS];
static int nr_pools;

static struct kmem_cache *pwq_cache;
static LIST_HEAD(workqueues);
static DEFINE_SPINLOCK(wq_list_lock);	/* workqueues, for /proc */
static bool wq_online;			/* workqueue_init() ran */
static int wq_nr_cpus;			/* possible CPUs, 0 to this - 1 */

struct workqueue_struct *system_wq;
struct workqueue_struct *system_highpri_wq;
struct workqueue_struct *system_long_wq;
struct workqueue_struct *system_unbound_wq;
struct workqueue_struct *system_bh_wq;
struct workqueue_struct *system_bh_highpri_wq;

/* work->data */

static void set_work_data(struct work_struct *work, unsigned long data)
{
	atomic_long_set(&work->data, data);
}

static void set_work_pwq(struct work_struct *work,
			 struct pool_workqueue *pwq, unsigned long flags)
{
	set_work_data(work, (unsigned long)pwq | WORK_STRUCT_PENDING |
			    WORK_STRUCT_PWQ | flags);
}

static void set_work_pool_and_keep_pending(struct work_struct *work,
					   int pool_id, unsigned long flags)
{
	set_work_data(work, ((unsigned long)pool_id << WORK_OFFQ_POOL_SHIFT) |
			    WORK_STRUCT_PENDING | flags);
}

/*
 * The item leaves its queue to run: from here it may be queued again,
 * so the stores that set it up must be seen before PENDING clears.
 */
static void set_work_pool_and_clear_pending(struct work_struct *work,
					    int pool_id)
{
	smp_wmb();
	set_work_data(work, (unsigned long)pool_id << WORK_OFFQ_POOL_SHIFT);
	smp_mb();
}

static struct pool_workqueue *get_work_pwq(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);

	if (data & WORK_STRUCT_PWQ)
		return (void *)(data & ~((1UL << WORK_STRUCT_FLAG_BITS) - 1));
	return NULL;
}

/* The pool it is queued on, or last ran on; NULL if never queued. */
static struct worker_pool *get_work_pool(struct work_struct *work)
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

static int get_work_color(unsigned long data)
{
	return (data >> WORK_STRUCT_COLOR_SHIFT) &
	       ((1 << WORK_STRUCT_COLOR_BITS) - 1);
}

static unsigned long work_color_to_flags(int color)
{
	return (unsigned long)color << WORK_STRUCT_COLOR_SHIFT;
}

static bool work_is_canceling(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);

	return !(data & WORK_STRUCT_PWQ) && (data & WORK_OFFQ_CANCELING);
}

/* Concurrency management: all with pool->lock held. */

static bool need_more_worker(struct worker_pool *pool)
{
	return !list_empty(&pool->worklist) && !pool->nr_running;
}

/* An idle kworker remains to take over if this one blocks. */
static bool may_start_working(struct worker_pool *pool)
{
	return pool->nr_idle;
}

static bool keep_working(struct worker_pool *pool)
{
	return !list_empty(&pool->worklist) && pool->nr_running <= 1;
}

static bool need_to_create_worker(struct worker_pool *pool)
{
	return need_more_worker(pool) && !may_start_working(pool);
}

static bool too_many_workers(struct worker_pool *pool)
{
	bool managing = pool->flags & POOL_MANAGER_ACTIVE;
	int nr_idle = pool->nr_idle + managing;
	int nr_busy = pool->nr_workers - nr_idle;

	return nr_idle > 2 && (nr_idle - 2) * MAX_IDLE_WORKERS_RATIO >= nr_busy;
}

static void worker_set_flags(struct worker *worker, unsigned int flags)
{
	if ((flags & WORKER_NOT_RUNNING) &&
	    !(worker->flags & WORKER_NOT_RUNNING))
		worker->pool->nr_running--;
	worker->flags |= flags;
}

static void worker_clr_flags(struct worker *worker, unsigned int flags)
{
	unsigned int oflags = worker->flags;

	worker->flags &= ~flags;
	if ((flags & WORKER_NOT_RUNNING) && (oflags & WORKER_NOT_RUNNING) &&
	    !(worker->flags & WORKER_NOT_RUNNING))
		worker->pool->nr_running++;
}

static void bh_pool_raise(void *info)
{
	struct worker_pool *pool = info;

	raise_softirq_irqoff(pool->nice < 0 ? HI_SOFTIRQ : TASKLET_SOFTIRQ);
}

/* Wakes an idle kworker if the pool has work and none running. */
static bool kick_pool(struct worker_pool *pool)
{
	struct worker *worker;

	if (!need_more_worker(pool))
		return false;
	if (pool->flags & POOL_BH) {
		if (pool->cpu == smp_processor_id())
			bh_pool_raise(pool);
		else
			smp_call_function_single(pool->cpu, bh_pool_raise,
						 pool, false);
		return true;
	}
	worker = list_first_entry_or_null(&pool->idle_list, struct worker,
					  entry);
	if (!worker)
		return false;
	wake_up_process(worker->task);
	return true;
}

static void worker_enter_idle(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	if (WARN_ON(worker->flags & WORKER_IDLE))
		return;
	worker->flags |= WORKER_IDLE;
	pool->nr_idle++;
	worker->last_active = jiffies;
	list_del_init(&worker->entry);
	list_add(&worker->entry, &pool->idle_list);
	/*
	 * Linux arms the timer only if idle; we also pull it in should
	 * wq_idle_worker_timeout have been lowered since (ktests do).
	 */
	if (too_many_workers(pool)) {
		unsigned long expires = jiffies +
					READ_ONCE(wq_idle_worker_timeout);

		if (!timer_pending(&pool->idle_timer) ||
		    time_after(pool->idle_timer.expires, expires))
			mod_timer(&pool->idle_timer, expires);
	}
}

static void worker_leave_idle(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	if (WARN_ON(!(worker->flags & WORKER_IDLE)))
		return;
	worker->flags &= ~WORKER_IDLE;
	pool->nr_idle--;
	list_del_init(&worker->entry);
}

/* Linux's find_worker_executing_work(): same item, same function. */
static struct worker *find_worker_executing_work(struct worker_pool *pool,
						 struct work_struct *work)
{
	struct worker *worker;

	list_for_each_entry(worker, &pool->busy_list, entry)
		if (worker->current_work == work &&
		    worker->current_func == work->func)
			return worker;
	return NULL;
}

/* work and the barriers linked after it, to head. */
static void move_linked_works(struct work_struct *work,
			      struct list_head *head)
{
	for (;;) {
		struct work_struct *next = list_next_entry(work, entry);
		bool linked = test_bit(WORK_STRUCT_LINKED_BIT,
				       work_data_bits(work));

		list_move_tail(&work->entry, head);
		if (!linked)
			break;
		work = next;
	}
}

/*
 * Takes work for worker, unless another kworker of the pool is still
 * running this item: then it goes behind that one, which runs it next.
 * That is the non-reentrancy guarantee within a pool.
 */
static bool assign_work(struct work_struct *work, struct worker *worker)
{
	struct worker *collision;

	collision = find_worker_executing_work(worker->pool, work);
	if (collision) {
		move_linked_works(work, &collision->scheduled);
		return false;
	}
	move_linked_works(work, &worker->scheduled);
	return true;
}

/* Queueing and max_active */

static void insert_work(struct pool_workqueue *pwq, struct work_struct *work,
			struct list_head *head, unsigned long flags)
{
	set_work_pwq(work, pwq, flags);
	list_add_tail(&work->entry, head);
}

/* An inactive item becomes active: to the worklist, barriers with it. */
static void pwq_activate_work(struct pool_workqueue *pwq,
			      struct work_struct *work)
{
	if (!test_bit(WORK_STRUCT_INACTIVE_BIT, work_data_bits(work)))
		return;
	pwq->nr_active++;
	move_linked_works(work, &pwq->pool->worklist);
	clear_bit(WORK_STRUCT_INACTIVE_BIT, work_data_bits(work));
}

static void pwq_activate_first_inactive(struct pool_workqueue *pwq)
{
	struct work_struct *work;

	work = list_first_entry_or_null(&pwq->inactive_works,
					struct work_struct, entry);
	if (!work)
		return;
	pwq_activate_work(pwq, work);
	kick_pool(pwq->pool);
}

/*
 * An item of pwq ran or was cancelled off its queue: its slot in
 * max_active frees up, and its flush color may be all done.
 */
static void pwq_dec_nr_in_flight(struct pool_workqueue *pwq,
				 unsigned long work_data)
{
	int color = get_work_color(work_data);
	struct workqueue_struct *wq = pwq->wq;

	if (!(work_data & WORK_STRUCT_INACTIVE)) {
		pwq->nr_active--;
		if (pwq->nr_active < pwq->max_active)
			pwq_activate_first_inactive(pwq);
	}
	if (color == WORK_NO_COLOR)
		return;
	pwq->nr_in_flight[color]--;
	if (pwq->flush_color != color || pwq->nr_in_flight[color])
		return;
	pwq->flush_color = -1;
	if (atomic_dec_and_test(&wq->nr_pwqs_to_flush))
		complete(&wq->flush_done);
}

/* Queueing from a work item of wq itself: allowed while it drains. */
static bool is_chained_work(struct workqueue_struct *wq)
{
	struct worker *worker;

	if (!(current->flags & PF_WQ_WORKER) || in_interrupt())
		return false;
	worker = kthread_data(current);
	return worker && worker->current_pwq && worker->current_pwq->wq == wq;
}

/* PENDING is ours, interrupts are off. */
static void __queue_work(int cpu, struct workqueue_struct *wq,
			 struct work_struct *work)
{
	struct worker_pool *last_pool, *pool;
	struct pool_workqueue *pwq;
	unsigned long work_flags;

	if (unlikely(wq->flags & (__WQ_DESTROYING | __WQ_DRAINING)) &&
	    WARN_ON(!is_chained_work(wq)))
		return;

	if (wq->flags & WQ_UNBOUND) {
		pwq = wq->dfl_pwq;
	} else {
		/* No hotplug here: an offline CPU's items run on this one. */
		if (cpu == WORK_CPU_UNBOUND || !cpu_online(cpu) ||
		    cpu >= wq_nr_cpus)
			cpu = smp_processor_id();
		pwq = wq->cpu_pwq[cpu];
	}

	/*
	 * Still running where it last ran?  Then it is queued there, so
	 * it cannot run twice at once (Linux's non-reentrancy).
	 */
	last_pool = get_work_pool(work);
	pool = pwq->pool;
	if (last_pool && last_pool != pool) {
		struct worker *worker;

		spin_lock(&last_pool->lock);
		worker = find_worker_executing_work(last_pool, work);
		if (worker && worker->current_pwq->wq == wq) {
			pwq = worker->current_pwq;
			pool = last_pool;
		} else {
			spin_unlock(&last_pool->lock);
			spin_lock(&pool->lock);
		}
	} else {
		spin_lock(&pool->lock);
	}

	if (WARN_ON(!list_empty(&work->entry))) {
		spin_unlock(&pool->lock);
		return;
	}

	pwq->nr_in_flight[pwq->work_color]++;
	work_flags = work_color_to_flags(pwq->work_color);

	if (list_empty(&pwq->inactive_works) &&
	    pwq->nr_active < pwq->max_active) {
		pwq->nr_active++;
		insert_work(pwq, work, &pool->worklist, work_flags);
		kick_pool(pool);
	} else {
		insert_work(pwq, work, &pwq->inactive_works,
			    work_flags | WORK_STRUCT_INACTIVE);
	}
	spin_unlock(&pool->lock);
}

bool queue_work_on(int cpu, struct workqueue_struct *wq,
		   struct work_struct *work)
{
	unsigned long flags;
	bool ret = false;

	local_irq_save(flags);
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		__queue_work(cpu, wq, work);
		ret = true;
	}
	local_irq_restore(flags);
	return ret;
}

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	/* TIMER_IRQSAFE: interrupts are off, as __queue_work() wants. */
	__queue_work(dwork->cpu, dwork->wq, &dwork->work);
}

static void __queue_delayed_work(int cpu, struct workqueue_struct *wq,
				 struct delayed_work *dwork,
				 unsigned long delay)
{
	struct timer_list *timer = &dwork->timer;

	WARN_ON(timer->function != delayed_work_timer_fn);
	WARN_ON(timer_pending(timer));
	WARN_ON(!list_empty(&dwork->work.entry));

	if (!delay) {
		__queue_work(cpu, wq, &dwork->work);
		return;
	}
	dwork->wq = wq;
	dwork->cpu = cpu;
	/*
	 * Armed on this CPU's wheel whatever cpu is: dwork->cpu picks the
	 * pool when the timer fires, which is what the caller asked for.
	 */
	mod_timer(timer, jiffies + delay);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay)
{
	struct work_struct *work = &dwork->work;
	unsigned long flags;
	bool ret = false;

	local_irq_save(flags);
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		__queue_delayed_work(cpu, wq, dwork, delay);
		ret = true;
	}
	local_irq_restore(flags);
	return ret;
}

/*
 * Takes PENDING for the caller, off whatever queue or timer holds it.
 * 1: it was pending and now is not queued; 0: it was idle; -EAGAIN:
 * someone is between setting PENDING and queueing, try again; -ENOENT:
 * another cancel_*_sync() owns it.  Interrupts off on success.
 */
static int try_to_grab_pending(struct work_struct *work, bool is_dwork,
			       unsigned long *flags)
{
	struct worker_pool *pool;
	struct pool_workqueue *pwq;

	local_irq_save(*flags);
	if (is_dwork && timer_delete(&to_delayed_work(work)->timer))
		return 1;
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)))
		return 0;

	pool = get_work_pool(work);
	if (!pool)
		goto fail;
	spin_lock(&pool->lock);
	/*
	 * Queued on this pool only if data still points to a pwq of it:
	 * the queueing side sets data and links the item under this lock.
	 */
	pwq = get_work_pwq(work);
	if (pwq && pwq->pool == pool) {
		unsigned long data;

		/* Activate first so max_active accounting stays right. */
		pwq_activate_work(pwq, work);
		list_del_init(&work->entry);
		data = atomic_long_read(&work->data);
		pwq_dec_nr_in_flight(pwq, data);
		set_work_pool_and_keep_pending(work, pool->id, 0);
		/* Barriers linked to it stay, and must still run. */
		kick_pool(pool);
		spin_unlock(&pool->lock);
		return 1;
	}
	spin_unlock(&pool->lock);
fail:
	local_irq_restore(*flags);
	if (work_is_canceling(work))
		return -ENOENT;
	cpu_relax();
	return -EAGAIN;
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
			 struct delayed_work *dwork, unsigned long delay)
{
	unsigned long flags;
	int ret;

	do {
		ret = try_to_grab_pending(&dwork->work, true, &flags);
	} while (unlikely(ret == -EAGAIN));

	if (likely(ret >= 0)) {
		__queue_delayed_work(cpu, wq, dwork, delay);
		local_irq_restore(flags);
	}
	/* -ENOENT: being cancelled, which wins. */
	return ret > 0;
}

/* Flushing */

struct wq_barrier {
	struct work_struct work;
	struct completion done;
};

static void wq_barrier_func(struct work_struct *work)
{
	struct wq_barrier *barr = container_of(work, struct wq_barrier, work);

	complete(&barr->done);
}

/*
 * A barrier right behind target: on the running worker's scheduled
 * list if target runs (worker), else linked after target where it is
 * queued, so whoever takes target takes the barrier next.  It does not
 * count in max_active (INACTIVE), and takes target's flush color.
 */
static void insert_wq_barrier(struct pool_workqueue *pwq,
			      struct wq_barrier *barr,
			      struct work_struct *target,
			      struct worker *worker)
{
	unsigned long work_flags = WORK_STRUCT_INACTIVE;
	struct list_head *head;
	int color = WORK_NO_COLOR;

	INIT_WORK(&barr->work, wq_barrier_func);
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&barr->work));
	init_completion(&barr->done);

	if (worker) {
		head = worker->scheduled.next;
	} else {
		unsigned long *bits = work_data_bits(target);

		head = target->entry.next;
		work_flags |= *bits & WORK_STRUCT_LINKED;
		color = get_work_color(*bits);
		set_bit(WORK_STRUCT_LINKED_BIT, bits);
	}
	if (color != WORK_NO_COLOR)
		pwq->nr_in_flight[color]++;
	insert_work(pwq, &barr->work, head,
		    work_flags | work_color_to_flags(color));
}

static bool start_flush_work(struct work_struct *work,
			     struct wq_barrier *barr)
{
	struct worker *worker = NULL;
	struct worker_pool *pool;
	struct pool_workqueue *pwq;

	local_irq_disable();
	pool = get_work_pool(work);
	if (!pool) {
		local_irq_enable();
		return false;
	}
	spin_lock(&pool->lock);
	pwq = get_work_pwq(work);
	if (pwq) {
		if (pwq->pool != pool)
			goto already_gone;
	} else {
		worker = find_worker_executing_work(pool, work);
		if (!worker)
			goto already_gone;
		pwq = worker->current_pwq;
	}
	insert_wq_barrier(pwq, barr, work, worker);
	spin_unlock_irq(&pool->lock);
	return true;
already_gone:
	spin_unlock_irq(&pool->lock);
	return false;
}

bool flush_work(struct work_struct *work)
{
	struct wq_barrier barr;

	might_sleep();
	if (!start_flush_work(work, &barr))
		return false;
	wait_for_completion(&barr.done);
	return true;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	unsigned long flags;

	/* Queue it now if its timer still runs, then flush as usual. */
	local_irq_save(flags);
	if (timer_delete_sync(&dwork->timer))
		__queue_work(dwork->cpu, dwork->wq, &dwork->work);
	local_irq_restore(flags);
	return flush_work(&dwork->work);
}

/*
 * Flush colors, Linux's scheme with one flusher at a time: works queued
 * from now on get the next color, and we wait until no pwq has any of
 * the current color in flight.  The previous flush emptied the color
 * we move to, so colors never mix.
 */
void flush_workqueue(struct workqueue_struct *wq)
{
	struct pool_workqueue *pwq;
	int flush_color, next_color;

	might_sleep();
	mutex_lock(&wq->flush_mutex);
	flush_color = wq->work_color;
	next_color = (flush_color + 1) % WORK_NR_COLORS;
	wq->work_color = next_color;
	reinit_completion(&wq->flush_done);
	atomic_set(&wq->nr_pwqs_to_flush, 1);

	list_for_each_entry(pwq, &wq->pwqs, pwqs_node) {
		struct worker_pool *pool = pwq->pool;

		spin_lock_irq(&pool->lock);
		if (pwq->nr_in_flight[flush_color]) {
			pwq->flush_color = flush_color;
			atomic_inc(&wq->nr_pwqs_to_flush);
		}
		pwq->work_color = next_color;
		spin_unlock_irq(&pool->lock);
	}
	if (!atomic_dec_and_test(&wq->nr_pwqs_to_flush))
		wait_for_completion(&wq->flush_done);
	mutex_unlock(&wq->flush_mutex);
}

static bool pwq_busy(struct pool_workqueue *pwq)
{
	int i;

	for (i = 0; i < WORK_NR_COLORS; i++)
		if (pwq->nr_in_flight[i])
			return true;
	return pwq->nr_active || !list_empty(&pwq->inactive_works);
}

/* Flushes until empty; only its own items may queue meanwhile. */
void drain_workqueue(struct workqueue_struct *wq)
{
	struct pool_workqueue *pwq;
	unsigned int flush_cnt = 0;

	spin_lock_irq(&wq_list_lock);
	if (!wq->nr_drainers++)
		wq->flags |= __WQ_DRAINING;
	spin_unlock_irq(&wq_list_lock);
reflush:
	flush_workqueue(wq);
	list_for_each_entry(pwq, &wq->pwqs, pwqs_node) {
		bool busy;

		spin_lock_irq(&pwq->pool->lock);
		busy = pwq_busy(pwq);
		spin_unlock_irq(&pwq->pool->lock);
		if (!busy)
			continue;
		if (++flush_cnt == 10 || flush_cnt % 100 == 0)
			pr_warn("workqueue %s: drain_workqueue() isn't complete after %u tries\n",
				wq->name, flush_cnt);
		goto reflush;
	}
	spin_lock_irq(&wq_list_lock);
	if (!--wq->nr_drainers)
		wq->flags &= ~__WQ_DRAINING;
	spin_unlock_irq(&wq_list_lock);
}

/* Cancelling */

static bool __cancel_work(struct work_struct *work, bool is_dwork)
{
	struct worker_pool *pool;
	unsigned long flags;
	int ret;

	do {
		ret = try_to_grab_pending(work, is_dwork, &flags);
	} while (unlikely(ret == -EAGAIN));
	if (unlikely(ret < 0))
		return false;
	pool = get_work_pool(work);
	set_work_pool_and_clear_pending(work, pool ? pool->id :
						     WORK_OFFQ_POOL_NONE);
	local_irq_restore(flags);
	return ret;
}

bool cancel_work(struct work_struct *work)
{
	return __cancel_work(work, false);
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true);
}

/*
 * Keeps PENDING (so queueing fails) with CANCELING set while it waits
 * for a running instance; a second canceller waits for the first.
 */
static bool __cancel_work_sync(struct work_struct *work, bool is_dwork)
{
	struct worker_pool *pool;
	unsigned long flags;
	int ret;

	might_sleep();
	for (;;) {
		ret = try_to_grab_pending(work, is_dwork, &flags);
		if (ret >= 0)
			break;
		if (ret == -ENOENT)
			schedule_timeout_uninterruptible(1);
	}
	pool = get_work_pool(work);
	set_work_pool_and_keep_pending(work, pool ? pool->id :
					     WORK_OFFQ_POOL_NONE,
				       WORK_OFFQ_CANCELING);
	local_irq_restore(flags);

	if (wq_online)
		flush_work(work);

	set_work_data(work, pool ? (unsigned long)pool->id <<
				   WORK_OFFQ_POOL_SHIFT :
				   WORK_STRUCT_NO_POOL);
	smp_mb();
	return ret;
}

bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work_sync(work, false);
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work_sync(&dwork->work, true);
}

/* Running works */

/*
 * One item, pool->lock held (dropped around the function).  PENDING is
 * cleared before the call, so the function may queue itself again.
 */
static void process_one_work(struct worker *worker, struct work_struct *work)
{
	struct pool_workqueue *pwq = get_work_pwq(work);
	struct worker_pool *pool = worker->pool;
	unsigned long work_data;

	list_del_init(&worker->entry);
	list_add(&worker->entry, &pool->busy_list);
	worker->current_work = work;
	worker->current_func = work->func;
	worker->current_pwq = pwq;
	work_data = atomic_long_read(&work->data);
	worker->current_color = get_work_color(work_data);
	list_del_init(&work->entry);

	/* Not counted while it runs: the next item may start meanwhile. */
	if (pwq->wq->flags & WQ_CPU_INTENSIVE)
		worker_set_flags(worker, WORKER_CPU_INTENSIVE);
	/* Unbound and CPU_INTENSIVE pools chain the next kworker now. */
	kick_pool(pool);

	set_work_pool_and_clear_pending(work, pool->id);
	pool->nr_processed++;
	spin_unlock_irq(&pool->lock);

	worker->current_func(work);

	if (unlikely(in_atomic() && !(pool->flags & POOL_BH)))
		pr_err("BUG: workqueue leaked atomic or lock: %s/%d, last function %ps\n",
		       current->comm, current->pid, worker->current_func);

	spin_lock_irq(&pool->lock);
	if (pwq->wq->flags & WQ_CPU_INTENSIVE)
		worker_clr_flags(worker, WORKER_CPU_INTENSIVE);
	list_del_init(&worker->entry);
	worker->current_work = NULL;
	worker->current_func = NULL;
	worker->current_pwq = NULL;
	worker->current_color = WQ_INT_MAX;
	pwq_dec_nr_in_flight(pwq, work_data);
}

static void process_scheduled_works(struct worker *worker)
{
	struct work_struct *work;

	while ((work = list_first_entry_or_null(&worker->scheduled,
						struct work_struct, entry)))
		process_one_work(worker, work);
}

/* Kworkers: creation and reaping */

/* A kworker's, or a BH pool's embedded one: not counted until it works. */
static void init_worker(struct worker *worker, struct worker_pool *pool)
{
	INIT_LIST_HEAD(&worker->entry);
	INIT_LIST_HEAD(&worker->node);
	INIT_LIST_HEAD(&worker->scheduled);
	worker->pool = pool;
	worker->current_color = WQ_INT_MAX;
	worker->flags = WORKER_PREP;
	if (pool->flags & POOL_DISASSOCIATED)
		worker->flags |= WORKER_UNBOUND;
}

static struct worker *alloc_worker(struct worker_pool *pool)
{
	struct worker *worker = kzalloc(sizeof(*worker), GFP_KERNEL);

	if (worker)
		init_worker(worker, pool);
	return worker;
}

/* pool->worker_ids: the second number of "kworker/N:id". */
static void worker_id_set(struct worker_pool *pool, int id)
{
	set_bit(id % WORKER_ID_BITS, &pool->worker_ids[id / WORKER_ID_BITS]);
}

static void worker_id_clear(struct worker_pool *pool, int id)
{
	clear_bit(id % WORKER_ID_BITS,
		  &pool->worker_ids[id / WORKER_ID_BITS]);
}

static bool worker_id_used(struct worker_pool *pool, int id)
{
	return test_bit(id % WORKER_ID_BITS,
			&pool->worker_ids[id / WORKER_ID_BITS]);
}

static int worker_thread(void *arg);

/* May sleep: called from process context, pool->lock not held. */
static struct worker *create_worker(struct worker_pool *pool)
{
	struct worker *worker;
	unsigned long flags;
	char name[TASK_COMM_LEN];
	int id;

	spin_lock_irqsave(&pool->lock, flags);
	for (id = 0; id < MAX_WORKER_IDS; id++)
		if (!worker_id_used(pool, id))
			break;
	if (id < MAX_WORKER_IDS)
		worker_id_set(pool, id);
	spin_unlock_irqrestore(&pool->lock, flags);
	if (id == MAX_WORKER_IDS)
		return NULL;

	worker = alloc_worker(pool);
	if (!worker)
		goto fail;
	worker->id = id;
	if (pool->cpu >= 0)
		snprintf(name, sizeof(name), "kworker/%d:%d%s", pool->cpu, id,
			 pool->nice < 0 ? "H" : "");
	else
		snprintf(name, sizeof(name), "kworker/u%d:%d", pool->id, id);
	worker->task = kthread_create(worker_thread, worker, "%s", name);
	if (!worker->task)
		goto fail;
	set_user_nice(worker->task, pool->nice);
	if (pool->cpu >= 0)
		kthread_bind(worker->task, pool->cpu);

	spin_lock_irqsave(&pool->lock, flags);
	list_add_tail(&worker->node, &pool->workers);
	pool->nr_workers++;
	worker_enter_idle(worker);
	wake_up_process(worker->task);
	spin_unlock_irqrestore(&pool->lock, flags);
	return worker;
fail:
	spin_lock_irqsave(&pool->lock, flags);
	worker_id_clear(pool, id);
	spin_unlock_irqrestore(&pool->lock, flags);
	kfree(worker);
	return NULL;
}

/* An idle kworker goes: it exits when it next wakes. pool->lock held. */
static void destroy_worker(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	if (WARN_ON(worker->current_work || !(worker->flags & WORKER_IDLE)))
		return;
	pool->nr_workers--;
	pool->nr_idle--;
	list_del_init(&worker->entry);
	worker->flags |= WORKER_DIE;
	wake_up_process(worker->task);
}

/* The oldest idle kworkers beyond too_many_workers() go, once stale. */
static void idle_worker_timeout(struct timer_list *t)
{
	struct worker_pool *pool = from_timer(pool, t, idle_timer);
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	while (too_many_workers(pool)) {
		struct worker *worker;
		unsigned long expires;

		worker = list_last_entry(&pool->idle_list, struct worker,
					 entry);
		expires = worker->last_active +
			  READ_ONCE(wq_idle_worker_timeout);
		if (time_before(jiffies, expires)) {
			mod_timer(&pool->idle_timer, expires);
			break;
		}
		destroy_worker(worker);
	}
	spin_unlock_irqrestore(&pool->lock, flags);
}

/*
 * The pool ran out of idle kworkers: make one, so there is always one to
 * wake when a running kworker blocks.  pool->lock held, dropped.
 */
static void maybe_create_worker(struct worker_pool *pool)
{
	spin_unlock_irq(&pool->lock);
	for (;;) {
		if (create_worker(pool) || !need_to_create_worker(pool))
			break;
		schedule_timeout_interruptible(CREATE_COOLDOWN);
		if (!need_to_create_worker(pool))
			break;
	}
	spin_lock_irq(&pool->lock);
}

/* One kworker manages at a time; false if another already does. */
static bool manage_workers(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	if (pool->flags & POOL_MANAGER_ACTIVE)
		return false;
	pool->flags |= POOL_MANAGER_ACTIVE;
	pool->manager = worker;
	maybe_create_worker(pool);
	pool->manager = NULL;
	pool->flags &= ~POOL_MANAGER_ACTIVE;
	return true;
}

static int worker_thread(void *arg)
{
	struct worker *worker = arg;
	struct worker_pool *pool = worker->pool;

	current->flags |= PF_WQ_WORKER;
woke_up:
	spin_lock_irq(&pool->lock);
	if (unlikely(worker->flags & WORKER_DIE)) {
		list_del_init(&worker->node);
		worker_id_clear(pool, worker->id);
		spin_unlock_irq(&pool->lock);
		current->flags &= ~PF_WQ_WORKER;
		kfree(worker);
		return 0;
	}
	worker_leave_idle(worker);
recheck:
	if (!need_more_worker(pool))
		goto sleep;
	/* Keep an idle one in reserve before starting; maybe create it. */
	if (unlikely(!may_start_working(pool)) && manage_workers(worker))
		goto recheck;

	worker_clr_flags(worker, WORKER_PREP);
	do {
		struct work_struct *work =
			list_first_entry(&pool->worklist, struct work_struct,
					 entry);

		if (assign_work(work, worker))
			process_scheduled_works(worker);
	} while (keep_working(pool));
	worker_set_flags(worker, WORKER_PREP);
sleep:
	worker_enter_idle(worker);
	/* TASK_IDLE on Linux: not counted as load, nor woken by signals. */
	__set_current_state(TASK_IDLE);
	spin_unlock_irq(&pool->lock);
	schedule();
	goto woke_up;
}

/*
 * The scheduler's hooks.  A counted kworker is about to block (from
 * schedule(), before the rq lock): if its pool has work and it was the
 * last running one, wake another.
 */
void wq_worker_sleeping(struct task_struct *task)
{
	struct worker *worker = kthread_data(task);
	struct worker_pool *pool = worker->pool;
	unsigned long flags;

	if (worker->flags & (WORKER_NOT_RUNNING | WORKER_IDLE))
		return;
	if (READ_ONCE(worker->sleeping))
		return;
	WRITE_ONCE(worker->sleeping, 1);
	spin_lock_irqsave(&pool->lock, flags);
	/* Flags change under the lock; the check above was a shortcut. */
	if (!(worker->flags & (WORKER_NOT_RUNNING | WORKER_IDLE))) {
		pool->nr_running--;
		kick_pool(pool);
	}
	spin_unlock_irqrestore(&pool->lock, flags);
}

/* ... and it runs again. */
void wq_worker_running(struct task_struct *task)
{
	struct worker *worker = kthread_data(task);
	struct worker_pool *pool = worker->pool;
	unsigned long flags;

	if (!READ_ONCE(worker->sleeping))
		return;
	spin_lock_irqsave(&pool->lock, flags);
	if (!(worker->flags & (WORKER_NOT_RUNNING | WORKER_IDLE)))
		pool->nr_running++;
	spin_unlock_irqrestore(&pool->lock, flags);
	WRITE_ONCE(worker->sleeping, 0);
}

/* BH pools: the softirq is the worker. */

static void bh_worker(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;
	unsigned long end = jiffies + BH_WORKER_JIFFIES;
	int nr_restarts = BH_WORKER_RESTARTS;

	spin_lock_irq(&pool->lock);
	worker_leave_idle(worker);
	worker_clr_flags(worker, WORKER_PREP);
	while (!list_empty(&pool->worklist)) {
		struct work_struct *work =
			list_first_entry(&pool->worklist, struct work_struct,
					 entry);

		if (assign_work(work, worker))
			process_scheduled_works(worker);
		if (!--nr_restarts || time_after_eq(jiffies, end))
			break;
	}
	worker_set_flags(worker, WORKER_PREP);
	worker_enter_idle(worker);
	/* Left some: the softirq again (ksoftirqd if it keeps coming). */
	kick_pool(pool);
	spin_unlock_irq(&pool->lock);
}

void workqueue_softirq_action(bool highpri)
{
	struct worker_pool *pool =
		&bh_worker_pools[smp_processor_id()][highpri];

	if (pool->nr_workers)
		bh_worker(&pool->bh_worker);
}

/* Workqueues */

static struct worker_pool *pick_pool(unsigned int flags, int cpu)
{
	int highpri = !!(flags & WQ_HIGHPRI);

	if (flags & WQ_BH)
		return &bh_worker_pools[cpu][highpri];
	if (flags & WQ_UNBOUND)
		return &unbound_pool;
	return &cpu_worker_pools[cpu][highpri];
}

static struct pool_workqueue *alloc_pwq(struct workqueue_struct *wq,
					struct worker_pool *pool)
{
	struct pool_workqueue *pwq = kmem_cache_alloc(pwq_cache, GFP_KERNEL);

	if (!pwq)
		return NULL;
	memset(pwq, 0, sizeof(*pwq));
	pwq->pool = pool;
	pwq->wq = wq;
	pwq->flush_color = -1;
	pwq->max_active = wq->saved_max_active;
	INIT_LIST_HEAD(&pwq->inactive_works);
	list_add_tail(&pwq->pwqs_node, &wq->pwqs);
	return pwq;
}

static void free_pwqs(struct workqueue_struct *wq)
{
	struct pool_workqueue *pwq, *n;

	list_for_each_entry_safe(pwq, n, &wq->pwqs, pwqs_node) {
		list_del(&pwq->pwqs_node);
		kmem_cache_free(pwq_cache, pwq);
	}
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq;
	unsigned long irqflags;
	va_list args;
	int cpu;

	if (flags & WQ_BH) {
		/* Linux's rules: softirq items have no max_active. */
		if (WARN_ON(flags & ~__WQ_BH_ALLOWS) || WARN_ON(max_active))
			return NULL;
		max_active = WQ_INT_MAX;
	} else {
		if (!max_active)
			max_active = WQ_DFL_ACTIVE;
		if (max_active < 1 || max_active > WQ_MAX_ACTIVE) {
			pr_warn("workqueue: max_active %d requested for %s is out of range, clamping between 1 and %d\n",
				max_active, fmt, WQ_MAX_ACTIVE);
			max_active = max_active < 1 ? 1 : WQ_MAX_ACTIVE;
		}
	}

	wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	wq->flags = flags;
	wq->saved_max_active = max_active;
	INIT_LIST_HEAD(&wq->pwqs);
	INIT_LIST_HEAD(&wq->list);
	mutex_init(&wq->flush_mutex);
	init_completion(&wq->flush_done);

	if (flags & WQ_UNBOUND) {
		wq->dfl_pwq = alloc_pwq(wq, &unbound_pool);
		if (!wq->dfl_pwq)
			goto fail;
	} else {
		/* Every possible CPU: they come online after us. */
		for (cpu = 0; cpu < wq_nr_cpus; cpu++) {
			wq->cpu_pwq[cpu] = alloc_pwq(wq, pick_pool(flags, cpu));
			if (!wq->cpu_pwq[cpu])
				goto fail;
		}
	}

	spin_lock_irqsave(&wq_list_lock, irqflags);
	list_add_tail(&wq->list, &workqueues);
	spin_unlock_irqrestore(&wq_list_lock, irqflags);
	return wq;
fail:
	free_pwqs(wq);
	kfree(wq);
	return NULL;
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	unsigned long flags;

	drain_workqueue(wq);
	spin_lock_irqsave(&wq_list_lock, flags);
	wq->flags |= __WQ_DESTROYING;
	list_del(&wq->list);
	spin_unlock_irqrestore(&wq_list_lock, flags);
	/*
	 * Drained: no item points at a pwq, and each worker let go of its
	 * current_pwq under the pool lock drain_workqueue() took after.
	 */
	free_pwqs(wq);
	kfree(wq);
}

struct work_struct *current_work(void)
{
	struct worker *worker;

	if (!(current->flags & PF_WQ_WORKER) || in_interrupt())
		return NULL;
	worker = kthread_data(current);
	return worker ? worker->current_work : NULL;
}

/* Boot */

static void init_worker_pool(struct worker_pool *pool, int cpu, int nice,
			     unsigned int flags)
{
	spin_lock_init(&pool->lock);
	pool->lock.name = "pool->lock";
	pool->cpu = cpu;
	pool->nice = nice;
	pool->flags = flags;
	INIT_LIST_HEAD(&pool->worklist);
	INIT_LIST_HEAD(&pool->idle_list);
	INIT_LIST_HEAD(&pool->busy_list);
	INIT_LIST_HEAD(&pool->workers);
	timer_setup(&pool->idle_timer, idle_worker_timeout, 0);
	pool->id = nr_pools;
	worker_pool_by_id[nr_pools++] = pool;
}

void workqueue_init_early(void)
{
	int cpu, i;

	pwq_cache = kmem_cache_create("pool_workqueue",
				      sizeof(struct pool_workqueue),
				      1 << WORK_STRUCT_FLAG_BITS, 0, NULL);
	BUG_ON(!pwq_cache);

	/*
	 * Possible CPUs: those the MADT lists, all of which may come
	 * online after us.  Linux's order: per CPU, its BH pools first.
	 */
	wq_nr_cpus = madt.nr_cpus < 1 ? 1 : madt.nr_cpus;
	if (wq_nr_cpus > NR_CPUS)
		wq_nr_cpus = NR_CPUS;
	for (cpu = 0; cpu < wq_nr_cpus; cpu++) {
		for (i = 0; i < NR_STD_WORKER_POOLS; i++)
			init_worker_pool(&bh_worker_pools[cpu][i], cpu,
					 i ? MIN_NICE : 0, POOL_BH);
		for (i = 0; i < NR_STD_WORKER_POOLS; i++)
			init_worker_pool(&cpu_worker_pools[cpu][i], cpu,
					 i ? MIN_NICE : 0, 0);
	}
	init_worker_pool(&unbound_pool, -1, 0, POOL_DISASSOCIATED);

	system_wq = alloc_workqueue("events", 0, 0);
	system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = alloc_workqueue("events_long", 0, 0);
	system_unbound_wq = alloc_workqueue("events_unbound", WQ_UNBOUND,
					    WQ_MAX_ACTIVE);
	system_bh_wq = alloc_workqueue("events_bh", WQ_BH, 0);
	system_bh_highpri_wq = alloc_workqueue("events_bh_highpri",
					       WQ_BH | WQ_HIGHPRI, 0);
	BUG_ON(!system_wq || !system_highpri_wq || !system_long_wq ||
	       !system_unbound_wq || !system_bh_wq || !system_bh_highpri_wq);
}

/* A BH pool's one worker, no task: counted so /proc shows it. */
static void init_bh_worker(struct worker_pool *pool)
{
	struct worker *worker = &pool->bh_worker;
	unsigned long flags;

	init_worker(worker, pool);
	spin_lock_irqsave(&pool->lock, flags);
	list_add_tail(&worker->node, &pool->workers);
	pool->nr_workers++;
	worker_enter_idle(worker);
	/* Work queued before now runs at the next softirq. */
	kick_pool(pool);
	spin_unlock_irqrestore(&pool->lock, flags);
}

void workqueue_init(void)
{
	int cpu, i;

	for_each_online_cpu(cpu) {
		for (i = 0; i < NR_STD_WORKER_POOLS; i++) {
			init_bh_worker(&bh_worker_pools[cpu][i]);
			BUG_ON(!create_worker(&cpu_worker_pools[cpu][i]));
		}
	}
	BUG_ON(!create_worker(&unbound_pool));
	WRITE_ONCE(wq_online, true);
	pr_info("workqueue: %d CPU pools, 1 unbound pool, %d kworkers started\n",
		num_online_cpus() * NR_STD_WORKER_POOLS,
		num_online_cpus() * NR_STD_WORKER_POOLS + 1);
}

/* /proc/workqueues, after tools/workqueue/wq_dump.py */

static void show_pool(struct worker_pool *pool)
{
	int nr_workers, nr_idle, nr_running, nr_pending = 0;
	unsigned long processed;
	struct work_struct *work;

	spin_lock_irq(&pool->lock);
	nr_workers = pool->nr_workers;
	nr_idle = pool->nr_idle;
	nr_running = pool->nr_running;
	list_for_each_entry(work, &pool->worklist, entry)
		nr_pending++;
	processed = pool->nr_processed;
	spin_unlock_irq(&pool->lock);

	sh_printf("%4d  %-7s ", pool->id, pool->flags & POOL_BH ? "bh" :
					 pool->cpu >= 0 ? "percpu" : "unbound");
	if (pool->cpu >= 0)
		sh_printf("%3d", pool->cpu);
	else
		sh_printf("%3s", "-");
	sh_printf(" %4d %7d %5d %7d %7d %9lu\n", pool->nice, nr_workers,
		  nr_idle, nr_running, nr_pending, processed);
}

static void format_flags(char *buf, size_t size, unsigned int flags)
{
	static const struct {
		unsigned int flag;
		const char *name;
	} names[] = {
		{ WQ_BH, "BH" }, { WQ_UNBOUND, "UNBOUND" },
		{ WQ_MEM_RECLAIM, "MEM_RECLAIM" }, { WQ_HIGHPRI, "HIGHPRI" },
		{ WQ_CPU_INTENSIVE, "CPU_INTENSIVE" },
		{ __WQ_ORDERED, "ORDERED" },
	};
	size_t len = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (flags & names[i].flag && len < size)
			len += snprintf(buf + len, size - len, "%s%s",
					len ? "|" : "", names[i].name);
	if (!len)
		snprintf(buf, size, "-");
}

/* Copied out under the locks, printed after: printing may sleep. */
struct wq_snapshot {
	char name[24];
	unsigned int flags;
	int max_active, active, inactive;
};

#define WQ_SHOW_MAX	32

static void show_workqueues(void)
{
	struct wq_snapshot *snap;
	struct workqueue_struct *wq;
	int cpu, i, n = 0, more = 0;
	char flags[48];

	sh_printf("pool  type    cpu nice workers  idle running pending processed\n");
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!cpu_online(cpu))
			continue;
		for (i = 0; i < NR_STD_WORKER_POOLS; i++)
			show_pool(&bh_worker_pools[cpu][i]);
		for (i = 0; i < NR_STD_WORKER_POOLS; i++)
			show_pool(&cpu_worker_pools[cpu][i]);
	}
	show_pool(&unbound_pool);

	snap = kcalloc(WQ_SHOW_MAX, sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return;
	spin_lock_irq(&wq_list_lock);
	list_for_each_entry(wq, &workqueues, list) {
		struct pool_workqueue *pwq;
		struct wq_snapshot *s = &snap[n];

		if (n == WQ_SHOW_MAX) {
			more++;
			continue;
		}
		memcpy(s->name, wq->name, sizeof(s->name));
		s->flags = wq->flags;
		s->max_active = wq->saved_max_active;
		list_for_each_entry(pwq, &wq->pwqs, pwqs_node) {
			struct work_struct *work;

			/* wq_list_lock, then a pool's: never the reverse. */
			spin_lock(&pwq->pool->lock);
			s->active += pwq->nr_active;
			list_for_each_entry(work, &pwq->inactive_works, entry)
				s->inactive++;
			spin_unlock(&pwq->pool->lock);
		}
		n++;
	}
	spin_unlock_irq(&wq_list_lock);

	sh_printf("\n%-24s %-24s %10s %6s %8s\n", "workqueue", "flags",
		  "max_active", "active", "inactive");
	for (i = 0; i < n; i++) {
		format_flags(flags, sizeof(flags), snap[i].flags);
		sh_printf("%-24s %-24s ", snap[i].name, flags);
		if (snap[i].flags & WQ_BH)
			sh_printf("%10s", "-");
		else
			sh_printf("%10d", snap[i].max_active);
		sh_printf(" %6d %8d\n", snap[i].active, snap[i].inactive);
	}
	if (more)
		sh_printf("... and %d more\n", more);
	kfree(snap);
}
PROC_ENTRY("/proc/workqueues", show_workqueues);
