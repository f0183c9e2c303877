// SPDX-License-Identifier: GPL-2.0
/*
 * ARP (Linux's net/ipv4/arp.c) over the neighbour cache
 * (net/core/neighbour.c): arp_tbl and its net.ipv4.neigh.default.*
 * knobs, requests for the neighbours being resolved or probed, replies to
 * requests for our address, what received frames teach the cache, the
 * gratuitous ARP at link-up, and the views: /proc/net/arp, arp -n,
 * ip neigh and /proc/net/stat/arp_cache.
 */
#include <irqlab/net.h>
#include <irqlab/neighbour.h>
#include <irqlab/etherdevice.h>
#include <irqlab/errno.h>
#include <irqlab/jiffies.h>
#include <irqlab/kernel.h>
#include <irqlab/shell.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>
#include <irqlab/sysctl.h>

static int arp_constructor(struct neighbour *n);
static void arp_solicit(struct neighbour *n, struct sk_buff *skb);
static void arp_error_report(struct neighbour *n, struct sk_buff *skb);

static const struct neigh_ops arp_generic_ops = {
	.solicit = arp_solicit,
	.error_report = arp_error_report,
	.output = neigh_resolve_output,
	.connected_output = neigh_connected_output,
};

static DEFINE_PER_CPU(struct neigh_statistics, arp_stats);

/* Linux's defaults for ARP. */
struct neigh_table arp_tbl = {
	.id = "arp_cache",
	.constructor = arp_constructor,
	.parms = {
		.base_reachable_time_ms = 30 * 1000,
		.retrans_time_ms = 1000,
		.delay_first_probe_time = 5,
		.gc_stale_time = 60,
		.locktime = 100,
		.ucast_solicit = 3,
		.mcast_solicit = 3,
		.unres_qlen_bytes = NEIGH_QUEUE_LEN_BYTES,
		.unres_qlen = NEIGH_QUEUE_LEN_BYTES /
			      SKB_TRUESIZE(ETH_FRAME_LEN),
	},
	.gc_interval = 30,
	.gc_thresh1 = 128,
	.gc_thresh2 = 512,
	.gc_thresh3 = 1024,
	.stats = &arp_stats,
};

/*
 * The knobs, as Linux's net.ipv4.neigh.default.*: irqlab has one set for
 * every device, which is what a Linux device follows until its own
 * net.ipv4.neigh.DEV.* is written.  SYSCTL_INT_HANDLER pastes its
 * variable's name into its entry's, so each field has a plain name here
 * (SYSCTL_INT would expand it first: hence the handler form, NULL).
 */
#define arp_base_reachable_time_ms	arp_tbl.parms.base_reachable_time_ms
#define arp_retrans_time_ms		arp_tbl.parms.retrans_time_ms
#define arp_delay_first_probe_time	arp_tbl.parms.delay_first_probe_time
#define arp_gc_stale_time		arp_tbl.parms.gc_stale_time
#define arp_locktime			arp_tbl.parms.locktime
#define arp_ucast_solicit		arp_tbl.parms.ucast_solicit
#define arp_mcast_solicit		arp_tbl.parms.mcast_solicit
#define arp_mcast_resolicit		arp_tbl.parms.mcast_resolicit
#define arp_app_solicit			arp_tbl.parms.app_solicit
#define arp_unres_qlen_bytes		arp_tbl.parms.unres_qlen_bytes
#define arp_unres_qlen			arp_tbl.parms.unres_qlen
#define arp_gc_interval			arp_tbl.gc_interval
#define arp_gc_thresh1			arp_tbl.gc_thresh1
#define arp_gc_thresh2			arp_tbl.gc_thresh2
#define arp_gc_thresh3			arp_tbl.gc_thresh3

/* A new base: a new reachable_time at once, not at the next 300 s pass. */
static int base_reachable_time_store(const struct ctl_table *t, int value)
{
	WRITE_ONCE(*t->data, value);
	neigh_parms_update_reachable_time(&arp_tbl.parms);
	return 0;
}

/* unres_qlen is unres_qlen_bytes counted in full-size frames, as Linux. */
static int unres_qlen_bytes_store(const struct ctl_table *t, int value)
{
	WRITE_ONCE(arp_tbl.parms.unres_qlen_bytes, value);
	WRITE_ONCE(arp_tbl.parms.unres_qlen,
		   value / SKB_TRUESIZE(ETH_FRAME_LEN));
	return 0;
}

