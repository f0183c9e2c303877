/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counting semaphores, Linux's <linux/semaphore.h>: down() takes one of
 * count, sleeping until there is one; up() gives one back, to the
 * longest waiter first.  Unlike a mutex, anyone may up().
 */
#ifndef _IRQLAB_SEMAPHORE_H
#define _IRQLAB_SEMAPHORE_H

#include <irqlab/list.h>
#include <irqlab/spinlock.h>

struct semaphore {
	spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};

#define __SEMAPHORE_INITIALIZER(name, n)				\
	{ .lock = __SPIN_LOCK_UNLOCKED((name).lock), .count = n,	\
	  .wait_list = LIST_HEAD_INIT((name).wait_list) }
#define DEFINE_SEMAPHORE(name, n)					\
	struct semaphore name = __SEMAPHORE_INITIALIZER(name, n)

void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
/* No signals: always 0. */
int down_interruptible(struct semaphore *sem);
/* 0 if taken, 1 if not: the opposite of mutex_trylock, as in Linux. */
int down_trylock(struct semaphore *sem);
/* 0, or -ETIME after timeout jiffies. */
int down_timeout(struct semaphore *sem, long timeout);
void up(struct semaphore *sem);

#endif /* _IRQLAB_SEMAPHORE_H */
