// SPDX-License-Identifier: GPL-2.0
/*
 * NAPI and softnet (net/core/dev.c): net_rx_action's budget, time_squeeze
 * and repoll; napi_schedule_prep/napi_complete_done's SCHED and MISSED
 * bits; and RPS steering by flow hash to the CPUs of rps_cpus.  The runner
 * is pinned and calls net_rx_action() itself with bottom halves off, so
 * every count below is exact.
 */
#include <irqlab/ktest.h>
#include <irqlab/errno.h>
#include <irqlab/bottom_half.h>
#include <irqlab/sched.h>
#include <irqlab/smp.h>
#include <irqlab/timer.h>
#include <irqlab/interrupt.h>
#include <irqlab/hardirq.h>
#include "nettest_dev.h"

static struct {
	int polls;
	int remaining;		/* "packets" the fake device still has */
	int last_budget;
} fk;

/* Uses its whole budget while it has work, like a driver under a flood. */
static int fake_poll(struct napi_struct *napi, int budget)
{
	int work = fk.remaining < budget ? fk.remaining : budget;

	fk.polls++;
	fk.last_budget = budget;
	fk.remaining -= work;
	if (work < budget)
		napi_complete_done(napi, work);
	return work;
}

static unsigned long saved_mask;
static int saved_budget;
static unsigned int saved_usecs;

static struct softnet_data *setup(struct napi_struct *napi, int packets)
{
	saved_mask = current->cpus_mask;
	set_cpus_allowed_ptr(current, 1UL << smp_processor_id());
	saved_budget = netdev_budget;
	saved_usecs = netdev_budget_usecs;
	netdev_budget = 300;
	/* The time limit out of the way: these cases count, never time. */
	netdev_budget_usecs = 10000000;
	fk.polls = 0;
	fk.remaining = packets;
	netif_napi_add(NULL, napi, fake_poll);
	napi_enable(napi);
	return this_cpu_ptr(&softnet_data);
}

static void teardown(void)
{
	netdev_budget = saved_budget;
	netdev_budget_usecs = saved_usecs;
	set_cpus_allowed_ptr(current, saved_mask);
}

static bool on_list(struct softnet_data *sd, struct napi_struct *napi)
{
	struct napi_struct *n;

	list_for_each_entry(n, &sd->poll_list, poll_list)
		if (n == napi)
			return true;
	return false;
}

/* Several devices under a flood: each poll uses its full weight. */
#define NR_FLOOD	6
static struct flood_napi {
	struct napi_struct napi;
	int polls, remaining;
} flood[NR_FLOOD];

static int flood_poll(struct napi_struct *napi, int budget)
{
	struct flood_napi *f = container_of(napi, struct flood_napi, napi);
	int work = f->remaining < budget ? f->remaining : budget;

	f->polls++;
	f->remaining -= work;
	if (work < budget)
		napi_complete_done(napi, work);
	return work;
}

static int flood_polls(void)
{
	int i, n = 0;

	for (i = 0; i < NR_FLOOD; i++)
		n += flood[i].polls;
	return n;
}

