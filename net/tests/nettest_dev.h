/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake Ethernet device for the net ktests: no hardware, no loopback.
 * Its ndo_start_xmit captures every frame it is given, and frames are
 * injected into the stack as a driver's poll would (eth_type_trans, then
 * netif_receive_skb in softirq-like context).  It lives on its own subnet
 * (192.168.77.0/24) so that a real eth0 never routes its replies.
 */
#ifndef _NET_TESTS_NETTEST_DEV_H
#define _NET_TESTS_NETTEST_DEV_H

#include <irqlab/net.h>
#include <irqlab/etherdevice.h>
#include <irqlab/neighbour.h>

#define KT_IP		0x014da8c0	/* 192.168.77.1, network order */
#define KT_PEER_IP	0x024da8c0	/* 192.168.77.2 */
#define KT_MASK		0x00ffffff	/* /24 */

extern const u8 kt_peer_mac[ETH_ALEN];
/* Non-zero: ndo_start_xmit returns NETDEV_TX_BUSY and stops the queue. */
extern int kt_busy;
/*
 * Non-zero: an ARP request for KT_PEER_IP is answered (a unicast reply
 * from kt_peer_mac) from inside ndo_start_xmit, before the sender of the
 * request has returned: the fastest neighbour there can be.
 */
extern int kt_arp_responder;

struct net_device *kt_dev(void);
/* Drops every captured frame and the ARP cache; the responder off. */
void kt_reset(void);
/* The next captured frame, waiting up to ms; NULL if none came. */
struct sk_buff *kt_captured(unsigned int ms);
unsigned int kt_captured_len(void);
/* Feeds len bytes of frame to the stack as a received frame. */
void kt_inject(const u8 *frame, unsigned int len);

/* Builders: fill f (room for 1514 bytes) and return the frame length. */
unsigned int kt_build_arp(u8 *f, u16 op, u32 sip, u32 tip, const u8 *dmac);
unsigned int kt_build_udp(u8 *f, u16 sport, u16 dport, const void *data,
			  unsigned int n);
unsigned int kt_build_icmp_echo(u8 *f, u16 id, u16 seq, const void *data,
				unsigned int n);
/*
 * A UDP frame of flow sport -> dport from the peer, in an skb as a driver
 * would hand it to the stack (protocol set); NULL without memory.
 */
struct sk_buff *kt_udp_skb(struct net_device *dev, u16 sport, u16 dport);
/* A minimum-size frame filled with tag, ready for dev_queue_xmit(). */
struct sk_buff *kt_tx_skb(struct net_device *dev, u8 tag);
/* Fixes the IPv4 header checksum of the frame after edits. */
void kt_fix_ip_csum(u8 *f);

#endif /* _NET_TESTS_NETTEST_DEV_H */
