/* SPDX-License-Identifier: GPL-2.0 */
/* The driver's private state (Linux's e1000.h, cut to irqlab's needs). */
#ifndef _E1000_H
#define _E1000_H

#include <irqlab/netdevice.h>
#include <irqlab/etherdevice.h>
#include <irqlab/ethtool.h>
#include <irqlab/pci.h>
#include <irqlab/workqueue.h>
#include <irqlab/spinlock.h>
#include "e1000_hw.h"

#define E1000_DEV_ID_82540EM	0x100E

struct e1000_tx_buffer {
	struct sk_buff *skb;
	unsigned int length;
};

struct e1000_rx_buffer {
	struct sk_buff *skb;	/* a pool buffer the NIC may write */
};

struct e1000_tx_ring {
	struct e1000_tx_desc *desc;	/* direct-mapped, coherent */
	phys_addr_t dma;
	unsigned int size;		/* bytes */
	unsigned int count;		/* descriptors */
	unsigned int next_to_use;	/* xmit fills here */
	unsigned int next_to_clean;	/* the poll reaps here */
	struct e1000_tx_buffer *buffer_info;
};

struct e1000_rx_ring {
	struct e1000_rx_desc *desc;
	phys_addr_t dma;
	unsigned int size;
	unsigned int count;
	unsigned int next_to_use;	/* next slot to refill */
	unsigned int next_to_clean;	/* next slot the NIC completes */
	struct e1000_rx_buffer *buffer_info;
	bool discarding;		/* inside a frame too big for a buffer */
};

/*
 * Receive buffers live in a pool: a frame's skb goes up the stack and its
 * destructor (e1000_rx_buffer_recycle) puts the buffer back here, so the
 * steady state allocates nothing.  The pool grows to rx_pool_target
 * buffers (twice the ring: the ring full plus as many again in flight in
 * the stack); past that a frame whose slot cannot be refilled is dropped
 * and its buffer stays in the ring.
 */
struct e1000_rx_pool {
	spinlock_t lock;		/* destructors run on any CPU */
	struct sk_buff *free;		/* singly linked through skb->next */
	unsigned int nr_free;
	unsigned int nr_total;		/* allocated and alive */
	unsigned int target;
	unsigned long allocs;		/* growth events, for ethtool -S */
};

/* Hardware counters, accumulated because the registers clear on read. */
struct e1000_hw_stats {
	u64 crcerrs, algnerrc, symerrs, rxerrc, mpc, scc, ecol, mcc;
	u64 latecol, colc, dc, tncrs, sec, cexterr, rlec, xonrxc, xontxc;
	u64 xoffrxc, xofftxc, fcruc, gprc, bprc, mprc, gptc, gorc, gotc;
	u64 rnbc, ruc, rfc, roc, rjc, tor, tot, tpr, tpt, mptc, bptc;
};

/* What the driver itself dropped or did, by reason. */
struct e1000_sw_stats {
	u64 rx_delivered;	/* handed to netif_receive_skb */
	u64 rx_dropped;		/* sum of the reasons below */
	u64 rx_frame_errors;	/* descriptor error bits */
	u64 rx_long_drops;	/* frame spanned more than one buffer */
	u64 rx_short_drops;	/* shorter than an Ethernet header */
	u64 alloc_rx_buff_failed; /* no buffer to refill the slot with */
	u64 rx_down_drops;	/* completed as the device went down */
	u64 tx_restart_queue;
	u64 tx_busy;
	u64 intr_total;		/* top-half calls that were ours */
	u64 intr_none;		/* calls with ICR 0 (shared line) */
	u64 napi_polls;
};

struct e1000_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	u8 __iomem *hw_addr;
	struct napi_struct napi;
	struct e1000_tx_ring tx_ring;
	spinlock_t tx_lock;		/* xmit against the poll's reaping */
	struct e1000_rx_ring rx_ring;
	unsigned int rx_buffer_len;

	/*
	 * Interrupt throttling, as Linux's e1000: itr_setting is the mode
	 * (0 off, 1 dynamic, 3 dynamic conservative, 4 simplified) or a
	 * fixed rate with its low two bits clear; itr the interrupts/s now
	 * programmed.  The top half zeroes the totals, the poll adds to
	 * them, e1000_set_itr classes them into rx_itr/tx_itr.
	 */
	u32 itr_setting;
	u32 itr;
	u16 rx_itr, tx_itr;		/* enum latency_range */
	unsigned int total_rx_bytes, total_rx_packets;
	unsigned int total_tx_bytes, total_tx_packets;
	u64 itr_class_count[3];		/* polls classed, for ethtool -S */
	u64 gorc_old, gotc_old;		/* simplified mode's last octets */

	bool get_link_status;	/* the top half saw LSC/RXSEQ */
	bool link_up;
	u16 link_speed;
	bool full_duplex;
	unsigned long flags;	/* enum e1000_state_t */
	struct delayed_work watchdog_task;
	spinlock_t stats_lock;
	struct e1000_hw_stats stats;
	struct e1000_sw_stats sw;
};

