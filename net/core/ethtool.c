// SPDX-License-Identifier: GPL-2.0
/*
 * The ethtool core and the `ethtool` shell command.
 *
 * The core is Linux's net/ethtool/ioctl.c handlers for the requests
 * irqlab's drivers answer, with their checks: an operation the driver
 * lacks is -EOPNOTSUPP; a coalescing request with a nonzero field the
 * driver does not list in supported_coalesce_params is -EOPNOTSUPP
 * before the driver sees it (ethtool_set_coalesce_supported); rings
 * beyond the driver's maximums are -EINVAL.
 *
 * The command is ethtool 6.1 over that ioctl: `ethtool DEV` (link), -i,
 * -S, -c, -C, -g, -G, with its output formats, its "Cannot ...: <strerror>"
 * messages, its "no ... parameters changed, aborting" when a set would
 * change nothing, and its usage error for anything it cannot parse.
 */
#include <irqlab/netdevice.h>
#include <irqlab/ethtool.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/kstrtox.h>
#include <irqlab/shell.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>

/* ---- the core ----------------------------------------------------------- */

int ethtool_get_drvinfo(struct net_device *dev, struct ethtool_drvinfo *info)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;

	if (!ops || !ops->get_drvinfo)
		return -EOPNOTSUPP;
	memset(info, 0, sizeof(*info));
	ops->get_drvinfo(dev, info);
	return 0;
}

int ethtool_get_coalesce(struct net_device *dev, struct ethtool_coalesce *ec)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;

	if (!ops || !ops->get_coalesce)
		return -EOPNOTSUPP;
	memset(ec, 0, sizeof(*ec));
	return ops->get_coalesce(dev, ec);
}

/* Linux's ethtool_set_coalesce_supported: every nonzero field is one the
 * driver implements. */
static bool ethtool_set_coalesce_supported(struct net_device *dev,
					   const struct ethtool_coalesce *ec)
{
	u32 supported = dev->ethtool_ops->supported_coalesce_params;
	u32 nonzero = 0;

	if (ec->rx_coalesce_usecs)
		nonzero |= ETHTOOL_COALESCE_RX_USECS;
	if (ec->rx_max_coalesced_frames)
		nonzero |= ETHTOOL_COALESCE_RX_MAX_FRAMES;
	if (ec->rx_coalesce_usecs_irq)
		nonzero |= ETHTOOL_COALESCE_RX_USECS_IRQ;
	if (ec->rx_max_coalesced_frames_irq)
		nonzero |= ETHTOOL_COALESCE_RX_MAX_FRAMES_IRQ;
	if (ec->tx_coalesce_usecs)
		nonzero |= ETHTOOL_COALESCE_TX_USECS;
	if (ec->tx_max_coalesced_frames)
		nonzero |= ETHTOOL_COALESCE_TX_MAX_FRAMES;
	if (ec->tx_coalesce_usecs_irq)
		nonzero |= ETHTOOL_COALESCE_TX_USECS_IRQ;
	if (ec->tx_max_coalesced_frames_irq)
		nonzero |= ETHTOOL_COALESCE_TX_MAX_FRAMES_IRQ;
	if (ec->stats_block_coalesce_usecs)
		nonzero |= ETHTOOL_COALESCE_STATS_BLOCK_USECS;
	if (ec->use_adaptive_rx_coalesce)
		nonzero |= ETHTOOL_COALESCE_USE_ADAPTIVE_RX;
	if (ec->use_adaptive_tx_coalesce)
		nonzero |= ETHTOOL_COALESCE_USE_ADAPTIVE_TX;
	if (ec->pkt_rate_low)
		nonzero |= ETHTOOL_COALESCE_PKT_RATE_LOW;
	if (ec->rx_coalesce_usecs_low)
		nonzero |= ETHTOOL_COALESCE_RX_USECS_LOW;
	if (ec->rx_max_coalesced_frames_low)
		nonzero |= ETHTOOL_COALESCE_RX_MAX_FRAMES_LOW;
	if (ec->tx_coalesce_usecs_low)
		nonzero |= ETHTOOL_COALESCE_TX_USECS_LOW;
	if (ec->tx_max_coalesced_frames_low)
		nonzero |= ETHTOOL_COALESCE_TX_MAX_FRAMES_LOW;
	if (ec->pkt_rate_high)
		nonzero |= ETHTOOL_COALESCE_PKT_RATE_HIGH;
	if (ec->rx_coalesce_usecs_high)
		nonzero |= ETHTOOL_COALESCE_RX_USECS_HIGH;
	if (ec->rx_max_coalesced_frames_high)
		nonzero |= ETHTOOL_COALESCE_RX_MAX_FRAMES_HIGH;
	if (ec->tx_coalesce_usecs_high)
		nonzero |= ETHTOOL_COALESCE_TX_USECS_HIGH;
	if (ec->tx_max_coalesced_frames_high)
		nonzero |= ETHTOOL_COALESCE_TX_MAX_FRAMES_HIGH;
	if (ec->rate_sample_interval)
		nonzero |= ETHTOOL_COALESCE_RATE_SAMPLE_INTERVAL;
	return (supported & nonzero) == nonzero;
}

