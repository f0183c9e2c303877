/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Network devices and NAPI (net/core/dev.c), Linux's names and semantics:
 * a driver's top half calls napi_schedule(), NET_RX_SOFTIRQ runs
 * net_rx_action(), which calls the driver's poll with a budget; the poll
 * hands frames to netif_receive_skb() and calls napi_complete_done() when
 * it ran out of work before its weight.
 */
#ifndef _IRQLAB_NETDEVICE_H
#define _IRQLAB_NETDEVICE_H

#include <irqlab/types.h>
#include <irqlab/list.h>
#include <irqlab/spinlock.h>
#include <irqlab/skbuff.h>
#include <irqlab/percpu.h>
#include <irqlab/interrupt.h>
#include <irqlab/smp.h>

#define IFNAMSIZ	16
#define DEFAULT_TX_QUEUE_LEN	1000	/* ether_setup()'s txqueuelen */
#define ETH_ALEN	6

/* dev->flags, Linux's include/uapi/linux/if.h values */
#define IFF_UP		0x1
#define IFF_BROADCAST	0x2
#define IFF_DEBUG	0x4
#define IFF_LOOPBACK	0x8
#define IFF_RUNNING	0x40
#define IFF_PROMISC	0x100
#define IFF_MULTICAST	0x1000

/* dev->state bits */
enum netdev_state_t {
	__LINK_STATE_START,
	__LINK_STATE_PRESENT,
	__LINK_STATE_NOCARRIER,
	__LINK_STATE_XOFF,	/* irqlab: the one TX queue is stopped */
};

typedef enum netdev_tx {
	NETDEV_TX_OK = 0x00,
	NETDEV_TX_BUSY = 0x10,
} netdev_tx_t;

struct net_device_stats {
	unsigned long rx_packets, tx_packets, rx_bytes, tx_bytes;
	unsigned long rx_errors, tx_errors, rx_dropped, tx_dropped;
	unsigned long multicast, collisions;
	unsigned long rx_length_errors, rx_over_errors, rx_crc_errors;
	unsigned long rx_frame_errors, rx_fifo_errors, rx_missed_errors;
	unsigned long tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	unsigned long tx_heartbeat_errors, tx_window_errors;
	unsigned long rx_compressed, tx_compressed;
};

struct net_device;
struct ethtool_ops;

/*
 * A device's transmit queue in front of its driver: Linux's default
 * FIFO qdisc cut down to what one TX queue needs.  q.lock is the root
 * lock; running says a CPU is feeding the driver (qdisc_run_begin), so
 * frames leave in the order they came.
 */
struct Qdisc {
	struct sk_buff_head q;
	unsigned long state;		/* __QDISC_STATE_SCHED */
	bool running;			/* under q.lock */
	struct Qdisc *next_sched;	/* on a softnet_data's output_queue */
	struct net_device *dev;
};

enum qdisc_state_t {
	__QDISC_STATE_SCHED,	/* on a CPU's output_queue for NET_TX */
};

/* Has NET_TX run q on this CPU (from any context). */
void __netif_schedule(struct Qdisc *q);

struct net_device_ops {
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb,
				      struct net_device *dev);
};

struct net_device {
	char name[IFNAMSIZ];
	u8 dev_addr[ETH_ALEN];
	u8 broadcast[ETH_ALEN];
	unsigned int mtu;
	unsigned int flags;
	int ifindex;
	int irq;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	struct net_device_stats stats;
	unsigned int tx_queue_len;	/* frames the qdisc holds: 1000 */
	struct Qdisc qdisc;
	/* Software drops, counted by the core (Linux's core_stats). */
	unsigned long rx_dropped_core, tx_dropped_core;
	struct list_head napi_list;
	unsigned long state;
	spinlock_t tx_lock;		/* serialises ndo_start_xmit */
	/* irqlab's one IPv4 address, network byte order */
	u32 ip_addr, netmask, gateway;
	struct list_head dev_list;
	unsigned long rps_cpus;		/* CPUs for RPS; 0 = off */
	void *priv_data;
};

#define for_each_netdev(d) \
	list_for_each_entry(d, &net_device_list, dev_list)
extern struct list_head net_device_list;

static inline void *netdev_priv(const struct net_device *dev)
{
	return dev->priv_data;
}

struct net_device *alloc_etherdev(int sizeof_priv);
void free_netdev(struct net_device *dev);
/* Names it eth%d, applies ip= gw= from the command line, opens it. */
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
struct net_device *dev_get_by_name(const char *name);

void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
static inline bool netif_carrier_ok(const struct net_device *dev)
{
	return !test_bit(__LINK_STATE_NOCARRIER, &dev->state);
}

