/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues, Linux's <linux/wait.h>: a sleeper puts itself on the
 * queue, sets its state, tests its condition and only then schedules, so
 * a wake_up() between the test and the sleep is never lost.  There are
 * no signals: the _interruptible forms never return -ERESTARTSYS.
 */
#ifndef _IRQLAB_WAIT_H
#define _IRQLAB_WAIT_H

#include <irqlab/list.h>
#include <irqlab/spinlock.h>
#include <irqlab/sched.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the task */
	wait_queue_func_t func;
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)				\
	{ .lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	  .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name)					\
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);

int default_wake_function(struct wait_queue_entry *wq_entry,
			  unsigned int mode, int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int flags, void *key);

#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = function,					\
		.entry = LIST_HEAD_INIT((name).entry),			\
	}
#define DEFINE_WAIT(name)						\
	DEFINE_WAIT_FUNC(name, autoremove_wake_function)

static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);

/* Wakes every non-exclusive waiter and nr_exclusive exclusive ones. */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode,
	       int nr_exclusive, void *key);
/* The same with wq_head->lock already held. */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)					\
	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x)					\
	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/* The loop behind every wait_event*(); cmd is what sleeps. */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd)	\
({									\
	struct wait_queue_entry __wq_entry;				\
	long __ret = ret;						\
									\
	init_wait_entry(&__wq_entry, exclusive ? WQ_FLAG_EXCLUSIVE : 0); \
	for (;;) {							\
		if (exclusive)						\
			prepare_to_wait_exclusive(&(wq_head), &__wq_entry, \
						  state);		\
		else							\
			prepare_to_wait(&(wq_head), &__wq_entry, state); \
		if (condition)						\
			break;						\
		cmd;							\
	}								\
	finish_wait(&(wq_head), &__wq_entry);				\
	__ret;								\
})

#define wait_event(wq_head, condition)					\
	do {								\
		might_sleep();						\
		if (condition)						\
			break;						\
		(void)___wait_event(wq_head, condition,			\
				    TASK_UNINTERRUPTIBLE, 0, 0,		\
				    schedule());			\
	} while (0)

#define wait_event_interruptible(wq_head, condition)			\
({									\
	might_sleep();							\
	if (!(condition))						\
		(void)___wait_event(wq_head, condition,			\
				    TASK_INTERRUPTIBLE, 0, 0,		\
				    schedule());			\
	0;								\
})

/* 0 if it timed out with condition false, else the jiffies left (>= 1). */
#define ___wait_cond_timeout(condition)					\
({									\
	bool __cond = (condition);					\
	if (__cond && !__ret)						\
		__ret = 1;						\
	__cond || !__ret;						\
})

#define wait_event_timeout(wq_head, condition, timeout)		\
({									\
	long __ret = timeout;						\
	might_sleep();							\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head,				\
				      ___wait_cond_timeout(condition),	\
				      TASK_UNINTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret;								\
})

#define wait_event_interruptible_timeout(wq_head, condition, timeout)	\
({									\
	long __ret = timeout;						\
	might_sleep();							\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head,				\
				      ___wait_cond_timeout(condition),	\
				      TASK_INTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret;								\
})

#endif /* _IRQLAB_WAIT_H */
