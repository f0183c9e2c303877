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
 * linked after their target, flush colors.  This file has the pools and
 * their kworkers; workqueue_internal.h lists the others.
 * docs/workqueues.md.
 */
#include "workqueue_internal.h"
#include <irqlab/kthread.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/preempt.h>
#include <irqlab/sprintf.h>
#include <irqlab/printk.h>
#include <irqlab/kernel.h>
#include <asm/madt.h>

/* An idle kworker beyond those kept may linger this long (Linux's). */
#define IDLE_WORKER_TIMEOUT	(300 * HZ)
/* Keep 2 idle, plus one per 4 busy (Linux's too_many_workers()). */
#define MAX_IDLE_WORKERS_RATIO	4
/* Between failed kworker creations (Linux's CREATE_COOLDOWN, 1 s). */
#define CREATE_COOLDOWN		HZ

unsigned long wq_idle_worker_timeout = IDLE_WORKER_TIMEOUT;

struct worker_pool cpu_worker_pools[NR_CPUS][NR_STD_WORKER_POOLS];
struct worker_pool bh_worker_pools[NR_CPUS][NR_STD_WORKER_POOLS];
struct worker_pool unbound_pool;
/* Linux's worker_pool_idr: a work off queue records its pool's id. */
struct worker_pool *worker_pool_by_id[NR_POOLS];
int nr_pools;

struct kmem_cache *pwq_cache;
bool wq_online;			/* workqueue_init() ran */
int wq_nr_cpus;			/* possible CPUs, 0 to this - 1 */

struct workqueue_struct *system_wq;
struct workqueue_struct *system_highpri_wq;
struct workqueue_struct *system_long_wq;
struct workqueue_struct *system_unbound_wq;
struct workqueue_struct *system_bh_wq;
struct workqueue_struct *system_bh_highpri_wq;

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

void worker_set_flags(struct worker *worker, unsigned int flags)
{
	if ((flags & WORKER_NOT_RUNNING) &&
	    !(worker->flags & WORKER_NOT_RUNNING))
		worker->pool->nr_running--;
	worker->flags |= flags;
}

void worker_clr_flags(struct worker *worker, unsigned int flags)
{
	unsigned int oflags = worker->flags;

	worker->flags &= ~flags;
	if ((flags & WORKER_NOT_RUNNING) && (oflags & WORKER_NOT_RUNNING) &&
	    !(worker->flags & WORKER_NOT_RUNNING))
		worker->pool->nr_running++;
}

/* Wakes an idle kworker if the pool has work and none running. */
bool kick_pool(struct worker_pool *pool)
{
	struct worker *worker;

	if (!need_more_worker(pool))
		return false;
	if (pool->flags & POOL_BH) {
		kick_bh_pool(pool);
		return true;
	}
	worker = list_first_entry_or_null(&pool->idle_list, struct worker,
					  entry);
	if (!worker)
		return false;
	wake_up_process(worker->task);
	return true;
}

void worker_enter_idle(struct worker *worker)
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

void worker_leave_idle(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	if (WARN_ON(!(worker->flags & WORKER_IDLE)))
		return;
	worker->flags &= ~WORKER_IDLE;
	pool->nr_idle--;
	list_del_init(&worker->entry);
}

/* Linux's find_worker_executing_work(): same item, same function. */
struct worker *find_worker_executing_work(struct worker_pool *pool,
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
void move_linked_works(struct work_struct *work,
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
bool assign_work(struct work_struct *work, struct worker *worker)
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
	worker->current_color = INT_MAX;
	pwq_dec_nr_in_flight(pwq, work_data);
}

void process_scheduled_works(struct worker *worker)
{
	struct work_struct *work;

	while ((work = list_first_entry_or_null(&worker->scheduled,
						struct work_struct, entry)))
		process_one_work(worker, work);
}

/* Kworkers: creation and reaping */

/* A kworker's, or a BH pool's embedded one: not counted until it works. */
void init_worker(struct worker *worker, struct worker_pool *pool)
{
	INIT_LIST_HEAD(&worker->entry);
	INIT_LIST_HEAD(&worker->scheduled);
	worker->pool = pool;
	worker->current_color = INT_MAX;
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
	maybe_create_worker(pool);
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
	timer_setup(&pool->idle_timer, idle_worker_timeout, 0);
	INIT_CSD(&pool->bh_csd, bh_pool_raise, pool);
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