static void budget_stops_and_squeezes(struct ktest *t)
{
	static struct napi_struct unused;
	struct softnet_data *sd = setup(&unused, 0);
	unsigned int squeeze = sd->time_squeeze;
	int i, rounds;

	local_bh_disable();
	for (i = 0; i < NR_FLOOD; i++) {
		flood[i].polls = 0;
		flood[i].remaining = 1000;
		netif_napi_add(NULL, &flood[i].napi, flood_poll);
		napi_enable(&flood[i].napi);
		KTEST_EXPECT_TRUE(t, napi_schedule(&flood[i].napi));
	}
	net_rx_action();
	/* 5 polls of 64 pass netdev_budget 300: stop, count a squeeze. */
	KTEST_EXPECT_EQ(t, flood_polls(), 5);
	KTEST_EXPECT_EQ(t, flood[5].polls, 0);
	KTEST_EXPECT_EQ(t, flood[0].remaining, 1000 - 64);
	KTEST_EXPECT_EQ(t, sd->time_squeeze, squeeze + 1);
	/* All still scheduled and listed; NET_RX raised again. */
	for (i = 0; i < NR_FLOOD; i++) {
		KTEST_EXPECT_TRUE(t, test_bit(NAPI_STATE_SCHED,
					      &flood[i].napi.state));
		KTEST_EXPECT_TRUE(t, on_list(sd, &flood[i].napi));
	}
	KTEST_EXPECT_TRUE(t, local_softirq_pending() & (1u << NET_RX_SOFTIRQ));
	/* The one left out goes first next time, the repolled ones after. */
	KTEST_EXPECT_TRUE(t, list_first_entry(&sd->poll_list,
					      struct napi_struct, poll_list) ==
			     &flood[5].napi);

	/* A smaller budget stops sooner: 100 is spent after 2 polls. */
	netdev_budget = 100;
	net_rx_action();
	KTEST_EXPECT_EQ(t, flood_polls(), 7);
	KTEST_EXPECT_EQ(t, flood[5].polls, 1);
	KTEST_EXPECT_EQ(t, sd->time_squeeze, squeeze + 2);
	netdev_budget = 300;

	/* Drain: 6000 packets, 16 polls each (15 x 64 + 40). */
	for (rounds = 0; rounds < 100 && !list_empty(&sd->poll_list); rounds++)
		net_rx_action();
	KTEST_EXPECT_TRUE(t, list_empty(&sd->poll_list));
	for (i = 0; i < NR_FLOOD; i++) {
		KTEST_EXPECT_EQ(t, flood[i].remaining, 0);
		KTEST_EXPECT_EQ(t, flood[i].polls, 16);
		KTEST_EXPECT_FALSE(t, test_bit(NAPI_STATE_SCHED,
					       &flood[i].napi.state));
	}
	/* Every round but the last ran out of budget. */
	KTEST_EXPECT_EQ(t, sd->time_squeeze, squeeze + 2 + rounds - 1);
	local_bh_enable();
	teardown();
}

static void full_weight_is_repolled_next_round(struct ktest *t)
{
	static struct napi_struct napi;
	struct softnet_data *sd = setup(&napi, 100);
	unsigned int squeeze = sd->time_squeeze;

	local_bh_disable();
	napi_schedule(&napi);
	net_rx_action();
	/* Whole weight used: repolled, but in the next round, not this one. */
	KTEST_EXPECT_EQ(t, fk.polls, 1);
	KTEST_EXPECT_TRUE(t, on_list(sd, &napi));
	KTEST_EXPECT_EQ(t, sd->time_squeeze, squeeze);
	net_rx_action();
	/* 36 < 64: the poll completed and left the list. */
	KTEST_EXPECT_EQ(t, fk.polls, 2);
	KTEST_EXPECT_EQ(t, fk.remaining, 0);
	KTEST_EXPECT_FALSE(t, on_list(sd, &napi));
	KTEST_EXPECT_FALSE(t, test_bit(NAPI_STATE_SCHED, &napi.state));
	KTEST_EXPECT_EQ(t, sd->time_squeeze, squeeze);
	local_bh_enable();
	teardown();
}

static void complete_done_semantics(struct ktest *t)
{
	static struct napi_struct napi;
	struct softnet_data *sd = setup(&napi, 0);

	/* Added but not enabled: owned, cannot be scheduled. */
	netif_napi_add(NULL, &napi, fake_poll);
	KTEST_EXPECT_FALSE(t, napi_schedule_prep(&napi));
	napi_enable(&napi);

	local_bh_disable();
	KTEST_EXPECT_TRUE(t, napi_schedule_prep(&napi));
	KTEST_EXPECT_TRUE(t, test_bit(NAPI_STATE_SCHED, &napi.state));
	KTEST_EXPECT_FALSE(t, test_bit(NAPI_STATE_MISSED, &napi.state));
	/* A second schedule while scheduled only records MISSED. */
	KTEST_EXPECT_FALSE(t, napi_schedule_prep(&napi));
	KTEST_EXPECT_TRUE(t, test_bit(NAPI_STATE_MISSED, &napi.state));
	/* MISSED: completion refuses and reschedules instead. */
	KTEST_EXPECT_FALSE(t, napi_complete_done(&napi, 0));
	KTEST_EXPECT_TRUE(t, test_bit(NAPI_STATE_SCHED, &napi.state));
	KTEST_EXPECT_FALSE(t, test_bit(NAPI_STATE_MISSED, &napi.state));
	KTEST_EXPECT_TRUE(t, on_list(sd, &napi));
	/* Now it completes: off the list, not scheduled. */
	KTEST_EXPECT_TRUE(t, napi_complete_done(&napi, 0));
	KTEST_EXPECT_FALSE(t, test_bit(NAPI_STATE_SCHED, &napi.state));
	KTEST_EXPECT_FALSE(t, on_list(sd, &napi));
	local_bh_enable();

	/* Disabled: scheduling is refused until enabled again. */
	napi_disable(&napi);
	KTEST_EXPECT_FALSE(t, napi_schedule_prep(&napi));
	napi_enable(&napi);
	KTEST_EXPECT_TRUE(t, napi_schedule_prep(&napi));
	KTEST_EXPECT_TRUE(t, napi_complete_done(&napi, 0));
	teardown();
}

