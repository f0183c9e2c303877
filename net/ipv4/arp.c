// SPDX-License-Identifier: GPL-2.0
/*
 * ARP (Linux's net/ipv4/arp.c and the neighbour cache, much reduced): a
 * small table of IPv4 -> Ethernet entries that expire ARP_TIMEOUT_MS after
 * their last confirmation, requests for unresolved next hops with one
 * frame held per entry until the reply, replies to requests for our
 * address, and a gratuitous ARP when the link comes up.
 */
#include <irqlab/net.h>
#include <irqlab/etherdevice.h>
#include <irqlab/jiffies.h>
#include <irqlab/shell.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>

#define ARP_TBL_SIZE	32
#define ARP_RETRANS_MS	1000	/* Linux's neigh retrans_time */
#define ARP_MAX_PROBES	3	/* ucast+mcast probes before FAILED */

struct arp_entry {
	u32 ip;			/* network order; 0 = free */
	u8 mac[ETH_ALEN];
	bool complete;
	unsigned long updated;	/* jiffies of the last confirmation/probe */
	int probes;
	struct net_device *dev;
	struct sk_buff *held;	/* one frame waiting for resolution */
};

static struct arp_entry arp_tbl[ARP_TBL_SIZE];
static DEFINE_SPINLOCK(arp_lock);

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
	eth_header(skb, dest_hw, dev->dev_addr, ETH_P_ARP);
	skb->dev = dev;
	dev_queue_xmit(skb);
}

void arp_send_gratuitous(struct net_device *dev)
{
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	if (!dev->ip_addr)
		return;
	/* A request for our own address: RFC 5227's announcement. */
	arp_send(dev, ARPOP_REQUEST, dev->ip_addr, bcast, NULL);
}

static struct arp_entry *arp_find(u32 ip)
{
	int i;

	for (i = 0; i < ARP_TBL_SIZE; i++)
		if (arp_tbl[i].ip == ip)
			return &arp_tbl[i];
	return NULL;
}

/* A free slot, else the oldest entry (its held frame goes to *drop). */
static struct arp_entry *arp_alloc(u32 ip, struct sk_buff **drop)
{
	struct arp_entry *e, *old = &arp_tbl[0];
	int i;

	for (i = 0; i < ARP_TBL_SIZE; i++) {
		e = &arp_tbl[i];
		if (!e->ip)
			goto found;
		if (time_before(e->updated, old->updated))
			old = e;
	}
	e = old;
	*drop = e->held;
found:
	memset(e, 0, sizeof(*e));
	e->ip = ip;
	return e;
}

static bool arp_expired(const struct arp_entry *e)
{
	return time_after(jiffies, e->updated + msecs_to_jiffies(ARP_TIMEOUT_MS));
}

/* Learns ip -> mac; returns the frame that was waiting for it, if any. */
static struct sk_buff *arp_update(struct net_device *dev, u32 ip,
				  const u8 *mac, bool create,
				  struct sk_buff **drop)
{
	struct arp_entry *e = arp_find(ip);
	struct sk_buff *held;

	if (!e) {
		if (!create)
			return NULL;
		e = arp_alloc(ip, drop);
	}
	memcpy(e->mac, mac, ETH_ALEN);
	e->complete = true;
	e->updated = jiffies;
	e->probes = 0;
	e->dev = dev;
	held = e->held;
	e->held = NULL;
	return held;
}

bool arp_lookup(struct net_device *dev, u32 ip, u8 *mac)
{
	struct arp_entry *e;
	struct sk_buff *drop = NULL;
	unsigned long flags;
	bool found = false, probe = false;

	spin_lock_irqsave(&arp_lock, flags);
	e = arp_find(ip);
	if (e && e->complete && !arp_expired(e)) {
		memcpy(mac, e->mac, ETH_ALEN);
		found = true;
	} else if (!e || e->complete ||
		   time_after(jiffies, e->updated +
			      msecs_to_jiffies(ARP_RETRANS_MS))) {
		if (!e)
			e = arp_alloc(ip, &drop);
		e->complete = false;
		e->dev = dev;
		e->updated = jiffies;
		e->probes++;
		probe = true;
	}
	spin_unlock_irqrestore(&arp_lock, flags);
	kfree_skb_reason(drop, SKB_DROP_REASON_NEIGH_FAILED);
	if (probe)
		arp_send(dev, ARPOP_REQUEST, ip, dev->broadcast, NULL);
	return found;
}

