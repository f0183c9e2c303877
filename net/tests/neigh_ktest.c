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
	f[ETH_HLEN + 8 + 5] = mac_last;		/* sender MAC */
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
	/*
	 * Until three rounds of confirmation (each REACHABLE's expiry, a use
	 * in STALE, DELAY, a unicast probe answered) and ten more datagrams.
	 */
	for (i = 0; i < 3000 && (unicast < 3 || after_probe < 10); i++) {
		seq = sent;
		KTEST_EXPECT_EQ(t, udp_sendto(sk, &seq, 1, KT_PEER_IP, 9), 0);
		sent++;
		if (unicast >= 3)
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
	KTEST_EXPECT_GE(t, unicast, 3);
	KTEST_EXPECT_EQ(t, broadcast, 0);
	KTEST_EXPECT_EQ(t, got, sent);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_NEIGH_QUEUEFULL),
			qfull);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_NEIGH_FAILED),
			failed);
	udp_sock_release(sk);
	kt_reset();
}

/* ---- the state machine, driven through its timer ---------------------- */

static unsigned long arp_stat(size_t offset)
{
	unsigned long sum = 0;
	int cpu;

	for_each_online_cpu(cpu)
		sum += *(unsigned long *)((char *)per_cpu_ptr(arp_tbl.stats,
							      cpu) + offset);
	return sum;
}
#define ARP_STAT(f)	arp_stat(offsetof(struct neigh_statistics, f))

static struct neighbour *peer_entry(struct ktest *t)
{
	struct neighbour *n = neigh_lookup(&arp_tbl, KT_PEER_IP, kt_dev());

	if (!n)
		ktest_fail_msg(t, __FILE__, __LINE__, "no entry for the peer");
	return n;
}

static u8 state_of(struct neighbour *n)
{
	return READ_ONCE(n->nud_state);
}

/* The next captured frame is an ARP request; true if it was unicast. */
static bool next_is_request(struct ktest *t, bool *unicast)
{
	struct sk_buff *skb = kt_captured(WAIT_MS);
	bool ok;

	if (!skb)
		return false;
	ok = is_arp_request(skb);
	*unicast = ether_addr_equal(skb->data, kt_peer_mac);
	consume_skb(skb);
	return ok;
}

static void send_one(struct udp_sock *sk, u8 seq)
{
	udp_sendto(sk, &seq, 1, KT_PEER_IP, 9);
}

/*
 * Linux's transitions, each expiry run at once (neigh_timer_run_now) with
 * the entry's clocks set back as far as the transition needs: STALE, used,
 * DELAY; unconfirmed, PROBE with ucast_solicit unicast requests, traffic
 * sent all the while; FAILED; used again, INCOMPLETE with mcast_solicit
 * broadcast requests and the datagram queued; FAILED, and it is dropped.
 */
static void states_follow_linux(struct ktest *t)
{
	unsigned long failed = skb_drop_count(SKB_DROP_REASON_NEIGH_FAILED);
	unsigned long res_failed = ARP_STAT(res_failed);
	struct neighbour *n;
	struct udp_sock *sk;
	struct sk_buff *skb;
	bool unicast;
	int i;

	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	sk = udp_sock_bind(5574, 4);
	KTEST_ASSERT_NOT_NULL(t, sk);
	learn_peer(t);
	n = peer_entry(t);
	if (!n)
		goto out_sock;
	KTEST_EXPECT_EQ(t, state_of(n), NUD_STALE);
	KTEST_EXPECT_FALSE(t, timer_pending(&n->timer));

	/* Used: DELAY, and the datagram goes at once with what is known. */
	send_one(sk, 1);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_DELAY);
	KTEST_EXPECT_TRUE(t, timer_pending(&n->timer));
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_TRUE(t, is_ip_to_peer(skb));
	consume_skb(skb);

	/* No confirmation within delay_first_probe_time: PROBE, unicast. */
	neigh_timer_run_now(n);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_PROBE);
	KTEST_EXPECT_TRUE(t, next_is_request(t, &unicast));
	KTEST_EXPECT_TRUE(t, unicast);
	/* Probing does not hold traffic back. */
	send_one(sk, 2);
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_TRUE(t, is_ip_to_peer(skb));
	consume_skb(skb);
	for (i = 1; i < arp_tbl.parms.ucast_solicit; i++) {
		neigh_timer_run_now(n);
		KTEST_EXPECT_EQ(t, state_of(n), NUD_PROBE);
		KTEST_EXPECT_TRUE(t, next_is_request(t, &unicast));
		KTEST_EXPECT_TRUE(t, unicast);
	}
	/* ucast_solicit unanswered: FAILED. */
	neigh_timer_run_now(n);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_FAILED);
	KTEST_EXPECT_FALSE(t, timer_pending(&n->timer));
	KTEST_EXPECT_EQ(t, ARP_STAT(res_failed), res_failed + 1);
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);

	/* Used again: INCOMPLETE, a broadcast request at once, queued. */
	send_one(sk, 3);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_INCOMPLETE);
	KTEST_EXPECT_TRUE(t, next_is_request(t, &unicast));
	KTEST_EXPECT_FALSE(t, unicast);
	KTEST_EXPECT_EQ(t, skb_queue_len(&n->arp_queue), 1);
	for (i = 1; i < arp_tbl.parms.mcast_solicit; i++) {
		neigh_timer_run_now(n);
		KTEST_EXPECT_TRUE(t, next_is_request(t, &unicast));
		KTEST_EXPECT_FALSE(t, unicast);
	}
	neigh_timer_run_now(n);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_FAILED);
	KTEST_EXPECT_EQ(t, skb_queue_len(&n->arp_queue), 0);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_NEIGH_FAILED),
			failed + 1);
	KTEST_EXPECT_EQ(t, ARP_STAT(res_failed), res_failed + 2);
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
	neigh_release(n);
