// SPDX-License-Identifier: GPL-2.0
/*
 * ethtool_ops for the e1000 (Linux's e1000_ethtool.c): driver info, link,
 * ring sizes (-g/-G), interrupt throttling (-c/-C rx-usecs, the only
 * coalescing parameter it implements) and the statistics of `ethtool -S`,
 * hardware counters first under Linux's names.
 */
#include <irqlab/string.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/sprintf.h>
#include <irqlab/delay.h>
#include "e1000.h"

struct e1000_stat {
	char name[ETH_GSTRING_LEN];
	enum { HW, SW, NETDEV, LATENCY } type;
	size_t offset;
};

#define E1000_HW(n, f)	{ n, HW, offsetof(struct e1000_hw_stats, f) }
#define E1000_SW(n, f)	{ n, SW, offsetof(struct e1000_sw_stats, f) }
#define E1000_LAT(n, i)	{ n, LATENCY, (i) }
#define E1000_NET(n, f)	{ n, NETDEV, offsetof(struct net_device_stats, f) }

/* Linux's e1000_gstrings_stats order and names, then irqlab's own. */
static const struct e1000_stat e1000_gstrings_stats[] = {
	E1000_HW("rx_packets", gprc),
	E1000_HW("tx_packets", gptc),
	E1000_HW("rx_bytes", gorc),
	E1000_HW("tx_bytes", gotc),
	E1000_HW("rx_broadcast", bprc),
	E1000_HW("tx_broadcast", bptc),
	E1000_HW("rx_multicast", mprc),
	E1000_HW("tx_multicast", mptc),
	E1000_NET("rx_errors", rx_errors),
	E1000_NET("tx_errors", tx_errors),
	E1000_NET("tx_dropped", tx_dropped),
	E1000_HW("multicast", mprc),
	E1000_HW("collisions", colc),
	E1000_NET("rx_length_errors", rx_length_errors),
	E1000_HW("rx_over_errors", rnbc),
	E1000_HW("rx_crc_errors", crcerrs),
	E1000_NET("rx_frame_errors", rx_frame_errors),
	E1000_HW("rx_no_buffer_count", rnbc),
	E1000_HW("rx_missed_errors", mpc),
	E1000_HW("tx_aborted_errors", ecol),
	E1000_HW("tx_carrier_errors", tncrs),
	E1000_HW("tx_window_errors", latecol),
	E1000_HW("tx_abort_late_coll", latecol),
	E1000_HW("tx_deferred_ok", dc),
	E1000_HW("tx_single_coll_ok", scc),
	E1000_HW("tx_multi_coll_ok", mcc),
	E1000_SW("tx_restart_queue", tx_restart_queue),
	E1000_HW("rx_long_length_errors", roc),
	E1000_HW("rx_short_length_errors", ruc),
	E1000_HW("rx_align_errors", algnerrc),
	E1000_HW("rx_flow_control_xon", xonrxc),
	E1000_HW("rx_flow_control_xoff", xoffrxc),
	E1000_HW("tx_flow_control_xon", xontxc),
	E1000_HW("tx_flow_control_xoff", xofftxc),
	E1000_HW("rx_long_byte_count", gorc),
	E1000_SW("alloc_rx_buff_failed", alloc_rx_buff_failed),
	/* irqlab: where every frame of rx_packets went. */
	E1000_SW("rx_delivered", rx_delivered),
	E1000_SW("rx_dropped", rx_dropped),
	E1000_SW("rx_frame_error_drops", rx_frame_errors),
	E1000_SW("rx_long_drops", rx_long_drops),
	E1000_SW("rx_short_drops", rx_short_drops),
	E1000_SW("rx_down_drops", rx_down_drops),
	E1000_HW("rx_total_packets", tpr),
	E1000_SW("tx_busy", tx_busy),
	E1000_SW("intr", intr_total),
	E1000_SW("intr_not_ours", intr_none),
	E1000_SW("napi_polls", napi_polls),
	/* The dynamic ITR's decisions, one per completed poll. */
	E1000_LAT("itr_lowest_latency", lowest_latency),
	E1000_LAT("itr_low_latency", low_latency),
	E1000_LAT("itr_bulk_latency", bulk_latency),
};

