// SPDX-License-Identifier: GPL-2.0
/*
 * Intel 82540EM (QEMU's default NIC), after Linux's
 * drivers/net/ethernet/intel/e1000/e1000_main.c: the same top half
 * (e1000_intr: read ICR, mask, napi_schedule), the same NAPI poll
 * (e1000_clean: TX completion, then RX up to the budget) and the same
 * link watchdog on a delayed work item.  One RX and one TX ring of legacy
 * descriptors; receive buffers are recycled, not allocated per frame.
 */
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/slab.h>
#include <irqlab/mm.h>
#include <irqlab/gfp.h>
#include <irqlab/delay.h>
#include <irqlab/errno.h>
#include <irqlab/string.h>
#include <irqlab/jiffies.h>
#include <irqlab/interrupt.h>
#include <asm/barrier.h>
#include <asm/page.h>
#include "e1000.h"

static const char e1000_driver_name[] = "e1000";

static struct e1000_adapter *first_adapter;

struct e1000_adapter *e1000_first_adapter(void)
{
	return first_adapter;
}

/* ---- the receive buffer pool ------------------------------------------ */

/*
 * One pool for the driver: every buffer has the same size, and a buffer's
 * destructor then needs no pointer back to its adapter (the stack may
 * have rewritten any field of the skb by the time it frees it).
 */
static struct e1000_rx_pool rx_pool = {
	.lock = __SPIN_LOCK_UNLOCKED(rx_pool.lock),
};

#define E1000_RX_HEADROOM	(NET_SKB_PAD + NET_IP_ALIGN)

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
static struct sk_buff *e1000_rx_buffer_get(unsigned int len)
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

static void e1000_rx_pool_resize(int delta)
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

static unsigned int e1000_rx_pool_share(unsigned int count)
{
	return count + E1000_RX_POOL_IN_STACK;
}

/* ---- hardware ---------------------------------------------------------- */

static void e1000_irq_disable(struct e1000_adapter *adapter)
{
	ew32(adapter, E1000_IMC, ~0u);
	E1000_WRITE_FLUSH(adapter);
}

static void e1000_irq_enable(struct e1000_adapter *adapter)
{
	ew32(adapter, E1000_IMS, IMS_ENABLE_MASK);
	E1000_WRITE_FLUSH(adapter);
}

/*
 * Global reset (SDM 14.2): stop RX and TX first so no DMA is in flight,
 * then CTRL.RST, which clears every register but PCI config and the
 * EEPROM-loaded ones.  mdelay, not msleep: probe runs at boot, from the
 * boot CPU's own thread, which must not sleep.
 */
static void e1000_reset_hw(struct e1000_adapter *adapter)
{
	e1000_irq_disable(adapter);
	ew32(adapter, E1000_RCTL, 0);
	ew32(adapter, E1000_TCTL, E1000_TCTL_PSP);
	E1000_WRITE_FLUSH(adapter);
	mdelay(10);
	ew32(adapter, E1000_CTRL, er32(adapter, E1000_CTRL) | E1000_CTRL_RST);
	mdelay(5);
	e1000_irq_disable(adapter);
	(void)er32(adapter, E1000_ICR);	/* drop causes from before the reset */
}

/* One word of the EEPROM through EERD; -ETIMEDOUT if DONE never comes. */
static int e1000_read_eeprom(struct e1000_adapter *adapter, u16 offset,
			     u16 *data)
{
	int i;
	u32 v;

	ew32(adapter, E1000_EERD, (u32)offset << E1000_EEPROM_RW_ADDR_SHIFT |
				  E1000_EEPROM_RW_REG_START);
	for (i = 0; i < 1000; i++) {
		v = er32(adapter, E1000_EERD);
		if (v & E1000_EEPROM_RW_REG_DONE) {
			*data = v >> E1000_EEPROM_RW_REG_DATA;
			return 0;
		}
		udelay(5);
	}
	return -ETIMEDOUT;
}

/*
 * The permanent address is in EEPROM words 0-2 (SDM 5.6.1); after reset
 * the NIC has also loaded it into RAL0/RAH0, which is the fallback.
 */
