// SPDX-License-Identifier: GPL-2.0
/*
 * ktest suite "e1000": the driver against QEMU's 82540EM.  Skipped when
 * the machine has no e1000.  Waits are bounded by a deadline that is a
 * failure when reached, never an assertion about how long things took.
 */
#include <irqlab/ktest.h>
#include <irqlab/timer.h>
#include <irqlab/jiffies.h>
#include <irqlab/errno.h>
#include <irqlab/fault-inject.h>
#include <irqlab/sched.h>
#include "../e1000.h"

static struct e1000_adapter *e1000_or_skip(struct ktest *t)
{
	struct e1000_adapter *a = e1000_first_adapter();

	if (!a)
		ktest_skip(t, "no e1000 on this machine");
	return a;
}

/* Sleeps until cond holds or 5 s pass; the caller fails on false. */
#define wait_for(cond)							\
({									\
	unsigned long __end = jiffies + 5 * HZ;				\
	while (!(cond) && time_before(jiffies, __end))			\
		msleep(10);						\
	(bool)(cond);							\
})

static void e1000_probed(struct ktest *t)
{
	struct e1000_adapter *a = e1000_or_skip(t);
	struct net_device *dev;

	if (!a)
		return;
	dev = dev_get_by_name(a->netdev->name);
	KTEST_ASSERT_NOT_NULL(t, dev);
	KTEST_EXPECT_TRUE(t, netdev_priv(dev) == a);
	KTEST_EXPECT_TRUE(t, a->pdev->driver != NULL);
	KTEST_EXPECT_NE(t, dev->irq, 0);
	KTEST_EXPECT_EQ(t, dev->irq, (int)a->pdev->irq);
	KTEST_EXPECT_TRUE(t, a->pdev->is_busmaster);
	KTEST_EXPECT_NOT_NULL(t, dev->ethtool_ops);
}

/* QEMU's default MAC, from the EEPROM, and programmed into RAR0 valid. */
static void e1000_mac_address(struct ktest *t)
{
	static const u8 qemu_mac[ETH_ALEN] = { 0x52, 0x54, 0x00,
					       0x12, 0x34, 0x56 };
	struct e1000_adapter *a = e1000_or_skip(t);

	if (!a)
		return;
	KTEST_EXPECT_TRUE(t, ether_addr_equal(a->netdev->dev_addr, qemu_mac));
	KTEST_EXPECT_EQ(t, er32(a, E1000_RAL(0)), 0x12005452);
	KTEST_EXPECT_EQ(t, er32(a, E1000_RAH(0)), E1000_RAH_AV | 0x5634);
}

/* The watchdog turns STATUS.LU into carrier within the bound. */
static void e1000_link_comes_up(struct ktest *t)
{
	struct e1000_adapter *a = e1000_or_skip(t);

	if (!a)
		return;
	KTEST_ASSERT_TRUE(t, wait_for(netif_carrier_ok(a->netdev)));
	KTEST_EXPECT_TRUE(t, er32(a, E1000_STATUS) & E1000_STATUS_LU);
	KTEST_EXPECT_EQ(t, a->link_speed, 1000);
	KTEST_EXPECT_TRUE(t, a->full_duplex);
	KTEST_EXPECT_EQ(t, a->netdev->ethtool_ops->get_link(a->netdev), 1);
}

static void expect_rings(struct ktest *t, struct e1000_adapter *a,
			 unsigned int rx, unsigned int tx)
{
	struct ethtool_ringparam r;

	a->netdev->ethtool_ops->get_ringparam(a->netdev, &r);
	KTEST_EXPECT_EQ(t, r.rx_pending, rx);
	KTEST_EXPECT_EQ(t, r.tx_pending, tx);
	KTEST_EXPECT_EQ(t, er32(a, E1000_RDLEN), rx * 16);
	KTEST_EXPECT_EQ(t, er32(a, E1000_TDLEN), tx * 16);
	KTEST_EXPECT_EQ(t, er32(a, E1000_RDLEN) % 128, 0);
	KTEST_EXPECT_EQ(t, er32(a, E1000_TDLEN) % 128, 0);
}

