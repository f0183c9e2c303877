// SPDX-License-Identifier: GPL-2.0
/*
 * UDP (Linux's net/ipv4/udp.c) with an in-kernel socket API: a socket is
 * bound to a port and has a receive queue with a limit in datagrams
 * (Linux's sk_rcvbuf counts bytes; a datagram count keeps the accounting
 * exact for the tests).  NET_RX queues and wakes; a thread receives.
 */
#include <irqlab/net.h>
#include <irqlab/etherdevice.h>
#include <irqlab/errno.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>

DEFINE_PER_CPU(struct udp_mib, udp_statistics);

static struct udp_sock *udp_socks;
static DEFINE_SPINLOCK(udp_lock);

struct udp_sock *udp_sock_bind(u16 port, unsigned int rcvbuf_limit)
{
	struct udp_sock *sk, *s;
	unsigned long flags;

	sk = kzalloc(sizeof(*sk), GFP_KERNEL);
	if (!sk)
		return NULL;
	sk->port = port;
	sk->rcvbuf_limit = rcvbuf_limit;
	skb_queue_head_init(&sk->receive_queue);
	init_waitqueue_head(&sk->wq);

	spin_lock_irqsave(&udp_lock, flags);
	for (s = udp_socks; s; s = s->next)
		if (s->port == port)
			break;
	if (!s) {
		sk->next = udp_socks;
		udp_socks = sk;
	}
	spin_unlock_irqrestore(&udp_lock, flags);
	if (s) {		/* EADDRINUSE */
		kfree(sk);
		return NULL;
	}
	return sk;
}

void udp_sock_release(struct udp_sock *sk)
{
	struct udp_sock **pp;
	unsigned long flags;

	spin_lock_irqsave(&udp_lock, flags);
	for (pp = &udp_socks; *pp; pp = &(*pp)->next)
		if (*pp == sk) {
			*pp = sk->next;
			break;
		}
	spin_unlock_irqrestore(&udp_lock, flags);
	/* Nobody delivers to it now: what it held was never received. */
	while (!skb_queue_empty(&sk->receive_queue))
		kfree_skb_reason(skb_dequeue(&sk->receive_queue),
				 SKB_DROP_REASON_SOCKET_CLOSE);
	kfree(sk);
}

int udp_rcv(struct sk_buff *skb)
{
	const u8 *iph = skb_network_header(skb);
	struct udp_sock *sk;
	struct np_udp udp;
	unsigned long flags;
	u32 saddr, daddr;
	int r;

	memcpy(&saddr, iph + 12, 4);
	memcpy(&daddr, iph + 16, 4);
	r = np_udp_parse(skb->data, skb->len, saddr, daddr, &udp);
	if (r) {
		if (r == SKB_DROP_REASON_UDP_CSUM)
			__UDP_INC_STATS(UDP_MIB_CSUMERRORS);
		__UDP_INC_STATS(UDP_MIB_INERRORS);
		kfree_skb_reason(skb, r);
		return NET_RX_DROP;
	}

	spin_lock_irqsave(&udp_lock, flags);
	for (sk = udp_socks; sk; sk = sk->next)
		if (sk->port == udp.dest)
			break;
	if (!sk) {
		spin_unlock_irqrestore(&udp_lock, flags);
		__UDP_INC_STATS(UDP_MIB_NOPORTS);
		kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
		return NET_RX_DROP;
	}
	/* The socket's lock nests in udp_lock so release cannot race. */
	spin_lock(&sk->receive_queue.lock);
	if (skb_queue_len(&sk->receive_queue) >= sk->rcvbuf_limit) {
		sk->rx_dropped++;
		spin_unlock(&sk->receive_queue.lock);
		spin_unlock_irqrestore(&udp_lock, flags);
		__UDP_INC_STATS(UDP_MIB_RCVBUFERRORS);
		__UDP_INC_STATS(UDP_MIB_INERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_SOCKET_RCVBUFF);
		return NET_RX_DROP;
	}
	UDP_SKB_CB(skb)->saddr = saddr;
	UDP_SKB_CB(skb)->daddr = daddr;
	UDP_SKB_CB(skb)->sport = udp.source;
	UDP_SKB_CB(skb)->dport = udp.dest;
	skb_trim(skb, udp.ulen);
	skb_pull(skb, NP_UDP_HLEN);
	__skb_queue_tail(&sk->receive_queue, skb);
	sk->rx_queued++;
	__UDP_INC_STATS(UDP_MIB_INDATAGRAMS);
	spin_unlock(&sk->receive_queue.lock);
	wake_up(&sk->wq);
	spin_unlock_irqrestore(&udp_lock, flags);
	return NET_RX_SUCCESS;
}

struct sk_buff *udp_recv(struct udp_sock *sk, long timeout)
{
	struct sk_buff *skb;

	for (;;) {
		skb = skb_dequeue(&sk->receive_queue);
		if (skb || !timeout)
			return skb;
		timeout = wait_event_interruptible_timeout(sk->wq,
				!skb_queue_empty(&sk->receive_queue), timeout);
		if (timeout <= 0)
			return skb_dequeue(&sk->receive_queue);
	}
}

int udp_sendto(struct udp_sock *sk, const void *data, unsigned int len,
	       u32 daddr, u16 dport)
{
	struct net_device *dev;
	struct sk_buff *skb;
	u32 nexthop, saddr;
	u16 csum;
	u8 *uh;
	int err;

	if (len > ETH_DATA_LEN - NP_IP_HLEN - NP_UDP_HLEN)
		return -EMSGSIZE;
	dev = ip_route_output(daddr, &nexthop);
	if (!dev) {
		IP_INC_STATS(IPSTATS_MIB_OUTNOROUTES);
		return -ENETUNREACH;
	}
	saddr = dev->ip_addr;
	skb = alloc_skb(NET_HEADROOM + NP_UDP_HLEN + len, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, NET_HEADROOM);
	uh = skb_put(skb, NP_UDP_HLEN + len);
	put_be16(uh, sk->port);
	put_be16(uh + 2, dport);
	put_be16(uh + 4, NP_UDP_HLEN + len);
	uh[6] = uh[7] = 0;
	memcpy(uh + NP_UDP_HLEN, data, len);
	csum = csum_fold(csum_tcpudp_nofold(saddr, daddr, NP_UDP_HLEN + len,
					    IPPROTO_UDP,
					    csum_partial(uh, NP_UDP_HLEN + len, 0)));
	if (!csum)
		csum = 0xffff;	/* 0 would mean "no checksum" */
	memcpy(uh + 6, &csum, 2);
	skb_reset_transport_header(skb);
	/* Routed above for the source address: ip_send would route again. */
	err = ip_send_route(skb, dev, nexthop, saddr, daddr, IPPROTO_UDP);
	/*
	 * Linux's udp_send_skb.  Its sendto() then hides -ENOBUFS unless
	 * IP_RECVERR is set; this in-kernel socket always reports it.
	 */
	if (!err)
		UDP_INC_STATS(UDP_MIB_OUTDATAGRAMS);
	else if (err == -ENOBUFS)
		UDP_INC_STATS(UDP_MIB_SNDBUFERRORS);
	return err;
}
