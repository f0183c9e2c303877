// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 transmit (Linux's ip_queue_xmit/ip_finish_output2 without the FIB):
 * a destination on a device's subnet is on-link, anything else goes to
 * that device's gateway; the next hop's MAC comes from ARP.
 */
#include <irqlab/net.h>
#include <irqlab/etherdevice.h>
#include <irqlab/errno.h>

static u16 ip_ident;

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
	u8 *iph, mac[ETH_ALEN];
	u16 csum;

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

	if (daddr == 0xffffffff || daddr == (dev->ip_addr | ~dev->netmask)) {
		memcpy(mac, dev->broadcast, ETH_ALEN);
	} else if (!arp_lookup(dev, nexthop, mac)) {
		arp_hold(nexthop, skb);
		return 0;
	}
	eth_header(skb, mac, dev->dev_addr, ETH_P_IP);
	if (dev_queue_xmit(skb) == NET_XMIT_SUCCESS)
		return 0;
	/* Linux's ip_send_skb: net_xmit_errno(NET_XMIT_DROP) */
	IP_INC_STATS(IPSTATS_MIB_OUTDISCARDS);
	return -ENOBUFS;
}