int ethtool_set_coalesce(struct net_device *dev, struct ethtool_coalesce *ec)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_coalesce cur;
	int ret;

	if (!ops || !ops->get_coalesce || !ops->set_coalesce)
		return -EOPNOTSUPP;
	ret = ops->get_coalesce(dev, &cur);
	if (ret)
		return ret;
	if (!ethtool_set_coalesce_supported(dev, ec))
		return -EOPNOTSUPP;
	return ops->set_coalesce(dev, ec);
}

int ethtool_get_ringparam(struct net_device *dev,
			  struct ethtool_ringparam *ring)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;

	if (!ops || !ops->get_ringparam)
		return -EOPNOTSUPP;
	memset(ring, 0, sizeof(*ring));
	ops->get_ringparam(dev, ring);
	return 0;
}

int ethtool_set_ringparam(struct net_device *dev,
			  struct ethtool_ringparam *ring)
{
	const struct ethtool_ops *ops = dev->ethtool_ops;
	struct ethtool_ringparam max;

	if (!ops || !ops->get_ringparam || !ops->set_ringparam)
		return -EOPNOTSUPP;
	memset(&max, 0, sizeof(max));
	ops->get_ringparam(dev, &max);
	if (ring->rx_pending > max.rx_max_pending ||
	    ring->rx_mini_pending > max.rx_mini_max_pending ||
	    ring->rx_jumbo_pending > max.rx_jumbo_max_pending ||
	    ring->tx_pending > max.tx_max_pending)
		return -EINVAL;
	return ops->set_ringparam(dev, ring);
}

/* ---- the command: ethtool 6.1's text over the core ---------------------- */

/* ethtool's perror(): the message, then the C library's text for err. */
static void eth_perror(const char *what, int err)
{
	sh_printf("%s: %s\n", what, strerror(err));
}

static int eth_bad_args(void)
{
	sh_printf("ethtool: bad command line argument(s)\n"
		  "For more information run ethtool -h\n");
	return 1;
}

/*
 * One settable parameter of ethtool's command line (its struct
 * cmdline_info): a u32 in the ioctl structure, a number or on/off.
 */
struct eth_param {
	const char *name;
	size_t offset;
	bool is_bool;
};

#define EC_PARAM(n, f)	{ n, offsetof(struct ethtool_coalesce, f), false }
#define EC_BOOL(n, f)	{ n, offsetof(struct ethtool_coalesce, f), true }
#define ER_PARAM(n, f)	{ n, offsetof(struct ethtool_ringparam, f), false }

/* ethtool 6.1's -C names, in its order. */
static const struct eth_param coalesce_params[] = {
	EC_BOOL("adaptive-rx", use_adaptive_rx_coalesce),
	EC_BOOL("adaptive-tx", use_adaptive_tx_coalesce),
	EC_PARAM("sample-interval", rate_sample_interval),
	EC_PARAM("stats-block-usecs", stats_block_coalesce_usecs),
	EC_PARAM("pkt-rate-low", pkt_rate_low),
	EC_PARAM("pkt-rate-high", pkt_rate_high),
	EC_PARAM("rx-usecs", rx_coalesce_usecs),
	EC_PARAM("rx-frames", rx_max_coalesced_frames),
	EC_PARAM("rx-usecs-irq", rx_coalesce_usecs_irq),
	EC_PARAM("rx-frames-irq", rx_max_coalesced_frames_irq),
	EC_PARAM("tx-usecs", tx_coalesce_usecs),
	EC_PARAM("tx-frames", tx_max_coalesced_frames),
	EC_PARAM("tx-usecs-irq", tx_coalesce_usecs_irq),
	EC_PARAM("tx-frames-irq", tx_max_coalesced_frames_irq),
	EC_PARAM("rx-usecs-low", rx_coalesce_usecs_low),
	EC_PARAM("rx-frames-low", rx_max_coalesced_frames_low),
	EC_PARAM("tx-usecs-low", tx_coalesce_usecs_low),
	EC_PARAM("tx-frames-low", tx_max_coalesced_frames_low),
	EC_PARAM("rx-usecs-high", rx_coalesce_usecs_high),
	EC_PARAM("rx-frames-high", rx_max_coalesced_frames_high),
	EC_PARAM("tx-usecs-high", tx_coalesce_usecs_high),
	EC_PARAM("tx-frames-high", tx_max_coalesced_frames_high),
};

