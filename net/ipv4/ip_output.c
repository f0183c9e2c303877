// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 transmit (Linux's ip_queue_xmit/ip_finish_output2 without the FIB):
 * a destination on a device's subnet is on-link, anything else goes to
 * that device's gateway; the next hop's neighbour entry (ARP) sends it,
 * or keeps it until it is resolved.
 */
#include <irqlab/net.h>
#include <irqlab/neighbour.h>
#include <irqlab/etherdevice.h>
#include <irqlab/errno.h>

static u16 ip_ident;

/*
 * Linux's ip_finish_output2: through the next hop's neighbour, made if
 * there is none yet.  Sent now, kept for resolution (0 all the same, as
 * Linux), or a NET_XMIT_* code or -errno.
 */
static int ip_finish_output2(struct net_device *dev, u32 nexthop,
			     struct sk_buff *skb)
{
	struct neighbour *neigh;
	int res;

	neigh = neigh_lookup_or_create(&arp_tbl, nexthop, dev);
	if (!neigh) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_CREATEFAIL);
		return -ENOBUFS;
	}
	res = neigh_output(neigh, skb);
	neigh_release(neigh);
	return res;
}

struct net_device *ip_route_output(u32 daddr, u32 *nexthop)
{
	struct net_device *dev;

	for_each_netdev(dev) {
		if (!dev->ip_addr || !netif_running(dev))
			continue;
		if (daddr == 0xffffffff ||
		    (daddr & dev->netmask) == (dev->ip_addr & dev->netmask)) {
			*nexthop = daddr;
			return dev;
		}
	}
	for_each_netdev(dev) {
		if (dev->ip_addr && dev->gateway && netif_running(dev)) {
			*nexthop = dev->gateway;
			return dev;
		}
	}
	return NULL;
}

int ip_send(struct sk_buff *skb, u32 saddr, u32 daddr, u8 protocol)
{
	struct net_device *dev;
	u32 nexthop;

	dev = ip_route_output(daddr, &nexthop);
	if (!dev) {
		IP_INC_STATS(IPSTATS_MIB_OUTNOROUTES);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
		return -ENETUNREACH;
	}
	return ip_send_route(skb, dev, nexthop, saddr, daddr, protocol);
}

int ip_send_route(struct sk_buff *skb, struct net_device *dev, u32 nexthop,
		  u32 saddr, u32 daddr, u8 protocol)
{
	u8 *iph;
	u16 csum;
	int err;

	if (!saddr)
		saddr = dev->ip_addr;

	iph = skb_push(skb, NP_IP_HLEN);
	skb_reset_network_header(skb);
	iph[0] = 0x45;
	iph[1] = 0;
	put_be16(iph + 2, skb->len);
	put_be16(iph + 4, __atomic_add_fetch(&ip_ident, 1, __ATOMIC_RELAXED));
	put_be16(iph + 6, 0x4000);	/* DF: irqlab never fragments */
	iph[8] = 64;
	iph[9] = protocol;
	iph[10] = iph[11] = 0;
	memcpy(iph + 12, &saddr, 4);
	memcpy(iph + 16, &daddr, 4);
	csum = ip_compute_csum(iph, NP_IP_HLEN);
	memcpy(iph + 10, &csum, 2);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_IP);
	IP_INC_STATS(IPSTATS_MIB_OUTREQUESTS);

	err = ip_finish_output2(dev, nexthop, skb);
	/* Linux's ip_send_skb: a NET_XMIT_* drop is -ENOBUFS to the sender. */
	if (err > 0)
		err = -ENOBUFS;
	if (err)
		IP_INC_STATS(IPSTATS_MIB_OUTDISCARDS);
	return err;
}