static int e1000_read_mac_addr(struct e1000_adapter *adapter, u8 *mac)
{
	u16 w;
	int i;

	for (i = 0; i < 3; i++) {
		if (e1000_read_eeprom(adapter, i, &w))
			break;
		mac[2 * i] = w & 0xff;
		mac[2 * i + 1] = w >> 8;
	}
	if (i < 3 || !is_valid_ether_addr(mac)) {
		u32 lo = er32(adapter, E1000_RAL(0));
		u32 hi = er32(adapter, E1000_RAH(0));

		for (i = 0; i < 4; i++)
			mac[i] = lo >> (8 * i);
		mac[4] = hi;
		mac[5] = hi >> 8;
	}
	return is_valid_ether_addr(mac) ? 0 : -EIO;
}

static void e1000_rar_set(struct e1000_adapter *adapter, const u8 *mac)
{
	u32 lo = mac[0] | mac[1] << 8 | mac[2] << 16 | (u32)mac[3] << 24;
	u32 hi = mac[4] | mac[5] << 8 | E1000_RAH_AV;

	ew32(adapter, E1000_RAL(0), lo);
	ew32(adapter, E1000_RAH(0), hi);
	E1000_WRITE_FLUSH(adapter);
}

/* ITR counts 256 ns units between interrupts; 0 turns throttling off. */
void e1000_set_itr(struct e1000_adapter *adapter, u32 usecs)
{
	adapter->itr_usecs = usecs;
	ew32(adapter, E1000_ITR, usecs ? usecs * 1000 / 256 : 0);
}

/* ---- rings ------------------------------------------------------------- */

static void *e1000_alloc_ring_memory(unsigned int size, phys_addr_t *dma)
{
	unsigned long va = __get_free_pages(GFP_KERNEL | __GFP_ZERO,
					    get_order(size));

	if (!va)
		return NULL;
	*dma = __pa(va);
	return (void *)va;
}

static void e1000_free_ring_memory(void *desc, unsigned int size)
{
	if (desc)
		free_pages((unsigned long)desc, get_order(size));
}

/*
 * A ring's software state (count entries of info_size) and its
 * descriptors (count of desc_size, zeroed, physically contiguous): both
 * or neither.  count is a multiple of 8: 8 * 16 bytes, the 128 that
 * RDLEN/TDLEN need.
 */
static int e1000_alloc_ring(unsigned int count, size_t info_size,
			    size_t desc_size, void **info, void **desc,
			    unsigned int *size, phys_addr_t *dma)
{
	*info = kcalloc(count, info_size, GFP_KERNEL);
	if (!*info)
		return -ENOMEM;
	*size = count * desc_size;
	*desc = e1000_alloc_ring_memory(*size, dma);
	if (!*desc) {
		kfree(*info);
		*info = NULL;
		return -ENOMEM;
	}
	return 0;
}

static int e1000_setup_tx_resources(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *ring = &adapter->tx_ring;
	void *info, *desc;
	int err;

	err = e1000_alloc_ring(ring->count, sizeof(*ring->buffer_info),
			       sizeof(*ring->desc), &info, &desc, &ring->size,
			       &ring->dma);
	if (err)
		return err;
	ring->buffer_info = info;
	ring->desc = desc;
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	return 0;
}

static int e1000_setup_rx_resources(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *ring = &adapter->rx_ring;
	void *info, *desc;
	int err;

	err = e1000_alloc_ring(ring->count, sizeof(*ring->buffer_info),
			       sizeof(*ring->desc), &info, &desc, &ring->size,
			       &ring->dma);
	if (err)
		return err;
	ring->buffer_info = info;
	ring->desc = desc;
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	ring->discarding = false;
	return 0;
}

/* Frames never sent are drops: the stack handed them over and lost them. */
static void e1000_free_tx_resources(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *ring = &adapter->tx_ring;
	unsigned int i;

	if (!ring->buffer_info)
		return;
	for (i = 0; i < ring->count; i++) {
		if (ring->buffer_info[i].skb) {
			adapter->netdev->stats.tx_dropped++;
			kfree_skb_reason(ring->buffer_info[i].skb,
					 SKB_DROP_REASON_DEV_READY);
		}
	}
	kfree(ring->buffer_info);
	ring->buffer_info = NULL;
	e1000_free_ring_memory(ring->desc, ring->size);
	ring->desc = NULL;
}

static void e1000_free_rx_resources(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *ring = &adapter->rx_ring;
	unsigned int i;

	if (!ring->buffer_info)
		return;
	for (i = 0; i < ring->count; i++)
		if (ring->buffer_info[i].skb)
			consume_skb(ring->buffer_info[i].skb);	/* to the pool */
	kfree(ring->buffer_info);
	ring->buffer_info = NULL;
	e1000_free_ring_memory(ring->desc, ring->size);
	ring->desc = NULL;
	e1000_rx_pool_resize(-(int)e1000_rx_pool_share(ring->count));
}

