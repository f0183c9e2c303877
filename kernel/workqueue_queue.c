// SPDX-License-Identifier: GPL-2.0
/*
 * Queueing work items, as Linux's kernel/workqueue.c: PENDING taken by
 * test-and-set, the pwq chosen (with non-reentrancy: an item still
 * running on its last pool is queued there), max_active, delayed work
 * on a timer, and cancelling, which grabs PENDING back from wherever
 * the item waits (try_to_grab_pending()).
 */
#include "workqueue_internal.h"
#include <irqlab/kthread.h>
#include <irqlab/sched.h>
#include <irqlab/interrupt.h>
#include <irqlab/kernel.h>
#include <irqlab/errno.h>

/* Queueing and max_active */

void insert_work(struct pool_workqueue *pwq, struct work_struct *work,
		 struct list_head *head, unsigned long flags)
{
	set_work_pwq(work, pwq, flags);
	list_add_tail(&work->entry, head);
	get_pwq(pwq);
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
 * max_active frees up, its flush color may be all done, and it lets go
 * of pwq.  Barriers have a color too, and INACTIVE keeps them out of
 * max_active.
 */
void pwq_dec_nr_in_flight(struct pool_workqueue *pwq,
			  unsigned long work_data)
{
	int color = get_work_color(work_data);
	struct workqueue_struct *wq = pwq->wq;

	if (!(work_data & WORK_STRUCT_INACTIVE)) {
		pwq->nr_active--;
		if (pwq->nr_active < pwq->max_active)
			pwq_activate_first_inactive(pwq);
	}
	pwq->nr_in_flight[color]--;
	if (pwq->flush_color == color && !pwq->nr_in_flight[color]) {
		pwq->flush_color = -1;
		if (atomic_dec_and_test(&wq->nr_pwqs_to_flush))
			complete(&wq->flush_done);
	}
	put_pwq(pwq);
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
void __queue_work(int cpu, struct workqueue_struct *wq,
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
