/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ethtool operations a driver offers (Linux's struct ethtool_ops subset);
 * the `ethtool` shell command (net/core/ethtool.c) prints them in Linux
 * ethtool's formats.
 */
#ifndef _IRQLAB_ETHTOOL_H
#define _IRQLAB_ETHTOOL_H

#include <irqlab/types.h>

struct net_device;

#define ETH_GSTRING_LEN	32

enum ethtool_stringset {
	ETH_SS_TEST = 0,
	ETH_SS_STATS,
};

struct ethtool_drvinfo {
	char driver[32];
	char version[32];
	char fw_version[32];
	char bus_info[32];
};

struct ethtool_coalesce {
	u32 rx_coalesce_usecs;
	u32 rx_max_coalesced_frames;
	u32 tx_coalesce_usecs;
	u32 tx_max_coalesced_frames;
};

struct ethtool_ringparam {
	u32 rx_max_pending;
	u32 rx_mini_max_pending;
	u32 rx_jumbo_max_pending;
	u32 tx_max_pending;
	u32 rx_pending;
	u32 rx_mini_pending;
	u32 rx_jumbo_pending;
	u32 tx_pending;
};

struct ethtool_ops {
	void (*get_drvinfo)(struct net_device *dev,
			    struct ethtool_drvinfo *info);
	u32 (*get_link)(struct net_device *dev);
	int (*get_sset_count)(struct net_device *dev, int sset);
	void (*get_strings)(struct net_device *dev, u32 sset, u8 *data);
	void (*get_ethtool_stats)(struct net_device *dev, void *stats,
				  u64 *data);
	int (*get_coalesce)(struct net_device *dev,
			    struct ethtool_coalesce *ec);
	int (*set_coalesce)(struct net_device *dev,
			    struct ethtool_coalesce *ec);
	void (*get_ringparam)(struct net_device *dev,
			      struct ethtool_ringparam *ring);
	int (*set_ringparam)(struct net_device *dev,
			     struct ethtool_ringparam *ring);
};

#endif /* _IRQLAB_ETHTOOL_H */