static void e1000_configure_tx(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *ring = &adapter->tx_ring;
	u32 tctl;

	ew32(adapter, E1000_TDBAL, ring->dma & 0xffffffffu);
	ew32(adapter, E1000_TDBAH, (u64)ring->dma >> 32);
	ew32(adapter, E1000_TDLEN, ring->size);
	ew32(adapter, E1000_TDH, 0);
	ew32(adapter, E1000_TDT, 0);
	ew32(adapter, E1000_TIPG, E1000_TIPG_IPGT |
		      E1000_TIPG_IPGR1 << E1000_TIPG_IPGR1_SHIFT |
		      E1000_TIPG_IPGR2 << E1000_TIPG_IPGR2_SHIFT);
	/* Linux's defaults: TxIntDelay 8, TxAbsIntDelay 32 (1.024 us units). */
	ew32(adapter, E1000_TIDV, 8);
	ew32(adapter, E1000_TADV, 32);
	tctl = E1000_TCTL_PSP | E1000_TCTL_EN |
	       E1000_COLLISION_THRESHOLD << E1000_CT_SHIFT |
	       E1000_COLLISION_DISTANCE << E1000_COLD_SHIFT;
	ew32(adapter, E1000_TCTL, tctl);
}

/*
 * Every slot holds a buffer at all times; RDT trails next_to_clean by one
 * so the NIC owns count - 1 slots and head == tail always means "empty".
 */
static int e1000_alloc_rx_buffers(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *ring = &adapter->rx_ring;
	unsigned int i;

	for (i = 0; i < ring->count; i++) {
		struct sk_buff *skb = e1000_rx_buffer_get(adapter->rx_buffer_len);

		if (!skb)
			return -ENOMEM;
		ring->buffer_info[i].skb = skb;
		ring->desc[i].buffer_addr = __pa(skb->data);
		ring->desc[i].status = 0;
	}
	ring->next_to_clean = 0;
	ring->next_to_use = ring->count - 1;
	return 0;
}

static int e1000_configure_rx(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *ring = &adapter->rx_ring;
	int i, err;

	ew32(adapter, E1000_RCTL, 0);
	for (i = 0; i < 128; i++)
		ew32(adapter, E1000_MTA + 4 * i, 0);
	/* Interrupt at once; ITR alone decides how often (Linux's default). */
	ew32(adapter, E1000_RDTR, 0);
	ew32(adapter, E1000_RADV, 8);
	e1000_set_itr(adapter, adapter->itr_usecs);
	ew32(adapter, E1000_RDBAL, ring->dma & 0xffffffffu);
	ew32(adapter, E1000_RDBAH, (u64)ring->dma >> 32);
	ew32(adapter, E1000_RDLEN, ring->size);
	ew32(adapter, E1000_RDH, 0);
	ew32(adapter, E1000_RDT, 0);

	e1000_rx_pool_resize(e1000_rx_pool_share(ring->count));
	err = e1000_alloc_rx_buffers(adapter);
	if (err)
		return err;
	ew32(adapter, E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM |
		      E1000_RCTL_SZ_2048 | E1000_RCTL_SECRC |
		      E1000_RCTL_RDMTS_HALF);
	dma_wmb();
	ew32(adapter, E1000_RDT, ring->next_to_use);
	return 0;
}

unsigned int e1000_desc_unused_tx(const struct e1000_tx_ring *ring)
{
	unsigned int ntc = READ_ONCE(ring->next_to_clean);
	unsigned int ntu = READ_ONCE(ring->next_to_use);

	return (ntc > ntu ? 0 : ring->count) + ntc - ntu - 1;
}

/* ---- transmit ---------------------------------------------------------- */

#define E1000_TX_QUEUE_WAKE	16

/*
 * ndo_start_xmit, called with dev->tx_lock held.  One linear skb, one
 * descriptor; the poll frees it once the NIC has written DD back.
 */