static const struct eth_param ring_params[] = {
	ER_PARAM("rx", rx_pending),
	ER_PARAM("rx-mini", rx_mini_pending),
	ER_PARAM("rx-jumbo", rx_jumbo_pending),
	ER_PARAM("tx", tx_pending),
};

#define ETH_PARAMS_MAX	ARRAY_SIZE(coalesce_params)

/*
 * ethtool's parse_generic_cmdline: NAME VALUE pairs, each name known;
 * wanted[i] is set for the parameters given.  -EINVAL on anything else,
 * before the device is asked anything, as ethtool does.
 */
static int eth_parse_params(int argc, char **argv,
			    const struct eth_param *params, unsigned int n,
			    bool *given, u32 *wanted)
{
	unsigned int j, v;
	int i;

	for (i = 0; i < argc; i += 2) {
		for (j = 0; j < n; j++)
			if (!strcmp(argv[i], params[j].name))
				break;
		if (j == n || i + 1 >= argc)
			return -EINVAL;
		if (params[j].is_bool) {
			if (!strcmp(argv[i + 1], "on"))
				v = 1;
			else if (!strcmp(argv[i + 1], "off"))
				v = 0;
			else
				return -EINVAL;
		} else if (kstrtouint(argv[i + 1], 0, &v)) {
			return -EINVAL;
		}
		given[j] = true;
		wanted[j] = v;
	}
	return 0;
}

/* ethtool's do_generic_set: the wanted values in, and whether any differs. */
static bool eth_apply_params(void *data, const struct eth_param *params,
			     unsigned int n, const bool *given,
			     const u32 *wanted)
{
	bool changed = false;
	unsigned int j;

	for (j = 0; j < n; j++) {
		u32 *field = (u32 *)((char *)data + params[j].offset);

		if (given[j] && *field != wanted[j]) {
			*field = wanted[j];
			changed = true;
		}
	}
	return changed;
}

static int eth_show_link(const char *name, struct net_device *dev)
{
	const struct ethtool_ops *ops;
	bool link;

	sh_printf("Settings for %s:\n", name);
	if (!dev) {
		eth_perror("Cannot get device settings", -ENODEV);
		eth_perror("Cannot get wake-on-lan settings", -ENODEV);
		eth_perror("Cannot get message level", -ENODEV);
		eth_perror("Cannot get link status", -ENODEV);
		sh_printf("No data available\n");
		return 1;
	}
	ops = dev->ethtool_ops;
	link = ops && ops->get_link ? ops->get_link(dev) :
	       netif_carrier_ok(dev);
	if (link) {
		/* The 8254x models irqlab drives run at 1000/full. */
		sh_printf("\tSpeed: 1000Mb/s\n\tDuplex: Full\n");
	} else {
		sh_printf("\tSpeed: Unknown!\n\tDuplex: Unknown! (255)\n");
	}
	sh_printf("\tPort: Twisted Pair\n\tLink detected: %s\n",
		  link ? "yes" : "no");
	return 0;
}

static int eth_show_drvinfo(struct net_device *dev)
{
	struct ethtool_drvinfo info;
	int err = dev ? ethtool_get_drvinfo(dev, &info) : -ENODEV;

	if (err) {
		eth_perror("Cannot get driver information", err);
		return 1;
	}
	sh_printf("driver: %s\nversion: %s\nfirmware-version: %s\n"
		  "expansion-rom-version: \nbus-info: %s\n"
		  "supports-statistics: %s\nsupports-test: no\n"
		  "supports-eeprom-access: no\nsupports-register-dump: no\n"
		  "supports-priv-flags: no\n",
		  info.driver, info.version, info.fw_version, info.bus_info,
		  dev->ethtool_ops->get_ethtool_stats ? "yes" : "no");
	return 0;
}

