// SPDX-License-Identifier: GPL-2.0
/*
 * BH workqueues (WQ_BH, Linux 6.9): per CPU a normal and a highpri pool
 * with no kworker; TASKLET_SOFTIRQ and HI_SOFTIRQ run their items
 * through the pool's one thread-less worker, on the CPU they were
 * queued for.  Queueing, flushing and cancelling are the other pools'.
 */
#include "workqueue_internal.h"
#include <irqlab/interrupt.h>
#include <irqlab/jiffies.h>

/* One BH pass: at most 2 ms and 10 rounds, then the softirq again. */
#define BH_WORKER_JIFFIES	msecs_to_jiffies(2)
#define BH_WORKER_RESTARTS	10

void bh_pool_raise(void *info)
{
	struct worker_pool *pool = info;

	raise_softirq_irqoff(pool->nice < 0 ? HI_SOFTIRQ : TASKLET_SOFTIRQ);
}

/*
 * A BH pool's softirq, on the pool's CPU.  From another CPU, with the
 * pool lock held and interrupts off, the call may neither allocate nor
 * wait for an earlier call to be taken (that CPU may be spinning on this
 * very lock): Linux queues the pool's own irq_work (bh_pool_irq_works);
 * irqlab has no irq_work, and the pool's own csd is the same thing.
 * -EBUSY means the last kick is still queued: it raises the softirq
 * after our item is on the worklist, so this one collapses into it.
 */
void kick_bh_pool(struct worker_pool *pool)
{
	if (unlikely(pool->cpu != smp_processor_id())) {
		smp_call_function_single_async(pool->cpu, &pool->bh_csd);
		return;
	}
	bh_pool_raise(pool);
}

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

/* A BH pool's one worker, no task: counted so /proc shows it. */
void init_bh_worker(struct worker_pool *pool)
{
	struct worker *worker = &pool->bh_worker;
	unsigned long flags;

	init_worker(worker, pool);
	spin_lock_irqsave(&pool->lock, flags);
	pool->nr_workers++;
	worker_enter_idle(worker);
	/* Work queued before now runs at the next softirq. */
	kick_pool(pool);
	spin_unlock_irqrestore(&pool->lock, flags);
}
