// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting for work items, as Linux's kernel/workqueue.c: flush_work()
 * queues a barrier right behind its target and waits for it;
 * flush_workqueue() waits for a flush color to drain from every pwq;
 * drain_workqueue() flushes until nothing is left.
 */
#include "workqueue_internal.h"
#include <irqlab/sched.h>
#include <irqlab/printk.h>

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
 * count in max_active (INACTIVE), and takes target's flush color, the
 * running worker's current_color if it runs: a flush_workqueue() then
 * waits for the barrier too, and drain and destroy account for it.
 */
static void insert_wq_barrier(struct pool_workqueue *pwq,
			      struct wq_barrier *barr,
			      struct work_struct *target,
			      struct worker *worker)
{
	unsigned long work_flags = WORK_STRUCT_INACTIVE;
	struct list_head *head;
	int color;

	INIT_WORK(&barr->work, wq_barrier_func);
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&barr->work));
	init_completion(&barr->done);

	if (worker) {
		head = worker->scheduled.next;
		color = worker->current_color;
	} else {
		unsigned long *bits = work_data_bits(target);

		head = target->entry.next;
		work_flags |= *bits & WORK_STRUCT_LINKED;
		color = get_work_color(*bits);
		set_bit(WORK_STRUCT_LINKED_BIT, bits);
	}
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

bool pwq_busy(struct pool_workqueue *pwq)
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