static int eth_show_stats(struct net_device *dev)
{
	const struct ethtool_ops *ops = dev ? dev->ethtool_ops : NULL;
	int n, i;
	u8 *names;
	u64 *vals;

	if (!ops || !ops->get_sset_count || !ops->get_strings ||
	    !ops->get_ethtool_stats) {
		eth_perror("Cannot get stats strings information",
			   dev ? -EOPNOTSUPP : -ENODEV);
		return 1;
	}
	n = ops->get_sset_count(dev, ETH_SS_STATS);
	if (n < 1) {
		sh_printf("no stats available\n");
		return 1;
	}
	names = kcalloc(n, ETH_GSTRING_LEN, GFP_KERNEL);
	vals = kcalloc(n, sizeof(*vals), GFP_KERNEL);
	if (!names || !vals) {
		eth_perror("Cannot get stats strings information", -ENOMEM);
		kfree(names);
		kfree(vals);
		return 1;
	}
	ops->get_strings(dev, ETH_SS_STATS, names);
	ops->get_ethtool_stats(dev, NULL, vals);
	sh_printf("NIC statistics:\n");
	for (i = 0; i < n; i++)
		sh_printf("     %.*s: %llu\n", ETH_GSTRING_LEN,
			  (char *)names + i * ETH_GSTRING_LEN,
			  (unsigned long long)vals[i]);
	kfree(names);
	kfree(vals);
	return 0;
}

static int eth_show_coalesce(const char *name, struct net_device *dev)
{
	struct ethtool_coalesce ec;
	int err = dev ? ethtool_get_coalesce(dev, &ec) : -ENODEV;

	if (err) {
		eth_perror("Cannot get device coalesce settings", err);
		return 1;
	}
	sh_printf("Coalesce parameters for %s:\n", name);
	sh_printf("Adaptive RX: %s  TX: %s\n",
		  ec.use_adaptive_rx_coalesce ? "on" : "off",
		  ec.use_adaptive_tx_coalesce ? "on" : "off");
	sh_printf("stats-block-usecs: %u\nsample-interval: %u\n"
		  "pkt-rate-low: %u\npkt-rate-high: %u\n\n",
		  ec.stats_block_coalesce_usecs, ec.rate_sample_interval,
		  ec.pkt_rate_low, ec.pkt_rate_high);
	sh_printf("rx-usecs: %u\nrx-frames: %u\nrx-usecs-irq: %u\n"
		  "rx-frames-irq: %u\n\n",
		  ec.rx_coalesce_usecs, ec.rx_max_coalesced_frames,
		  ec.rx_coalesce_usecs_irq, ec.rx_max_coalesced_frames_irq);
	sh_printf("tx-usecs: %u\ntx-frames: %u\ntx-usecs-irq: %u\n"
		  "tx-frames-irq: %u\n\n",
		  ec.tx_coalesce_usecs, ec.tx_max_coalesced_frames,
		  ec.tx_coalesce_usecs_irq, ec.tx_max_coalesced_frames_irq);
	sh_printf("rx-usecs-low: %u\nrx-frames-low: %u\ntx-usecs-low: %u\n"
		  "tx-frames-low: %u\n\n",
		  ec.rx_coalesce_usecs_low, ec.rx_max_coalesced_frames_low,
		  ec.tx_coalesce_usecs_low, ec.tx_max_coalesced_frames_low);
	sh_printf("rx-usecs-high: %u\nrx-frames-high: %u\n"
		  "tx-usecs-high: %u\ntx-frames-high: %u\n\n",
		  ec.rx_coalesce_usecs_high, ec.rx_max_coalesced_frames_high,
		  ec.tx_coalesce_usecs_high, ec.tx_max_coalesced_frames_high);
	return 0;
}

