/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Socket buffers, Linux's struct sk_buff cut down to one linear buffer:
 * head..end is the allocation, data..data+len the bytes in use.  Header
 * offsets are kept relative to head, as Linux does on 64-bit, so a buffer
 * can be recycled without rewriting pointers.
 */
#ifndef _IRQLAB_SKBUFF_H
#define _IRQLAB_SKBUFF_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>
#include <irqlab/spinlock.h>
#include <irqlab/gfp.h>

struct net_device;

#include <irqlab/skbuff_reasons.h>

#define NET_SKB_PAD	64	/* headroom drivers reserve, as Linux's */

/*
 * What a buffer of X data bytes is charged for, Linux's SKB_TRUESIZE with
 * its x86_64 sizes: X, plus struct sk_buff and struct skb_shared_info,
 * each cache-aligned.  Byte limits taken from Linux (unres_qlen_bytes)
 * then hold as many frames as they do there.
 */
#define SKB_LINUX_SKBUFF_SIZE	256
#define SKB_LINUX_SHINFO_SIZE	320
#define SKB_TRUESIZE(X)		((X) + SKB_LINUX_SKBUFF_SIZE + \
				 SKB_LINUX_SHINFO_SIZE)
#define NET_IP_ALIGN	2	/* puts the IP header on a 4-byte boundary */

struct sk_buff {
	struct sk_buff *next, *prev;
	struct net_device *dev;
	unsigned char *head, *data;
	unsigned int len;
	unsigned int end;		/* buffer size: head + end is the limit */
	unsigned int tail;		/* offset of data + len from head */
	unsigned int truesize;		/* SKB_TRUESIZE(end) */
	u16 protocol;			/* ethertype, network byte order */
	u16 mac_header, network_header, transport_header;
	u32 hash;			/* flow hash (RPS) */
	u8 pkt_type;			/* PACKET_HOST, PACKET_BROADCAST... */
	void (*destructor)(struct sk_buff *skb);
	void *cb_priv;
	char cb[48];			/* per-layer scratch, as Linux's */
};

/* skb->pkt_type, Linux's values */
#define PACKET_HOST		0
#define PACKET_BROADCAST	1
#define PACKET_MULTICAST	2
#define PACKET_OTHERHOST	3
#define PACKET_OUTGOING		4

struct sk_buff_head {
	struct sk_buff *next, *prev;
	u32 qlen;
	spinlock_t lock;
};

struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp);
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int len);
void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason);
/* Frees a buffer that was used as intended: not counted as a drop. */
void consume_skb(struct sk_buff *skb);
static inline void kfree_skb(struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
}

static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb)
{
	return skb->head + skb->tail;
}

static inline unsigned int skb_headroom(const struct sk_buff *skb)
{
	return skb->data - skb->head;
}

static inline unsigned int skb_tailroom(const struct sk_buff *skb)
{
	return skb->end - skb->tail;
}

static inline void skb_reserve(struct sk_buff *skb, unsigned int len)
{
	skb->data += len;
	skb->tail += len;
}

/* These BUG on misuse, as Linux's skb_over_panic/skb_under_panic. */
void *skb_put(struct sk_buff *skb, unsigned int len);
void *skb_push(struct sk_buff *skb, unsigned int len);
/* Returns the new data pointer, or NULL (and changes nothing) if len > skb->len. */
void *skb_pull(struct sk_buff *skb, unsigned int len);
void skb_trim(struct sk_buff *skb, unsigned int len);

static inline bool pskb_may_pull(struct sk_buff *skb, unsigned int len)
{
	return len <= skb->len;	/* linear buffers only */
}

static inline void skb_reset_mac_header(struct sk_buff *skb)
{
	skb->mac_header = skb->data - skb->head;
}

static inline void skb_reset_network_header(struct sk_buff *skb)
{
	skb->network_header = skb->data - skb->head;
}

static inline void skb_reset_transport_header(struct sk_buff *skb)
{
	skb->transport_header = skb->data - skb->head;
}

static inline void skb_set_transport_header(struct sk_buff *skb, int offset)
{
	skb->transport_header = skb->data - skb->head + offset;
}

static inline void skb_set_network_header(struct sk_buff *skb, int offset)
{
	skb->network_header = skb->data - skb->head + offset;
}

static inline unsigned char *skb_mac_header(const struct sk_buff *skb)
{
	return skb->head + skb->mac_header;
}

static inline unsigned char *skb_network_header(const struct sk_buff *skb)
{
	return skb->head + skb->network_header;
}

static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{
	return skb->head + skb->transport_header;
}

static inline void skb_queue_head_init(struct sk_buff_head *list)
{
	spin_lock_init(&list->lock);
	list->next = list->prev = (struct sk_buff *)list;
	list->qlen = 0;
}

static inline u32 skb_queue_len(const struct sk_buff_head *list)
{
	return READ_ONCE(list->qlen);
}

static inline bool skb_queue_empty(const struct sk_buff_head *list)
{
	return list->next == (const struct sk_buff *)list;
}

static inline void __skb_queue_tail(struct sk_buff_head *list,
				    struct sk_buff *newsk)
{
	struct sk_buff *prev = list->prev;

	newsk->next = (struct sk_buff *)list;
	newsk->prev = prev;
	prev->next = newsk;
	list->prev = newsk;
	WRITE_ONCE(list->qlen, list->qlen + 1);
}

static inline void __skb_queue_head(struct sk_buff_head *list,
				    struct sk_buff *newsk)
{
	struct sk_buff *next = list->next;

	newsk->next = next;
	newsk->prev = (struct sk_buff *)list;
	next->prev = newsk;
	list->next = newsk;
	WRITE_ONCE(list->qlen, list->qlen + 1);
}

static inline struct sk_buff *__skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb = list->next;

	if (skb == (struct sk_buff *)list)
		return NULL;
	list->next = skb->next;
	skb->next->prev = (struct sk_buff *)list;
	skb->next = skb->prev = NULL;
	WRITE_ONCE(list->qlen, list->qlen - 1);
	return skb;
}

/* Locked versions: irq-safe, as Linux's. */
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
void skb_queue_purge(struct sk_buff_head *list);

#endif /* _IRQLAB_SKBUFF_H */
