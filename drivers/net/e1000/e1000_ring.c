// SPDX-License-Identifier: GPL-2.0
/*
 * The descriptor rings: their memory and buffers (Linux's
 * e1000_setup_*_resources, allocated at open or before a resize lets go
 * of the old rings), what down does to them (e1000_clean_*_ring), and
 * how the NIC is told where they are (e1000_configure_tx/rx).
 */
#include <irqlab/kernel.h>
#include <irqlab/slab.h>
#include <irqlab/mm.h>
#include <irqlab/gfp.h>
#include <irqlab/errno.h>
#include <irqlab/printk.h>
#include <asm/barrier.h>
#include <asm/page.h>
#include "e1000.h"

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

int e1000_setup_tx_resources(struct e1000_adapter *adapter,
			     struct e1000_tx_ring *txdr)
{
	void *info, *desc;
	int err;

	err = e1000_alloc_ring(txdr->count, sizeof(*txdr->buffer_info),
			       sizeof(*txdr->desc), &info, &desc, &txdr->size,
			       &txdr->dma);
	if (err) {
		pr_err("e1000 0000:%s %s: Allocation for Tx Queue 0 failed\n",
		       pci_name(adapter->pdev), adapter->netdev->name);
		return err;
	}
	txdr->buffer_info = info;
	txdr->desc = desc;
	txdr->next_to_use = 0;
	txdr->next_to_clean = 0;
	return 0;
}

/*
 * Every slot holds a buffer at all times (RDT trails next_to_clean by
 * one, so the NIC owns count - 1 slots and head == tail means "empty").
 * So a ring's buffers are part of its resources: taken here, with the
 * descriptors, and kept across down and up; a ring that could not get
 * them all is not made.
 */
int e1000_setup_rx_resources(struct e1000_adapter *adapter,
			     struct e1000_rx_ring *rxdr)
{
	void *info, *desc;
	unsigned int i;
	int err;

	err = e1000_alloc_ring(rxdr->count, sizeof(*rxdr->buffer_info),
			       sizeof(*rxdr->desc), &info, &desc, &rxdr->size,
			       &rxdr->dma);
	if (err)
		goto fail;
	rxdr->buffer_info = info;
	rxdr->desc = desc;
	e1000_rx_pool_resize(e1000_rx_pool_share(rxdr->count));
	for (i = 0; i < rxdr->count; i++) {
		struct sk_buff *skb = e1000_rx_buffer_get(adapter->rx_buffer_len);

		if (!skb) {
			e1000_free_rx_resources(adapter, rxdr);
			err = -ENOMEM;
			goto fail;
		}
		rxdr->buffer_info[i].skb = skb;
	}
	rxdr->next_to_clean = 0;
	rxdr->next_to_use = rxdr->count - 1;
	rxdr->discarding = false;
	return 0;

fail:
	pr_err("e1000 0000:%s %s: Allocation for Rx Queue 0 failed\n",
	       pci_name(adapter->pdev), adapter->netdev->name);
	return err;
}

/* Frames never sent are drops: the stack handed them over and lost them. */
static void e1000_drop_tx_buffers(struct e1000_adapter *adapter,
				  struct e1000_tx_ring *txdr)
{
	unsigned int i;

	for (i = 0; i < txdr->count; i++) {
		if (txdr->buffer_info[i].skb) {
			adapter->netdev->stats.tx_dropped++;
			kfree_skb_reason(txdr->buffer_info[i].skb,
					 SKB_DROP_REASON_DEV_READY);
			txdr->buffer_info[i].skb = NULL;
		}
	}
}

void e1000_free_tx_resources(struct e1000_adapter *adapter,
			     struct e1000_tx_ring *txdr)
{
	if (!txdr->buffer_info)
		return;
	e1000_drop_tx_buffers(adapter, txdr);
	kfree(txdr->buffer_info);
	txdr->buffer_info = NULL;
	e1000_free_ring_memory(txdr->desc, txdr->size);
	txdr->desc = NULL;
}

void e1000_free_rx_resources(struct e1000_adapter *adapter,
			     struct e1000_rx_ring *rxdr)
{
	unsigned int i;