static netdev_tx_t e1000_xmit_frame(struct sk_buff *skb,
				    struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct e1000_tx_ring *ring = &adapter->tx_ring;
	struct e1000_tx_desc *desc;
	unsigned long flags;
	unsigned int i;

	if (!skb->len || skb->len > 16288 || !virt_addr_valid(skb->data) ||
	    test_bit(__E1000_DOWN, &adapter->flags)) {
		netdev->stats.tx_dropped++;
		kfree_skb_reason(skb, skb->len ? SKB_DROP_REASON_DEV_READY :
						 SKB_DROP_REASON_PKT_TOO_SMALL);
		return NETDEV_TX_OK;
	}

	spin_lock_irqsave(&ring->lock, flags);
	if (e1000_desc_unused_tx(ring) < 1) {
		netif_stop_queue(netdev);
		adapter->sw.tx_busy++;
		spin_unlock_irqrestore(&ring->lock, flags);
		return NETDEV_TX_BUSY;
	}
	i = ring->next_to_use;
	desc = &ring->desc[i];
	ring->buffer_info[i].skb = skb;
	ring->buffer_info[i].length = skb->len;
	desc->buffer_addr = __pa(skb->data);
	desc->length = skb->len;
	desc->cso = 0;
	desc->css = 0;
	desc->special = 0;
	desc->status = 0;
	desc->cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS |
		    E1000_TXD_CMD_RS | E1000_TXD_CMD_IDE;
	if (++i == ring->count)
		i = 0;
	/* The descriptor is in memory before the NIC hears of it. */
	dma_wmb();
	ring->next_to_use = i;
	ew32(adapter, E1000_TDT, i);
	/* Stop before the ring is full, not on the frame that finds it full. */
	if (e1000_desc_unused_tx(ring) < 2)
		netif_stop_queue(netdev);
	spin_unlock_irqrestore(&ring->lock, flags);
	return NETDEV_TX_OK;
}

/* Linux's e1000_clean_tx_irq: reap what the NIC marked done. */
static bool e1000_clean_tx_irq(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *ring = &adapter->tx_ring;
	struct net_device *netdev = adapter->netdev;
	struct sk_buff *done = NULL, *skb;
	unsigned int i, count = 0;
	unsigned long flags;

	spin_lock_irqsave(&ring->lock, flags);
	i = ring->next_to_clean;
	while (i != ring->next_to_use && count < ring->count &&
	       (READ_ONCE(ring->desc[i].status) & E1000_TXD_STAT_DD)) {
		dma_rmb();
		skb = ring->buffer_info[i].skb;
		ring->buffer_info[i].skb = NULL;
		if (skb) {
			netdev->stats.tx_packets++;
			netdev->stats.tx_bytes += ring->buffer_info[i].length;
			skb->next = done;
			done = skb;
		}
		if (++i == ring->count)
			i = 0;
		count++;
	}
	ring->next_to_clean = i;
	spin_unlock_irqrestore(&ring->lock, flags);

	while (done) {
		skb = done;
		done = skb->next;
		skb->next = NULL;
		consume_skb(skb);
	}

	if (count && netif_queue_stopped(netdev) && netif_carrier_ok(netdev) &&
	    e1000_desc_unused_tx(ring) >= E1000_TX_QUEUE_WAKE &&
	    !test_bit(__E1000_DOWN, &adapter->flags)) {
		adapter->sw.tx_restart_queue++;
		netif_wake_queue(netdev);
	}
	return count < ring->count;
}

/* ---- receive ----------------------------------------------------------- */

/*
 * A frame the driver will not deliver: counted by the driver, in
 * dev->stats and in the kernel's drop-reason table, and its buffer stays
 * in the ring for the next frame.
 */
static void e1000_rx_drop(struct e1000_adapter *adapter, u64 *why,
			  enum skb_drop_reason reason)
{
	(*why)++;
	adapter->sw.rx_dropped++;
	adapter->netdev->stats.rx_dropped++;
	skb_drop_count_add(reason);
}

/*
 * The slots before next_to_clean i go back to the NIC: RDT one behind i,
 * after the refilled descriptors are in memory.
 */
static void e1000_rx_give_back(struct e1000_adapter *adapter, unsigned int i)
{
	struct e1000_rx_ring *ring = &adapter->rx_ring;

	dma_wmb();
	ring->next_to_use = i ? i - 1 : ring->count - 1;
	ew32(adapter, E1000_RDT, ring->next_to_use);
}

