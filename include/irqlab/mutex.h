/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeping locks, Linux's <linux/mutex.h>: one owner, who must unlock;
 * contenders sleep in FIFO order and the unlocker hands the lock to the
 * first of them.  Task context only.
 */
#ifndef _IRQLAB_MUTEX_H
#define _IRQLAB_MUTEX_H

#include <irqlab/atomic.h>
#include <irqlab/list.h>
#include <irqlab/spinlock.h>

struct task_struct;

struct mutex {
	atomic_long_t owner;		/* task pointer | MUTEX_FLAG_* */
	spinlock_t wait_lock;
	struct list_head wait_list;
	const char *name;
};

#define __MUTEX_INITIALIZER(lockname)					\
	{ .owner = { 0 },						\
	  .wait_lock = __SPIN_LOCK_UNLOCKED(lockname.wait_lock),	\
	  .wait_list = LIST_HEAD_INIT(lockname.wait_list),		\
	  .name = #lockname }
#define DEFINE_MUTEX(mutexname)						\
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
/* No signals: never interrupted, always 0. */
int mutex_lock_interruptible(struct mutex *lock);
/* 1 if taken, 0 if not (Linux's convention, unlike down_trylock). */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
struct task_struct *mutex_owner(struct mutex *lock);

#endif /* _IRQLAB_MUTEX_H */
