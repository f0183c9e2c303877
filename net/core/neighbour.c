// SPDX-License-Identifier: GPL-2.0
/*
 * The neighbour state machine and output (Linux's net/core/neighbour.c):
 * neigh_event_send() on output, neigh_update() on what is learnt and each
 * entry's timer move an entry through the NUD states of
 * include/irqlab/neighbour.h; what waits for resolution is queued on the
 * entry.  The table, the entries' lives and the garbage collector are in
 * neigh_table.c; the protocol's part (ARP's requests) comes through the
 * entry's ops.
 *
 * Locks, as Linux's: an entry's lock covers its state, address, queue and
 * timer.  Nothing is sent with it held: the probe is sent after it is let
 * go, and what waited is sent with it dropped around each frame.
 */
#include "neigh.h"
#include <irqlab/etherdevice.h>
#include <irqlab/net_proto.h>
#include <irqlab/bottom_half.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/string.h>

/* An entry is suspect (STALE, DELAY, PROBE): output goes through the state. */
static void neigh_suspect(struct neighbour *n)
{
	WRITE_ONCE(n->output, n->ops->output);
}

/* Confirmed: output straight to the device. */
static void neigh_connect(struct neighbour *n)
{
	WRITE_ONCE(n->output, n->ops->connected_output);
}

/* n->lock held.  A pending timer holds a reference. */
static void neigh_add_timer(struct neighbour *n, unsigned long when)
{
	neigh_hold(n);
	if (unlikely(mod_timer(&n->timer, when))) {
		pr_warn("NEIGH: BUG, double timer add, state is %x\n",
			n->nud_state);
		dump_stack();
	}
}

bool neigh_del_timer(struct neighbour *n)
{
	if ((n->nud_state & NUD_IN_TIMER) && timer_delete(&n->timer)) {
		neigh_release(n);
		return true;
	}
	return false;
}

void neigh_queue_purge(struct neighbour *n, enum skb_drop_reason reason)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(&n->arp_queue)))
		kfree_skb_reason(skb, reason);
	n->arp_queue_len_bytes = 0;
}

static int neigh_max_probes(const struct neighbour *n)
{
	const struct neigh_parms *p = n->parms;

	return READ_ONCE(p->ucast_solicit) + READ_ONCE(p->app_solicit) +
	       (n->nud_state & NUD_PROBE ? READ_ONCE(p->mcast_resolicit) :
					   READ_ONCE(p->mcast_solicit));
}

/* n->lock held, and held again on return: what waited is reported failed. */
static void neigh_invalidate(struct neighbour *n)
{
	struct sk_buff *skb;

	NEIGH_CACHE_STAT_INC(n->tbl, res_failed);
	n->updated = jiffies;
	/* Unlocked around the report, which may come back to this entry. */
	while (n->nud_state == NUD_FAILED &&
	       (skb = __skb_dequeue(&n->arp_queue))) {
		n->arp_queue_len_bytes -= skb->truesize;
		spin_unlock(&n->lock);
		n->ops->error_report(n, skb);
		spin_lock(&n->lock);
	}
	neigh_queue_purge(n, SKB_DROP_REASON_NEIGH_FAILED);
}

/* n->lock held and let go here: one request, sent unlocked. */
static void neigh_probe(struct neighbour *n)
{
	spin_unlock(&n->lock);
	if (n->ops->solicit)
		n->ops->solicit(n, NULL);
	atomic_inc(&n->probes);
}

void neigh_timer_handler(struct timer_list *t)
{
	struct neighbour *n = from_timer(n, t, timer);
	unsigned long now, next;
	unsigned int state;

	spin_lock(&n->lock);
	state = n->nud_state;
	now = jiffies;
	next = now + HZ;

	if (!(state & NUD_IN_TIMER))
		goto out;

	if (state & NUD_REACHABLE) {
		if (time_before_eq(now, n->confirmed +
					n->parms->reachable_time)) {
			next = n->confirmed + n->parms->reachable_time;
		} else if (time_before_eq(now, n->used +
					       delay_probe_time(n->parms))) {
			/* Used lately: a grace period for a confirmation. */
			WRITE_ONCE(n->nud_state, NUD_DELAY);
			n->updated = jiffies;
			neigh_suspect(n);
			next = now + delay_probe_time(n->parms);
		} else {
			WRITE_ONCE(n->nud_state, NUD_STALE);
			n->updated = jiffies;
			neigh_suspect(n);
		}
	} else if (state & NUD_DELAY) {
		if (time_before_eq(now, n->confirmed +
					delay_probe_time(n->parms))) {
			WRITE_ONCE(n->nud_state, NUD_REACHABLE);
			n->updated = jiffies;
			neigh_connect(n);
			next = n->confirmed + n->parms->reachable_time;
		} else {
			WRITE_ONCE(n->nud_state, NUD_PROBE);
			n->updated = jiffies;
			atomic_set(&n->probes, 0);
			next = now + retrans_time(n->parms);
		}
	} else {
		/* NUD_PROBE | NUD_INCOMPLETE */
		next = now + retrans_time(n->parms);
	}

	if ((n->nud_state & (NUD_INCOMPLETE | NUD_PROBE)) &&
	    atomic_read(&n->probes) >= neigh_max_probes(n)) {
		WRITE_ONCE(n->nud_state, NUD_FAILED);
		neigh_invalidate(n);
		goto out;
	}

	if (n->nud_state & NUD_IN_TIMER) {
		if (time_before(next, jiffies + HZ / 100))
			next = jiffies + HZ / 100;
		if (!mod_timer(&n->timer, next))
			neigh_hold(n);
	}
	if (n->nud_state & (NUD_INCOMPLETE | NUD_PROBE)) {
		neigh_probe(n);
	} else {
out:
		spin_unlock(&n->lock);
	}
	/* The reference the timer held. */
	neigh_release(n);
}

