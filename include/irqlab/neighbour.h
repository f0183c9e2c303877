/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The neighbour cache, Linux's include/net/neighbour.h and
 * net/core/neighbour.c for the one table irqlab has (ARP, net/ipv4/arp.c).
 *
 * A neighbour is an IPv4 next hop on a device and its Ethernet address,
 * in one of Linux's NUD states:
 *
 *   INCOMPLETE  resolving: mcast_solicit broadcast requests, retrans_time
 *               apart; what is sent meanwhile waits in arp_queue (at most
 *               unres_qlen_bytes, the oldest dropped first)
 *   REACHABLE   confirmed within reachable_time (base_reachable_time,
 *               randomised to 1/2..3/2 of it)
 *   STALE       known but unconfirmed: used as is; the first use starts
 *   DELAY       delay_first_probe_time of grace for a confirmation, then
 *   PROBE       ucast_solicit unicast requests to the known address
 *   FAILED      no answer: what waited is dropped (NEIGH_FAILED)
 *   NOARP       needs no resolution (broadcast)
 *
 * Traffic never waits in STALE, DELAY or PROBE: an entry in use is
 * confirmed again while it flows.  A neighbour holds a reference for the
 * table and one while its timer is pending; the garbage collector only
 * removes entries nobody else holds (gc_thresh1/2/3, gc_stale_time).
 */
#ifndef _IRQLAB_NEIGHBOUR_H
#define _IRQLAB_NEIGHBOUR_H

#include <irqlab/netdevice.h>
#include <irqlab/atomic.h>
#include <irqlab/timer.h>
#include <irqlab/workqueue.h>

/* nud_state, Linux's include/uapi/linux/neighbour.h */
#define NUD_INCOMPLETE	0x01
#define NUD_REACHABLE	0x02
#define NUD_STALE	0x04
#define NUD_DELAY	0x08
#define NUD_PROBE	0x10
#define NUD_FAILED	0x20
#define NUD_NOARP	0x40
#define NUD_PERMANENT	0x80
#define NUD_NONE	0x00

#define NUD_IN_TIMER	(NUD_INCOMPLETE | NUD_REACHABLE | NUD_DELAY | \
			 NUD_PROBE)
#define NUD_VALID	(NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE | \
			 NUD_PROBE | NUD_STALE | NUD_DELAY)
#define NUD_CONNECTED	(NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE)

/* neigh_update() flags */
#define NEIGH_UPDATE_F_OVERRIDE		0x00000001
#define NEIGH_UPDATE_F_WEAK_OVERRIDE	0x00000002
#define NEIGH_UPDATE_F_ADMIN		0x80000000

/* Linux's SK_WMEM_MAX: the default of unres_qlen_bytes. */
#define NEIGH_QUEUE_LEN_BYTES	212992

/*
 * A table's knobs, in the units of their net.ipv4.neigh.default.*
 * sysctls; reachable_time is derived (jiffies).
 */
struct neigh_parms {
	int base_reachable_time_ms;	/* 30000 */
	int retrans_time_ms;		/* 1000 */
	int delay_first_probe_time;	/* 5 s */
	int gc_stale_time;		/* 60 s */
	int locktime;			/* 100, in USER_HZ: 1 s */
	int ucast_solicit;		/* 3 */
	int mcast_solicit;		/* 3 */
	int mcast_resolicit;		/* 0 */
	int app_solicit;		/* 0: no user-space resolver */
	int unres_qlen_bytes;		/* NEIGH_QUEUE_LEN_BYTES */
	int unres_qlen;			/* the same, in full frames */
	unsigned long reachable_time;
};

/* Linux's struct neigh_statistics: /proc/net/stat/<table id>. */
struct neigh_statistics {
	unsigned long allocs, destroys, hash_grows;
	unsigned long lookups, hits, res_failed;
	unsigned long rcv_probes_mcast, rcv_probes_ucast;
	unsigned long periodic_gc_runs, forced_gc_runs;
	unsigned long unres_discards, table_fulls;
};

struct neighbour;

struct neigh_ops {
	void (*solicit)(struct neighbour *n, struct sk_buff *skb);
	/* A frame that waited for a neighbour that FAILED. */
	void (*error_report)(struct neighbour *n, struct sk_buff *skb);
	int (*output)(struct neighbour *n, struct sk_buff *skb);
	int (*connected_output)(struct neighbour *n, struct sk_buff *skb);
};

struct neighbour {
	struct neighbour *next;		/* hash chain, under tbl->lock */
	struct neigh_table *tbl;
	struct neigh_parms *parms;
	unsigned long confirmed;	/* jiffies: last confirmation */
	unsigned long updated;		/* jiffies: last state change */
	unsigned long used;		/* jiffies: last resolving output */
	spinlock_t lock;		/* state, ha, queue, timer */
	atomic_t refcnt;
	unsigned int arp_queue_len_bytes;
	struct sk_buff_head arp_queue;
	struct timer_list timer;
	atomic_t probes;
	u8 nud_state;
	u8 dead;			/* out of the table */
	u8 ha[ETH_ALEN];
	int (*output)(struct neighbour *n, struct sk_buff *skb);
	const struct neigh_ops *ops;
	struct net_device *dev;
	u32 primary_key;		/* IPv4 address, network order */
};