/*
 * Holds skb (data at the IP header) until ip resolves; one frame per
 * entry, as a short unres_qlen: a newer frame replaces the older one.
 */
void arp_hold(u32 ip, struct sk_buff *skb)
{
	struct arp_entry *e;
	struct sk_buff *old = NULL, *failed = NULL;
	unsigned long flags;

	spin_lock_irqsave(&arp_lock, flags);
	e = arp_find(ip);
	if (!e || e->complete) {
		failed = skb;
	} else if (e->probes > ARP_MAX_PROBES) {
		/* No answer after every probe: the neighbour is FAILED. */
		failed = skb;
		old = e->held;
		e->held = NULL;
	} else {
		old = e->held;
		e->held = skb;
	}
	spin_unlock_irqrestore(&arp_lock, flags);
	if (old && old != failed)
		kfree_skb_reason(old, failed ? SKB_DROP_REASON_NEIGH_FAILED :
				 SKB_DROP_REASON_NEIGH_QUEUEFULL);
	kfree_skb_reason(failed, SKB_DROP_REASON_NEIGH_FAILED);
}

static void arp_xmit_held(struct net_device *dev, struct sk_buff *skb,
			  const u8 *mac)
{
	eth_header(skb, mac, dev->dev_addr, ETH_P_IP);
	skb->dev = dev;
	dev_queue_xmit(skb);
}

int arp_rcv(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct sk_buff *held, *drop = NULL;
	struct np_arp arp;
	unsigned long flags;
	bool for_us;
	u8 sha[ETH_ALEN];
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
	memcpy(sha, arp.sha, ETH_ALEN);
	for_us = dev->ip_addr && arp.tip == dev->ip_addr;

	/* Learn the sender: always if it asks us, else only refresh. */
	spin_lock_irqsave(&arp_lock, flags);
	held = arp.sip ? arp_update(dev, arp.sip, sha, for_us, &drop) : NULL;
	spin_unlock_irqrestore(&arp_lock, flags);
	kfree_skb_reason(drop, SKB_DROP_REASON_NEIGH_FAILED);
	if (held)
		arp_xmit_held(dev, held, sha);

	if (for_us && arp.op == ARPOP_REQUEST && arp.sip != dev->ip_addr)
		arp_send(dev, ARPOP_REPLY, arp.sip, sha, sha);
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

void arp_flush(void)
{
	unsigned long flags;
	int i;

	spin_lock_irqsave(&arp_lock, flags);
	for (i = 0; i < ARP_TBL_SIZE; i++) {
		kfree_skb_reason(arp_tbl[i].held, SKB_DROP_REASON_NEIGH_FAILED);
		memset(&arp_tbl[i], 0, sizeof(arp_tbl[i]));
	}
	spin_unlock_irqrestore(&arp_lock, flags);
}

/* `arp -n`, net-tools' table format. */
static int cmd_arp(int argc, char **argv)
{
	struct arp_entry e;
	char ipbuf[16], mac[18];
	unsigned long flags;
	int i;

	/* Only the numeric table: "arp", "arp -n" (and "-a" names nothing). */
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-n") && strcmp(argv[i], "-a")) {
			sh_printf("arp: invalid option -- '%s'\nusage: arp [-n]\n",
				  argv[i][0] == '-' ? argv[i] + 1 : argv[i]);
			return 1;
		}
	}
	sh_printf("Address                  HWtype  HWaddress           Flags Mask            Iface\n");
	for (i = 0; i < ARP_TBL_SIZE; i++) {
		spin_lock_irqsave(&arp_lock, flags);
		e = arp_tbl[i];
		spin_unlock_irqrestore(&arp_lock, flags);
		if (!e.ip)
			continue;
		fmt_ip(ipbuf, sizeof(ipbuf), e.ip);
		if (!e.complete || arp_expired(&e)) {
			sh_printf("%-23.23s          (incomplete)                              %s\n",
				  ipbuf, e.dev ? e.dev->name : "");
			continue;
		}
		snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
			 e.mac[0], e.mac[1], e.mac[2], e.mac[3], e.mac[4],
			 e.mac[5]);
		sh_printf("%-23.23s  %-8.8s%-20.20s%-6.6s%-15.15s %s\n", ipbuf,
			  "ether", mac, "C", "", e.dev ? e.dev->name : "");
	}
	return 0;
}
SHELL_COMMAND("arp", "arp -n: the ARP cache", cmd_arp);