/* Linux's e1000_clean_rx_irq, for buffers of rx_buffer_len bytes. */
static void e1000_clean_rx_irq(struct e1000_adapter *adapter, int *work_done,
			       int work_to_do)
{
	struct e1000_rx_ring *ring = &adapter->rx_ring;
	struct net_device *netdev = adapter->netdev;
	unsigned int i = ring->next_to_clean;
	unsigned int cleaned = 0;

	while (*work_done < work_to_do) {
		struct e1000_rx_desc *desc = &ring->desc[i];
		struct e1000_rx_buffer *bi = &ring->buffer_info[i];
		struct sk_buff *skb, *fresh;
		u8 status = READ_ONCE(desc->status);
		unsigned int length;

		if (!(status & E1000_RXD_STAT_DD))
			break;
		/* Nothing else of the descriptor before DD was seen. */
		dma_rmb();
		length = desc->length;
		(*work_done)++;
		cleaned++;

		if (!(status & E1000_RXD_STAT_EOP)) {
			/* A frame larger than one buffer: drop it whole, once. */
			if (!ring->discarding) {
				netdev->stats.rx_length_errors++;
				e1000_rx_drop(adapter, &adapter->sw.rx_long_drops,
					      SKB_DROP_REASON_PKT_TOO_BIG);
			}
			ring->discarding = true;
			goto next_desc;
		}
		if (ring->discarding) {
			ring->discarding = false;	/* its last buffer */
			goto next_desc;
		}
		if (desc->errors & E1000_RXD_ERR_FRAME_ERR_MASK) {
			netdev->stats.rx_errors++;
			if (desc->errors & E1000_RXD_ERR_CE)
				netdev->stats.rx_crc_errors++;
			else
				netdev->stats.rx_frame_errors++;
			e1000_rx_drop(adapter, &adapter->sw.rx_frame_errors,
				      SKB_DROP_REASON_NOT_SPECIFIED);
			goto next_desc;
		}
		if (length < ETH_HLEN || length > adapter->rx_buffer_len) {
			netdev->stats.rx_length_errors++;
			e1000_rx_drop(adapter, &adapter->sw.rx_short_drops,
				      SKB_DROP_REASON_PKT_TOO_SMALL);
			goto next_desc;
		}
		fresh = e1000_rx_buffer_get(adapter->rx_buffer_len);
		if (!fresh) {
			/* Every buffer is up the stack: keep this one. */
			e1000_rx_drop(adapter, &adapter->sw.alloc_rx_buff_failed,
				      SKB_DROP_REASON_NOMEM);
			goto next_desc;
		}
		skb = bi->skb;
		bi->skb = fresh;
		desc->buffer_addr = __pa(fresh->data);

		skb_put(skb, length);
		netdev->stats.rx_packets++;
		netdev->stats.rx_bytes += length;
		adapter->sw.rx_delivered++;
		skb->protocol = eth_type_trans(skb, netdev);
		napi_gro_receive(&adapter->napi, skb);

next_desc:
		desc->status = 0;
		if (++i == ring->count)
			i = 0;
		/* Give slots back in small batches: fewer tail writes. */
		if (cleaned >= 16) {
			e1000_rx_give_back(adapter, i);
			cleaned = 0;
		}
	}
	ring->next_to_clean = i;
	if (cleaned)
		e1000_rx_give_back(adapter, i);
}

/*
 * Linux's e1000_clean, the NAPI poll: TX completion first (it frees
 * descriptors the stack is waiting for), then RX up to the budget.
 * Interrupts come back on only when all the work is done.
 */
static int e1000_clean(struct napi_struct *napi, int budget)
{
	struct e1000_adapter *adapter =
		container_of(napi, struct e1000_adapter, napi);
	bool tx_clean_complete;
	int work_done = 0;

	adapter->sw.napi_polls++;
	tx_clean_complete = e1000_clean_tx_irq(adapter);
	e1000_clean_rx_irq(adapter, &work_done, budget);

	if (!tx_clean_complete || work_done == budget)
		return budget;

	if (napi_complete_done(napi, work_done) &&
	    !test_bit(__E1000_DOWN, &adapter->flags))
		e1000_irq_enable(adapter);
	return work_done;
}

/* ---- interrupt --------------------------------------------------------- */

/*
 * The top half, as Linux's e1000_intr and nothing more: read (and so
 * clear) ICR, note a link change for the watchdog, mask the NIC, hand
 * the rest to NAPI.  ICR 0 means the interrupt was another device's on
 * this shared level-triggered line.
 */
