// SPDX-License-Identifier: GPL-2.0
/*
 * Semaphores (Linux's kernel/locking/semaphore.c): a count and a FIFO of
 * sleepers.  up() with sleepers gives the unit straight to the first one
 * (waiter.up) instead of raising count, so a newcomer cannot steal it.
 * The lock is taken with interrupts off: up() may come from a handler.
 */
#include <irqlab/semaphore.h>
#include <irqlab/sched.h>
#include <irqlab/errno.h>


struct semaphore_waiter {
	struct list_head list;
	struct task_struct *task;
	bool up;
};

void sema_init(struct semaphore *sem, int val)
{
	spin_lock_init(&sem->lock);
	sem->lock.name = "semaphore->lock";
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
}

/* sem->lock held, interrupts off; 0 or -ETIME. */
static int __down_common(struct semaphore *sem, long timeout)
{
	struct semaphore_waiter waiter = { .task = current };

	list_add_tail(&waiter.list, &sem->wait_list);
	for (;;) {
		if (timeout <= 0) {
			list_del(&waiter.list);
			return -ETIME;
		}
		__set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irq(&sem->lock);
		timeout = schedule_timeout(timeout);
		spin_lock_irq(&sem->lock);
		if (waiter.up)
			return 0;
	}
}

static int __down(struct semaphore *sem, long timeout)
{
	unsigned long flags;
	int ret = 0;

	might_sleep();
	spin_lock_irqsave(&sem->lock, flags);
	if (sem->count > 0)
		sem->count--;
	else
		ret = __down_common(sem, timeout);
	spin_unlock_irqrestore(&sem->lock, flags);
	return ret;
}

void down(struct semaphore *sem)
{
	__down(sem, MAX_SCHEDULE_TIMEOUT);
}

int down_interruptible(struct semaphore *sem)
{
	return __down(sem, MAX_SCHEDULE_TIMEOUT);
}

int down_timeout(struct semaphore *sem, long timeout)
{
	return __down(sem, timeout);
}

int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	int busy;

	spin_lock_irqsave(&sem->lock, flags);
	busy = !sem->count;
	if (!busy)
		sem->count--;
	spin_unlock_irqrestore(&sem->lock, flags);
	return busy;
}

void up(struct semaphore *sem)
{
	struct semaphore_waiter *waiter;
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	if (list_empty(&sem->wait_list)) {
		sem->count++;
	} else {
		waiter = list_first_entry(&sem->wait_list,
					  struct semaphore_waiter, list);
		list_del(&waiter->list);
		waiter->up = true;
		wake_up_process(waiter->task);
	}
	spin_unlock_irqrestore(&sem->lock, flags);
}