out_sock:
	udp_sock_release(sk);
	kt_reset();
}

/*
 * The other ways out of REACHABLE and DELAY: an answer makes it
 * REACHABLE; at expiry, used within delay_first_probe_time it is DELAY,
 * else STALE with no timer; DELAY confirmed meanwhile is REACHABLE again.
 */
static void reachable_expires_as_linux(struct ktest *t)
{
	unsigned long reach, delay;
	struct neighbour *n;

	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	learn_peer(t);
	/* A unicast reply to us confirms: REACHABLE. */
	kt_inject(frame, kt_build_arp(frame, ARPOP_REPLY, KT_PEER_IP, KT_IP,
				      kt_dev()->dev_addr));
	n = peer_entry(t);
	if (!n)
		return;
	KTEST_EXPECT_EQ(t, state_of(n), NUD_REACHABLE);
	KTEST_EXPECT_TRUE(t, timer_pending(&n->timer));
	KTEST_EXPECT_TRUE(t, n->output == neigh_connected_output);
	reach = n->parms->reachable_time;
	delay = (unsigned long)n->parms->delay_first_probe_time * HZ;
	/* The same reply again changes nothing but the confirmation. */
	kt_inject(frame, kt_build_arp(frame, ARPOP_REPLY, KT_PEER_IP, KT_IP,
				      kt_dev()->dev_addr));
	KTEST_EXPECT_EQ(t, state_of(n), NUD_REACHABLE);

	/* Still within reachable_time: the timer only moves on. */
	neigh_timer_run_now(n);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_REACHABLE);
	KTEST_EXPECT_TRUE(t, timer_pending(&n->timer));

	/* Expired, but used a moment ago: DELAY. */
	n->confirmed = jiffies - reach - 1;
	n->used = jiffies;
	neigh_timer_run_now(n);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_DELAY);
	KTEST_EXPECT_TRUE(t, n->output == neigh_resolve_output);
	/* Confirmed within the delay: REACHABLE, without a probe. */
	n->confirmed = jiffies;
	neigh_timer_run_now(n);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_REACHABLE);
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);

	/* Expired and unused: STALE, and nothing more to time. */
	n->confirmed = jiffies - reach - 1;
	n->used = jiffies - delay - 1;
	neigh_timer_run_now(n);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_STALE);
	KTEST_EXPECT_FALSE(t, timer_pending(&n->timer));
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
	neigh_release(n);
	kt_reset();
}

/*
 * unres_qlen_bytes bounds the queue by what its buffers cost (truesize),
 * the oldest dropped first and counted as unresolved_discards; unres_qlen
 * is the same in full-size frames (101 of them by default, as Linux).
 */