enum e1000_state_t {
	__E1000_DOWN,
	__E1000_RESETTING,	/* a ring resize is under way */
};

/* Linux's e1000 latency classes (e1000_update_itr). */
enum latency_range {
	lowest_latency = 0,
	low_latency = 1,
	bulk_latency = 2,
	latency_invalid = 255
};

static inline u32 er32(struct e1000_adapter *a, u32 reg)
{
	return readl(a->hw_addr + reg);
}

static inline void ew32(struct e1000_adapter *a, u32 reg, u32 val)
{
	writel(val, a->hw_addr + reg);
}

/* Reading STATUS forces posted writes out, as Linux's E1000_WRITE_FLUSH. */
#define E1000_WRITE_FLUSH(a)	((void)er32((a), E1000_STATUS))

/* e1000_main.c */
int e1000_up(struct e1000_adapter *adapter);
void e1000_down(struct e1000_adapter *adapter);

/* e1000_hw.c */
void e1000_reset_hw(struct e1000_adapter *adapter);
int e1000_read_mac_addr(struct e1000_adapter *adapter, u8 *mac);
void e1000_rar_set(struct e1000_adapter *adapter, const u8 *mac);
void e1000_irq_disable(struct e1000_adapter *adapter);
void e1000_irq_enable(struct e1000_adapter *adapter);
void e1000_update_stats(struct e1000_adapter *adapter);

/* e1000_itr.c */
void e1000_write_itr(struct e1000_adapter *adapter, u32 ints_per_sec);
void e1000_set_itr(struct e1000_adapter *adapter);
void e1000_itr_simplified(struct e1000_adapter *adapter);

/* e1000_param.c */
void e1000_check_options(struct e1000_adapter *adapter);

/* e1000_ring.c */
int e1000_setup_tx_resources(struct e1000_adapter *adapter,
			     struct e1000_tx_ring *txdr);
int e1000_setup_rx_resources(struct e1000_adapter *adapter,
			     struct e1000_rx_ring *rxdr);
void e1000_free_tx_resources(struct e1000_adapter *adapter,
			     struct e1000_tx_ring *txdr);
void e1000_free_rx_resources(struct e1000_adapter *adapter,
			     struct e1000_rx_ring *rxdr);
void e1000_clean_tx_ring(struct e1000_adapter *adapter);
void e1000_clean_rx_ring(struct e1000_adapter *adapter);
void e1000_configure_tx(struct e1000_adapter *adapter);
void e1000_configure_rx(struct e1000_adapter *adapter);
unsigned int e1000_desc_unused_tx(const struct e1000_tx_ring *ring);

/* e1000_rx_pool.c */
#define E1000_RX_HEADROOM	(NET_SKB_PAD + NET_IP_ALIGN)
struct sk_buff *e1000_rx_buffer_get(unsigned int len);
void e1000_rx_pool_resize(int delta);
unsigned int e1000_rx_pool_share(unsigned int count);
void e1000_rx_pool_counts(unsigned int *total, unsigned int *nr_free,
			  unsigned int *target, unsigned long *allocs);

/* e1000_txrx.c */
netdev_tx_t e1000_xmit_frame(struct sk_buff *skb, struct net_device *netdev);
int e1000_clean(struct napi_struct *napi, int budget);
void e1000_rx_drop(struct e1000_adapter *adapter, u64 *why,
		   enum skb_drop_reason reason);
irqreturn_t e1000_intr(int irq, void *data);

/* e1000_ethtool.c */
void e1000_set_ethtool_ops(struct net_device *netdev);

/* The first e1000 probed, for ktest and diagnostics. */
struct e1000_adapter *e1000_first_adapter(void);

#endif /* _E1000_H */
