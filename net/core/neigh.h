/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What neighbour.c (the state machine and output) and neigh_table.c (the
 * table, its entries' lives and the garbage collector) share.
 */
#ifndef _NET_CORE_NEIGH_H
#define _NET_CORE_NEIGH_H

#include <irqlab/neighbour.h>

/* The parameters in jiffies. */
static inline unsigned long base_reachable_time(const struct neigh_parms *p)
{
	return msecs_to_jiffies(READ_ONCE(p->base_reachable_time_ms));
}

/* Linux never probes more often than HZ/100 apart. */
static inline unsigned long retrans_time(const struct neigh_parms *p)
{
	unsigned long t = msecs_to_jiffies(READ_ONCE(p->retrans_time_ms));

	return max(t, (unsigned long)(HZ / 100));
}

static inline unsigned long delay_probe_time(const struct neigh_parms *p)
{
	return (unsigned long)READ_ONCE(p->delay_first_probe_time) * HZ;
}

static inline unsigned long gc_stale_time(const struct neigh_parms *p)
{
	return (unsigned long)READ_ONCE(p->gc_stale_time) * HZ;
}

/* n->lock held: stops a pending timer and drops its reference. */
bool neigh_del_timer(struct neighbour *n);
/* n->lock held: drops what waits for resolution. */
void neigh_queue_purge(struct neighbour *n, enum skb_drop_reason reason);
/* The output of an entry out of the table that someone still holds. */
int neigh_blackhole(struct neighbour *n, struct sk_buff *skb);
void neigh_timer_handler(struct timer_list *t);

#endif /* _NET_CORE_NEIGH_H */
