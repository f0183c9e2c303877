// SPDX-License-Identifier: GPL-2.0
/*
 * Socket buffers (Linux's net/core/skbuff.c, one linear buffer each).
 * The descriptor and the data are one kmalloc: a frame is one allocation
 * and one free, which keeps the receive path cheap without a page pool.
 */
#include <irqlab/skbuff.h>
#include <irqlab/netdevice.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>

struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp)
{
	struct sk_buff *skb;

	skb = kmalloc(sizeof(*skb) + size, gfp);
	if (!skb)
		return NULL;
	memset(skb, 0, sizeof(*skb));
	skb->head = (unsigned char *)(skb + 1);
	skb->data = skb->head;
	skb->end = size;
	skb->truesize = SKB_TRUESIZE(size);
	return skb;
}

struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len + NET_SKB_PAD, GFP_ATOMIC);

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD);
	skb->dev = dev;
	return skb;
}

static void __kfree_skb(struct sk_buff *skb)
{
	/* A driver's destructor takes the buffer back to its ring. */
	if (skb->destructor) {
		skb->destructor(skb);
		return;
	}
	kfree(skb);
}

void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason)
{
	if (!skb)
		return;
	skb_drop_count_add(reason);
	__kfree_skb(skb);
}

void consume_skb(struct sk_buff *skb)
{
	if (skb)
		__kfree_skb(skb);
}

void *skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb_tail_pointer(skb);

	if (len > skb_tailroom(skb))
		panic("skb_over_panic: len:%u put:%u end:%u", skb->len, len,
		      skb->end);
	skb->tail += len;
	skb->len += len;
	return tmp;
}

void *skb_push(struct sk_buff *skb, unsigned int len)
{
	if (len > skb_headroom(skb))
		panic("skb_under_panic: len:%u push:%u headroom:%u", skb->len,
		      len, skb_headroom(skb));
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb->len)
		return NULL;
	skb->len -= len;
	skb->data += len;
	return skb->data;
}

void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (len < skb->len) {
		skb->len = len;
		skb->tail = skb->data - skb->head + len;
	}
}

void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_tail(list, newsk);
	spin_unlock_irqrestore(&list->lock, flags);
}

struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb;
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	skb = __skb_dequeue(list);
	spin_unlock_irqrestore(&list->lock, flags);
	return skb;
}

void skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(list)))
		kfree_skb(skb);
}