static int eth_set_coalesce(struct net_device *dev, int argc, char **argv)
{
	bool given[ETH_PARAMS_MAX] = { false };
	u32 wanted[ETH_PARAMS_MAX];
	struct ethtool_coalesce ec;
	int err;

	if (eth_parse_params(argc, argv, coalesce_params,
			     ARRAY_SIZE(coalesce_params), given, wanted))
		return eth_bad_args();
	err = dev ? ethtool_get_coalesce(dev, &ec) : -ENODEV;
	if (err) {
		eth_perror("Cannot get device coalesce settings", err);
		return 1;
	}
	if (!eth_apply_params(&ec, coalesce_params,
			      ARRAY_SIZE(coalesce_params), given, wanted)) {
		sh_printf("no coalesce parameters changed, aborting\n");
		return 1;
	}
	err = ethtool_set_coalesce(dev, &ec);
	if (err) {
		eth_perror("Cannot set device coalesce parameters", err);
		return 1;
	}
	return 0;
}

static int eth_show_ring(const char *name, struct net_device *dev)
{
	struct ethtool_ringparam r;
	int err = dev ? ethtool_get_ringparam(dev, &r) : -ENODEV;

	if (err) {
		eth_perror("Cannot get device ring settings", err);
		return 1;
	}
	sh_printf("Ring parameters for %s:\n", name);
	sh_printf("Pre-set maximums:\nRX:\t\t%u\nRX Mini:\t%u\n"
		  "RX Jumbo:\t%u\nTX:\t\t%u\n",
		  r.rx_max_pending, r.rx_mini_max_pending,
		  r.rx_jumbo_max_pending, r.tx_max_pending);
	sh_printf("Current hardware settings:\nRX:\t\t%u\nRX Mini:\t%u\n"
		  "RX Jumbo:\t%u\nTX:\t\t%u\n\n",
		  r.rx_pending, r.rx_mini_pending, r.rx_jumbo_pending,
		  r.tx_pending);
	return 0;
}

static int eth_set_ring(struct net_device *dev, int argc, char **argv)
{
	bool given[ETH_PARAMS_MAX] = { false };
	u32 wanted[ETH_PARAMS_MAX];
	struct ethtool_ringparam r;
	int err;

	if (eth_parse_params(argc, argv, ring_params, ARRAY_SIZE(ring_params),
			     given, wanted))
		return eth_bad_args();
	err = dev ? ethtool_get_ringparam(dev, &r) : -ENODEV;
	if (err) {
		eth_perror("Cannot get device ring settings", err);
		return 1;
	}
	if (!eth_apply_params(&r, ring_params, ARRAY_SIZE(ring_params), given,
			      wanted)) {
		sh_printf("no ring parameters changed, aborting\n");
		return 1;
	}
	err = ethtool_set_ringparam(dev, &r);
	if (err) {
		eth_perror("Cannot set device ring parameters", err);
		return 1;
	}
	return 0;
}

static const struct {
	const char *opt, *long_opt;
	int mode;
} eth_modes[] = {
	{ "-i", "--driver", 'i' },
	{ "-S", "--statistics", 'S' },
	{ "-c", "--show-coalesce", 'c' },
	{ "-C", "--coalesce", 'C' },
	{ "-g", "--show-ring", 'g' },
	{ "-G", "--set-ring", 'G' },
};

static int cmd_ethtool(int argc, char **argv)
{
	struct net_device *dev;
	const char *name;
	unsigned int i;
	int mode = 0;

	if (argc >= 2 && argv[1][0] == '-') {
		for (i = 0; i < ARRAY_SIZE(eth_modes); i++)
			if (!strcmp(argv[1], eth_modes[i].opt) ||
			    !strcmp(argv[1], eth_modes[i].long_opt))
				mode = eth_modes[i].mode;
		if (!mode)
			return eth_bad_args();
		argv++;
		argc--;
	}
	if (argc < 2)
		return eth_bad_args();
	name = argv[1];
	/* Only -C and -G take more than the device. */
	if (argc > 2 && mode != 'C' && mode != 'G')
		return eth_bad_args();
	dev = dev_get_by_name(name);

	switch (mode) {
	case 'i':
		return eth_show_drvinfo(dev);
	case 'S':
		return eth_show_stats(dev);
	case 'c':
		return eth_show_coalesce(name, dev);
	case 'C':
		return eth_set_coalesce(dev, argc - 2, argv + 2);
	case 'g':
		return eth_show_ring(name, dev);
	case 'G':
		return eth_set_ring(dev, argc - 2, argv + 2);
	default:
		return eth_show_link(name, dev);
	}
}
SHELL_COMMAND("ethtool",
	      "ethtool [-i|-S|-c|-g] DEV, -C DEV rx-usecs N..., -G DEV rx N tx N",
	      cmd_ethtool);
