// SPDX-License-Identifier: GPL-2.0
/*
 * The neighbour table (Linux's net/core/neighbour.c): referenced entries
 * in a hash table, made on demand (neigh_create) and freed by the garbage
 * collectors only when nobody else holds them, plus what the views need
 * (neigh_for_each, /proc/net/stat/<id>).
 *
 * tbl->lock covers the hash chains and is taken before an entry's lock.
 */
#include "neigh.h"
#include <irqlab/bottom_half.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/shell.h>
#include <irqlab/slab.h>
#include <irqlab/smp.h>
#include <irqlab/timekeeping.h>

unsigned long neigh_rand_reach_time(unsigned long base)
{
	/* Randomness only spreads the expiries: the clock's bits will do. */
	u64 x = ktime_get_ns() * 0x9e3779b97f4a7c15ULL;

	return base ? (x >> 32) % base + (base >> 1) : 0;
}

void neigh_parms_update_reachable_time(struct neigh_parms *p)
{
	WRITE_ONCE(p->reachable_time,
		   neigh_rand_reach_time(base_reachable_time(p)));
}

static unsigned int neigh_hash(u32 key, const struct net_device *dev)
{
	/* Linux's arp_hashfn in spirit: the address mixed with the device. */
	u32 val = key ^ (u32)dev->ifindex * 0x61c88647;

	return (val * 0x9e3779b1) >> (32 - NEIGH_HASHBITS);
}

int neigh_blackhole(struct neighbour *n, struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_DEAD);
	return -ENETDOWN;
}

void neigh_destroy(struct neighbour *n)
{
	NEIGH_CACHE_STAT_INC(n->tbl, destroys);
	if (!n->dead) {
		pr_warn("Destroying alive neighbour %p\n", n);
		dump_stack();
		return;
	}
	if (neigh_del_timer(n))
		pr_warn("Impossible event.\n");
	neigh_queue_purge(n, SKB_DROP_REASON_NEIGH_DEAD);
	atomic_dec(&n->tbl->entries);
	kfree(n);
}

/*
 * Over gc_thresh3 entries (or gc_thresh2, 5 s after the last time): drop
 * what nobody holds and is FAILED, NOARP or unchanged for 5 s, down to
 * gc_thresh2 (Linux's neigh_forced_gc).  An entry in use, whose timer or
 * caller holds a reference, always stays.
 */
static int neigh_forced_gc(struct neigh_table *tbl)
{
	int max_clean = atomic_read(&tbl->entries) - READ_ONCE(tbl->gc_thresh2);
	unsigned long tref = jiffies - 5 * HZ;
	struct neighbour *n, **np;
	int shrunk = 0;
	unsigned int i;

	NEIGH_CACHE_STAT_INC(tbl, forced_gc_runs);
	spin_lock_bh(&tbl->lock);
	for (i = 0; i < ARRAY_SIZE(tbl->hash_buckets); i++) {
		np = &tbl->hash_buckets[i];
		while ((n = *np)) {
			bool remove = false;

			if (atomic_read(&n->refcnt) == 1) {
				spin_lock(&n->lock);
				remove = !(n->nud_state & NUD_PERMANENT) &&
					 (n->nud_state == NUD_FAILED ||
					  n->nud_state == NUD_NOARP ||
					  !time_in_range(n->updated, tref,
							 jiffies));
				if (remove) {
					*np = n->next;
					n->dead = 1;
				}
				spin_unlock(&n->lock);
			}
			if (!remove) {
				np = &n->next;
				continue;
			}
			neigh_release(n);
			if (++shrunk >= max_clean)
				goto done;
		}
	}
done:
	WRITE_ONCE(tbl->last_flush, jiffies);
	spin_unlock_bh(&tbl->lock);
	return shrunk;
}

static struct neighbour *neigh_alloc(struct neigh_table *tbl)
{
	static unsigned long last_warned;
	unsigned long now = jiffies;
	struct neighbour *n;
	int entries, gc_thresh3;

	entries = atomic_inc_return(&tbl->entries) - 1;
	gc_thresh3 = READ_ONCE(tbl->gc_thresh3);
	if (entries >= gc_thresh3 ||
	    (entries >= READ_ONCE(tbl->gc_thresh2) &&
	     time_after(now, READ_ONCE(tbl->last_flush) + 5 * HZ))) {
		if (!neigh_forced_gc(tbl) && entries >= gc_thresh3) {
			if (time_after(now, last_warned + 5 * HZ)) {
				last_warned = now;
				pr_info("%s: neighbor table overflow!\n",
					tbl->id);
			}
			NEIGH_CACHE_STAT_INC(tbl, table_fulls);
			goto out_entries;
		}
	}