static irqreturn_t e1000_intr(int irq, void *data)
{
	struct net_device *netdev = data;
	struct e1000_adapter *adapter = netdev_priv(netdev);
	u32 icr = er32(adapter, E1000_ICR);

	if (unlikely(!icr)) {
		adapter->sw.intr_none++;
		return IRQ_NONE;
	}
	adapter->sw.intr_total++;

	if (unlikely(icr & (E1000_ICR_RXSEQ | E1000_ICR_LSC))) {
		adapter->get_link_status = true;
		/* Not while going down: e1000_down cancels the work. */
		if (!test_bit(__E1000_DOWN, &adapter->flags))
			mod_delayed_work(system_wq, &adapter->watchdog_task, 1);
	}

	/* Masked until the poll is done: the line drops now. */
	ew32(adapter, E1000_IMC, ~0u);
	E1000_WRITE_FLUSH(adapter);

	if (likely(napi_schedule_prep(&adapter->napi)))
		__napi_schedule(&adapter->napi);
	else if (!test_bit(__E1000_DOWN, &adapter->flags))
		e1000_irq_enable(adapter);	/* a poll is already coming */
	return IRQ_HANDLED;
}

/* ---- statistics -------------------------------------------------------- */

/* The counters clear on read: add them up under one lock. */
void e1000_update_stats(struct e1000_adapter *adapter)
{
	struct e1000_hw_stats *s = &adapter->stats;
	struct net_device_stats *ns = &adapter->netdev->stats;
	unsigned long flags;

	spin_lock_irqsave(&adapter->stats_lock, flags);
	s->crcerrs += er32(adapter, E1000_CRCERRS);
	s->algnerrc += er32(adapter, E1000_ALGNERRC);
	s->symerrs += er32(adapter, E1000_SYMERRS);
	s->rxerrc += er32(adapter, E1000_RXERRC);
	s->mpc += er32(adapter, E1000_MPC);
	s->scc += er32(adapter, E1000_SCC);
	s->ecol += er32(adapter, E1000_ECOL);
	s->mcc += er32(adapter, E1000_MCC);
	s->latecol += er32(adapter, E1000_LATECOL);
	s->colc += er32(adapter, E1000_COLC);
	s->dc += er32(adapter, E1000_DC);
	s->tncrs += er32(adapter, E1000_TNCRS);
	s->sec += er32(adapter, E1000_SEC);
	s->cexterr += er32(adapter, E1000_CEXTERR);
	s->rlec += er32(adapter, E1000_RLEC);
	s->xonrxc += er32(adapter, E1000_XONRXC);
	s->xontxc += er32(adapter, E1000_XONTXC);
	s->xoffrxc += er32(adapter, E1000_XOFFRXC);
	s->xofftxc += er32(adapter, E1000_XOFFTXC);
	s->fcruc += er32(adapter, E1000_FCRUC);
	s->gprc += er32(adapter, E1000_GPRC);
	s->bprc += er32(adapter, E1000_BPRC);
	s->mprc += er32(adapter, E1000_MPRC);
	s->gptc += er32(adapter, E1000_GPTC);
	/* 64-bit octet counters: the high half clears when read, so last. */
	s->gorc += er32(adapter, E1000_GORCL);
	s->gorc += (u64)er32(adapter, E1000_GORCH) << 32;
	s->gotc += er32(adapter, E1000_GOTCL);
	s->gotc += (u64)er32(adapter, E1000_GOTCH) << 32;
	s->rnbc += er32(adapter, E1000_RNBC);
	s->ruc += er32(adapter, E1000_RUC);
	s->rfc += er32(adapter, E1000_RFC);
	s->roc += er32(adapter, E1000_ROC);
	s->rjc += er32(adapter, E1000_RJC);
	s->tor += er32(adapter, E1000_TORL);
	s->tor += (u64)er32(adapter, E1000_TORH) << 32;
	s->tot += er32(adapter, E1000_TOTL);
	s->tot += (u64)er32(adapter, E1000_TOTH) << 32;
	s->tpr += er32(adapter, E1000_TPR);
	s->tpt += er32(adapter, E1000_TPT);
	s->mptc += er32(adapter, E1000_MPTC);
	s->bptc += er32(adapter, E1000_BPTC);

	/* What Linux's e1000_update_stats folds into the netdev counters. */
	ns->multicast = s->mprc;
	ns->collisions = s->colc;
	ns->rx_crc_errors = s->crcerrs;
	ns->rx_missed_errors = s->mpc;
	ns->rx_over_errors = s->rnbc;	/* hardware had no descriptor */
	ns->tx_aborted_errors = s->ecol;
	ns->tx_window_errors = s->latecol;
	ns->tx_carrier_errors = s->tncrs;
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
}

/* ---- link watchdog ----------------------------------------------------- */

