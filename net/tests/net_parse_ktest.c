// SPDX-License-Identifier: GPL-2.0
/*
 * The receive path end to end on a fake device (nettest_dev.c): every
 * kind of malformed frame is dropped and counted under the right reason,
 * ARP requests are answered, echo requests get a correct reply, UDP to
 * port 7 comes back through the udp-echo thread, and a socket's queue
 * limit drops and counts what does not fit.
 */
#include <irqlab/ktest.h>
#include <irqlab/slab.h>
#include <irqlab/jiffies.h>
#include "nettest_dev.h"

#define WAIT_MS	5000	/* liveness bound only: nothing is timed */

static u8 *frame_buf(struct ktest *t)
{
	static u8 *buf;

	if (!buf)
		buf = kmalloc(ETH_FRAME_LEN, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, buf);
	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	return buf;
}

/* Injects f and checks that exactly one drop was counted for reason. */
static void expect_drop(struct ktest *t, const u8 *f, unsigned int len,
			enum skb_drop_reason reason)
{
	unsigned long before = skb_drop_count(reason);

	kt_inject(f, len);
	if (skb_drop_count(reason) != before + 1)
		ktest_fail_msg(t, __FILE__, __LINE__,
			       "%s: count %lu -> %lu, expected +1",
			       skb_drop_reason_name(reason), before,
			       skb_drop_count(reason));
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
}

/* Makes the peer known to ARP, as its first request would. */
static void learn_peer(struct ktest *t, u8 *f)
{
	struct sk_buff *skb;

	kt_inject(f, kt_build_arp(f, ARPOP_REQUEST, KT_PEER_IP, KT_IP,
				  kt_dev()->broadcast));
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	consume_skb(skb);
}

static void malformed_link_and_arp(struct ktest *t)
{
	u8 *f = frame_buf(t);
	unsigned int n;

	n = kt_build_arp(f, ARPOP_REQUEST, KT_PEER_IP, KT_IP,
			 kt_dev()->broadcast);
	expect_drop(t, f, 10, SKB_DROP_REASON_PKT_TOO_SMALL);
	expect_drop(t, f, ETH_HLEN + 20, SKB_DROP_REASON_PKT_TOO_SMALL);
	put_be16(f + 12, 0x86dd);
	expect_drop(t, f, n, SKB_DROP_REASON_UNHANDLED_PROTO);
	n = kt_build_arp(f, ARPOP_REQUEST, KT_PEER_IP, KT_IP,
			 kt_dev()->broadcast);
	f[ETH_HLEN + 1] = 6;			/* hardware type */
	expect_drop(t, f, n, SKB_DROP_REASON_ARP_INVALID);
	n = kt_build_arp(f, 7, KT_PEER_IP, KT_IP, kt_dev()->broadcast);
	expect_drop(t, f, n, SKB_DROP_REASON_ARP_INVALID);
	/* Unicast to another host's MAC. */
	n = kt_build_arp(f, ARPOP_REQUEST, KT_PEER_IP, KT_IP, kt_peer_mac);
	expect_drop(t, f, n, SKB_DROP_REASON_OTHERHOST);
}