/* Gauges of the rings and the buffer pool (idle values tell of leaks). */
static const char * const e1000_gauge_names[] = {
	"itr",		/* interrupts/s now programmed, 0 if off */
	"rx_ring_count", "tx_ring_count", "tx_ring_in_flight",
	"rx_buffers_total", "rx_buffers_free", "rx_buffers_target",
	"rx_buffer_allocs",
};

#define E1000_STATS_LEN	ARRAY_SIZE(e1000_gstrings_stats)
#define E1000_GAUGES_LEN ARRAY_SIZE(e1000_gauge_names)

static void e1000_get_drvinfo(struct net_device *netdev,
			      struct ethtool_drvinfo *info)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	strscpy(info->driver, "e1000", sizeof(info->driver));
	strscpy(info->version, "irqlab", sizeof(info->version));
	strscpy(info->fw_version, "", sizeof(info->fw_version));
	snprintf(info->bus_info, sizeof(info->bus_info), "0000:%s",
		 pci_name(adapter->pdev));
}

static u32 e1000_get_link(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	return !!(er32(adapter, E1000_STATUS) & E1000_STATUS_LU);
}

static int e1000_get_sset_count(struct net_device *netdev, int sset)
{
	return sset == ETH_SS_STATS ? (int)(E1000_STATS_LEN + E1000_GAUGES_LEN) :
				      -EINVAL;
}

static void e1000_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < E1000_STATS_LEN; i++, data += ETH_GSTRING_LEN)
		strscpy((char *)data, e1000_gstrings_stats[i].name,
			ETH_GSTRING_LEN);
	for (i = 0; i < E1000_GAUGES_LEN; i++, data += ETH_GSTRING_LEN)
		strscpy((char *)data, e1000_gauge_names[i], ETH_GSTRING_LEN);
}

static void e1000_get_ethtool_stats(struct net_device *netdev, void *unused,
				    u64 *data)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	unsigned int i, total, nr_free, target;
	unsigned long allocs;

	e1000_update_stats(adapter);
	for (i = 0; i < E1000_STATS_LEN; i++) {
		const struct e1000_stat *st = &e1000_gstrings_stats[i];
		const char *base;

		switch (st->type) {
		case HW:
			base = (const char *)&adapter->stats;
			data[i] = *(const u64 *)(base + st->offset);
			break;
		case SW:
			base = (const char *)&adapter->sw;
			data[i] = *(const u64 *)(base + st->offset);
			break;
		case LATENCY:
			data[i] = adapter->itr_class_count[st->offset];
			break;
		default:
			base = (const char *)&netdev->stats;
			data[i] = *(const unsigned long *)(base + st->offset);
			break;
		}
	}
	e1000_rx_pool_counts(&total, &nr_free, &target, &allocs);
	data[i++] = adapter->itr_setting ? adapter->itr : 0;
	data[i++] = adapter->rx_ring.count;
	data[i++] = adapter->tx_ring.count;
	data[i++] = adapter->tx_ring.desc ?
		    adapter->tx_ring.count - 1 -
		    e1000_desc_unused_tx(&adapter->tx_ring) : 0;
	data[i++] = total;
	data[i++] = nr_free;
	data[i++] = target;
	data[i++] = allocs;
}

/*
 * Linux's e1000_get_coalesce: the mode (0..4) as itself, a fixed rate
 * as the interval in microseconds.  Linux's e1000 answers -EOPNOTSUPP
 * on MACs before the 82545, the 82540EM among them; irqlab offers
 * rx-usecs there too, as the 82540EM has the ITR register and Linux
 * programs it through InterruptThrottleRate.
 */
static int e1000_get_coalesce(struct net_device *netdev,
			      struct ethtool_coalesce *ec)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	if (adapter->itr_setting <= 4)
		ec->rx_coalesce_usecs = adapter->itr_setting;
	else
		ec->rx_coalesce_usecs = 1000000 / adapter->itr_setting;
	return 0;
}