static void short_poll_leaves_list(struct ktest *t)
{
	static struct napi_struct napi;
	struct softnet_data *sd = setup(&napi, 10);
	unsigned int squeeze = sd->time_squeeze;

	local_bh_disable();
	napi_schedule(&napi);
	KTEST_EXPECT_TRUE(t, on_list(sd, &napi));
	net_rx_action();
	KTEST_EXPECT_EQ(t, fk.polls, 1);
	KTEST_EXPECT_EQ(t, fk.remaining, 0);
	KTEST_EXPECT_FALSE(t, on_list(sd, &napi));
	KTEST_EXPECT_FALSE(t, test_bit(NAPI_STATE_SCHED, &napi.state));
	KTEST_EXPECT_EQ(t, sd->time_squeeze, squeeze);
	/* It can be scheduled again, as after the next interrupt. */
	KTEST_EXPECT_TRUE(t, napi_schedule(&napi));
	net_rx_action();
	KTEST_EXPECT_EQ(t, fk.polls, 2);
	KTEST_EXPECT_FALSE(t, on_list(sd, &napi));
	local_bh_enable();
	teardown();
}

static void rps_steers_by_hash(struct ktest *t)
{
	struct net_device *dev = kt_dev();
	unsigned long all = (1UL << num_online_cpus()) - 1, seen = 0;
	struct sk_buff *skb;
	int i, cpu;
	u32 h;

	KTEST_ASSERT_NOT_NULL(t, dev);
	kt_reset();
	/* Off: no steering. */
	dev->rps_cpus = 0;
	skb = kt_udp_skb(dev, 1, 5557);
	KTEST_ASSERT_NOT_NULL(t, skb);
	KTEST_EXPECT_EQ(t, get_rps_cpu(dev, skb), -ENOENT);
	/* Each flow to one CPU of the mask, always the same for its hash. */
	for (i = 0; i < 64; i++) {
		dev->rps_cpus = all;
		skb->hash = 0;
		put_be16(skb->data + NP_IP_HLEN, 2000 + i);	/* sport */
		cpu = get_rps_cpu(dev, skb);
		h = skb->hash;
		KTEST_EXPECT_NE(t, h, 0);
		KTEST_EXPECT_TRUE(t, cpu >= 0 && (all & (1UL << cpu)));
		seen |= 1UL << cpu;
		KTEST_EXPECT_EQ(t, get_rps_cpu(dev, skb), cpu);
		/* A one-CPU mask takes every flow. */
		dev->rps_cpus = 1UL << (num_online_cpus() - 1);
		KTEST_EXPECT_EQ(t, get_rps_cpu(dev, skb),
				num_online_cpus() - 1);
	}
	/* 64 flows reach every CPU of the mask. */
	KTEST_EXPECT_EQ(t, seen, all);
	/* Non-IP (ARP) has no flow hash: processed where it arrived. */
	skb->protocol = htons(ETH_P_ARP);
	skb->hash = 0;
	KTEST_EXPECT_EQ(t, get_rps_cpu(dev, skb), -ENOENT);
	dev->rps_cpus = 0;
	kfree_skb(skb);
}

static void rps_delivers_on_other_cpu(struct ktest *t)
{
	struct net_device *dev = kt_dev();
	struct udp_sock *sk;
	struct sk_buff *skb;
	struct softnet_data *rsd;
	unsigned int rps_before, processed_before;
	int me, other, i;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	KTEST_ASSERT_NOT_NULL(t, dev);
	kt_reset();
	sk = udp_sock_bind(5557, 64);
	KTEST_ASSERT_NOT_NULL(t, sk);
	saved_mask = current->cpus_mask;
	set_cpus_allowed_ptr(current, 1UL << smp_processor_id());
	me = smp_processor_id();
	other = me ? 0 : 1;
	rsd = &per_cpu(softnet_data, other);
	rps_before = rsd->received_rps;
	processed_before = rsd->processed;
	dev->rps_cpus = 1UL << other;

	for (i = 0; i < 8; i++) {
		skb = kt_udp_skb(dev, 3000 + i, 5557);
		KTEST_ASSERT_NOT_NULL(t, skb);
		local_bh_disable();
		netif_receive_skb(skb);
		local_bh_enable();
	}
	dev->rps_cpus = 0;
	/* All eight reach the socket, through the other CPU's backlog. */
	for (i = 0; i < 8; i++) {
		skb = udp_recv(sk, 5 * HZ);
		KTEST_ASSERT_NOT_NULL(t, skb);
		consume_skb(skb);
	}
	KTEST_EXPECT_EQ(t, sk->rx_queued, 8);
	KTEST_EXPECT_GE(t, rsd->received_rps, rps_before + 1);
	/* processed counts where the protocols ran: the other CPU. */
	KTEST_EXPECT_GE(t, rsd->processed, processed_before + 8);
	udp_sock_release(sk);
	set_cpus_allowed_ptr(current, saved_mask);
}