/* Default 256/256; -G resizes (rounded up to 8 descriptors), and back. */
static void e1000_ring_sizes(struct ktest *t)
{
	struct e1000_adapter *a = e1000_or_skip(t);
	struct ethtool_ringparam r = { 0 };

	if (!a)
		return;
	expect_rings(t, a, E1000_DEFAULT_RXD, E1000_DEFAULT_TXD);
	r.rx_pending = 512;
	r.tx_pending = 100;	/* rounds to 104 */
	KTEST_ASSERT_EQ(t, a->netdev->ethtool_ops->set_ringparam(a->netdev, &r),
			0);
	expect_rings(t, a, 512, 104);
	r.rx_pending = E1000_DEFAULT_RXD;
	r.tx_pending = E1000_DEFAULT_TXD;
	KTEST_ASSERT_EQ(t, a->netdev->ethtool_ops->set_ringparam(a->netdev, &r),
			0);
	expect_rings(t, a, E1000_DEFAULT_RXD, E1000_DEFAULT_TXD);
	/* The link comes back after the down/up cycle. */
	KTEST_EXPECT_TRUE(t, wait_for(netif_carrier_ok(a->netdev)));
}

/* ITR as Linux's e1000_set_itr writes it: 1e9 / (ints/s * 256). */
static u32 itr_reg(u32 ints_per_sec)
{
	return 1000000000u / (ints_per_sec * 256);
}

static int set_usecs(struct e1000_adapter *a, u32 usecs)
{
	struct ethtool_coalesce ec = { .rx_coalesce_usecs = usecs };

	return a->netdev->ethtool_ops->set_coalesce(a->netdev, &ec);
}

static u32 get_usecs(struct e1000_adapter *a)
{
	struct ethtool_coalesce ec = { 0 };

	a->netdev->ethtool_ops->get_coalesce(a->netdev, &ec);
	return ec.rx_coalesce_usecs;
}

/*
 * Linux's e1000_set_coalesce / e1000_get_coalesce: rx-usecs 0 is off,
 * 1 dynamic, 3 dynamic conservative (the default, InterruptThrottleRate
 * 3), 4 simplified balancing; 10..10000 a fixed rate of 1e6/N ints/s.
 * 2, 5..9 and above 10000 are -EINVAL and change nothing.
 */
static void e1000_coalesce_modes(struct ktest *t)
{
	static const u32 refused[] = { 2, 5, 9, 10001, 100000 };
	struct e1000_adapter *a = e1000_or_skip(t);
	unsigned int i;

	if (!a)
		return;
	KTEST_EXPECT_EQ(t, get_usecs(a), 3);

	KTEST_EXPECT_EQ(t, set_usecs(a, 0), 0);
	KTEST_EXPECT_EQ(t, get_usecs(a), 0);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), 0);

	/* Both dynamic modes start from 20,000 ints/s. */
	KTEST_EXPECT_EQ(t, set_usecs(a, 1), 0);
	KTEST_EXPECT_EQ(t, get_usecs(a), 1);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr_reg(20000));

	KTEST_EXPECT_EQ(t, set_usecs(a, 100), 0);
	KTEST_EXPECT_EQ(t, get_usecs(a), 100);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr_reg(10000));

	/* 1e6/30 = 33333 ints/s, kept as 33332 (the low two bits are modes). */
	KTEST_EXPECT_EQ(t, set_usecs(a, 30), 0);
	KTEST_EXPECT_EQ(t, get_usecs(a), 30);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr_reg(33333));

	KTEST_EXPECT_EQ(t, set_usecs(a, 10000), 0);
	KTEST_EXPECT_EQ(t, get_usecs(a), 10000);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr_reg(100));

	KTEST_EXPECT_EQ(t, set_usecs(a, 4), 0);
	KTEST_EXPECT_EQ(t, get_usecs(a), 4);

	for (i = 0; i < ARRAY_SIZE(refused); i++) {
		KTEST_EXPECT_EQ(t, set_usecs(a, refused[i]), -EINVAL);
		KTEST_EXPECT_EQ(t, get_usecs(a), 4);
	}

	KTEST_EXPECT_EQ(t, set_usecs(a, 3), 0);
	KTEST_EXPECT_EQ(t, get_usecs(a), 3);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr_reg(20000));
}

/*
 * The ethtool core refuses, before the driver sees it, any request with
 * a field the e1000 does not implement (Linux's
 * ethtool_set_coalesce_supported): all or nothing, -EOPNOTSUPP.
 */