/*
 * Linux's e1000_watchdog, on a delayed work item: the top half only
 * notes a link change; printing, carrier changes (which the core turns
 * into a gratuitous ARP) and the counters happen here, where sleeping
 * and taking locks for long is allowed.  It also re-arms itself every
 * two seconds, as Linux's does, and raises RXDMT0 so a lost interrupt
 * can never leave frames sitting in the ring.
 */
static void e1000_watchdog(struct work_struct *work)
{
	struct e1000_adapter *adapter =
		container_of(to_delayed_work(work), struct e1000_adapter,
			     watchdog_task);
	struct net_device *netdev = adapter->netdev;
	u32 status = er32(adapter, E1000_STATUS);
	bool link = status & E1000_STATUS_LU;

	adapter->get_link_status = false;
	if (link && !netif_carrier_ok(netdev)) {
		switch (status & E1000_STATUS_SPEED_MASK) {
		case E1000_STATUS_SPEED_10:
			adapter->link_speed = 10;
			break;
		case E1000_STATUS_SPEED_100:
			adapter->link_speed = 100;
			break;
		default:
			adapter->link_speed = 1000;
			break;
		}
		adapter->full_duplex = status & E1000_STATUS_FD;
		adapter->link_up = true;
		pr_info("e1000: %s NIC Link is Up %d Mbps %s, Flow Control: None\n",
			netdev->name, adapter->link_speed,
			adapter->full_duplex ? "Full Duplex" : "Half Duplex");
		netif_carrier_on(netdev);
	} else if (!link && netif_carrier_ok(netdev)) {
		adapter->link_up = false;
		adapter->link_speed = 0;
		pr_info("e1000: %s NIC Link is Down\n", netdev->name);
		netif_carrier_off(netdev);
	}

	e1000_update_stats(adapter);
	if (test_bit(__E1000_DOWN, &adapter->flags))
		return;
	ew32(adapter, E1000_ICS, E1000_ICR_RXDMT0);
	schedule_delayed_work(&adapter->watchdog_task, 2 * HZ);
}

/* ---- up, down, open ---------------------------------------------------- */

int e1000_up(struct e1000_adapter *adapter)
{
	int err;

	err = e1000_setup_tx_resources(adapter);
	if (err)
		return err;
	err = e1000_setup_rx_resources(adapter);
	if (err)
		goto err_tx;
	e1000_configure_tx(adapter);
	err = e1000_configure_rx(adapter);
	if (err)
		goto err_rx;
	clear_bit(__E1000_DOWN, &adapter->flags);
	napi_enable(&adapter->napi);
	e1000_irq_enable(adapter);
	netif_start_queue(adapter->netdev);
	/* Linux's trick: a link-change interrupt runs the watchdog at once. */
	ew32(adapter, E1000_ICS, E1000_ICS_LSC);
	return 0;

err_rx:
	ew32(adapter, E1000_RCTL, 0);
	e1000_free_rx_resources(adapter);
err_tx:
	ew32(adapter, E1000_TCTL, E1000_TCTL_PSP);
	e1000_free_tx_resources(adapter);
	return err;
}

/*
 * Quiesce in Linux's order: no new interrupts or work, receive and
 * transmit off, wait out a running top half and poll, then free.
 */
void e1000_down(struct e1000_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;

	set_bit(__E1000_DOWN, &adapter->flags);
	netif_stop_queue(netdev);
	ew32(adapter, E1000_RCTL, 0);
	ew32(adapter, E1000_TCTL, E1000_TCTL_PSP);
	E1000_WRITE_FLUSH(adapter);
	mdelay(10);
	e1000_irq_disable(adapter);
	synchronize_irq(adapter->pdev->irq);
	napi_disable(&adapter->napi);
	cancel_delayed_work_sync(&adapter->watchdog_task);
	netif_carrier_off(netdev);
	adapter->link_up = false;
	e1000_update_stats(adapter);
	e1000_free_tx_resources(adapter);
	e1000_free_rx_resources(adapter);
}

/* ethtool -G: new rings take a down/up cycle, as on Linux. */
int e1000_set_ring_sizes(struct e1000_adapter *adapter, unsigned int rxd,
			 unsigned int txd)
{
	bool running = netif_running(adapter->netdev) &&
		       !test_bit(__E1000_DOWN, &adapter->flags);

	rxd = min(max(rxd, (unsigned int)E1000_MIN_RXD), (unsigned int)E1000_MAX_RXD);
	rxd = ALIGN(rxd, REQ_RX_DESCRIPTORS_MULTIPLE);
	txd = min(max(txd, (unsigned int)E1000_MIN_TXD), (unsigned int)E1000_MAX_TXD);
	txd = ALIGN(txd, REQ_TX_DESCRIPTORS_MULTIPLE);
	if (rxd == adapter->rx_ring.count && txd == adapter->tx_ring.count)
		return 0;
	if (running)
		e1000_down(adapter);
	adapter->rx_ring.count = rxd;
	adapter->tx_ring.count = txd;
	return running ? e1000_up(adapter) : 0;
}

