// SPDX-License-Identifier: GPL-2.0
/*
 * The `ethtool` shell command over a driver's ethtool_ops, in the output
 * formats of Linux's ethtool utility: `ethtool DEV` (link), `-i`, `-S`,
 * `-c`/`-C DEV rx-usecs N`, `-g`/`-G DEV rx N tx N`.
 */
#include <irqlab/netdevice.h>
#include <irqlab/ethtool.h>
#include <irqlab/kstrtox.h>
#include <irqlab/shell.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>

static int eth_show_link(struct net_device *dev, const struct ethtool_ops *ops)
{
	bool link = ops && ops->get_link ? ops->get_link(dev) :
		    netif_carrier_ok(dev);

	sh_printf("Settings for %s:\n", dev->name);
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

static int eth_show_drvinfo(struct net_device *dev,
			    const struct ethtool_ops *ops)
{
	struct ethtool_drvinfo info;

	if (!ops->get_drvinfo)
		return -1;
	memset(&info, 0, sizeof(info));
	ops->get_drvinfo(dev, &info);
	sh_printf("driver: %s\nversion: %s\nfirmware-version: %s\nbus-info: %s\n",
		  info.driver, info.version, info.fw_version, info.bus_info);
	return 0;
}

static int eth_show_stats(struct net_device *dev,
			  const struct ethtool_ops *ops)
{
	int n, i;
	u8 *names;
	u64 *vals;

	if (!ops->get_sset_count || !ops->get_strings ||
	    !ops->get_ethtool_stats)
		return -1;
	n = ops->get_sset_count(dev, ETH_SS_STATS);
	if (n <= 0)
		return -1;
	names = kcalloc(n, ETH_GSTRING_LEN, GFP_KERNEL);
	vals = kcalloc(n, sizeof(*vals), GFP_KERNEL);
	if (names && vals) {
		ops->get_strings(dev, ETH_SS_STATS, names);
		ops->get_ethtool_stats(dev, NULL, vals);
		sh_printf("NIC statistics:\n");
		for (i = 0; i < n; i++)
			sh_printf("     %.*s: %llu\n", ETH_GSTRING_LEN,
				  (char *)names + i * ETH_GSTRING_LEN,
				  (unsigned long long)vals[i]);
	}
	kfree(names);
	kfree(vals);
	return names && vals ? 0 : -1;
}

static int eth_show_coalesce(struct net_device *dev,
			     const struct ethtool_ops *ops)
{
	struct ethtool_coalesce ec;

	if (!ops->get_coalesce)
		return -1;
	memset(&ec, 0, sizeof(ec));
	if (ops->get_coalesce(dev, &ec))
		return -1;
	sh_printf("Coalesce parameters for %s:\n", dev->name);
	sh_printf("Adaptive RX: n/a  TX: n/a\n\n");
	sh_printf("rx-usecs: %u\nrx-frames: %u\n\n", ec.rx_coalesce_usecs,
		  ec.rx_max_coalesced_frames);
	sh_printf("tx-usecs: %u\ntx-frames: %u\n\n", ec.tx_coalesce_usecs,
		  ec.tx_max_coalesced_frames);
	return 0;
}

static void ring_line(const char *name, u32 v)
{
	sh_printf("%s\t%u\n", name, v);
}

static int eth_show_ring(struct net_device *dev,
			 const struct ethtool_ops *ops)
{
	struct ethtool_ringparam r;

	if (!ops->get_ringparam)
		return -1;
	memset(&r, 0, sizeof(r));
	ops->get_ringparam(dev, &r);
	sh_printf("Ring parameters for %s:\nPre-set maximums:\n", dev->name);
	ring_line("RX:\t", r.rx_max_pending);
	sh_printf("RX Mini:\tn/a\nRX Jumbo:\tn/a\n");
	ring_line("TX:\t", r.tx_max_pending);
	sh_printf("Current hardware settings:\n");
	ring_line("RX:\t", r.rx_pending);
	sh_printf("RX Mini:\tn/a\nRX Jumbo:\tn/a\n");
	ring_line("TX:\t", r.tx_pending);
	return 0;
}

/* "NAME VALUE" pairs after the device; *matched counts the known ones. */
static int parse_pairs(int argc, char **argv, const char *const *names,
		       u32 **vals, int nnames)
{
	int i, j;
	unsigned int v;

	for (i = 0; i < argc; i += 2) {
		for (j = 0; j < nnames; j++)
			if (!strcmp(argv[i], names[j]))
				break;
		if (j == nnames || i + 1 >= argc ||
		    kstrtouint(argv[i + 1], 10, &v))
			return -1;
		*vals[j] = v;
	}
	return 0;
}

static int eth_set_coalesce(struct net_device *dev,
			    const struct ethtool_ops *ops, int argc,
			    char **argv)
{
	static const char *const names[] = { "rx-usecs", "rx-frames",
					     "tx-usecs", "tx-frames" };
	struct ethtool_coalesce ec;
	u32 *vals[] = { &ec.rx_coalesce_usecs, &ec.rx_max_coalesced_frames,
			&ec.tx_coalesce_usecs, &ec.tx_max_coalesced_frames };

	if (!ops->get_coalesce || !ops->set_coalesce)
		return -1;
	memset(&ec, 0, sizeof(ec));
	ops->get_coalesce(dev, &ec);
	if (parse_pairs(argc, argv, names, vals, 4))
		return -2;
	return ops->set_coalesce(dev, &ec) ? -1 : 0;
}

static int eth_set_ring(struct net_device *dev, const struct ethtool_ops *ops,
			int argc, char **argv)
{
	static const char *const names[] = { "rx", "tx" };
	struct ethtool_ringparam r;
	u32 *vals[] = { &r.rx_pending, &r.tx_pending };

	if (!ops->get_ringparam || !ops->set_ringparam)
		return -1;
	memset(&r, 0, sizeof(r));
	ops->get_ringparam(dev, &r);
	if (parse_pairs(argc, argv, names, vals, 2))
		return -2;
	if (r.rx_pending > r.rx_max_pending || r.tx_pending > r.tx_max_pending)
		return -2;
	return ops->set_ringparam(dev, &r) ? -1 : 0;
}

static int cmd_ethtool(int argc, char **argv)
{
	const struct ethtool_ops *ops;
	struct net_device *dev;
	const char *opt = NULL;
	int ret;

	if (argc >= 3 && argv[1][0] == '-') {
		opt = argv[1];
		argv++;
		argc--;
	}
	if (argc < 2) {
		sh_printf("ethtool: bad command line argument(s)\n"
			  "usage: ethtool [-i|-S|-c|-g] DEV | -C DEV rx-usecs N | -G DEV rx N tx N\n");
		return 1;
	}
	dev = dev_get_by_name(argv[1]);
	if (!dev) {
		sh_printf("netlink error: no device matches name (offset 24)\n"
			  "netlink error: No such device\n");
		return 1;
	}
	ops = dev->ethtool_ops;
	if (!opt)
		return eth_show_link(dev, ops);
	if (!ops) {
		sh_printf("netlink error: Operation not supported\n");
		return 1;
	}
	if (!strcmp(opt, "-i"))
		ret = eth_show_drvinfo(dev, ops);
	else if (!strcmp(opt, "-S"))
		ret = eth_show_stats(dev, ops);
	else if (!strcmp(opt, "-c"))
		ret = eth_show_coalesce(dev, ops);
	else if (!strcmp(opt, "-g"))
		ret = eth_show_ring(dev, ops);
	else if (!strcmp(opt, "-C"))
		ret = eth_set_coalesce(dev, ops, argc - 2, argv + 2);
	else if (!strcmp(opt, "-G"))
		ret = eth_set_ring(dev, ops, argc - 2, argv + 2);
	else
		ret = -2;
	if (ret == -2) {
		sh_printf("ethtool: bad command line argument(s)\n");
		return 1;
	}
	if (ret) {
		sh_printf("netlink error: Operation not supported\n");
		return 1;
	}
	return 0;
}
SHELL_COMMAND("ethtool", "ethtool [-i|-S|-c|-g] DEV, -C DEV rx-usecs N, -G DEV rx N tx N",
	      cmd_ethtool);
