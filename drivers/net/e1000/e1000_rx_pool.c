// SPDX-License-Identifier: GPL-2.0
/*
 * The receive buffer pool.  A received frame's skb goes up the stack
 * without a copy; its destructor brings the buffer back here, so the
 * steady state allocates nothing.
 */
#include <irqlab/kernel.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include "e1000.h"

/*
 * One pool for the driver: every buffer has the same size, and a buffer's
 * destructor then needs no pointer back to its adapter (the stack may
 * have rewritten any field of the skb by the time it frees it).
 */
static struct e1000_rx_pool rx_pool = {
	.lock = __SPIN_LOCK_UNLOCKED(rx_pool.lock),
};

static void e1000_rx_buffer_recycle(struct sk_buff *skb);

/* An skb as alloc_skb left it, with the driver's headroom reserved. */
static void e1000_rx_buffer_reset(struct sk_buff *skb)
{
	unsigned char *head = skb->head;
	unsigned int end = skb->end;

	memset(skb, 0, sizeof(*skb));
	skb->head = head;
	skb->data = head;
	skb->end = end;
	skb_reserve(skb, E1000_RX_HEADROOM);
	skb->destructor = e1000_rx_buffer_recycle;
}

/*
 * kfree_skb/consume_skb of a received frame ends here, on whatever CPU
 * and in whatever context the stack freed it.  Back to the pool, unless
 * the pool shrank (rings made smaller) and this one is surplus.
 */
static void e1000_rx_buffer_recycle(struct sk_buff *skb)
{
	unsigned long flags;

	spin_lock_irqsave(&rx_pool.lock, flags);
	if (rx_pool.nr_total > rx_pool.target) {
		rx_pool.nr_total--;
		spin_unlock_irqrestore(&rx_pool.lock, flags);
		skb->destructor = NULL;
		consume_skb(skb);
		return;
	}
	e1000_rx_buffer_reset(skb);
	skb->next = rx_pool.free;
	rx_pool.free = skb;
	rx_pool.nr_free++;
	spin_unlock_irqrestore(&rx_pool.lock, flags);
}

/* A buffer from the pool; the pool grows only up to its target. */
struct sk_buff *e1000_rx_buffer_get(unsigned int len)
{
	struct sk_buff *skb;
	unsigned long flags;

	spin_lock_irqsave(&rx_pool.lock, flags);
	skb = rx_pool.free;
	if (skb) {
		rx_pool.free = skb->next;
		rx_pool.nr_free--;
		skb->next = NULL;
		spin_unlock_irqrestore(&rx_pool.lock, flags);
		return skb;
	}
	if (rx_pool.nr_total >= rx_pool.target) {
		spin_unlock_irqrestore(&rx_pool.lock, flags);
		return NULL;
	}
	rx_pool.nr_total++;	/* reserve the slot before allocating */
	spin_unlock_irqrestore(&rx_pool.lock, flags);

	skb = alloc_skb(E1000_RX_HEADROOM + len, GFP_ATOMIC);
	spin_lock_irqsave(&rx_pool.lock, flags);
	if (skb)
		rx_pool.allocs++;
	else
		rx_pool.nr_total--;
	spin_unlock_irqrestore(&rx_pool.lock, flags);
	if (skb)
		e1000_rx_buffer_reset(skb);
	return skb;
}

void e1000_rx_pool_resize(int delta)
{
	unsigned long flags;
	struct sk_buff *surplus = NULL, *skb;

	spin_lock_irqsave(&rx_pool.lock, flags);
	rx_pool.target += delta;
	while (rx_pool.nr_total > rx_pool.target && rx_pool.free) {
		skb = rx_pool.free;
		rx_pool.free = skb->next;
		rx_pool.nr_free--;
		rx_pool.nr_total--;
		skb->next = surplus;
		surplus = skb;
	}
	spin_unlock_irqrestore(&rx_pool.lock, flags);
	while (surplus) {
		skb = surplus;
		surplus = skb->next;
		skb->next = NULL;
		skb->destructor = NULL;
		consume_skb(skb);
	}
}

void e1000_rx_pool_counts(unsigned int *total, unsigned int *nr_free,
			  unsigned int *target, unsigned long *allocs)
{
	unsigned long flags;

	spin_lock_irqsave(&rx_pool.lock, flags);
	*total = rx_pool.nr_total;
	*nr_free = rx_pool.nr_free;
	*target = rx_pool.target;
	*allocs = rx_pool.allocs;
	spin_unlock_irqrestore(&rx_pool.lock, flags);
}

/*
 * The ring full, plus what the stack may hold at once: a full backlog
 * (netdev_max_backlog, 1000) and full socket queues.  With less, an
 * overload would show as the driver out of buffers instead of drops at
 * the backlog or the socket, where Linux has them.
 */
#define E1000_RX_POOL_IN_STACK	2048u

unsigned int e1000_rx_pool_share(unsigned int count)
{
	return count + E1000_RX_POOL_IN_STACK;
}
