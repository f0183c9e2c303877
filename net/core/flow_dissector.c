// SPDX-License-Identifier: GPL-2.0
/*
 * The flow hash RPS steers by (Linux's net/core/flow_dissector.c, for the
 * protocols irqlab has): IPv4 addresses and protocol, and the ports of a
 * UDP datagram that is not a fragment.
 */
#include <irqlab/netdevice.h>
#include <irqlab/etherdevice.h>
#include <irqlab/net.h>

static u32 hash_32_mix(u32 a, u32 b, u32 c)
{
	/* Bob Jenkins' final mix, as Linux's jhash_3words. */
#define rol32(w, s) (((w) << (s)) | ((w) >> (32 - (s))))
	c ^= b; c -= rol32(b, 14);
	a ^= c; a -= rol32(c, 11);
	b ^= a; b -= rol32(a, 25);
	c ^= b; c -= rol32(b, 16);
	a ^= c; a -= rol32(c, 4);
	b ^= a; b -= rol32(a, 14);
	c ^= b; c -= rol32(b, 24);
#undef rol32
	return c;
}

/*
 * The flow hash of an IPv4 frame (addresses, protocol, UDP ports), 0 for
 * anything else, computed from skb->data at the network header.  Linux's
 * flow dissector does the same for the protocols irqlab has.
 */
u32 skb_get_hash(struct sk_buff *skb)
{
	const u8 *ip = skb->data;
	u32 saddr, daddr, ports = 0;
	unsigned int ihl;

	if (skb->hash)
		return skb->hash;
	if (skb->protocol != htons(ETH_P_IP) || skb->len < NP_IP_HLEN)
		return 0;
	ihl = (ip[0] & 0xf) * 4;
	saddr = get_be32(ip + 12);
	daddr = get_be32(ip + 16);
	if (ip[9] == IPPROTO_UDP && ihl >= NP_IP_HLEN && skb->len >= ihl + 4 &&
	    !(get_be16(ip + 6) & (IP_MF | IP_OFFSET)))
		ports = get_be32(ip + ihl);
	skb->hash = hash_32_mix(saddr, daddr ^ ip[9], ports ^ 0x9e3779b9);
	if (!skb->hash)
		skb->hash = 1;
	return skb->hash;
}