static int unres_qlen_store(const struct ctl_table *t, int value)
{
	WRITE_ONCE(arp_tbl.parms.unres_qlen, value);
	WRITE_ONCE(arp_tbl.parms.unres_qlen_bytes,
		   value * SKB_TRUESIZE(ETH_FRAME_LEN));
	return 0;
}

#define NEIGH_SYSCTL(name)	"net.ipv4.neigh.default." name
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("app_solicit"), arp_app_solicit,
		   0, INT_MAX, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("base_reachable_time_ms"),
		   arp_base_reachable_time_ms, 0, INT_MAX,
		   base_reachable_time_store);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("delay_first_probe_time"),
		   arp_delay_first_probe_time, 0, INT_MAX / HZ, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("gc_interval"), arp_gc_interval,
		   0, INT_MAX / HZ, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("gc_stale_time"), arp_gc_stale_time,
		   0, INT_MAX / HZ, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("gc_thresh1"), arp_gc_thresh1,
		   0, INT_MAX, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("gc_thresh2"), arp_gc_thresh2,
		   0, INT_MAX, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("gc_thresh3"), arp_gc_thresh3,
		   0, INT_MAX, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("locktime"), arp_locktime,
		   0, INT_MAX / HZ, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("mcast_resolicit"), arp_mcast_resolicit,
		   0, INT_MAX, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("mcast_solicit"), arp_mcast_solicit,
		   0, INT_MAX, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("retrans_time_ms"), arp_retrans_time_ms,
		   0, INT_MAX, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("ucast_solicit"), arp_ucast_solicit,
		   0, INT_MAX, NULL);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("unres_qlen"), arp_unres_qlen, 0,
		   INT_MAX / SKB_TRUESIZE(ETH_FRAME_LEN), unres_qlen_store);
SYSCTL_INT_HANDLER(NEIGH_SYSCTL("unres_qlen_bytes"), arp_unres_qlen_bytes, 0,
		   INT_MAX, unres_qlen_bytes_store);

static void arp_send(struct net_device *dev, u16 op, u32 tip,
		     const u8 *dest_hw, const u8 *target_hw)
{
	struct sk_buff *skb;
	u8 *p;

	skb = alloc_skb(NET_SKB_PAD + ETH_ZLEN, GFP_ATOMIC);
	if (!skb)
		return;
	skb_reserve(skb, NET_SKB_PAD + ETH_HLEN);
	p = skb_put(skb, ETH_ZLEN - ETH_HLEN);	/* padded to the minimum */
	memset(p, 0, ETH_ZLEN - ETH_HLEN);
	put_be16(p, ARPHRD_ETHER);
	put_be16(p + 2, ETH_P_IP);
	p[4] = ETH_ALEN;
	p[5] = 4;
	put_be16(p + 6, op);
	memcpy(p + 8, dev->dev_addr, ETH_ALEN);
	memcpy(p + 14, &dev->ip_addr, 4);
	if (target_hw)
		memcpy(p + 18, target_hw, ETH_ALEN);
	memcpy(p + 24, &tip, 4);
	skb_reset_network_header(skb);
	eth_header(skb, dest_hw ? dest_hw : dev->broadcast, dev->dev_addr,
		   ETH_P_ARP);
	skb->dev = dev;
	dev_queue_xmit(skb);
}

void arp_send_gratuitous(struct net_device *dev)
{
	if (!dev->ip_addr)
		return;
	/* A request for our own address: RFC 5227's announcement. */
	arp_send(dev, ARPOP_REQUEST, dev->ip_addr, NULL, NULL);
}

static bool arp_is_broadcast(const struct net_device *dev, u32 addr)
{
	return addr == 0xffffffff ||
	       (dev->ip_addr && addr == (dev->ip_addr | ~dev->netmask));
}

/* A broadcast address needs no resolution: NOARP with the broadcast MAC. */
static int arp_constructor(struct neighbour *n)
{
	n->ops = &arp_generic_ops;
	if (arp_is_broadcast(n->dev, n->primary_key)) {
		n->nud_state = NUD_NOARP;
		memcpy(n->ha, n->dev->broadcast, ETH_ALEN);
	}
	n->output = n->nud_state & NUD_VALID ? n->ops->connected_output :
					       n->ops->output;
	return 0;
}

/*
 * One request for n (Linux's arp_solicit).  The first ucast_solicit
 * probes are unicast, to the address known, and are PROBE's; a resolving
 * entry starts its count past them, so its requests are broadcast.
 */