void neigh_timer_run_now(struct neighbour *n)
{
	/* The reference of the pending timer goes to the handler. */
	if (timer_delete_sync(&n->timer))
		neigh_timer_handler(&n->timer);
}

/* n->lock held: room by bytes, the oldest going first, as Linux. */
static void neigh_queue_skb(struct neighbour *n, struct sk_buff *skb)
{
	unsigned int limit = READ_ONCE(n->parms->unres_qlen_bytes);
	struct sk_buff *buff;

	while (n->arp_queue_len_bytes + skb->truesize > limit) {
		buff = __skb_dequeue(&n->arp_queue);
		if (!buff)
			break;
		n->arp_queue_len_bytes -= buff->truesize;
		kfree_skb_reason(buff, SKB_DROP_REASON_NEIGH_QUEUEFULL);
		NEIGH_CACHE_STAT_INC(n->tbl, unres_discards);
	}
	__skb_queue_tail(&n->arp_queue, skb);
	n->arp_queue_len_bytes += skb->truesize;
}

int __neigh_event_send(struct neighbour *n, struct sk_buff *skb)
{
	bool immediate_probe = false;
	int rc = 0;

	local_bh_disable();
	spin_lock(&n->lock);
	if (n->nud_state & (NUD_CONNECTED | NUD_DELAY | NUD_PROBE))
		goto out_unlock_bh;
	if (n->dead)
		goto out_dead;

	if (!(n->nud_state & (NUD_STALE | NUD_INCOMPLETE))) {
		if (READ_ONCE(n->parms->mcast_solicit) +
		    READ_ONCE(n->parms->app_solicit)) {
			/* Past the unicast probes: these are broadcast. */
			atomic_set(&n->probes,
				   READ_ONCE(n->parms->ucast_solicit));
			neigh_del_timer(n);
			WRITE_ONCE(n->nud_state, NUD_INCOMPLETE);
			n->updated = jiffies;
			immediate_probe = true;
			neigh_add_timer(n, jiffies + retrans_time(n->parms));
		} else {
			WRITE_ONCE(n->nud_state, NUD_FAILED);
			n->updated = jiffies;
			spin_unlock(&n->lock);
			local_bh_enable();
			kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
			return 1;
		}
	} else if (n->nud_state & NUD_STALE) {
		/* Sent as known; confirmed within delay_first_probe_time? */
		neigh_del_timer(n);
		WRITE_ONCE(n->nud_state, NUD_DELAY);
		n->updated = jiffies;
		neigh_add_timer(n, jiffies + delay_probe_time(n->parms));
	}

	if (n->nud_state == NUD_INCOMPLETE) {
		if (skb)
			neigh_queue_skb(n, skb);
		rc = 1;
	}
out_unlock_bh:
	if (immediate_probe)
		neigh_probe(n);
	else
		spin_unlock(&n->lock);
	local_bh_enable();
	return rc;

out_dead:
	if (n->nud_state & NUD_STALE)
		goto out_unlock_bh;
	spin_unlock(&n->lock);
	local_bh_enable();
	kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_DEAD);
	return 1;
}

static void neigh_ha_snapshot(u8 *ha, struct neighbour *n)
{
	spin_lock_bh(&n->lock);
	memcpy(ha, n->ha, ETH_ALEN);
	spin_unlock_bh(&n->lock);
}

/*
 * Slow and careful (Linux's words): the state decides, under the entry's
 * lock, whether skb goes now or waits in the queue, so a reply that comes
 * meanwhile either finds it queued or finds nothing to do.
 */
