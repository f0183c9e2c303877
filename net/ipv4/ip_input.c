// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 receive (Linux's ip_rcv/ip_rcv_core/ip_local_deliver): validate the
 * header, trim Ethernet padding, accept only what is addressed to us, no
 * fragments (irqlab does not reassemble), then hand to ICMP or UDP.
 */
#include <irqlab/net.h>
#include <irqlab/etherdevice.h>

DEFINE_PER_CPU(struct ipstats_mib, ip_statistics);

static bool ip_is_local(struct net_device *dev, u32 daddr)
{
	u32 bcast = dev->ip_addr | ~dev->netmask;

	return daddr == dev->ip_addr || daddr == 0xffffffff ||
	       (dev->ip_addr && daddr == bcast);
}

int ip_rcv(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct np_ip ip;
	int r;

	/* Not for this host's MAC: Linux drops it before even counting it. */
	if (skb->pkt_type == PACKET_OTHERHOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return NET_RX_DROP;
	}
	__IP_INC_STATS(IPSTATS_MIB_INPKTS);
	r = np_ip_parse(skb->data, skb->len, &ip);
	if (r) {
		if (r != SKB_DROP_REASON_IP_FRAG)
			__IP_INC_STATS(IPSTATS_MIB_INHDRERRORS);
		kfree_skb_reason(skb, r);
		return NET_RX_DROP;
	}
	/* Frames shorter than 60 bytes arrive padded: drop the padding. */
	skb_trim(skb, ip.tot_len);
	if (!dev || !ip_is_local(dev, ip.daddr)) {
		__IP_INC_STATS(IPSTATS_MIB_INADDRERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_INADDRERRORS);
		return NET_RX_DROP;
	}
	skb_reset_network_header(skb);
	skb_pull(skb, ip.ihl);
	skb_reset_transport_header(skb);

	switch (ip.protocol) {
	case IPPROTO_ICMP:
		__IP_INC_STATS(IPSTATS_MIB_INDELIVERS);
		return icmp_rcv(skb);
	case IPPROTO_UDP:
		__IP_INC_STATS(IPSTATS_MIB_INDELIVERS);
		return udp_rcv(skb);
	default:
		__IP_INC_STATS(IPSTATS_MIB_INUNKNOWNPROTOS);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_NOPROTO);
		return NET_RX_DROP;
	}
}
