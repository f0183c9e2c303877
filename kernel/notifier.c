// SPDX-License-Identifier: GPL-2.0
/*
 * Atomic notifier chains (Linux's kernel/notifier.c).  Registration takes
 * the chain's lock; a call walks the chain without it, since a panic may
 * call while the lock's holder is stopped: a block is complete before
 * the store that links it in.
 */
#include <irqlab/notifier.h>

int atomic_notifier_chain_register(struct atomic_notifier_head *nh,
				   struct notifier_block *n)
{
	struct notifier_block **nl;
	unsigned long flags;

	spin_lock_irqsave(&nh->lock, flags);
	for (nl = &nh->head; *nl; nl = &(*nl)->next)
		if (n->priority > (*nl)->priority)
			break;
	n->next = *nl;
	__atomic_store_n(nl, n, __ATOMIC_RELEASE);
	spin_unlock_irqrestore(&nh->lock, flags);
	return 0;
}

int atomic_notifier_call_chain(struct atomic_notifier_head *nh,
			       unsigned long val, void *v)
{
	struct notifier_block *nb;
	int ret = NOTIFY_DONE;

	for (nb = __atomic_load_n(&nh->head, __ATOMIC_ACQUIRE); nb;
	     nb = __atomic_load_n(&nb->next, __ATOMIC_ACQUIRE)) {
		ret = nb->notifier_call(nb, val, v);
		if (ret & NOTIFY_STOP_MASK)
			break;
	}
	return ret;
}