static void malformed_ipv4(struct ktest *t)
{
	u8 *f = frame_buf(t), *ip = f + ETH_HLEN;
	unsigned int n;
	u32 other = 0x094da8c0;	/* 192.168.77.9, not us */

	n = kt_build_udp(f, 1000, 7, "x", 1);
	ip[0] = 0x65;
	kt_fix_ip_csum(f);
	expect_drop(t, f, n, SKB_DROP_REASON_IP_INHDR);
	n = kt_build_udp(f, 1000, 7, "x", 1);
	ip[0] = 0x44;
	expect_drop(t, f, n, SKB_DROP_REASON_IP_INHDR);
	n = kt_build_udp(f, 1000, 7, "x", 1);
	ip[10] ^= 0x10;
	expect_drop(t, f, n, SKB_DROP_REASON_IP_CSUM);
	n = kt_build_udp(f, 1000, 7, "x", 1);
	put_be16(ip + 2, 1000);			/* beyond the frame */
	kt_fix_ip_csum(f);
	expect_drop(t, f, n, SKB_DROP_REASON_PKT_TOO_SMALL);
	n = kt_build_udp(f, 1000, 7, "x", 1);
	put_be16(ip + 6, IP_MF);
	kt_fix_ip_csum(f);
	expect_drop(t, f, n, SKB_DROP_REASON_IP_FRAG);
	n = kt_build_udp(f, 1000, 7, "x", 1);
	put_be16(ip + 6, 100);			/* a later fragment */
	kt_fix_ip_csum(f);
	expect_drop(t, f, n, SKB_DROP_REASON_IP_FRAG);
	n = kt_build_udp(f, 1000, 7, "x", 1);
	memcpy(ip + 16, &other, 4);
	kt_fix_ip_csum(f);
	expect_drop(t, f, n, SKB_DROP_REASON_IP_INADDRERRORS);
	n = kt_build_udp(f, 1000, 7, "x", 1);
	ip[9] = 6;				/* TCP */
	kt_fix_ip_csum(f);
	expect_drop(t, f, n, SKB_DROP_REASON_IP_NOPROTO);
	n = kt_build_udp(f, 1000, 7, "x", 1);
	memcpy(f, kt_peer_mac, ETH_ALEN);	/* not our MAC */
	expect_drop(t, f, n, SKB_DROP_REASON_OTHERHOST);
}

static void malformed_icmp_udp(struct ktest *t)
{
	u8 *f = frame_buf(t), *l4 = f + ETH_HLEN + NP_IP_HLEN;
	unsigned int n;

	n = kt_build_icmp_echo(f, 1, 1, "abcdefgh", 8);
	l4[NP_ICMP_HLEN] ^= 1;
	expect_drop(t, f, n, SKB_DROP_REASON_ICMP_CSUM);
	n = kt_build_udp(f, 1000, 7, "hello", 5);
	l4[NP_UDP_HLEN] ^= 1;
	expect_drop(t, f, n, SKB_DROP_REASON_UDP_CSUM);
	n = kt_build_udp(f, 1000, 7, "hello", 5);
	put_be16(l4 + 4, 100);			/* UDP length beyond the IP */
	expect_drop(t, f, n, SKB_DROP_REASON_PKT_TOO_SMALL);
	n = kt_build_udp(f, 1000, 4242, "hello", 5);
	expect_drop(t, f, n, SKB_DROP_REASON_NO_SOCKET);
}

static void arp_request_is_answered(struct ktest *t)
{
	u8 *f = frame_buf(t);
	struct net_device *dev = kt_dev();
	struct neighbour *n;
	struct sk_buff *skb;
	const u8 *e, *a;
	u32 v;

	kt_inject(f, kt_build_arp(f, ARPOP_REQUEST, KT_PEER_IP, KT_IP,
				  dev->broadcast));
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	e = skb->data;
	a = e + ETH_HLEN;
	KTEST_ASSERT_GE(t, skb->len, ETH_HLEN + NP_ARP_LEN);
	KTEST_EXPECT_TRUE(t, ether_addr_equal(e, kt_peer_mac));
	KTEST_EXPECT_TRUE(t, ether_addr_equal(e + 6, dev->dev_addr));
	KTEST_EXPECT_EQ(t, get_be16(e + 12), ETH_P_ARP);
	KTEST_EXPECT_EQ(t, get_be16(a + 6), ARPOP_REPLY);
	KTEST_EXPECT_TRUE(t, ether_addr_equal(a + 8, dev->dev_addr));
	memcpy(&v, a + 14, 4);
	KTEST_EXPECT_EQ(t, v, KT_IP);
	KTEST_EXPECT_TRUE(t, ether_addr_equal(a + 18, kt_peer_mac));
	memcpy(&v, a + 24, 4);
	KTEST_EXPECT_EQ(t, v, KT_PEER_IP);
	consume_skb(skb);
	/* A request for us teaches the cache the sender, unconfirmed. */
	n = neigh_lookup(&arp_tbl, KT_PEER_IP, dev);
	KTEST_ASSERT_NOT_NULL(t, n);
	KTEST_EXPECT_EQ(t, n->nud_state, NUD_STALE);
	KTEST_EXPECT_TRUE(t, ether_addr_equal(n->ha, kt_peer_mac));
	neigh_release(n);
	/* One for another address is not answered. */
	kt_inject(f, kt_build_arp(f, ARPOP_REQUEST, KT_PEER_IP, 0x094da8c0,
				  dev->broadcast));
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
}