int neigh_resolve_output(struct neighbour *n, struct sk_buff *skb)
{
	u8 ha[ETH_ALEN];

	if (neigh_event_send(n, skb))
		return 0;
	neigh_ha_snapshot(ha, n);
	eth_header(skb, ha, n->dev->dev_addr, ntohs(skb->protocol));
	return dev_queue_xmit(skb);
}

int neigh_connected_output(struct neighbour *n, struct sk_buff *skb)
{
	u8 ha[ETH_ALEN];

	neigh_ha_snapshot(ha, n);
	eth_header(skb, ha, n->dev->dev_addr, ntohs(skb->protocol));
	return dev_queue_xmit(skb);
}

/*
 * Linux's generic update: lladdr (NULL: keep the known one) in state new.
 * Without OVERRIDE a different address for a valid entry is ignored (with
 * WEAK_OVERRIDE it only makes it STALE); an unchanged address does not
 * make a confirmed entry STALE.  An entry that becomes valid sends what
 * waited for it.
 */
int neigh_update(struct neighbour *n, const u8 *lladdr, u8 new, u32 flags)
{
	struct sk_buff *skb;
	u8 old;
	int err = -EPERM;

	spin_lock_bh(&n->lock);
	old = n->nud_state;
	if (n->dead) {
		new = old;
		goto out;
	}
	if (!(flags & NEIGH_UPDATE_F_ADMIN) &&
	    (old & (NUD_NOARP | NUD_PERMANENT)))
		goto out;

	if (!(new & NUD_VALID)) {
		neigh_del_timer(n);
		if (old & NUD_CONNECTED)
			neigh_suspect(n);
		WRITE_ONCE(n->nud_state, new);
		err = 0;
		if ((old & (NUD_INCOMPLETE | NUD_PROBE)) && (new & NUD_FAILED))
			neigh_invalidate(n);
		goto out;
	}

	if (lladdr) {
		if ((old & NUD_VALID) && ether_addr_equal(lladdr, n->ha))
			lladdr = n->ha;
	} else {
		err = -EINVAL;
		if (!(old & NUD_VALID))
			goto out;
		lladdr = n->ha;
	}

	/* Any answer confirms, even one that changes nothing. */
	if (new & NUD_CONNECTED)
		n->confirmed = jiffies;

	err = 0;
	if (old & NUD_VALID) {
		if (lladdr != n->ha && !(flags & NEIGH_UPDATE_F_OVERRIDE)) {
			if ((flags & NEIGH_UPDATE_F_WEAK_OVERRIDE) &&
			    (old & NUD_CONNECTED)) {
				lladdr = n->ha;
				new = NUD_STALE;
			} else {
				goto out;
			}
		} else if (lladdr == n->ha && new == NUD_STALE &&
			   !(flags & NEIGH_UPDATE_F_ADMIN)) {
			new = old;
		}
	}

	/* Only a real change moves the locktime window. */
	if (new != old || lladdr != n->ha)
		n->updated = jiffies;

	if (new != old) {
		neigh_del_timer(n);
		if (new & NUD_PROBE)
			atomic_set(&n->probes, 0);
		if (new & NUD_IN_TIMER)
			neigh_add_timer(n, jiffies + ((new & NUD_REACHABLE) ?
						      n->parms->reachable_time :
						      0));
		WRITE_ONCE(n->nud_state, new);
	}

	if (lladdr != n->ha) {
		memcpy(n->ha, lladdr, ETH_ALEN);
		if (!(new & NUD_CONNECTED))
			n->confirmed = jiffies -
				       (base_reachable_time(n->parms) << 1);
	}
	if (new == old)
		goto out;
	if (new & NUD_CONNECTED)
		neigh_connect(n);
	else
		neigh_suspect(n);
	if (!(old & NUD_VALID)) {
		/* What waited goes, unlocked, through the new state. */
		while ((n->nud_state & NUD_VALID) &&
		       (skb = __skb_dequeue(&n->arp_queue))) {
			n->arp_queue_len_bytes -= skb->truesize;
			spin_unlock(&n->lock);
			neigh_output(n, skb);
			spin_lock(&n->lock);
		}
		neigh_queue_purge(n, SKB_DROP_REASON_NEIGH_FAILED);
	}
out:
	spin_unlock_bh(&n->lock);
	return err;
}

struct neighbour *neigh_event_ns(struct neigh_table *tbl, const u8 *lladdr,
				 u32 saddr, struct net_device *dev)
{
	struct neighbour *n = __neigh_lookup(tbl, saddr, dev, lladdr != NULL);

	if (n)
		neigh_update(n, lladdr, NUD_STALE, NEIGH_UPDATE_F_OVERRIDE);
	return n;
}