	if (!rxdr->buffer_info)
		return;
	for (i = 0; i < rxdr->count; i++)
		if (rxdr->buffer_info[i].skb)
			consume_skb(rxdr->buffer_info[i].skb);	/* to the pool */
	kfree(rxdr->buffer_info);
	rxdr->buffer_info = NULL;
	e1000_free_ring_memory(rxdr->desc, rxdr->size);
	rxdr->desc = NULL;
	e1000_rx_pool_resize(-(int)e1000_rx_pool_share(rxdr->count));
}

/* Linux's e1000_clean_tx_ring, at down: what was never sent is dropped. */
void e1000_clean_tx_ring(struct e1000_adapter *adapter)
{
	struct e1000_tx_ring *txdr = &adapter->tx_ring;

	e1000_drop_tx_buffers(adapter, txdr);
	memset(txdr->desc, 0, txdr->size);
	txdr->next_to_use = 0;
	txdr->next_to_clean = 0;
}

/*
 * At down: frames the NIC completed after the last poll are dropped
 * (and counted, so rx_packets = rx_delivered + rx_dropped still holds);
 * the buffers stay for the next up.
 */
void e1000_clean_rx_ring(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *rxdr = &adapter->rx_ring;
	unsigned int i = rxdr->next_to_clean, n;

	for (n = 0; n < rxdr->count; n++) {
		u8 status = READ_ONCE(rxdr->desc[i].status);

		if (!(status & E1000_RXD_STAT_DD))
			break;
		if (!(status & E1000_RXD_STAT_EOP)) {
			if (!rxdr->discarding)
				e1000_rx_drop(adapter, &adapter->sw.rx_down_drops,
					      SKB_DROP_REASON_DEV_READY);
			rxdr->discarding = true;
		} else if (rxdr->discarding) {
			rxdr->discarding = false;
		} else {
			e1000_rx_drop(adapter, &adapter->sw.rx_down_drops,
				      SKB_DROP_REASON_DEV_READY);
		}
		if (++i == rxdr->count)
			i = 0;
	}
	rxdr->discarding = false;
}

void e1000_configure_tx(struct e1000_adapter *adapter)
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

/* The ring's buffers handed to the NIC afresh: nothing is allocated. */
void e1000_configure_rx(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *ring = &adapter->rx_ring;
	unsigned int i;

	ew32(adapter, E1000_RCTL, 0);
	for (i = 0; i < 128; i++)
		ew32(adapter, E1000_MTA + 4 * i, 0);
	/* Interrupt at once; ITR alone decides how often (Linux's default). */
	ew32(adapter, E1000_RDTR, 0);
	ew32(adapter, E1000_RADV, 8);
	e1000_write_itr(adapter, adapter->itr_setting ? adapter->itr : 0);

	for (i = 0; i < ring->count; i++) {
		ring->desc[i].buffer_addr = __pa(ring->buffer_info[i].skb->data);
		ring->desc[i].status = 0;
	}
	ring->next_to_clean = 0;
	ring->next_to_use = ring->count - 1;
	ring->discarding = false;

	ew32(adapter, E1000_RDBAL, ring->dma & 0xffffffffu);
	ew32(adapter, E1000_RDBAH, (u64)ring->dma >> 32);
	ew32(adapter, E1000_RDLEN, ring->size);
	ew32(adapter, E1000_RDH, 0);
	ew32(adapter, E1000_RDT, 0);
	ew32(adapter, E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM |
		      E1000_RCTL_SZ_2048 | E1000_RCTL_SECRC |
		      E1000_RCTL_RDMTS_HALF);
	dma_wmb();
	ew32(adapter, E1000_RDT, ring->next_to_use);
}

unsigned int e1000_desc_unused_tx(const struct e1000_tx_ring *ring)
{
	unsigned int ntc = READ_ONCE(ring->next_to_clean);
	unsigned int ntu = READ_ONCE(ring->next_to_use);

	return (ntc > ntu ? 0 : ring->count) + ntc - ntu - 1;
}