static void queue_is_bounded_in_bytes(struct ktest *t)
{
	const struct ctl_table *bytes, *qlen;
	unsigned long discards = ARP_STAT(unres_discards);
	unsigned long qfull = skb_drop_count(SKB_DROP_REASON_NEIGH_QUEUEFULL);
	unsigned int cost = SKB_TRUESIZE(NET_HEADROOM + NP_UDP_HLEN + 1);
	struct udp_sock *sk;
	struct sk_buff *skb;
	int saved;
	u8 i;

	bytes = sysctl_find("net.ipv4.neigh.default.unres_qlen_bytes");
	qlen = sysctl_find("net.ipv4.neigh.default.unres_qlen");
	KTEST_ASSERT_NOT_NULL(t, bytes);
	KTEST_ASSERT_NOT_NULL(t, qlen);
	KTEST_EXPECT_EQ(t, *bytes->data, 212992);
	KTEST_EXPECT_EQ(t, *qlen->data, 101);
	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	sk = udp_sock_bind(5575, 4);
	KTEST_ASSERT_NOT_NULL(t, sk);
	saved = *bytes->data;
	KTEST_EXPECT_EQ(t, sysctl_write_int(bytes, 3 * cost), 0);
	KTEST_EXPECT_EQ(t, *qlen->data, 3 * cost / SKB_TRUESIZE(ETH_FRAME_LEN));
	for (i = 0; i < 5; i++)
		send_one(sk, i);
	KTEST_EXPECT_EQ(t, ARP_STAT(unres_discards), discards + 2);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_NEIGH_QUEUEFULL),
			qfull + 2);
	skb = kt_captured(WAIT_MS);		/* the request */
	KTEST_ASSERT_NOT_NULL(t, skb);
	consume_skb(skb);
	kt_inject(frame, kt_build_arp(frame, ARPOP_REPLY, KT_PEER_IP, KT_IP,
				      kt_dev()->dev_addr));
	for (i = 2; i < 5; i++) {
		skb = kt_captured(WAIT_MS);
		KTEST_ASSERT_NOT_NULL(t, skb);
		KTEST_EXPECT_EQ(t, datagram_seq(skb), i);
		consume_skb(skb);
	}
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
	/* unres_qlen sets the bytes, in full-size frames. */
	KTEST_EXPECT_EQ(t, sysctl_write_int(qlen, 7), 0);
	KTEST_EXPECT_EQ(t, *bytes->data, 7 * SKB_TRUESIZE(ETH_FRAME_LEN));
	sysctl_write_int(bytes, saved);
	KTEST_EXPECT_EQ(t, *qlen->data, 101);
	udp_sock_release(sk);
	kt_reset();
}

/* The entry of 192.168.77.(10 + i), learnt from its request for us. */
static u32 host_ip(int i)
{
	return KT_PEER_IP + ((u32)(10 + i) << 24) - (2U << 24);
}

static struct neighbour *host_entry(int i)
{
	return neigh_lookup(&arp_tbl, host_ip(i), kt_dev());
}

/* Sets an entry's last change back by secs (gc looks at it). */
static void age(int i, unsigned int secs)
{
	struct neighbour *n = host_entry(i);

	if (!n)
		return;
	n->updated -= secs * HZ;
	n->used -= secs * HZ;
	neigh_release(n);
}

/*
 * Full (gc_thresh3): the forced collector frees only entries nobody holds
 * that are FAILED, NOARP or unchanged for 5 s; failing that the new entry
 * is refused (table_fulls) and, as in Linux, its request goes unanswered.
 * The periodic one, over gc_thresh1, frees what nobody holds and is
 * FAILED or unused for gc_stale_time.
 */
static void gc_frees_only_what_nobody_uses(struct ktest *t)
{
	int t1 = arp_tbl.gc_thresh1, t2 = arp_tbl.gc_thresh2;
	int t3 = arp_tbl.gc_thresh3;
	unsigned long fulls = ARP_STAT(table_fulls);
	unsigned long forced = ARP_STAT(forced_gc_runs);
	struct neighbour *held, *n;
	struct sk_buff *skb;
	int i;

	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	arp_tbl.gc_thresh1 = 0;
	arp_tbl.gc_thresh2 = 2;
	arp_tbl.gc_thresh3 = 4;
	for (i = 0; i < 4; i++)
		kt_inject(frame, arp_from(frame, host_ip(i), 0x10 + i, KT_IP));
	for (i = 0; i < 4; i++) {
		skb = kt_captured(WAIT_MS);
		KTEST_ASSERT_NOT_NULL(t, skb);
		consume_skb(skb);
	}
	KTEST_EXPECT_EQ(t, atomic_read(&arp_tbl.entries), 4);

	/* All fresh: nothing to free, the fifth is refused. */
	kt_inject(frame, arp_from(frame, host_ip(4), 0x14, KT_IP));
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
	KTEST_EXPECT_EQ(t, ARP_STAT(table_fulls), fulls + 1);
	KTEST_EXPECT_GT(t, ARP_STAT(forced_gc_runs), forced);
	n = host_entry(4);
	KTEST_EXPECT_NULL(t, n);

	/* Three old, one of them held: the two others go. */
	age(0, 6);
	age(1, 6);
	age(2, 6);
	held = host_entry(2);
	KTEST_ASSERT_NOT_NULL(t, held);
	kt_inject(frame, arp_from(frame, host_ip(4), 0x14, KT_IP));
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	consume_skb(skb);
	for (i = 0; i < 5; i++) {
		n = host_entry(i);
		if (i < 2)
			KTEST_EXPECT_NULL(t, n);
		else
			KTEST_EXPECT_NOT_NULL(t, n);
		if (n)
			neigh_release(n);
	}

	/* Periodic: 2 unused for gc_stale_time goes once let go, 3 stays. */
	age(2, arp_tbl.parms.gc_stale_time + 1);
	neigh_periodic_gc(&arp_tbl);
	n = host_entry(2);
	KTEST_EXPECT_TRUE(t, n == held);
	if (n)
		neigh_release(n);
	neigh_release(held);
	neigh_periodic_gc(&arp_tbl);
	n = host_entry(2);
	KTEST_EXPECT_NULL(t, n);
	if (n)
		neigh_release(n);
	n = host_entry(3);
	KTEST_EXPECT_NOT_NULL(t, n);
	if (n)
		neigh_release(n);

	arp_tbl.gc_thresh1 = t1;
	arp_tbl.gc_thresh2 = t2;
	arp_tbl.gc_thresh3 = t3;
	kt_reset();
}

