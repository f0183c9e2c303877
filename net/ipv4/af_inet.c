// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 set-up: the address from the command line (`ip=A.B.C.D/N gw=G`,
 * QEMU user networking's 10.0.2.15/24 via 10.0.2.2 by default, like the
 * kernel's ip= autoconfiguration), the udp-echo service, and the
 * `ifconfig` and `ip addr` views.
 */
#include <irqlab/init.h>
#include <irqlab/net.h>
#include <irqlab/etherdevice.h>
#include <irqlab/cmdline.h>
#include <irqlab/printk.h>
#include <irqlab/shell.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>
#include <irqlab/smp.h>

void udp_echo_init(void);

/* Parses "A.B.C.D" into network order; false if malformed. */
static bool in_aton(const char *s, u32 *out, const char **end)
{
	u32 a = 0;
	int i;

	for (i = 0; i < 4; i++) {
		unsigned int v = 0, digits = 0;

		while (*s >= '0' && *s <= '9' && digits < 4) {
			v = v * 10 + (*s++ - '0');
			digits++;
		}
		if (!digits || v > 255)
			return false;
		a |= v << (8 * i);
		if (i < 3 && *s++ != '.')
			return false;
	}
	*out = a;
	if (end)
		*end = s;
	return true;
}

static u32 prefix_to_mask(unsigned int prefix)
{
	return prefix ? htonl(~0u << (32 - prefix)) : 0;
}

void ip_config_apply(struct net_device *dev)
{
	char buf[40];
	const char *p;
	unsigned int prefix = 24;
	u32 addr, gw;

	if (!cmdline_get("ip", buf, sizeof(buf)))
		strscpy(buf, "10.0.2.15/24", sizeof(buf));
	if (!in_aton(buf, &addr, &p)) {
		pr_err("%s: bad ip=%s\n", dev->name, buf);
		return;
	}
	if (*p == '/') {
		prefix = 0;
		for (p++; *p >= '0' && *p <= '9'; p++)
			prefix = prefix * 10 + (*p - '0');
		if (prefix > 32)
			prefix = 24;
	}
	dev->ip_addr = addr;
	dev->netmask = prefix_to_mask(prefix);
	if (!cmdline_get("gw", buf, sizeof(buf)))
		strscpy(buf, "10.0.2.2", sizeof(buf));
	dev->gateway = in_aton(buf, &gw, NULL) ? gw : 0;
}

static int inet_init(void)
{
	arp_init();
	udp_echo_init();
	return 0;
}
fs_initcall(inet_init);

void fmt_ip(char *buf, size_t len, u32 a)
{
	snprintf(buf, len, "%u.%u.%u.%u", a & 0xff, (a >> 8) & 0xff,
		 (a >> 16) & 0xff, a >> 24);
}

static unsigned int mask_to_prefix(u32 mask)
{
	return hweight_long(mask);
}

/* net-tools' "(1.8 MiB)": powers of 1024, one decimal, no floating point. */
static void fmt_bytes(char *buf, size_t len, unsigned long b)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	unsigned long whole = b, rem = 0;
	int i = 0;

	while (whole >= 1024 && i < 4) {
		rem = whole % 1024;
		whole /= 1024;
		i++;
	}
	snprintf(buf, len, "%lu.%lu %s", whole, rem * 10 / 1024, unit[i]);
}

static void ifconfig_one(struct net_device *dev)
{
	static const struct { unsigned int bit; const char *name; } fl[] = {
		{ IFF_UP, "UP" }, { IFF_BROADCAST, "BROADCAST" },
		{ IFF_DEBUG, "DEBUG" }, { IFF_LOOPBACK, "LOOPBACK" },
		{ IFF_RUNNING, "RUNNING" }, { IFF_PROMISC, "PROMISC" },
		{ IFF_MULTICAST, "MULTICAST" },
	};
	const struct net_device_stats *s = &dev->stats;
	char a[16], m[16], b[16], rb[24], tb[24];
	const u8 *h = dev->dev_addr;
	unsigned int i, n = 0;

	sh_printf("%s: flags=%u<", dev->name, dev->flags);
	for (i = 0; i < ARRAY_SIZE(fl); i++)
		if (dev->flags & fl[i].bit)
			sh_printf("%s%s", n++ ? "," : "", fl[i].name);
	sh_printf(">  mtu %u\n", dev->mtu);
	if (dev->ip_addr) {
		fmt_ip(a, sizeof(a), dev->ip_addr);
		fmt_ip(m, sizeof(m), dev->netmask);
		fmt_ip(b, sizeof(b), dev->ip_addr | ~dev->netmask);
		sh_printf("        inet %s  netmask %s  broadcast %s\n", a, m, b);
	}
	sh_printf("        ether %02x:%02x:%02x:%02x:%02x:%02x  txqueuelen %u  (Ethernet)\n",
		  h[0], h[1], h[2], h[3], h[4], h[5], dev->tx_queue_len);
	fmt_bytes(rb, sizeof(rb), s->rx_bytes);
	fmt_bytes(tb, sizeof(tb), s->tx_bytes);
	sh_printf("        RX packets %lu  bytes %lu (%s)\n", s->rx_packets,
		  s->rx_bytes, rb);
	sh_printf("        RX errors %lu  dropped %lu  overruns %lu  frame %lu\n",
		  s->rx_errors, s->rx_dropped + dev->rx_dropped_core,
		  s->rx_fifo_errors, s->rx_frame_errors);
	sh_printf("        TX packets %lu  bytes %lu (%s)\n", s->tx_packets,
		  s->tx_bytes, tb);
	sh_printf("        TX errors %lu  dropped %lu overruns %lu  carrier %lu  collisions %lu\n\n",
		  s->tx_errors, s->tx_dropped + dev->tx_dropped_core,
		  s->tx_fifo_errors, s->tx_carrier_errors, s->collisions);
}

