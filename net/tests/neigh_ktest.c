// SPDX-License-Identifier: GPL-2.0
/*
 * The neighbour cache under ARP (Linux's net/core/neighbour.c and
 * net/ipv4/arp.c), on the fake device: what waits for resolution is kept,
 * a neighbour in use is confirmed again without losing traffic, strangers
 * asking for us do not push it out, and a reply that comes while the
 * first datagram is on its way to the queue does not cost that datagram.
 */
#include <irqlab/ktest.h>
#include <irqlab/errno.h>
#include <irqlab/sysctl.h>
#include <irqlab/timer.h>
#include "nettest_dev.h"

#define WAIT_MS	5000	/* liveness bound only: nothing is timed */

static u8 frame[ETH_FRAME_LEN];

static bool is_arp_request(const struct sk_buff *skb)
{
	return skb->len >= ETH_HLEN + NP_ARP_LEN &&
	       get_be16(skb->data + 12) == ETH_P_ARP &&
	       get_be16(skb->data + ETH_HLEN + 6) == ARPOP_REQUEST;
}

static bool is_ip_to_peer(const struct sk_buff *skb)
{
	return skb->len >= ETH_HLEN + NP_IP_HLEN &&
	       get_be16(skb->data + 12) == ETH_P_IP &&
	       ether_addr_equal(skb->data, kt_peer_mac);
}

/* The last payload byte of a captured datagram: its sequence number. */
static u8 datagram_seq(const struct sk_buff *skb)
{
	return skb->data[skb->len - 1];
}

/* The peer asks for us: we answer, and learn it (Linux: STALE). */
static void learn_peer(struct ktest *t)
{
	struct sk_buff *skb;

	kt_inject(frame, kt_build_arp(frame, ARPOP_REQUEST, KT_PEER_IP, KT_IP,
				      kt_dev()->broadcast));
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	consume_skb(skb);
}

/*
 * Datagrams sent before the neighbour answers all wait in its queue
 * (Linux's arp_queue, bounded by unres_qlen_bytes): one request goes out,
 * and once the reply comes every datagram follows, in order.
 */
static void unresolved_queue_keeps_every_datagram(struct ktest *t)
{
	unsigned long qfull = skb_drop_count(SKB_DROP_REASON_NEIGH_QUEUEFULL);
	unsigned long failed = skb_drop_count(SKB_DROP_REASON_NEIGH_FAILED);
	struct udp_sock *sk;
	struct sk_buff *skb;
	u8 i;

	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	sk = udp_sock_bind(5570, 4);
	KTEST_ASSERT_NOT_NULL(t, sk);
	for (i = 0; i < 5; i++)
		KTEST_EXPECT_EQ(t, udp_sendto(sk, &i, 1, KT_PEER_IP, 9), 0);
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_TRUE(t, is_arp_request(skb));
	consume_skb(skb);
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);

	kt_inject(frame, kt_build_arp(frame, ARPOP_REPLY, KT_PEER_IP, KT_IP,
				      kt_dev()->dev_addr));
	for (i = 0; i < 5; i++) {
		skb = kt_captured(WAIT_MS);
		KTEST_ASSERT_NOT_NULL(t, skb);
		KTEST_EXPECT_TRUE(t, is_ip_to_peer(skb));
		KTEST_EXPECT_EQ(t, datagram_seq(skb), i);
		consume_skb(skb);
	}
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_NEIGH_QUEUEFULL),
			qfull);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_NEIGH_FAILED),
			failed);
	udp_sock_release(sk);
}

/*
 * The reply comes while the first datagram is still on its way: here the
 * peer answers from inside the transmit of our request.  Linux resolves
 * and queues under the neighbour's lock (neigh_resolve_output), so the
 * datagram goes out right after the request.
 */
static void reply_during_resolution_keeps_the_datagram(struct ktest *t)
{
	unsigned long failed = skb_drop_count(SKB_DROP_REASON_NEIGH_FAILED);
	struct udp_sock *sk;
	struct sk_buff *skb;
	u8 seq = 42;

	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	sk = udp_sock_bind(5571, 4);
	KTEST_ASSERT_NOT_NULL(t, sk);
	WRITE_ONCE(kt_arp_responder, 1);
	KTEST_EXPECT_EQ(t, udp_sendto(sk, &seq, 1, KT_PEER_IP, 9), 0);
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_TRUE(t, is_arp_request(skb));
	consume_skb(skb);
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_TRUE(t, is_ip_to_peer(skb));
	KTEST_EXPECT_EQ(t, datagram_seq(skb), seq);
	consume_skb(skb);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_NEIGH_FAILED),
			failed);
	kt_reset();
	udp_sock_release(sk);
}

/* Request from sender ip/mac for target tip (network order). */
static unsigned int arp_from(u8 *f, u32 ip, u8 mac_last, u32 tip)
{
	unsigned int n = kt_build_arp(f, ARPOP_REQUEST, ip, tip,
				      kt_dev()->broadcast);

	f[6 + 5] = mac_last;			/* Ethernet source */
	f[ETH_HLEN + 8 + 5] = mac_last;		/* sender hardware address */
	return n;
}

/*
 * Forty hosts ask for us, forty more for someone else: the neighbour we
 * are talking to stays.  Linux learns only the ones that ask for us, and
 * its garbage collector (gc_thresh1/2/3: 128, 512, 1024) only ever
 * removes entries nobody uses.
 */