static inline bool netif_running(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_START, &dev->state);
}

static inline void netif_start_queue(struct net_device *dev)
{
	clear_bit(__LINK_STATE_XOFF, &dev->state);
}

static inline void netif_stop_queue(struct net_device *dev)
{
	set_bit(__LINK_STATE_XOFF, &dev->state);
}

static inline bool netif_queue_stopped(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_XOFF, &dev->state);
}

/* Restarts the queue and lets NET_TX retry what was held back. */
void netif_wake_queue(struct net_device *dev);

/*
 * Transmits skb (data at the Ethernet header) on skb->dev.  Consumes skb
 * in every case; returns 0 (NET_XMIT_SUCCESS) or a NET_XMIT_* code.
 */
int dev_queue_xmit(struct sk_buff *skb);
#define NET_XMIT_SUCCESS	0x00
#define NET_XMIT_DROP		0x01

/* NAPI */
#define NAPI_POLL_WEIGHT	64

enum {
	NAPI_STATE_SCHED,	/* poll is scheduled */
	NAPI_STATE_MISSED,	/* reschedule a napi */
	NAPI_STATE_DISABLE,	/* disable pending */
};

struct napi_struct {
	struct list_head poll_list;
	unsigned long state;
	int weight;
	int (*poll)(struct napi_struct *napi, int budget);
	struct net_device *dev;
	struct list_head dev_list;
};

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight);
static inline void netif_napi_add(struct net_device *dev,
				  struct napi_struct *napi,
				  int (*poll)(struct napi_struct *, int))
{
	netif_napi_add_weight(dev, napi, poll, NAPI_POLL_WEIGHT);
}
void netif_napi_del(struct napi_struct *napi);
void napi_enable(struct napi_struct *napi);
void napi_disable(struct napi_struct *napi);

bool napi_schedule_prep(struct napi_struct *napi);
/* Puts napi on this CPU's poll list and raises NET_RX; irqs-off safe. */
void __napi_schedule(struct napi_struct *napi);
static inline bool napi_schedule(struct napi_struct *napi)
{
	if (napi_schedule_prep(napi)) {
		__napi_schedule(napi);
		return true;
	}
	return false;
}
/* False if napi was rescheduled meanwhile (MISSED): keep interrupts off. */
bool napi_complete_done(struct napi_struct *napi, int work_done);
static inline bool napi_complete(struct napi_struct *napi)
{
	return napi_complete_done(napi, 0);
}

/* Delivery to the stack, from a NAPI poll (softirq context). */
int netif_receive_skb(struct sk_buff *skb);
static inline void napi_gro_receive(struct napi_struct *napi,
				    struct sk_buff *skb)
{
	netif_receive_skb(skb);
}
/* From any context: through this CPU's backlog (Linux's netif_rx). */
int netif_rx(struct sk_buff *skb);
#define NET_RX_SUCCESS	0
#define NET_RX_DROP	1

/* Per-CPU softnet state (Linux's struct softnet_data). */
struct softnet_data {
	struct list_head poll_list;
	/* Device queues NET_TX runs on this CPU (__netif_schedule). */
	struct Qdisc *output_queue;
	struct Qdisc **output_queue_tailp;
	/* Other CPUs' backlogs this CPU owes an IPI (RPS). */
	struct softnet_data *rps_ipi_list;
	/* This CPU's backlog: its IPI, and its place on a sender's list. */
	call_single_data_t csd;
	struct softnet_data *rps_ipi_next;
	unsigned int processed;
	unsigned int time_squeeze;
	unsigned int received_rps;
	unsigned int dropped;
	unsigned int cpu;
	struct sk_buff_head input_pkt_queue;	/* backlog (netif_rx, RPS) */
	struct napi_struct backlog;
};
DECLARE_PER_CPU(struct softnet_data, softnet_data);

/* sysctl net.core.* knobs, Linux's defaults */
extern int netdev_budget;		/* 300 */
extern unsigned int netdev_budget_usecs;	/* 2000 */
extern int netdev_max_backlog;		/* 1000 */
extern int dev_rx_weight;		/* 64: net.core.dev_weight */

/* The rx handler and the RPS CPU choice, exposed for ktest. */
void net_rx_action(void);
/* The CPU RPS steers skb to; -ENOENT if it is not steered (off, no hash). */
int get_rps_cpu(struct net_device *dev, struct sk_buff *skb);
u32 skb_get_hash(struct sk_buff *skb);

/* Set up from kmain (after softirqs, before drivers). */

#endif /* _IRQLAB_NETDEVICE_H */