static int cmd_ifconfig(int argc, char **argv)
{
	struct net_device *dev;

	if (argc > 1) {
		dev = dev_get_by_name(argv[1]);
		if (!dev) {
			sh_printf("%s: error fetching interface information: Device not found\n",
				  argv[1]);
			return 1;
		}
		ifconfig_one(dev);
		return 0;
	}
	for_each_netdev(dev)
		ifconfig_one(dev);
	return 0;
}
SHELL_COMMAND("ifconfig", "ifconfig [IFACE]: interfaces, net-tools format",
	      cmd_ifconfig);

/* iproute2's abbreviations: any prefix of the object's name. */
static bool ip_object_is(const char *arg, const char *object)
{
	size_t len = strlen(arg);

	return len && len <= strlen(object) && !strncmp(arg, object, len);
}

/* iproute2's `ip addr` (`ip a`, `ip address show`) and `ip neigh`. */
static int cmd_ip(int argc, char **argv)
{
	struct net_device *dev;
	char a[16], b[16];
	const u8 *h;

	if (argc >= 2 && (ip_object_is(argv[1], "neighbour") ||
			  ip_object_is(argv[1], "neighbor"))) {
		arp_ip_neigh_show();
		return 0;
	}
	if (argc < 2 || !ip_object_is(argv[1], "address")) {
		sh_printf("usage: ip addr [show] | ip neigh [show]\n");
		return 1;
	}
	for_each_netdev(dev) {
		bool up = (dev->flags & IFF_UP) && netif_carrier_ok(dev);

		h = dev->dev_addr;
		sh_printf("%d: %s: <BROADCAST,MULTICAST%s%s> mtu %u qdisc pfifo_fast state %s group default qlen %u\n",
			  dev->ifindex, dev->name,
			  dev->flags & IFF_UP ? ",UP" : "",
			  up ? ",LOWER_UP" : "", dev->mtu,
			  up ? "UP" : "DOWN", dev->tx_queue_len);
		sh_printf("    link/ether %02x:%02x:%02x:%02x:%02x:%02x brd ff:ff:ff:ff:ff:ff\n",
			  h[0], h[1], h[2], h[3], h[4], h[5]);
		if (!dev->ip_addr)
			continue;
		fmt_ip(a, sizeof(a), dev->ip_addr);
		fmt_ip(b, sizeof(b), dev->ip_addr | ~dev->netmask);
		sh_printf("    inet %s/%u brd %s scope global %s\n", a,
			  mask_to_prefix(dev->netmask), b, dev->name);
		sh_printf("       valid_lft forever preferred_lft forever\n");
	}
	return 0;
}
SHELL_COMMAND("ip", "ip addr | ip neigh: interfaces, neighbours, iproute2 format",
	      cmd_ip);

unsigned long snmp_fold_field(const void *mib, int offt)
{
	unsigned long sum = 0;
	int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(((const unsigned long *)
				  per_cpu_ptr(mib, cpu))[offt]);
	return sum;
}

#define IP_MIB(f)	snmp_fold_field(&ip_statistics, IPSTATS_MIB_##f)
#define ICMP_MIB(f)	snmp_fold_field(&icmp_statistics, ICMP_MIB_##f)
#define UDP_MIB(f)	snmp_fold_field(&udp_statistics, UDP_MIB_##f)

/*
 * /proc/net/snmp's rows irqlab counts, Linux's name/value line pairs in
 * Linux's order; each value the sum of every CPU's count.
 */
static void proc_net_snmp_show(void)
{
	sh_printf("Ip: InReceives InHdrErrors InAddrErrors InUnknownProtos InDelivers OutRequests OutDiscards OutNoRoutes\n");
	sh_printf("Ip: %lu %lu %lu %lu %lu %lu %lu %lu\n", IP_MIB(INPKTS),
		  IP_MIB(INHDRERRORS), IP_MIB(INADDRERRORS),
		  IP_MIB(INUNKNOWNPROTOS), IP_MIB(INDELIVERS),
		  IP_MIB(OUTREQUESTS), IP_MIB(OUTDISCARDS),
		  IP_MIB(OUTNOROUTES));
	sh_printf("Icmp: InMsgs InErrors InCsumErrors OutMsgs\n");
	sh_printf("Icmp: %lu %lu %lu %lu\n", ICMP_MIB(INMSGS),
		  ICMP_MIB(INERRORS), ICMP_MIB(CSUMERRORS), ICMP_MIB(OUTMSGS));
	sh_printf("Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors\n");
	sh_printf("Udp: %lu %lu %lu %lu %lu %lu %lu\n", UDP_MIB(INDATAGRAMS),
		  UDP_MIB(NOPORTS), UDP_MIB(INERRORS), UDP_MIB(OUTDATAGRAMS),
		  UDP_MIB(RCVBUFERRORS), UDP_MIB(SNDBUFERRORS),
		  UDP_MIB(CSUMERRORS));
}
PROC_ENTRY("/proc/net/snmp", proc_net_snmp_show);
