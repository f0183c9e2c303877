// SPDX-License-Identifier: GPL-2.0
/*
 * The descriptor rings: their memory, their buffers, and how the NIC is
 * told where they are (Linux's e1000_setup_*_resources,
 * e1000_configure_tx/rx).
 */
#include <irqlab/kernel.h>
#include <irqlab/slab.h>
#include <irqlab/mm.h>
#include <irqlab/gfp.h>
#include <irqlab/errno.h>
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

int e1000_setup_tx_resources(struct e1000_adapter *adapter)
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

int e1000_setup_rx_resources(struct e1000_adapter *adapter)
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
void e1000_free_tx_resources(struct e1000_adapter *adapter)
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

void e1000_free_rx_resources(struct e1000_adapter *adapter)
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

int e1000_configure_rx(struct e1000_adapter *adapter)
{
	struct e1000_rx_ring *ring = &adapter->rx_ring;
	int i, err;

	ew32(adapter, E1000_RCTL, 0);
	for (i = 0; i < 128; i++)
		ew32(adapter, E1000_MTA + 4 * i, 0);
	/* Interrupt at once; ITR alone decides how often (Linux's default). */
	ew32(adapter, E1000_RDTR, 0);
	ew32(adapter, E1000_RADV, 8);
	e1000_write_itr(adapter, adapter->itr_setting ? adapter->itr : 0);
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