/* Linux's e1000_set_coalesce: rx-usecs 0..4 pick a mode (2 is none). */
static int e1000_set_coalesce(struct net_device *netdev,
			      struct ethtool_coalesce *ec)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	u32 usecs = ec->rx_coalesce_usecs;

	if (usecs > E1000_MAX_ITR_USECS ||
	    (usecs > 4 && usecs < E1000_MIN_ITR_USECS) || usecs == 2)
		return -EINVAL;

	if (usecs == 4) {
		adapter->itr_setting = 4;
		adapter->itr = 8000;	/* see e1000_itr_simplified */
	} else if (usecs <= 3) {
		adapter->itr = 20000;
		adapter->itr_setting = usecs;
	} else {
		adapter->itr = 1000000 / usecs;
		adapter->itr_setting = adapter->itr & ~3u;
	}
	e1000_write_itr(adapter, adapter->itr_setting ? adapter->itr : 0);
	return 0;
}

static void e1000_get_ringparam(struct net_device *netdev,
				struct ethtool_ringparam *ring)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	memset(ring, 0, sizeof(*ring));
	ring->rx_max_pending = E1000_MAX_RXD;
	ring->tx_max_pending = E1000_MAX_TXD;
	ring->rx_pending = adapter->rx_ring.count;
	ring->tx_pending = adapter->tx_ring.count;
}

/*
 * Linux's e1000_set_ringparam: the new rings, with their buffers, are
 * allocated before the old ones are let go, so a resize that finds no
 * memory answers -ENOMEM and brings the device back up as it was.
 */
static int e1000_set_ringparam(struct net_device *netdev,
			       struct ethtool_ringparam *ring)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct e1000_tx_ring txdr = { 0 };
	struct e1000_rx_ring rxdr = { 0 };
	bool running = netif_running(netdev);
	int err;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending)
		return -EINVAL;

	rxdr.count = max(ring->rx_pending, (u32)E1000_MIN_RXD);
	rxdr.count = min(rxdr.count, (u32)E1000_MAX_RXD);
	rxdr.count = ALIGN(rxdr.count, REQ_RX_DESCRIPTORS_MULTIPLE);
	txdr.count = max(ring->tx_pending, (u32)E1000_MIN_TXD);
	txdr.count = min(txdr.count, (u32)E1000_MAX_TXD);
	txdr.count = ALIGN(txdr.count, REQ_TX_DESCRIPTORS_MULTIPLE);

	while (test_and_set_bit(__E1000_RESETTING, &adapter->flags))
		msleep(1);

	if (!running) {
		/* e1000_open allocates them at these sizes. */
		adapter->rx_ring.count = rxdr.count;
		adapter->tx_ring.count = txdr.count;
		err = 0;
		goto out;
	}

	e1000_down(adapter);
	/* Try to get new resources before deleting old. */
	err = e1000_setup_rx_resources(adapter, &rxdr);
	if (err)
		goto err_setup_rx;
	err = e1000_setup_tx_resources(adapter, &txdr);
	if (err)
		goto err_setup_tx;
	e1000_free_rx_resources(adapter, &adapter->rx_ring);
	e1000_free_tx_resources(adapter, &adapter->tx_ring);
	adapter->rx_ring = rxdr;
	adapter->tx_ring = txdr;
	e1000_up(adapter);
	goto out;

err_setup_tx:
	e1000_free_rx_resources(adapter, &rxdr);
err_setup_rx:
	e1000_up(adapter);
out:
	clear_bit(__E1000_RESETTING, &adapter->flags);
	return err;
}

static const struct ethtool_ops e1000_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS,
	.get_drvinfo		= e1000_get_drvinfo,
	.get_link		= e1000_get_link,
	.get_sset_count		= e1000_get_sset_count,
	.get_strings		= e1000_get_strings,
	.get_ethtool_stats	= e1000_get_ethtool_stats,
	.get_coalesce		= e1000_get_coalesce,
	.set_coalesce		= e1000_set_coalesce,
	.get_ringparam		= e1000_get_ringparam,
	.set_ringparam		= e1000_set_ringparam,
};

void e1000_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &e1000_ethtool_ops;
}