static int e1000_open(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	int err;

	netif_carrier_off(netdev);
	err = request_irq(adapter->pdev->irq, e1000_intr, IRQF_SHARED,
			  netdev->name, netdev);
	if (err) {
		pr_err("e1000: %s: cannot request IRQ %u: %d\n", netdev->name,
		       adapter->pdev->irq, err);
		return err;
	}
	netdev->irq = adapter->pdev->irq;
	err = e1000_up(adapter);
	if (err)
		free_irq(adapter->pdev->irq, netdev);
	return err;
}

static int e1000_close(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	e1000_down(adapter);
	free_irq(adapter->pdev->irq, netdev);
	return 0;
}

static const struct net_device_ops e1000_netdev_ops = {
	.ndo_open	= e1000_open,
	.ndo_stop	= e1000_close,
	.ndo_start_xmit	= e1000_xmit_frame,
};

/* ---- probe ------------------------------------------------------------- */

static int e1000_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct e1000_adapter *adapter;
	struct net_device *netdev;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	pci_set_master(pdev);

	netdev = alloc_etherdev(sizeof(*adapter));
	if (!netdev) {
		err = -ENOMEM;
		goto err_disable;
	}
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = pdev;
	set_bit(__E1000_DOWN, &adapter->flags);
	spin_lock_init(&adapter->stats_lock);
	spin_lock_init(&adapter->tx_ring.lock);
	adapter->rx_ring.count = E1000_DEFAULT_RXD;
	adapter->tx_ring.count = E1000_DEFAULT_TXD;
	adapter->rx_buffer_len = E1000_RXBUFFER_2048;
	/* 50 us: the 20,000 interrupts/s Linux's dynamic ITR starts from. */
	adapter->itr_usecs = 50;

	adapter->hw_addr = pci_ioremap_bar(pdev, 0);
	if (!adapter->hw_addr) {
		err = -EIO;
		goto err_free;
	}
	e1000_reset_hw(adapter);
	/* Link up without PHY autonegotiation (full duplex, auto speed). */
	ew32(adapter, E1000_CTRL, (er32(adapter, E1000_CTRL) |
				   E1000_CTRL_SLU | E1000_CTRL_ASDE) &
				  ~(E1000_CTRL_VME | E1000_CTRL_PHY_RST));

	if (e1000_read_mac_addr(adapter, netdev->dev_addr)) {
		pr_err("e1000 0000:%s: invalid MAC address\n", pci_name(pdev));
		err = -EIO;
		goto err_unmap;
	}
	e1000_rar_set(adapter, netdev->dev_addr);

	netdev->netdev_ops = &e1000_netdev_ops;
	e1000_set_ethtool_ops(netdev);
	netdev->irq = pdev->irq;
	netif_napi_add(netdev, &adapter->napi, e1000_clean);
	INIT_DELAYED_WORK(&adapter->watchdog_task, e1000_watchdog);
	pci_set_drvdata(pdev, netdev);
	if (!first_adapter)
		first_adapter = adapter;

	err = register_netdev(netdev);
	if (err) {
		if (first_adapter == adapter)
			first_adapter = NULL;
		goto err_unmap;
	}
	pr_info("e1000 0000:%s: (PCI:33MHz:32-bit) %02x:%02x:%02x:%02x:%02x:%02x\n",
		pci_name(pdev), netdev->dev_addr[0], netdev->dev_addr[1],
		netdev->dev_addr[2], netdev->dev_addr[3], netdev->dev_addr[4],
		netdev->dev_addr[5]);
	pr_info("e1000 0000:%s %s: Intel(R) PRO/1000 Network Connection\n",
		pci_name(pdev), netdev->name);
	return 0;

err_unmap:
	iounmap(adapter->hw_addr);
err_free:
	free_netdev(netdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static const struct pci_device_id e1000_pci_tbl[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, E1000_DEV_ID_82540EM) },
	{ }
};

static struct pci_driver e1000_driver = {
	.name		= e1000_driver_name,
	.id_table	= e1000_pci_tbl,
	.probe		= e1000_probe,
};

module_pci_driver(e1000_driver);
