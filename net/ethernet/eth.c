// SPDX-License-Identifier: GPL-2.0
/* Ethernet framing (Linux's net/ethernet/eth.c). */
#include <irqlab/etherdevice.h>
#include <irqlab/net_proto.h>

u16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const u8 *eth = skb->data;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	/*
	 * A runt keeps data at its mac header: __netif_receive_skb sees
	 * nothing was pulled and drops it as PKT_TOO_SMALL.
	 */
	if (skb->len < ETH_HLEN)
		return 0;
	skb_pull(skb, ETH_HLEN);
	skb_reset_network_header(skb);
	if (is_multicast_ether_addr(eth)) {
		skb->pkt_type = is_broadcast_ether_addr(eth) ?
			PACKET_BROADCAST : PACKET_MULTICAST;
	} else if (!ether_addr_equal(eth, dev->dev_addr)) {
		skb->pkt_type = PACKET_OTHERHOST;
	} else {
		skb->pkt_type = PACKET_HOST;
	}
	return htons(get_be16(eth + 12));
}

void eth_header(struct sk_buff *skb, const u8 *dest, const u8 *src, u16 type)
{
	u8 *eth = skb_push(skb, ETH_HLEN);

	memcpy(eth, dest, ETH_ALEN);
	memcpy(eth + 6, src, ETH_ALEN);
	put_be16(eth + 12, type);
	skb_reset_mac_header(skb);
}