/*
 * Every ARP frame that names a sender is looked up once: that is what
 * /proc/net/stat/arp_cache's lookups count (hits when it was known).
 */
static void every_arp_frame_is_counted(struct ktest *t)
{
	unsigned long lookups = ARP_STAT(lookups), hits = ARP_STAT(hits);
	u32 other = 0xc84da8c0;	/* 192.168.77.200 */

	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	/* Unknown, for someone else: looked up, not learnt. */
	kt_inject(frame, arp_from(frame, host_ip(0), 0x10, other));
	/* For us: looked up and learnt (and answered). */
	kt_inject(frame, arp_from(frame, host_ip(0), 0x10, KT_IP));
	/* Known now: a reply and a request for someone else are hits. */
	kt_inject(frame, kt_build_arp(frame, ARPOP_REPLY, host_ip(0), KT_IP,
				      kt_dev()->dev_addr));
	kt_inject(frame, arp_from(frame, host_ip(0), 0x10, other));
	KTEST_EXPECT_EQ(t, ARP_STAT(lookups) - lookups, 4);
	KTEST_EXPECT_EQ(t, ARP_STAT(hits) - hits, 2);
	kt_reset();
}

/* A broadcast needs no resolution: NOARP, ff:ff:ff:ff:ff:ff. */
static void broadcast_is_noarp(struct ktest *t)
{
	u32 bcast = KT_IP | ~KT_MASK;
	struct neighbour *n;
	struct udp_sock *sk;
	struct sk_buff *skb;
	u8 seq = 9;

	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	sk = udp_sock_bind(5576, 4);
	KTEST_ASSERT_NOT_NULL(t, sk);
	KTEST_EXPECT_EQ(t, udp_sendto(sk, &seq, 1, bcast, 9), 0);
	skb = kt_captured(WAIT_MS);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_TRUE(t, is_broadcast_ether_addr(skb->data));
	KTEST_EXPECT_EQ(t, get_be16(skb->data + 12), ETH_P_IP);
	consume_skb(skb);
	n = neigh_lookup(&arp_tbl, bcast, kt_dev());
	KTEST_ASSERT_NOT_NULL(t, n);
	KTEST_EXPECT_EQ(t, state_of(n), NUD_NOARP);
	neigh_release(n);
	udp_sock_release(sk);
	kt_reset();
}

static const struct ktest_case neigh_cases[] = {
	KTEST_CASE(unresolved_queue_keeps_every_datagram),
	KTEST_CASE(reply_during_resolution_keeps_the_datagram),
	KTEST_CASE(strangers_do_not_evict_a_neighbour_in_use),
	KTEST_CASE(neighbour_in_use_is_reconfirmed_without_loss),
	KTEST_CASE(states_follow_linux),
	KTEST_CASE(reachable_expires_as_linux),
	KTEST_CASE(queue_is_bounded_in_bytes),
	KTEST_CASE(gc_frees_only_what_nobody_uses),
	KTEST_CASE(every_arp_frame_is_counted),
	KTEST_CASE(broadcast_is_noarp),
	{}
};
KTEST_SUITE(neigh, neigh_cases);
