/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Notifier chains, as Linux's include/linux/notifier.h (atomic chains
 * only): how the kernel tells code that registered with it that
 * something happened, without knowing who registered.  A driver adds a
 * notifier_block to a chain the kernel declares (panic_notifier_list in
 * kernel/panic.c); the kernel calls the chain, highest priority first.
 * Calls may come from any context, a panic included, and never sleep.
 */
#ifndef _IRQLAB_NOTIFIER_H
#define _IRQLAB_NOTIFIER_H

#include <irqlab/spinlock.h>

struct notifier_block;

typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action,
			     void *data);

struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block *next;
	int priority;
};

struct atomic_notifier_head {
	spinlock_t lock;
	struct notifier_block *head;
};

#define ATOMIC_NOTIFIER_HEAD(name)					\
	struct atomic_notifier_head name = {				\
		.lock = __SPIN_LOCK_UNLOCKED(name.lock),		\
		.head = NULL,						\
	}

/* Linux's return values of a notifier_call. */
#define NOTIFY_DONE		0x0000	/* don't care */
#define NOTIFY_OK		0x0001	/* suits me */
#define NOTIFY_STOP_MASK	0x8000	/* don't call further */
#define NOTIFY_STOP		(NOTIFY_OK | NOTIFY_STOP_MASK)

/*
 * Adds nb, after the blocks of its priority or higher.  There is no
 * unregister: nothing in irqlab ever goes away, and a lock-free walk
 * (panic) could not be told.
 */
int atomic_notifier_chain_register(struct atomic_notifier_head *nh,
				   struct notifier_block *nb);
/* Calls each block until one returns with NOTIFY_STOP_MASK set. */
int atomic_notifier_call_chain(struct atomic_notifier_head *nh,
			       unsigned long val, void *v);

#endif /* _IRQLAB_NOTIFIER_H */