static void backlog_limit_drops(struct ktest *t)
{
	struct net_device *dev = kt_dev();
	unsigned long before = skb_drop_count(SKB_DROP_REASON_CPU_BACKLOG);
	struct softnet_data *sd;
	int saved = netdev_max_backlog, i;
	unsigned int dropped;

	KTEST_ASSERT_NOT_NULL(t, dev);
	kt_reset();
	saved_mask = current->cpus_mask;
	set_cpus_allowed_ptr(current, 1UL << smp_processor_id());
	sd = this_cpu_ptr(&softnet_data);
	dropped = sd->dropped;
	netdev_max_backlog = 3;
	/*
	 * Bottom halves off: the backlog cannot drain meanwhile.  Linux's
	 * enqueue_to_backlog queues while qlen <= netdev_max_backlog, so
	 * max_backlog + 1 frames fit.
	 */
	local_bh_disable();
	for (i = 0; i < 6; i++)
		netif_rx(kt_udp_skb(dev, 4000 + i, 5557));
	KTEST_EXPECT_EQ(t, skb_queue_len(&sd->input_pkt_queue), 4);
	netdev_max_backlog = saved;
	local_bh_enable();
	KTEST_EXPECT_EQ(t, sd->dropped, dropped + 2);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_CPU_BACKLOG),
			before + 2);
	set_cpus_allowed_ptr(current, saved_mask);
}

/*
 * From a task, netif_rx() is Linux's local_bh_disable(), enqueue,
 * local_bh_enable(): the backlog is processed before it returns, not at
 * the next interrupt.  Eight rounds, so that a tick landing between the
 * enqueue and the check cannot make a broken netif_rx() pass.
 */
static void netif_rx_from_task_is_processed_at_once(struct ktest *t)
{
	struct net_device *dev = kt_dev();
	struct udp_sock *sk;
	int i;

	KTEST_ASSERT_NOT_NULL(t, dev);
	KTEST_ASSERT_FALSE(t, in_interrupt());
	kt_reset();
	sk = udp_sock_bind(5557, 64);
	KTEST_ASSERT_NOT_NULL(t, sk);
	saved_mask = current->cpus_mask;
	set_cpus_allowed_ptr(current, 1UL << smp_processor_id());
	for (i = 0; i < 8; i++) {
		KTEST_EXPECT_EQ(t, netif_rx(kt_udp_skb(dev, 6000 + i, 5557)),
				NET_RX_SUCCESS);
		KTEST_EXPECT_EQ(t, sk->rx_queued, i + 1);
	}
	udp_sock_release(sk);
	set_cpus_allowed_ptr(current, saved_mask);
}

/*
 * napi_schedule() from a task raises NET_RX with raise_softirq_irqoff(),
 * which wakes ksoftirqd outside interrupt context (Linux's
 * ____napi_schedule): no interrupt exit may come soon to run it.  Looked
 * at with interrupts off, so no tick can run the softirq meanwhile.
 */
static void napi_schedule_from_task_wakes_ksoftirqd(struct ktest *t)
{
	static struct napi_struct napi;
	struct task_struct *ksoftirqd_task;
	bool asleep = false, woken = false;
	int tries, ms;

	setup(&napi, 10);
	ksoftirqd_task = this_cpu_read(ksoftirqd);
	KTEST_ASSERT_NOT_NULL(t, ksoftirqd_task);
	/* Wait (up to 5 s) for ksoftirqd to be asleep with nothing pending. */
	for (tries = 0; tries < 5000 && !asleep; tries++) {
		local_irq_disable();
		asleep = READ_ONCE(ksoftirqd_task->__state) ==
				 TASK_INTERRUPTIBLE && !local_softirq_pending();
		if (asleep) {
			napi_schedule(&napi);
			woken = task_is_running(ksoftirqd_task);
		}
		local_irq_enable();
		if (!asleep)
			msleep(1);
	}
	KTEST_ASSERT_TRUE(t, asleep);
	KTEST_EXPECT_TRUE(t, woken);
	/* The poll runs without anything more from this thread. */
	for (ms = 0; ms < 5000 && READ_ONCE(fk.polls) == 0; ms++)
		msleep(1);
	KTEST_EXPECT_EQ(t, fk.polls, 1);
	KTEST_EXPECT_EQ(t, fk.remaining, 0);
	KTEST_EXPECT_FALSE(t, test_bit(NAPI_STATE_SCHED, &napi.state));
	teardown();
}