	n = kzalloc(sizeof(*n), GFP_ATOMIC);
	if (!n)
		goto out_entries;
	skb_queue_head_init(&n->arp_queue);
	spin_lock_init(&n->lock);
	n->updated = n->used = now;
	n->nud_state = NUD_NONE;
	n->output = neigh_blackhole;
	n->parms = &tbl->parms;
	timer_setup(&n->timer, neigh_timer_handler, 0);
	NEIGH_CACHE_STAT_INC(tbl, allocs);
	n->tbl = tbl;
	atomic_set(&n->refcnt, 1);
	n->dead = 1;
	return n;

out_entries:
	atomic_dec(&tbl->entries);
	return NULL;
}

/* tbl->lock held: the entry for key on dev, referenced, or NULL. */
static struct neighbour *__neigh_find(struct neigh_table *tbl, u32 key,
				      struct net_device *dev)
{
	struct neighbour *n;

	for (n = tbl->hash_buckets[neigh_hash(key, dev)]; n; n = n->next) {
		if (n->dev == dev && n->primary_key == key) {
			neigh_hold(n);
			return n;
		}
	}
	return NULL;
}

struct neighbour *neigh_lookup(struct neigh_table *tbl, u32 key,
			       struct net_device *dev)
{
	struct neighbour *n;

	NEIGH_CACHE_STAT_INC(tbl, lookups);
	spin_lock_bh(&tbl->lock);
	n = __neigh_find(tbl, key, dev);
	spin_unlock_bh(&tbl->lock);
	if (n)
		NEIGH_CACHE_STAT_INC(tbl, hits);
	return n;
}

struct neighbour *neigh_create(struct neigh_table *tbl, u32 key,
			       struct net_device *dev)
{
	struct neighbour *n1, *n = neigh_alloc(tbl);
	unsigned int hash;

	if (!n)
		return NULL;
	n->primary_key = key;
	n->dev = dev;
	if (tbl->constructor && tbl->constructor(n) < 0) {
		neigh_release(n);
		return NULL;
	}
	/* Never confirmed: long enough ago to count as not recently. */
	n->confirmed = jiffies - (base_reachable_time(n->parms) << 1);

	hash = neigh_hash(key, dev);
	spin_lock_bh(&tbl->lock);
	n1 = __neigh_find(tbl, key, dev);
	if (n1) {
		/* Someone made it meanwhile: theirs. */
		spin_unlock_bh(&tbl->lock);
		neigh_release(n);
		return n1;
	}
	n->next = tbl->hash_buckets[hash];
	tbl->hash_buckets[hash] = n;
	n->dead = 0;
	/* The table keeps the first reference; this one is the caller's. */
	neigh_hold(n);
	spin_unlock_bh(&tbl->lock);
	return n;
}

struct neighbour *neigh_lookup_or_create(struct neigh_table *tbl, u32 key,
					 struct net_device *dev)
{
	struct neighbour *n;

	spin_lock_bh(&tbl->lock);
	n = __neigh_find(tbl, key, dev);
	spin_unlock_bh(&tbl->lock);
	return n ? n : neigh_create(tbl, key, dev);
}

void neigh_changeaddr(struct neigh_table *tbl, struct net_device *dev)
{
	struct neighbour *n, **np;
	unsigned int i;

	spin_lock_bh(&tbl->lock);
	for (i = 0; i < ARRAY_SIZE(tbl->hash_buckets); i++) {
		np = &tbl->hash_buckets[i];
		while ((n = *np)) {
			if (dev && n->dev != dev) {
				np = &n->next;
				continue;
			}
			*np = n->next;
			spin_lock(&n->lock);
			neigh_del_timer(n);
			n->dead = 1;
			if (atomic_read(&n->refcnt) != 1) {
				/*
				 * Still in someone's hands: harmless until
				 * they let go, and destroyed then.
				 */
				neigh_queue_purge(n,
						  SKB_DROP_REASON_NEIGH_DEAD);
				WRITE_ONCE(n->output, neigh_blackhole);
				n->nud_state = n->nud_state & NUD_VALID ?
					       NUD_NOARP : NUD_NONE;
			}
			spin_unlock(&n->lock);
			neigh_release(n);
		}
	}
	spin_unlock_bh(&tbl->lock);
}