static void icmp_echo_is_answered(struct ktest *t)
{
	static const char data[] = "irqlab ping payload 0123456789";
	u8 *f = frame_buf(t);
	struct sk_buff *skb;
	const u8 *ip, *ic;
	u32 v;

	learn_peer(t, f);
	kt_inject(f, kt_build_icmp_echo(f, 0xbeef, 7, data, sizeof(data)));
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_ASSERT_EQ(t, skb->len, ETH_HLEN + NP_IP_HLEN + NP_ICMP_HLEN +
			sizeof(data));
	KTEST_EXPECT_TRUE(t, ether_addr_equal(skb->data, kt_peer_mac));
	ip = skb->data + ETH_HLEN;
	ic = ip + NP_IP_HLEN;
	KTEST_EXPECT_EQ(t, ip_compute_csum(ip, NP_IP_HLEN), 0);
	KTEST_EXPECT_EQ(t, ip[9], IPPROTO_ICMP);
	memcpy(&v, ip + 12, 4);
	KTEST_EXPECT_EQ(t, v, KT_IP);
	memcpy(&v, ip + 16, 4);
	KTEST_EXPECT_EQ(t, v, KT_PEER_IP);
	KTEST_EXPECT_EQ(t, ic[0], ICMP_ECHOREPLY);
	KTEST_EXPECT_EQ(t, get_be16(ic + 4), 0xbeef);
	KTEST_EXPECT_EQ(t, get_be16(ic + 6), 7);
	KTEST_EXPECT_EQ(t, ip_compute_csum(ic, NP_ICMP_HLEN + sizeof(data)), 0);
	KTEST_EXPECT_EQ(t, memcmp(ic + NP_ICMP_HLEN, data, sizeof(data)), 0);
	consume_skb(skb);
}

static void udp_echo_returns_payload(struct ktest *t)
{
	u8 *f = frame_buf(t), data[200];
	struct sk_buff *skb;
	const u8 *ip, *uh;
	unsigned long before = udp_echo_count();
	unsigned int i;
	u32 s, d;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (u8)(i * 13 + 5);
	learn_peer(t, f);
	kt_inject(f, kt_build_udp(f, 40001, UDP_ECHO_PORT, data, sizeof(data)));
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_ASSERT_EQ(t, skb->len, ETH_HLEN + NP_IP_HLEN + NP_UDP_HLEN +
			sizeof(data));
	ip = skb->data + ETH_HLEN;
	uh = ip + NP_IP_HLEN;
	KTEST_EXPECT_EQ(t, ip[9], IPPROTO_UDP);
	KTEST_EXPECT_EQ(t, get_be16(uh), UDP_ECHO_PORT);
	KTEST_EXPECT_EQ(t, get_be16(uh + 2), 40001);
	KTEST_EXPECT_EQ(t, get_be16(uh + 4), NP_UDP_HLEN + sizeof(data));
	memcpy(&s, ip + 12, 4);
	memcpy(&d, ip + 16, 4);
	KTEST_EXPECT_EQ(t, d, KT_PEER_IP);
	/* The checksum over the pseudo header verifies. */
	KTEST_EXPECT_EQ(t, csum_fold(csum_tcpudp_nofold(s, d,
				NP_UDP_HLEN + sizeof(data), IPPROTO_UDP,
				csum_partial(uh, NP_UDP_HLEN + sizeof(data),
					     0))), 0);
	KTEST_EXPECT_EQ(t, memcmp(uh + NP_UDP_HLEN, data, sizeof(data)), 0);
	consume_skb(skb);
	KTEST_EXPECT_EQ(t, udp_echo_count(), before + 1);
}