static void e1000_coalesce_unsupported_refused(struct ktest *t)
{
	struct e1000_adapter *a = e1000_or_skip(t);
	struct ethtool_coalesce ec;
	u32 itr;

	if (!a)
		return;
	KTEST_ASSERT_EQ(t, ethtool_get_coalesce(a->netdev, &ec), 0);
	KTEST_EXPECT_EQ(t, ec.rx_coalesce_usecs, 3);
	itr = er32(a, E1000_ITR);

	ec.rx_coalesce_usecs = 100;
	ec.rx_max_coalesced_frames = 64;
	KTEST_EXPECT_EQ(t, ethtool_set_coalesce(a->netdev, &ec), -EOPNOTSUPP);
	ec.rx_max_coalesced_frames = 0;
	ec.tx_coalesce_usecs = 10;
	KTEST_EXPECT_EQ(t, ethtool_set_coalesce(a->netdev, &ec), -EOPNOTSUPP);
	ec.tx_coalesce_usecs = 0;
	ec.use_adaptive_rx_coalesce = 1;
	KTEST_EXPECT_EQ(t, ethtool_set_coalesce(a->netdev, &ec), -EOPNOTSUPP);

	KTEST_ASSERT_EQ(t, ethtool_get_coalesce(a->netdev, &ec), 0);
	KTEST_EXPECT_EQ(t, ec.rx_coalesce_usecs, 3);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr);
}

/* One interrupt's worth of traffic, classed as the poll would. */
static void poll_saw(struct e1000_adapter *a, unsigned int packets,
		     unsigned int frame_len)
{
	a->total_rx_packets = packets;
	a->total_rx_bytes = packets * frame_len;
	a->total_tx_packets = packets;
	a->total_tx_bytes = packets * frame_len;
	e1000_set_itr(a);
}

/*
 * Linux's e1000_update_itr/e1000_set_itr, fed what a flood and a ping
 * look like to one interrupt's polls.  NAPI is held off meanwhile so
 * that real traffic cannot move the state under the test.
 */
static void e1000_dynamic_itr_classes(struct ktest *t)
{
	static const u32 climb[] = { 9000, 14000, 19000, 20000 };
	struct e1000_adapter *a = e1000_or_skip(t);
	unsigned int i;

	if (!a)
		return;
	KTEST_ASSERT_TRUE(t, wait_for(netif_carrier_ok(a->netdev)));
	napi_disable(&a->napi);

	/* Conservative (the default): full-size frames by the dozen: bulk. */
	KTEST_EXPECT_EQ(t, set_usecs(a, 3), 0);
	a->rx_itr = low_latency;
	a->tx_itr = low_latency;
	poll_saw(a, 20, 1442);
	KTEST_EXPECT_EQ(t, a->rx_itr, bulk_latency);
	KTEST_EXPECT_EQ(t, a->itr, 4000);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr_reg(4000));
	/* One ping per interrupt: low_latency again, climbing in quarters. */
	for (i = 0; i < ARRAY_SIZE(climb); i++) {
		poll_saw(a, 1, 98);
		KTEST_EXPECT_EQ(t, a->rx_itr, low_latency);
		KTEST_EXPECT_EQ(t, a->itr, climb[i]);
		KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr_reg(climb[i]));
	}
	/* ... and never lowest_latency in conservative mode. */
	poll_saw(a, 1, 98);
	KTEST_EXPECT_EQ(t, a->itr, 20000);
	/* An interrupt whose polls saw nothing changes nothing. */
	poll_saw(a, 0, 0);
	KTEST_EXPECT_EQ(t, a->rx_itr, low_latency);

	/* Dynamic (1): a trickle goes to lowest_latency, 70,000 ints/s. */
	KTEST_EXPECT_EQ(t, set_usecs(a, 1), 0);
	poll_saw(a, 1, 98);
	KTEST_EXPECT_EQ(t, a->rx_itr, lowest_latency);
	KTEST_EXPECT_EQ(t, a->itr, 20000 + 70000 / 4);
	poll_saw(a, 1, 98);
	poll_saw(a, 1, 98);
	KTEST_EXPECT_EQ(t, a->itr, 70000);
	/* Small frames by the hundred stay lowest; big ones leave it. */
	poll_saw(a, 200, 100);
	KTEST_EXPECT_EQ(t, a->rx_itr, lowest_latency);
	poll_saw(a, 3, 1442);
	KTEST_EXPECT_EQ(t, a->rx_itr, low_latency);
	KTEST_EXPECT_EQ(t, a->itr, 20000);	/* falling: at once */

	KTEST_EXPECT_EQ(t, set_usecs(a, 3), 0);
	a->rx_itr = low_latency;
	a->tx_itr = low_latency;
	napi_enable(&a->napi);
}

/*
 * Mode 4 (Linux's "simplified"), from the watchdog: one-way traffic
 * 8,000 ints/s, symmetric 2,000.  The watchdog is held off meanwhile.
 */
