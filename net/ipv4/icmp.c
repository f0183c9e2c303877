// SPDX-License-Identifier: GPL-2.0
/* ICMP (Linux's net/ipv4/icmp.c): echo replies; other types are consumed. */
#include <irqlab/net.h>
#include <irqlab/etherdevice.h>

DEFINE_PER_CPU(struct icmp_mib, icmp_statistics);

static void icmp_echo(struct sk_buff *skb, u32 saddr, u32 daddr)
{
	struct sk_buff *r;
	u8 *p;
	u16 csum;

	r = alloc_skb(NET_HEADROOM + skb->len, GFP_ATOMIC);
	if (!r)
		return;
	skb_reserve(r, NET_HEADROOM);
	p = skb_put(r, skb->len);
	/* Same identifier, sequence and data; type 0 and a new checksum. */
	memcpy(p, skb->data, skb->len);
	p[0] = ICMP_ECHOREPLY;
	p[1] = 0;
	p[2] = p[3] = 0;
	csum = ip_compute_csum(p, r->len);
	memcpy(p + 2, &csum, 2);
	__ICMP_INC_STATS(ICMP_MIB_OUTMSGS);
	/* From the address that was asked (ours), as Linux's icmp_reply. */
	ip_send(r, daddr, saddr, IPPROTO_ICMP);
}

int icmp_rcv(struct sk_buff *skb)
{
	const u8 *iph = skb_network_header(skb);
	struct net_device *dev = skb->dev;
	struct np_icmp icmp;
	u32 saddr, daddr;
	int r;

	__ICMP_INC_STATS(ICMP_MIB_INMSGS);
	r = np_icmp_parse(skb->data, skb->len, &icmp);
	if (r) {
		if (r == SKB_DROP_REASON_ICMP_CSUM)
			__ICMP_INC_STATS(ICMP_MIB_CSUMERRORS);
		__ICMP_INC_STATS(ICMP_MIB_INERRORS);
		kfree_skb_reason(skb, r);
		return NET_RX_DROP;
	}
	memcpy(&saddr, iph + 12, 4);
	memcpy(&daddr, iph + 16, 4);
	/* icmp_echo_ignore_broadcasts=1, Linux's default. */
	if (icmp.type == ICMP_ECHO && daddr == dev->ip_addr)
		icmp_echo(skb, saddr, daddr);
	consume_skb(skb);
	return NET_RX_SUCCESS;
}
