// SPDX-License-Identifier: GPL-2.0
/*
 * The data path, after Linux's e1000_main.c: the top half (e1000_intr:
 * read ICR, mask, napi_schedule), the NAPI poll (e1000_clean: TX
 * completion, then RX up to the budget) and transmit.
 */
#include <irqlab/kernel.h>
#include <irqlab/interrupt.h>
#include <irqlab/workqueue.h>
#include <asm/barrier.h>
#include <asm/page.h>
#include "e1000.h"

#define E1000_TX_QUEUE_WAKE	16

/*
 * ndo_start_xmit, called with dev->tx_lock held.  One linear skb, one
 * descriptor; the poll frees it once the NIC has written DD back.
 */
netdev_tx_t e1000_xmit_frame(struct sk_buff *skb,
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

	spin_lock_irqsave(&adapter->tx_lock, flags);
	if (e1000_desc_unused_tx(ring) < 1) {
		netif_stop_queue(netdev);
		adapter->sw.tx_busy++;
		spin_unlock_irqrestore(&adapter->tx_lock, flags);
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
	spin_unlock_irqrestore(&adapter->tx_lock, flags);
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

	spin_lock_irqsave(&adapter->tx_lock, flags);
	i = ring->next_to_clean;
	while (i != ring->next_to_use && count < ring->count &&
	       (READ_ONCE(ring->desc[i].status) & E1000_TXD_STAT_DD)) {
		dma_rmb();
		skb = ring->buffer_info[i].skb;
		ring->buffer_info[i].skb = NULL;
		if (skb) {
			netdev->stats.tx_packets++;
			netdev->stats.tx_bytes += ring->buffer_info[i].length;
			adapter->total_tx_packets++;
			adapter->total_tx_bytes += ring->buffer_info[i].length;
			skb->next = done;
			done = skb;
		}
		if (++i == ring->count)
			i = 0;
		count++;
	}
	ring->next_to_clean = i;
	spin_unlock_irqrestore(&adapter->tx_lock, flags);

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
void e1000_rx_drop(struct e1000_adapter *adapter, u64 *why,
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
		adapter->total_rx_packets++;
		adapter->total_rx_bytes += length;
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
int e1000_clean(struct napi_struct *napi, int budget)
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

	if (likely(napi_complete_done(napi, work_done))) {
		if (likely(adapter->itr_setting & 3))
			e1000_set_itr(adapter);
		if (!test_bit(__E1000_DOWN, &adapter->flags))
			e1000_irq_enable(adapter);
	}
	return work_done;
}

/* ---- interrupt --------------------------------------------------------- */

/*
 * The top half, as Linux's e1000_intr and nothing more: read (and so
 * clear) ICR, note a link change for the watchdog, mask the NIC, hand
 * the rest to NAPI.  ICR 0 means the interrupt was another device's on
 * this shared level-triggered line.
 */
irqreturn_t e1000_intr(int irq, void *data)
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

	if (likely(napi_schedule_prep(&adapter->napi))) {
		/* What the polls of this interrupt see, for e1000_set_itr. */
		adapter->total_tx_bytes = 0;
		adapter->total_tx_packets = 0;
		adapter->total_rx_bytes = 0;
		adapter->total_rx_packets = 0;
		__napi_schedule(&adapter->napi);
	}
	else if (!test_bit(__E1000_DOWN, &adapter->flags))
		e1000_irq_enable(adapter);	/* a poll is already coming */
	return IRQ_HANDLED;
}