static void udp_queue_limit_drops(struct ktest *t)
{
	u8 *f = frame_buf(t);
	unsigned long before = skb_drop_count(SKB_DROP_REASON_SOCKET_RCVBUFF);
	struct udp_sock *sk = udp_sock_bind(5555, 4);
	struct sk_buff *skb;
	u8 i;

	KTEST_ASSERT_NOT_NULL(t, sk);
	/* A second bind of the port is refused. */
	KTEST_EXPECT_NULL(t, udp_sock_bind(5555, 4));
	for (i = 0; i < 10; i++)
		kt_inject(f, kt_build_udp(f, 1000 + i, 5555, &i, 1));
	KTEST_EXPECT_EQ(t, sk->rx_queued, 4);
	KTEST_EXPECT_EQ(t, sk->rx_dropped, 6);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_SOCKET_RCVBUFF),
			before + 6);
	/* The first four, in order, exact, with their source. */
	for (i = 0; i < 4; i++) {
		skb = udp_recv(sk, 0);
		KTEST_ASSERT_NOT_NULL(t, skb);
		KTEST_EXPECT_EQ(t, skb->len, 1);
		KTEST_EXPECT_EQ(t, skb->data[0], i);
		KTEST_EXPECT_EQ(t, UDP_SKB_CB(skb)->sport, 1000 + i);
		KTEST_EXPECT_EQ(t, UDP_SKB_CB(skb)->saddr, KT_PEER_IP);
		consume_skb(skb);
	}
	KTEST_EXPECT_NULL(t, udp_recv(sk, 0));
	udp_sock_release(sk);
}

static void unresolved_send_waits_for_arp(struct ktest *t)
{
	u8 *f = frame_buf(t);
	struct udp_sock *sk = udp_sock_bind(5556, 4);
	struct sk_buff *skb;
	const u8 *a;
	u32 v;

	KTEST_ASSERT_NOT_NULL(t, sk);
	KTEST_EXPECT_EQ(t, udp_sendto(sk, "held", 4, KT_PEER_IP, 9), 0);
	/* First an ARP request for the next hop... */
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	a = skb->data + ETH_HLEN;
	KTEST_EXPECT_TRUE(t, is_broadcast_ether_addr(skb->data));
	KTEST_EXPECT_EQ(t, get_be16(skb->data + 12), ETH_P_ARP);
	KTEST_EXPECT_EQ(t, get_be16(a + 6), ARPOP_REQUEST);
	memcpy(&v, a + 24, 4);
	KTEST_EXPECT_EQ(t, v, KT_PEER_IP);
	consume_skb(skb);
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
	/* ...then, once the reply comes, the held datagram. */
	kt_inject(f, kt_build_arp(f, ARPOP_REPLY, KT_PEER_IP, KT_IP,
				  kt_dev()->dev_addr));
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_TRUE(t, ether_addr_equal(skb->data, kt_peer_mac));
	KTEST_EXPECT_EQ(t, get_be16(skb->data + 12), ETH_P_IP);
	KTEST_EXPECT_EQ(t, memcmp(skb->data + skb->len - 4, "held", 4), 0);
	consume_skb(skb);
	udp_sock_release(sk);
}

static void gratuitous_arp_at_link_up(struct ktest *t)
{
	struct net_device *dev;
	struct sk_buff *skb;
	const u8 *a;
	u32 sip, tip;

	frame_buf(t);
	dev = kt_dev();
	netif_carrier_off(dev);
	KTEST_EXPECT_FALSE(t, netif_carrier_ok(dev));
	netif_carrier_on(dev);
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	a = skb->data + ETH_HLEN;
	KTEST_EXPECT_TRUE(t, is_broadcast_ether_addr(skb->data));
	KTEST_EXPECT_EQ(t, get_be16(a + 6), ARPOP_REQUEST);
	memcpy(&sip, a + 14, 4);
	memcpy(&tip, a + 24, 4);
	KTEST_EXPECT_EQ(t, sip, KT_IP);
	KTEST_EXPECT_EQ(t, tip, KT_IP);
	consume_skb(skb);
	/* Carrier already on: no second announcement. */
	netif_carrier_on(dev);
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
}

static const struct ktest_case net_parse_cases[] = {
	KTEST_CASE(malformed_link_and_arp),
	KTEST_CASE(malformed_ipv4),
	KTEST_CASE(malformed_icmp_udp),
	KTEST_CASE(arp_request_is_answered),
	KTEST_CASE(icmp_echo_is_answered),
	KTEST_CASE(udp_echo_returns_payload),
	KTEST_CASE(udp_queue_limit_drops),
	KTEST_CASE(unresolved_send_waits_for_arp),
	KTEST_CASE(gratuitous_arp_at_link_up),
	{}
};
KTEST_SUITE(net_parse, net_parse_cases);