#define NEIGH_HASHBITS	6

struct neigh_table {
	const char *id;			/* "arp_cache" */
	int (*constructor)(struct neighbour *n);
	struct neigh_parms parms;
	int gc_interval;		/* s; Linux no longer uses it either */
	int gc_thresh1, gc_thresh2, gc_thresh3;
	unsigned long last_flush, last_rand;
	struct delayed_work gc_work;
	atomic_t entries;
	spinlock_t lock;		/* the hash table */
	struct neighbour *hash_buckets[1 << NEIGH_HASHBITS];
	struct neigh_statistics *stats;	/* per CPU */
};

#define NEIGH_CACHE_STAT_INC(tbl, field)				\
	do {								\
		unsigned long __flags;					\
									\
		local_irq_save(__flags);				\
		this_cpu_ptr((tbl)->stats)->field++;			\
		local_irq_restore(__flags);				\
	} while (0)

void neigh_table_init(struct neigh_table *tbl);

static inline void neigh_hold(struct neighbour *n)
{
	atomic_inc(&n->refcnt);
}

void neigh_destroy(struct neighbour *n);
static inline void neigh_release(struct neighbour *n)
{
	if (atomic_dec_and_test(&n->refcnt))
		neigh_destroy(n);
}

/* Referenced, or NULL. */
struct neighbour *neigh_lookup(struct neigh_table *tbl, u32 key,
			       struct net_device *dev);
/*
 * The entry for key, made if there is none; referenced.  NULL when the
 * table is full or memory is short (Linux: ERR_PTR(-ENOBUFS)).
 */
struct neighbour *neigh_create(struct neigh_table *tbl, u32 key,
			       struct net_device *dev);
/*
 * The output path's: not counted in lookups and hits (Linux's
 * ___neigh_lookup_noref, then __neigh_create), but referenced all the
 * same, as irqlab has no RCU to keep an unreferenced entry alive.
 */
struct neighbour *neigh_lookup_or_create(struct neigh_table *tbl, u32 key,
					 struct net_device *dev);
static inline struct neighbour *__neigh_lookup(struct neigh_table *tbl,
					       u32 key, struct net_device *dev,
					       bool creat)
{
	struct neighbour *n = neigh_lookup(tbl, key, dev);

	if (n || !creat)
		return n;
	return neigh_create(tbl, key, dev);
}

int neigh_update(struct neighbour *n, const u8 *lladdr, u8 new, u32 flags);
/* A request from lladdr/saddr for us: learns it as STALE (referenced). */
struct neighbour *neigh_event_ns(struct neigh_table *tbl, const u8 *lladdr,
				 u32 saddr, struct net_device *dev);

int __neigh_event_send(struct neighbour *n, struct sk_buff *skb);
/*
 * 0: send skb now; 1: it waits for resolution (or was dropped).  Marks
 * the neighbour used, as Linux's neigh_event_send().
 */
static inline int neigh_event_send(struct neighbour *n, struct sk_buff *skb)
{
	unsigned long now = jiffies;

	if (READ_ONCE(n->used) != now)
		WRITE_ONCE(n->used, now);
	if (!(READ_ONCE(n->nud_state) &
	      (NUD_CONNECTED | NUD_DELAY | NUD_PROBE)))
		return __neigh_event_send(n, skb);
	return 0;
}

/* skb at its network header; consumed.  NET_XMIT_* or -errno. */
int neigh_resolve_output(struct neighbour *n, struct sk_buff *skb);
int neigh_connected_output(struct neighbour *n, struct sk_buff *skb);
static inline int neigh_output(struct neighbour *n, struct sk_buff *skb)
{
	return READ_ONCE(n->output)(n, skb);
}

/* Removes dev's entries (every one for NULL), as Linux's neigh_changeaddr. */
void neigh_changeaddr(struct neigh_table *tbl, struct net_device *dev);
/* Random in base/2 .. 3*base/2, as Linux's. */
unsigned long neigh_rand_reach_time(unsigned long base);
/* base_reachable_time changed: a new reachable_time at once, as Linux. */
void neigh_parms_update_reachable_time(struct neigh_parms *p);

/* Calls fn on each entry, under the entry's lock (ip neigh, /proc/net/arp). */
void neigh_for_each(struct neigh_table *tbl,
		    void (*fn)(struct neighbour *n, void *arg), void *arg);
/* /proc/net/stat/<id>: Linux's neigh_stat_seq_show. */
void neigh_stat_show(struct neigh_table *tbl);
/* The state's name as iproute2 prints it ("REACHABLE"). */
const char *neigh_state_name(u8 nud_state);

/* For ktest: runs n's pending timer now, as if it had expired. */
void neigh_timer_run_now(struct neighbour *n);
/* For ktest: one pass of the periodic garbage collector, now. */
void neigh_periodic_gc(struct neigh_table *tbl);

#endif /* _IRQLAB_NEIGHBOUR_H */
