/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irqlab's small IPv4 stack (net/ipv4, net/ethernet): the protocol entry
 * points the core dispatches to, ARP, and the in-kernel UDP socket API.
 */
#ifndef _IRQLAB_NET_H
#define _IRQLAB_NET_H

#include <irqlab/netdevice.h>
#include <irqlab/net_proto.h>
#include <irqlab/wait.h>
#include <irqlab/snmp.h>

/* Receive handlers (data at the network header; they consume skb). */
int arp_rcv(struct sk_buff *skb);
int ip_rcv(struct sk_buff *skb);
int icmp_rcv(struct sk_buff *skb);
int udp_rcv(struct sk_buff *skb);

/* ARP (net/ipv4/arp.c) over the neighbour cache (irqlab/neighbour.h) */
struct neigh_table;
extern struct neigh_table arp_tbl;
void arp_init(void);
void arp_send_gratuitous(struct net_device *dev);
/* `ip neigh`'s lines. */
void arp_ip_neigh_show(void);

/*
 * Sends skb (data at the IP payload) to daddr, building the IP header;
 * consumes skb.  0 or -errno.
 */
int ip_send(struct sk_buff *skb, u32 saddr, u32 daddr, u8 protocol);
/* ip_send() for a caller that has already routed daddr to dev/nexthop. */
int ip_send_route(struct sk_buff *skb, struct net_device *dev, u32 nexthop,
		  u32 saddr, u32 daddr, u8 protocol);
/* The device to reach daddr and the next hop on it (Linux: the FIB). */
struct net_device *ip_route_output(u32 daddr, u32 *nexthop);
/* "A.B.C.D" of a network-order address into buf (16 bytes suffice). */
void fmt_ip(char *buf, size_t len, u32 addr);
/* Headroom a sender reserves before the IP payload. */
#define NET_HEADROOM	(NET_SKB_PAD + 14 + 20)

/* UDP sockets (net/ipv4/udp.c) */
struct udp_sock {
	u16 port;			/* host order */
	unsigned int rcvbuf_limit;	/* datagrams queued at most */
	struct sk_buff_head receive_queue;
	struct wait_queue_head wq;
	unsigned long rx_queued;	/* delivered to the queue */
	unsigned long rx_dropped;	/* refused at the limit */
	struct udp_sock *next;
};

/* Source address and port of a received datagram, in skb->cb. */
struct udp_skb_cb {
	u32 saddr, daddr;	/* network order */
	u16 sport, dport;	/* host order */
};
#define UDP_SKB_CB(skb)	((struct udp_skb_cb *)(skb)->cb)

struct udp_sock *udp_sock_bind(u16 port, unsigned int rcvbuf_limit);
void udp_sock_release(struct udp_sock *sk);
/*
 * The next datagram (data at the payload, skb->len its length, source in
 * UDP_SKB_CB), waiting up to timeout jiffies (MAX_SCHEDULE_TIMEOUT: for
 * ever); NULL on timeout.  The caller frees it with consume_skb().
 */
struct sk_buff *udp_recv(struct udp_sock *sk, long timeout);
/* Sends len bytes from sport to daddr:dport (network order daddr). */
int udp_sendto(struct udp_sock *sk, const void *data, unsigned int len,
	       u32 daddr, u16 dport);


/* The udp-echo service on port 7 (net/ipv4/udp_echo.c). */
#define UDP_ECHO_PORT		7
#define UDP_ECHO_RCVBUF		256	/* datagrams */
extern struct udp_sock *udp_echo_sock;
unsigned long udp_echo_count(void);

void ip_config_apply(struct net_device *dev);

#endif /* _IRQLAB_NET_H */