static void arp_solicit(struct neighbour *n, struct sk_buff *skb)
{
	int probes = atomic_read(&n->probes);
	u8 dst_ha[ETH_ALEN], *dst_hw = NULL;

	if (probes < READ_ONCE(n->parms->ucast_solicit)) {
		spin_lock_bh(&n->lock);
		memcpy(dst_ha, n->ha, ETH_ALEN);
		spin_unlock_bh(&n->lock);
		dst_hw = dst_ha;
	}
	arp_send(n->dev, ARPOP_REQUEST, n->primary_key, dst_hw, NULL);
}

static void arp_error_report(struct neighbour *n, struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
}

/*
 * What an ARP frame for us (Linux's arp_process) does: a probe for
 * duplicates is answered; a request for our address is answered and
 * teaches the cache the sender (STALE: a request does not confirm); any
 * other frame updates a sender the cache already has, REACHABLE only for
 * a reply to us.  Nobody else is learnt: Linux's arp_accept is 0.
 */
static void arp_process(struct sk_buff *skb, const struct np_arp *arp)
{
	struct net_device *dev = skb->dev;
	struct neighbour *n;
	unsigned long locktime;
	u8 sha[ETH_ALEN];
	bool is_garp, override;
	int state;

	memcpy(sha, arp->sha, ETH_ALEN);
	/* RFC 2131's duplicate address probe: "this one is taken". */
	if (!arp->sip) {
		if (arp->op == ARPOP_REQUEST && dev->ip_addr &&
		    arp->tip == dev->ip_addr)
			arp_send(dev, ARPOP_REPLY, 0, sha, sha);
		return;
	}
	/* Our own address from elsewhere: nothing to learn or answer. */
	if (arp->sip == dev->ip_addr)
		return;

	if (arp->op == ARPOP_REQUEST && dev->ip_addr &&
	    arp->tip == dev->ip_addr) {
		n = neigh_event_ns(&arp_tbl, sha, arp->sip, dev);
		/* No entry to be had (the table full): no reply, as Linux. */
		if (n) {
			arp_send(dev, ARPOP_REPLY, arp->sip, sha, sha);
			neigh_release(n);
		}
		return;
	}

	n = __neigh_lookup(&arp_tbl, arp->sip, dev, false);
	if (!n)
		return;
	is_garp = arp->tip == arp->sip;
	/* Replies back to back: the first wins, for locktime (USER_HZ). */
	locktime = (unsigned long)READ_ONCE(n->parms->locktime) * HZ / 100;
	override = is_garp || time_after(jiffies, n->updated + locktime);
	/* Only a reply to us confirms. */
	state = arp->op == ARPOP_REPLY && skb->pkt_type == PACKET_HOST ?
		NUD_REACHABLE : NUD_STALE;
	neigh_update(n, sha, state, override ? NEIGH_UPDATE_F_OVERRIDE : 0);
	neigh_release(n);
}

int arp_rcv(struct sk_buff *skb)
{
	struct np_arp arp;
	int r;

	if (skb->pkt_type == PACKET_OTHERHOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return NET_RX_DROP;
	}
	r = np_arp_parse(skb->data, skb->len, &arp);
	if (r) {
		kfree_skb_reason(skb, r);
		return NET_RX_DROP;
	}
	arp_process(skb, &arp);
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

void arp_init(void)
{
	neigh_table_init(&arp_tbl);
}

/* ---- views ------------------------------------------------------------- */

/* A copy of an entry, so nothing is printed with the table locked. */
struct neigh_view {
	u32 ip;
	u8 ha[ETH_ALEN];
	u8 nud_state;
	struct net_device *dev;
};

struct neigh_views {
	struct neigh_view *v;
	unsigned int n, max;
};

static void neigh_view_fill(struct neighbour *n, void *arg)
{
	struct neigh_views *vs = arg;
	struct neigh_view *v;

	if (vs->n == vs->max)
		return;
	v = &vs->v[vs->n++];
	v->ip = n->primary_key;
	memcpy(v->ha, n->ha, ETH_ALEN);
	v->nud_state = n->nud_state;
	v->dev = n->dev;
}

/* The entries now, in a kmalloc'ed array the caller frees; n of them. */
static struct neigh_view *neigh_views(unsigned int *n)
{
	struct neigh_views vs = { .max = atomic_read(&arp_tbl.entries) + 16 };

	vs.v = kmalloc(vs.max * sizeof(*vs.v), GFP_KERNEL);
	if (!vs.v) {
		*n = 0;
		return NULL;
	}
	neigh_for_each(&arp_tbl, neigh_view_fill, &vs);
	*n = vs.n;
	return vs.v;
}

static void fmt_mac(char *buf, size_t len, const u8 *m)
{
	snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2],
		 m[3], m[4], m[5]);
}

