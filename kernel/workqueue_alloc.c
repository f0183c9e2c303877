// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues made and destroyed, as Linux's kernel/workqueue.c: a
 * workqueue is a name, flags and max_active, with one pwq per CPU (or
 * one unbound) linking it to the pools.  A pwq is reference counted, so
 * it outlives destroy_workqueue() while a queued item still names it.
 */
#include "workqueue_internal.h"
#include <irqlab/slab.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/printk.h>
#include <irqlab/kernel.h>
#include <stdarg.h>

LIST_HEAD(workqueues);
DEFINE_SPINLOCK(wq_list_lock);

/* pwq lifetime, Linux's: a pwq lives while a queued item may name it. */

static void put_wq(struct workqueue_struct *wq)
{
	if (atomic_dec_and_test(&wq->refcnt))
		kfree(wq);
}

/* The last reference went: nothing names pwq any more. */
static void pwq_release(struct pool_workqueue *pwq)
{
	struct workqueue_struct *wq = pwq->wq;

	/*
	 * Linux bounces this to a kthread_worker, as its release takes
	 * wq->mutex and frees under RCU.  Here it only frees, and the slab
	 * lock is irq-safe and never held around a pool lock, so it is
	 * done in place.  wq->pwqs is not touched: only a dying wq gets
	 * here, and nothing walks its list any more.
	 */
	kmem_cache_free(pwq_cache, pwq);
	put_wq(wq);
}

void get_pwq(struct pool_workqueue *pwq)
{
	WARN_ON(pwq->refcnt <= 0);
	pwq->refcnt++;
}

void put_pwq(struct pool_workqueue *pwq)
{
	if (likely(--pwq->refcnt))
		return;
	pwq_release(pwq);
}

void put_pwq_unlocked(struct pool_workqueue *pwq)
{
	struct worker_pool *pool = pwq->pool;
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	put_pwq(pwq);
	spin_unlock_irqrestore(&pool->lock, flags);
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
	pwq->refcnt = 1;		/* the workqueue's */
	pwq->max_active = wq->saved_max_active;
	INIT_LIST_HEAD(&pwq->inactive_works);
	list_add_tail(&pwq->pwqs_node, &wq->pwqs);
	atomic_inc(&wq->refcnt);
	return pwq;
}

/* alloc_workqueue() failed: no item ever named these. */
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
		max_active = INT_MAX;
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
	atomic_set(&wq->refcnt, 1);
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

/*
 * Drains wq, then drops the workqueue's reference on each pwq: a pwq
 * goes with the last item that names it, and wq with its last pwq.
 * Busy after the drain (a caller still queueing from outside) is a bug:
 * as Linux, it is reported and wq is left alone rather than freed.
 */
void destroy_workqueue(struct workqueue_struct *wq)
{
	struct pool_workqueue *pwqs[NR_CPUS + 1];
	struct pool_workqueue *pwq;
	unsigned long flags;
	int cpu, n = 0;

	spin_lock_irqsave(&wq_list_lock, flags);
	wq->flags |= __WQ_DESTROYING;
	spin_unlock_irqrestore(&wq_list_lock, flags);
	drain_workqueue(wq);

	list_for_each_entry(pwq, &wq->pwqs, pwqs_node) {
		bool busy;

		spin_lock_irqsave(&pwq->pool->lock, flags);
		busy = pwq_busy(pwq) || pwq->refcnt > 1;
		spin_unlock_irqrestore(&pwq->pool->lock, flags);
		if (WARN_ON(busy)) {
			pr_warn("%s: %s has the following busy pwq\n",
				__func__, wq->name);
			pr_warn("  pwq on pool %d: refcnt=%d active=%d\n",
				pwq->pool->id, pwq->refcnt, pwq->nr_active);
			return;
		}
	}

	spin_lock_irqsave(&wq_list_lock, flags);
	list_del(&wq->list);
	spin_unlock_irqrestore(&wq_list_lock, flags);

	/* Taken from the slots, not the list: puts may free as they go. */
	if (wq->flags & WQ_UNBOUND) {
		pwqs[n++] = wq->dfl_pwq;
	} else {
		for (cpu = 0; cpu < wq_nr_cpus; cpu++)
			pwqs[n++] = wq->cpu_pwq[cpu];
	}
	while (n--)
		put_pwq_unlocked(pwqs[n]);
	put_wq(wq);
}