static void busy_xmit_retried_by_net_tx(struct ktest *t)
{
	struct net_device *dev = kt_dev();
	struct sk_buff *skb;
	u8 i;

	KTEST_ASSERT_NOT_NULL(t, dev);
	kt_reset();

	/* The driver refuses the first: it and the next two wait, in order. */
	WRITE_ONCE(kt_busy, 1);
	for (i = 1; i <= 3; i++)
		KTEST_EXPECT_EQ(t, dev_queue_xmit(kt_tx_skb(dev, i)),
				NET_XMIT_SUCCESS);
	KTEST_EXPECT_TRUE(t, netif_queue_stopped(dev));
	KTEST_EXPECT_EQ(t, skb_queue_len(&dev->qdisc.q), 3);
	/* NET_TX ran meanwhile, found the queue stopped and kept them. */
	msleep(5);
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
	KTEST_EXPECT_EQ(t, skb_queue_len(&dev->qdisc.q), 3);

	/* Room again: the driver wakes the queue and NET_TX sends them. */
	WRITE_ONCE(kt_busy, 0);
	netif_wake_queue(dev);
	for (i = 1; i <= 3; i++) {
		skb = kt_captured(5000);
		KTEST_ASSERT_NOT_NULL(t, skb);
		KTEST_EXPECT_EQ(t, skb->data[0], i);
		consume_skb(skb);
	}
	KTEST_EXPECT_EQ(t, skb_queue_len(&dev->qdisc.q), 0);
	KTEST_EXPECT_FALSE(t, netif_queue_stopped(dev));
}

/* The queue holds txqueuelen frames; beyond, QDISC_DROP as Linux's. */
static void qdisc_limit_drops(struct ktest *t)
{
	struct net_device *dev = kt_dev();
	unsigned long before = skb_drop_count(SKB_DROP_REASON_QDISC_DROP);
	unsigned long dropped = dev->tx_dropped_core;
	unsigned int saved = dev->tx_queue_len;
	struct sk_buff *skb;
	u8 i;

	KTEST_ASSERT_NOT_NULL(t, dev);
	kt_reset();
	dev->tx_queue_len = 2;
	WRITE_ONCE(kt_busy, 1);
	for (i = 1; i <= 4; i++)
		KTEST_EXPECT_EQ(t, dev_queue_xmit(kt_tx_skb(dev, i)),
				i <= 2 ? NET_XMIT_SUCCESS : NET_XMIT_DROP);
	KTEST_EXPECT_EQ(t, skb_queue_len(&dev->qdisc.q), 2);
	KTEST_EXPECT_EQ(t, skb_drop_count(SKB_DROP_REASON_QDISC_DROP),
			before + 2);
	KTEST_EXPECT_EQ(t, dev->tx_dropped_core, dropped + 2);
	dev->tx_queue_len = saved;
	WRITE_ONCE(kt_busy, 0);
	netif_wake_queue(dev);
	for (i = 1; i <= 2; i++) {
		skb = kt_captured(5000);
		KTEST_ASSERT_NOT_NULL(t, skb);
		KTEST_EXPECT_EQ(t, skb->data[0], i);
		consume_skb(skb);
	}
}

static const struct ktest_case napi_cases[] = {
	KTEST_CASE(budget_stops_and_squeezes),
	KTEST_CASE(full_weight_is_repolled_next_round),
	KTEST_CASE(complete_done_semantics),
	KTEST_CASE(short_poll_leaves_list),
	KTEST_CASE(rps_steers_by_hash),
	KTEST_CASE(rps_delivers_on_other_cpu),
	KTEST_CASE(backlog_limit_drops),
	KTEST_CASE(netif_rx_from_task_is_processed_at_once),
	KTEST_CASE(napi_schedule_from_task_wakes_ksoftirqd),
	KTEST_CASE(busy_xmit_retried_by_net_tx),
	KTEST_CASE(qdisc_limit_drops),
	{}
};
KTEST_SUITE(napi, napi_cases);
