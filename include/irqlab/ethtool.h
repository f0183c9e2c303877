/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ethtool operations a driver offers (a subset of Linux's struct
 * ethtool_ops), the structures they exchange in Linux's layouts
 * (include/uapi/linux/ethtool.h), and the core's entry points, Linux's
 * ETHTOOL_Gxxx and ETHTOOL_Sxxx ioctl handlers of net/ethtool/ioctl.c.  The `ethtool`
 * shell command (net/core/ethtool.c) speaks to drivers only through
 * these, and prints what ethtool 6.1 prints over the ioctl.
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
	u32 cmd;
	char driver[32];
	char version[32];
	char fw_version[32];
	char bus_info[32];
};

/* Interrupt coalescing: every field Linux's ETHTOOL_GCOALESCE carries. */
struct ethtool_coalesce {
	u32 cmd;
	u32 rx_coalesce_usecs;
	u32 rx_max_coalesced_frames;
	u32 rx_coalesce_usecs_irq;
	u32 rx_max_coalesced_frames_irq;
	u32 tx_coalesce_usecs;
	u32 tx_max_coalesced_frames;
	u32 tx_coalesce_usecs_irq;
	u32 tx_max_coalesced_frames_irq;
	u32 stats_block_coalesce_usecs;
	u32 use_adaptive_rx_coalesce;
	u32 use_adaptive_tx_coalesce;
	u32 pkt_rate_low;
	u32 rx_coalesce_usecs_low;
	u32 rx_max_coalesced_frames_low;
	u32 tx_coalesce_usecs_low;
	u32 tx_max_coalesced_frames_low;
	u32 pkt_rate_high;
	u32 rx_coalesce_usecs_high;
	u32 rx_max_coalesced_frames_high;
	u32 tx_coalesce_usecs_high;
	u32 tx_max_coalesced_frames_high;
	u32 rate_sample_interval;
};

/*
 * What a driver's set_coalesce implements (ethtool_ops'
 * supported_coalesce_params, Linux's bits): the core refuses a request
 * with any other field nonzero, so no driver ignores one silently.
 */
#define ETHTOOL_COALESCE_RX_USECS		(1u << 0)
#define ETHTOOL_COALESCE_RX_MAX_FRAMES		(1u << 1)
#define ETHTOOL_COALESCE_RX_USECS_IRQ		(1u << 2)
#define ETHTOOL_COALESCE_RX_MAX_FRAMES_IRQ	(1u << 3)
#define ETHTOOL_COALESCE_TX_USECS		(1u << 4)
#define ETHTOOL_COALESCE_TX_MAX_FRAMES		(1u << 5)
#define ETHTOOL_COALESCE_TX_USECS_IRQ		(1u << 6)
#define ETHTOOL_COALESCE_TX_MAX_FRAMES_IRQ	(1u << 7)
#define ETHTOOL_COALESCE_STATS_BLOCK_USECS	(1u << 8)
#define ETHTOOL_COALESCE_USE_ADAPTIVE_RX	(1u << 9)
#define ETHTOOL_COALESCE_USE_ADAPTIVE_TX	(1u << 10)
#define ETHTOOL_COALESCE_PKT_RATE_LOW		(1u << 11)
#define ETHTOOL_COALESCE_RX_USECS_LOW		(1u << 12)
#define ETHTOOL_COALESCE_RX_MAX_FRAMES_LOW	(1u << 13)
#define ETHTOOL_COALESCE_TX_USECS_LOW		(1u << 14)
#define ETHTOOL_COALESCE_TX_MAX_FRAMES_LOW	(1u << 15)
#define ETHTOOL_COALESCE_PKT_RATE_HIGH		(1u << 16)
#define ETHTOOL_COALESCE_RX_USECS_HIGH		(1u << 17)
#define ETHTOOL_COALESCE_RX_MAX_FRAMES_HIGH	(1u << 18)
#define ETHTOOL_COALESCE_TX_USECS_HIGH		(1u << 19)
#define ETHTOOL_COALESCE_TX_MAX_FRAMES_HIGH	(1u << 20)
#define ETHTOOL_COALESCE_RATE_SAMPLE_INTERVAL	(1u << 21)

struct ethtool_ringparam {
	u32 cmd;
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
	u32 supported_coalesce_params;
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

/*
 * The core, as Linux's ioctl handlers: 0 or a negative errno, with
 * Linux's checks (-EOPNOTSUPP without the operation or for a coalescing
 * parameter the driver does not implement, -EINVAL for rings beyond the
 * driver's maximums).
 */
int ethtool_get_drvinfo(struct net_device *dev, struct ethtool_drvinfo *info);
int ethtool_get_coalesce(struct net_device *dev, struct ethtool_coalesce *ec);
int ethtool_set_coalesce(struct net_device *dev, struct ethtool_coalesce *ec);
int ethtool_get_ringparam(struct net_device *dev,
			  struct ethtool_ringparam *ring);
int ethtool_set_ringparam(struct net_device *dev,
			  struct ethtool_ringparam *ring);

#endif /* _IRQLAB_ETHTOOL_H */