static void strangers_do_not_evict_a_neighbour_in_use(struct ktest *t)
{
	struct udp_sock *sk;
	struct sk_buff *skb;
	u32 ip, other = 0xc84da8c0;	/* 192.168.77.200 */
	u8 seq = 7;
	int i;

	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	sk = udp_sock_bind(5572, 4);
	KTEST_ASSERT_NOT_NULL(t, sk);
	learn_peer(t);
	KTEST_EXPECT_EQ(t, udp_sendto(sk, &seq, 1, KT_PEER_IP, 9), 0);
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_TRUE(t, is_ip_to_peer(skb));
	consume_skb(skb);

	for (i = 0; i < 40; i++) {
		ip = KT_PEER_IP + ((u32)(10 + i) << 24) - (2U << 24);
		kt_inject(frame, arp_from(frame, ip, 0x10 + i, KT_IP));
		kt_inject(frame, arp_from(frame, ip + (100U << 24), 0x80 + i,
					  other));
	}
	/* Our forty replies. */
	for (i = 0; i < 40; i++) {
		skb = kt_captured(WAIT_MS);
		KTEST_ASSERT_NOT_NULL(t, skb);
		consume_skb(skb);
	}
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);

	/* Still known: the datagram goes straight out, no request first. */
	seq = 8;
	KTEST_EXPECT_EQ(t, udp_sendto(sk, &seq, 1, KT_PEER_IP, 9), 0);
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_TRUE(t, is_ip_to_peer(skb));
	KTEST_EXPECT_EQ(t, datagram_seq(skb), 8);
	consume_skb(skb);
	udp_sock_release(sk);
}

static int set_knob(struct ktest *t, const char *name, int value, int *old)
{
	const struct ctl_table *k = sysctl_find(name);

	if (!k) {
		ktest_fail_msg(t, __FILE__, __LINE__, "no sysctl %s", name);
		return -ENOENT;
	}
	if (old)
		*old = READ_ONCE(*k->data);
	return sysctl_write_int(k, value);
}

/*
 * A neighbour in use is confirmed again while the traffic goes on (Linux:
 * REACHABLE, then STALE; used again, DELAY, and after
 * delay_first_probe_time PROBE with unicast requests; the answer makes it
 * REACHABLE).  Short times through the sysctls, so it cycles within a few
 * hundred milliseconds; each datagram is checked, the time never is.
 */
static void neighbour_in_use_is_reconfirmed_without_loss(struct ktest *t)
{
	unsigned long qfull = skb_drop_count(SKB_DROP_REASON_NEIGH_QUEUEFULL);
	unsigned long failed = skb_drop_count(SKB_DROP_REASON_NEIGH_FAILED);
	int reach, delay, retrans, sent = 0, got = 0, after_probe = 0;
	int unicast = 0, broadcast = 0, i;
	struct udp_sock *sk;
	struct sk_buff *skb;
	u8 seq;

	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	if (set_knob(t, "net.ipv4.neigh.default.base_reachable_time_ms", 100,
		     &reach))
		return;
	if (set_knob(t, "net.ipv4.neigh.default.delay_first_probe_time", 0,
		     &delay) ||
	    set_knob(t, "net.ipv4.neigh.default.retrans_time_ms", 50,
		     &retrans)) {
		set_knob(t, "net.ipv4.neigh.default.base_reachable_time_ms",
			 reach, NULL);
		return;
	}
	sk = udp_sock_bind(5573, 4);
	KTEST_ASSERT_NOT_NULL(t, sk);
	learn_peer(t);
	WRITE_ONCE(kt_arp_responder, 1);
	/* Until a unicast probe was answered and ten more went out. */
	for (i = 0; i < 2000 && after_probe < 10; i++) {
		seq = sent;
		KTEST_EXPECT_EQ(t, udp_sendto(sk, &seq, 1, KT_PEER_IP, 9), 0);
		sent++;
		if (unicast)
			after_probe++;
		while ((skb = kt_captured(0))) {
			if (is_arp_request(skb)) {
				if (ether_addr_equal(skb->data, kt_peer_mac))
					unicast++;
				else
					broadcast++;
			} else if (is_ip_to_peer(skb)) {
				KTEST_EXPECT_EQ(t, datagram_seq(skb),
						(u8)got);
				got++;
			}
			consume_skb(skb);
		}
		msleep(5);
	}
	while (got < sent && (skb = kt_captured(WAIT_MS))) {
		if (is_ip_to_peer(skb))
			got++;
		consume_skb(skb);
	}
	WRITE_ONCE(kt_arp_responder, 0);
	set_knob(t, "net.ipv4.neigh.default.base_reachable_time_ms", reach,
		 NULL);
	set_knob(t, "net.ipv4.neigh.default.delay_first_probe_time", delay,
		 NULL);
	set_knob(t, "net.ipv4.neigh.default.retrans_time_ms", retrans, NULL);
	ktest_log(t, "%d datagrams, %d unicast probes", sent, unicast);
	KTEST_EXPECT_GT(t, unicast, 0);
	KTEST_EXPECT_EQ(t, broadcast, 0);
	KTEST_EXPECT_EQ(t, got, sent);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_NEIGH_QUEUEFULL),
			qfull);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_NEIGH_FAILED),
			failed);
	udp_sock_release(sk);
	kt_reset();
}

static const struct ktest_case neigh_cases[] = {
	KTEST_CASE(unresolved_queue_keeps_every_datagram),
	KTEST_CASE(reply_during_resolution_keeps_the_datagram),
	KTEST_CASE(strangers_do_not_evict_a_neighbour_in_use),
	KTEST_CASE(neighbour_in_use_is_reconfirmed_without_loss),
	{}
};
KTEST_SUITE(neigh, neigh_cases);