/*
 * Linux's neigh_periodic_work: every base_reachable_time/2, and only over
 * gc_thresh1 entries, drop what nobody holds and is FAILED or unused for
 * gc_stale_time; every 300 s, a new random reachable_time.
 */
void neigh_periodic_gc(struct neigh_table *tbl)
{
	struct neighbour *n, **np;
	unsigned int i, state;

	NEIGH_CACHE_STAT_INC(tbl, periodic_gc_runs);
	spin_lock_bh(&tbl->lock);
	if (time_after(jiffies, tbl->last_rand + 300 * HZ)) {
		tbl->last_rand = jiffies;
		neigh_parms_update_reachable_time(&tbl->parms);
	}
	if (atomic_read(&tbl->entries) < READ_ONCE(tbl->gc_thresh1))
		goto out;

	for (i = 0; i < ARRAY_SIZE(tbl->hash_buckets); i++) {
		np = &tbl->hash_buckets[i];
		while ((n = *np)) {
			spin_lock(&n->lock);
			state = n->nud_state;
			if (state & (NUD_PERMANENT | NUD_IN_TIMER)) {
				spin_unlock(&n->lock);
				np = &n->next;
				continue;
			}
			if (time_before(n->used, n->confirmed) &&
			    time_after_eq(jiffies, n->confirmed))
				n->used = n->confirmed;
			if (atomic_read(&n->refcnt) == 1 &&
			    (state == NUD_FAILED ||
			     !time_after_eq(jiffies, n->used) ||
			     !time_before(jiffies,
					  n->used + gc_stale_time(n->parms)))) {
				*np = n->next;
				n->dead = 1;
				spin_unlock(&n->lock);
				neigh_release(n);
				continue;
			}
			spin_unlock(&n->lock);
			np = &n->next;
		}
	}
out:
	spin_unlock_bh(&tbl->lock);
}

static void neigh_periodic_work(struct work_struct *work)
{
	struct neigh_table *tbl = container_of(work, struct neigh_table,
					       gc_work.work);
	unsigned long next;

	neigh_periodic_gc(tbl);
	/* A whole pass every base_reachable_time/2, as Linux's. */
	next = base_reachable_time(&tbl->parms) >> 1;
	queue_delayed_work(system_wq, &tbl->gc_work, max(next, 1UL));
}

void neigh_table_init(struct neigh_table *tbl)
{
	spin_lock_init(&tbl->lock);
	neigh_parms_update_reachable_time(&tbl->parms);
	tbl->last_flush = tbl->last_rand = jiffies;
	INIT_DELAYED_WORK(&tbl->gc_work, neigh_periodic_work);
	queue_delayed_work(system_wq, &tbl->gc_work,
			   tbl->parms.reachable_time);
}

void neigh_for_each(struct neigh_table *tbl,
		    void (*fn)(struct neighbour *n, void *arg), void *arg)
{
	struct neighbour *n;
	unsigned int i;

	spin_lock_bh(&tbl->lock);
	for (i = 0; i < ARRAY_SIZE(tbl->hash_buckets); i++) {
		for (n = tbl->hash_buckets[i]; n; n = n->next) {
			spin_lock(&n->lock);
			fn(n, arg);
			spin_unlock(&n->lock);
		}
	}
	spin_unlock_bh(&tbl->lock);
}

const char *neigh_state_name(u8 nud_state)
{
	static const char *const names[] = {
		"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE",
		"FAILED", "NOARP", "PERMANENT",
	};

	if (!nud_state)
		return "NONE";
	return names[__builtin_ctz(nud_state)];
}

void neigh_stat_show(struct neigh_table *tbl)
{
	int cpu;

	sh_printf("entries  allocs   destroys hash_grows lookups  hits     res_failed rcv_probes_mcast rcv_probes_ucast periodic_gc_runs forced_gc_runs unresolved_discards table_fulls\n");
	for_each_online_cpu(cpu) {
		const struct neigh_statistics *st = per_cpu_ptr(tbl->stats,
								cpu);

		sh_printf("%08x %08lx %08lx %08lx   %08lx %08lx %08lx   "
			  "%08lx         %08lx         %08lx         "
			  "%08lx       %08lx            %08lx\n",
			  atomic_read(&tbl->entries), st->allocs,
			  st->destroys, st->hash_grows, st->lookups, st->hits,
			  st->res_failed, st->rcv_probes_mcast,
			  st->rcv_probes_ucast, st->periodic_gc_runs,
			  st->forced_gc_runs, st->unres_discards,
			  st->table_fulls);
	}
}