static void e1000_simplified_itr(struct ktest *t)
{
	struct e1000_adapter *a = e1000_or_skip(t);

	if (!a)
		return;
	cancel_delayed_work_sync(&a->watchdog_task);
	KTEST_EXPECT_EQ(t, set_usecs(a, 4), 0);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr_reg(8000));

	a->gorc_old = a->stats.gorc - 1000000;
	a->gotc_old = a->stats.gotc - 1000000;
	e1000_itr_simplified(a);
	KTEST_EXPECT_EQ(t, a->itr, 2000);
	KTEST_EXPECT_EQ(t, er32(a, E1000_ITR), itr_reg(2000));

	a->gorc_old = a->stats.gorc - 1000000;
	a->gotc_old = a->stats.gotc;
	e1000_itr_simplified(a);
	KTEST_EXPECT_EQ(t, a->itr, 8000);

	a->gorc_old = a->stats.gorc - 3000000;
	a->gotc_old = a->stats.gotc - 1000000;
	e1000_itr_simplified(a);
	KTEST_EXPECT_EQ(t, a->itr, 200 * 6000 / 400 + 2000);

	/* Nothing moved: the one-way figure. */
	e1000_itr_simplified(a);
	KTEST_EXPECT_EQ(t, a->itr, 8000);

	KTEST_EXPECT_EQ(t, set_usecs(a, 3), 0);
	schedule_delayed_work(&a->watchdog_task, 0);
}

/*
 * A frame through dev_queue_xmit: its descriptor gets DD back, the poll
 * reaps it (tx_packets), and the NIC counted it (GPTC).
 */
static void expect_xmit_completes(struct ktest *t, struct e1000_adapter *a)
{
	struct net_device *dev = a->netdev;
	unsigned long before;
	struct sk_buff *skb;
	unsigned int slot;
	u64 gptc;
	u8 *p;

	KTEST_ASSERT_TRUE(t, wait_for(netif_carrier_ok(dev)));
	e1000_update_stats(a);
	gptc = a->stats.gptc;
	before = dev->stats.tx_packets;
	slot = a->tx_ring.next_to_use;

	skb = alloc_skb(NET_SKB_PAD + ETH_ZLEN, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, skb);
	skb_reserve(skb, NET_SKB_PAD);
	p = skb_put(skb, ETH_ZLEN);
	memset(p, 0, ETH_ZLEN);
	eth_broadcast_addr(p);
	ether_addr_copy(p + ETH_ALEN, dev->dev_addr);
	p[12] = 0x88;	/* 0x88b5: IEEE 802 local experimental ethertype */
	p[13] = 0xb5;
	skb->dev = dev;
	KTEST_ASSERT_EQ(t, dev_queue_xmit(skb), NET_XMIT_SUCCESS);

	KTEST_ASSERT_TRUE(t,
			  wait_for(READ_ONCE(dev->stats.tx_packets) > before));
	KTEST_EXPECT_TRUE(t, a->tx_ring.desc[slot].status & E1000_TXD_STAT_DD);
	KTEST_EXPECT_TRUE(t, a->tx_ring.buffer_info[slot].skb == NULL);
	e1000_update_stats(a);
	KTEST_EXPECT_GT(t, a->stats.gptc, gptc);
}

static void e1000_xmit_completes(struct ktest *t)
{
	struct e1000_adapter *a = e1000_or_skip(t);

	if (a)
		expect_xmit_completes(t, a);
}

static bool e1000_rx_buffers_idle(struct e1000_adapter *a)
{
	unsigned int total, nr_free, target;
	unsigned long allocs;

	e1000_rx_pool_counts(&total, &nr_free, &target, &allocs);
	return total - nr_free == a->rx_ring.count;
}

/* Only one kind of allocation fails for this task: slab or pages. */
static void fail_only(struct fault_attr *attr)
{
	current->make_it_fail = true;
	attr->task_filter = true;
	atomic_set(&attr->times, -1);
	WRITE_ONCE(attr->probability, 100);
}

enum resize_fault { FAIL_ALL, FAIL_SLAB, FAIL_PAGES };

static int resize_failing(struct e1000_adapter *a, enum resize_fault f,
			  unsigned int rx, unsigned int tx)
{
	struct ethtool_ringparam r;
	int err;

	ethtool_get_ringparam(a->netdev, &r);
	r.rx_pending = rx;
	r.tx_pending = tx;
	if (f == FAIL_ALL)
		fault_inject_current_allocs(true);
	else
		fail_only(f == FAIL_SLAB ? &failslab : &fail_page_alloc);
	err = ethtool_set_ringparam(a->netdev, &r);
	fault_inject_current_allocs(false);
	return err;
}