/* Linux's arp_state_to_flags: ATF_COM (0x2) for a valid entry. */
#define ATF_COM		0x02
#define ATF_PERM	0x04

static unsigned int arp_state_to_flags(u8 nud_state)
{
	if (nud_state & NUD_PERMANENT)
		return ATF_PERM | ATF_COM;
	if (nud_state & NUD_VALID)
		return ATF_COM;
	return 0;
}

/* Linux's arp_seq_show; NOARP entries are left out, as there. */
static void proc_net_arp_show(void)
{
	struct neigh_view *v;
	char ip[16], mac[18];
	unsigned int i, n;

	sh_printf("IP address       HW type     Flags       HW address            Mask     Device\n");
	v = neigh_views(&n);
	for (i = 0; i < n; i++) {
		if (v[i].nud_state & NUD_NOARP)
			continue;
		fmt_ip(ip, sizeof(ip), v[i].ip);
		fmt_mac(mac, sizeof(mac), v[i].ha);
		sh_printf("%-16s 0x%-10x0x%-10x%-17s     *        %s\n", ip,
			  ARPHRD_ETHER, arp_state_to_flags(v[i].nud_state),
			  mac, v[i].dev->name);
	}
	kfree(v);
}
PROC_ENTRY("/proc/net/arp", proc_net_arp_show);

/* `arp -n`, net-tools' table of /proc/net/arp, its header with the first. */
static int cmd_arp(int argc, char **argv)
{
	struct neigh_view *v;
	char ip[16], mac[18];
	unsigned int i, n, shown = 0, flags;

	/* Only the numeric table: "arp", "arp -n" (and "-a" names nothing). */
	for (i = 1; i < (unsigned int)argc; i++) {
		if (strcmp(argv[i], "-n") && strcmp(argv[i], "-a")) {
			sh_printf("arp: invalid option -- '%s'\nusage: arp [-n]\n",
				  argv[i][0] == '-' ? argv[i] + 1 : argv[i]);
			return 1;
		}
	}
	v = neigh_views(&n);
	for (i = 0; i < n; i++) {
		if (v[i].nud_state & NUD_NOARP)
			continue;
		if (!shown++)
			sh_printf("Address                  HWtype  HWaddress           Flags Mask            Iface\n");
		fmt_ip(ip, sizeof(ip), v[i].ip);
		flags = arp_state_to_flags(v[i].nud_state);
		if (!(flags & ATF_COM)) {
			sh_printf("%-23.23s  %-8.8s%-20.20s%-6.6s%-15.15s %s\n",
				  ip, "", "(incomplete)", "", "",
				  v[i].dev->name);
			continue;
		}
		fmt_mac(mac, sizeof(mac), v[i].ha);
		sh_printf("%-23.23s  %-8.8s%-20.20s%-6.6s%-15.15s %s\n", ip,
			  "ether", mac, flags & ATF_PERM ? "CM" : "C", "",
			  v[i].dev->name);
	}
	kfree(v);
	return 0;
}
SHELL_COMMAND("arp", "arp -n: the ARP cache", cmd_arp);

/* `ip neigh`, iproute2's format: the address only for a valid entry. */
void arp_ip_neigh_show(void)
{
	struct neigh_view *v;
	char ip[16], mac[18];
	unsigned int i, n;

	v = neigh_views(&n);
	for (i = 0; i < n; i++) {
		fmt_ip(ip, sizeof(ip), v[i].ip);
		if (v[i].nud_state & NUD_VALID) {
			fmt_mac(mac, sizeof(mac), v[i].ha);
			sh_printf("%s dev %s lladdr %s %s\n", ip,
				  v[i].dev->name, mac,
				  neigh_state_name(v[i].nud_state));
		} else {
			sh_printf("%s dev %s  %s\n", ip, v[i].dev->name,
				  neigh_state_name(v[i].nud_state));
		}
	}
	kfree(v);
}

static void proc_net_stat_arp_cache_show(void)
{
	neigh_stat_show(&arp_tbl);
}
PROC_ENTRY("/proc/net/stat/arp_cache", proc_net_stat_arp_cache_show);