/*
 * Linux's e1000_set_ringparam allocates the new rings before it lets go
 * of the old ones: with no memory for them it answers -ENOMEM and the
 * device is as it was, up, with its old rings, passing traffic; and a
 * later resize works.  Each way of running out is tried: everything,
 * only slab (the receive buffers), only pages (descriptors, the large
 * buffer_info arrays).
 */
static void e1000_ring_resize_without_memory(struct ktest *t)
{
	static const struct {
		enum resize_fault fault;
		unsigned int rx, tx;
	} cases[] = {
		{ FAIL_ALL, 4096, 4096 },
		{ FAIL_SLAB, 4096, 4096 },
		{ FAIL_PAGES, 4096, 4096 },
		{ FAIL_PAGES, 48, 48 },
	};
	struct e1000_adapter *a = e1000_or_skip(t);
	struct ethtool_ringparam r;
	unsigned int i;

	if (!a)
		return;
	KTEST_ASSERT_TRUE(t, wait_for(netif_carrier_ok(a->netdev)));
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		ktest_log(t, "case %u: fault %d, rx %u tx %u", i,
			  cases[i].fault, cases[i].rx, cases[i].tx);
		KTEST_EXPECT_EQ(t, resize_failing(a, cases[i].fault,
						  cases[i].rx, cases[i].tx),
				-ENOMEM);
		expect_rings(t, a, E1000_DEFAULT_RXD, E1000_DEFAULT_TXD);
		KTEST_EXPECT_TRUE(t, netif_running(a->netdev));
		KTEST_EXPECT_FALSE(t, test_bit(__E1000_DOWN, &a->flags));
		KTEST_EXPECT_TRUE(t, er32(a, E1000_RCTL) & E1000_RCTL_EN);
		KTEST_EXPECT_TRUE(t, er32(a, E1000_TCTL) & E1000_TCTL_EN);
		expect_xmit_completes(t, a);
		KTEST_EXPECT_TRUE(t, wait_for(e1000_rx_buffers_idle(a)));
	}

	/* With memory back, the same resize works, and back again. */
	ethtool_get_ringparam(a->netdev, &r);
	r.rx_pending = 1024;
	r.tx_pending = 512;
	KTEST_EXPECT_EQ(t, ethtool_set_ringparam(a->netdev, &r), 0);
	expect_rings(t, a, 1024, 512);
	expect_xmit_completes(t, a);
	r.rx_pending = E1000_DEFAULT_RXD;
	r.tx_pending = E1000_DEFAULT_TXD;
	KTEST_EXPECT_EQ(t, ethtool_set_ringparam(a->netdev, &r), 0);
	expect_rings(t, a, E1000_DEFAULT_RXD, E1000_DEFAULT_TXD);
	expect_xmit_completes(t, a);
	KTEST_EXPECT_TRUE(t, wait_for(e1000_rx_buffers_idle(a)));
}

/* Every receive buffer is in the ring or free when the stack holds none. */
static void e1000_rx_buffers_accounted(struct ktest *t)
{
	struct e1000_adapter *a = e1000_or_skip(t);
	unsigned int total, nr_free, target;
	unsigned long allocs;

	if (!a)
		return;
	e1000_rx_pool_counts(&total, &nr_free, &target, &allocs);
	KTEST_EXPECT_LE(t, total, target);
	KTEST_EXPECT_GE(t, total, a->rx_ring.count);
	KTEST_EXPECT_TRUE(t, wait_for(e1000_rx_buffers_idle(a)));
}

/* Every frame the NIC counted good was delivered or dropped by a reason. */
static void e1000_rx_frames_accounted(struct ktest *t)
{
	struct e1000_adapter *a = e1000_or_skip(t);

	if (!a)
		return;
	KTEST_EXPECT_TRUE(t, wait_for(({
		e1000_update_stats(a);
		a->stats.gprc == a->sw.rx_delivered + a->sw.rx_dropped; })));
}

static const struct ktest_case e1000_cases[] = {
	KTEST_CASE(e1000_probed),
	KTEST_CASE(e1000_mac_address),
	KTEST_CASE(e1000_link_comes_up),
	KTEST_CASE(e1000_ring_sizes),
	KTEST_CASE(e1000_coalesce_modes),
	KTEST_CASE(e1000_coalesce_unsupported_refused),
	KTEST_CASE(e1000_dynamic_itr_classes),
	KTEST_CASE(e1000_simplified_itr),
	KTEST_CASE(e1000_xmit_completes),
	KTEST_CASE(e1000_ring_resize_without_memory),
	KTEST_CASE(e1000_rx_buffers_accounted),
	KTEST_CASE(e1000_rx_frames_accounted),
	{ }
};
KTEST_SUITE(e1000, e1000_cases);
