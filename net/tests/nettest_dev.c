// SPDX-License-Identifier: GPL-2.0
/* The net ktests' fake device and frame builders (see nettest_dev.h). */
#include "nettest_dev.h"
#include <irqlab/bottom_half.h>
#include <irqlab/timer.h>
#include <irqlab/string.h>

const u8 kt_peer_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x77, 0x02 };
static const u8 kt_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x77, 0x01 };

static struct net_device *dev;
static struct sk_buff_head captured;

int kt_busy;
int kt_arp_responder;

/* A request for the peer's address, broadcast or unicast. */
static bool kt_is_peer_request(const struct sk_buff *skb)
{
	const u8 *a = skb->data + ETH_HLEN;
	u32 tip;

	if (skb->len < ETH_HLEN + NP_ARP_LEN ||
	    get_be16(skb->data + 12) != ETH_P_ARP ||
	    get_be16(a + 6) != ARPOP_REQUEST)
		return false;
	memcpy(&tip, a + 24, 4);
	return tip == KT_PEER_IP;
}

static netdev_tx_t kt_start_xmit(struct sk_buff *skb, struct net_device *d)
{
	static u8 reply[ETH_ZLEN];
	bool answer;

	/* A full ring: refuse (the core keeps skb) and stop the queue. */
	if (READ_ONCE(kt_busy)) {
		netif_stop_queue(d);
		return NETDEV_TX_BUSY;
	}
	d->stats.tx_packets++;
	d->stats.tx_bytes += skb->len;
	answer = READ_ONCE(kt_arp_responder) && kt_is_peer_request(skb);
	skb_queue_tail(&captured, skb);
	/* The peer answers before the sender has even returned. */
	if (answer)
		kt_inject(reply, kt_build_arp(reply, ARPOP_REPLY, KT_PEER_IP,
					      KT_IP, d->dev_addr));
	return NETDEV_TX_OK;
}

static const struct net_device_ops kt_ops = {
	.ndo_start_xmit = kt_start_xmit,
};

struct net_device *kt_dev(void)
{
	if (dev)
		return dev;
	skb_queue_head_init(&captured);
	dev = alloc_etherdev(0);
	if (!dev)
		return NULL;
	strscpy(dev->name, "ktnet0", sizeof(dev->name));
	memcpy(dev->dev_addr, kt_mac, ETH_ALEN);
	dev->netdev_ops = &kt_ops;
	register_netdev(dev);
	/* After register_netdev, which applied the command line's ip=. */
	dev->ip_addr = KT_IP;
	dev->netmask = KT_MASK;
	dev->gateway = 0;
	netif_carrier_on(dev);
	return dev;
}

void kt_reset(void)
{
	WRITE_ONCE(kt_arp_responder, 0);
	skb_queue_purge(&captured);
	neigh_changeaddr(&arp_tbl, NULL);
}

struct sk_buff *kt_captured(unsigned int ms)
{
	struct sk_buff *skb;

	for (;;) {
		skb = skb_dequeue(&captured);
		if (skb || !ms)
			return skb;
		msleep(1);
		ms--;
	}
}

unsigned int kt_captured_len(void)
{
	return skb_queue_len(&captured);
}

void kt_inject(const u8 *frame, unsigned int len)
{
	struct sk_buff *skb = netdev_alloc_skb(dev, len);

	if (!skb)
		return;
	memcpy(skb_put(skb, len), frame, len);
	/* As a driver's poll does, from NET_RX: bottom halves off. */
	local_bh_disable();
	skb->protocol = eth_type_trans(skb, dev);
	netif_receive_skb(skb);
	local_bh_enable();
}

static unsigned int kt_eth(u8 *f, const u8 *dst, u16 proto)
{
	memcpy(f, dst, ETH_ALEN);
	memcpy(f + 6, kt_peer_mac, ETH_ALEN);
	put_be16(f + 12, proto);
	return ETH_HLEN;
}

unsigned int kt_build_arp(u8 *f, u16 op, u32 sip, u32 tip, const u8 *dmac)
{
	u8 *a = f + kt_eth(f, dmac, ETH_P_ARP);

	memset(a, 0, 46);	/* padded to the 60-byte minimum */
	put_be16(a, ARPHRD_ETHER);
	put_be16(a + 2, ETH_P_IP);
	a[4] = 6;
	a[5] = 4;
	put_be16(a + 6, op);
	memcpy(a + 8, kt_peer_mac, ETH_ALEN);
	memcpy(a + 14, &sip, 4);
	if (op == ARPOP_REPLY)
		memcpy(a + 18, kt_mac, ETH_ALEN);
	memcpy(a + 24, &tip, 4);
	return ETH_ZLEN;
}

void kt_fix_ip_csum(u8 *f)
{
	u8 *ip = f + ETH_HLEN;
	u16 c;

	ip[10] = ip[11] = 0;
	c = ip_compute_csum(ip, (ip[0] & 0xf) * 4);
	memcpy(ip + 10, &c, 2);
}

static u8 *kt_ip(u8 *f, u8 proto, unsigned int payload)
{
	u8 *ip = f + kt_eth(f, kt_mac, ETH_P_IP);
	u32 s = KT_PEER_IP, d = KT_IP;

	memset(ip, 0, NP_IP_HLEN);
	ip[0] = 0x45;
	put_be16(ip + 2, NP_IP_HLEN + payload);
	put_be16(ip + 4, 0x1234);
	ip[8] = 64;
	ip[9] = proto;
	memcpy(ip + 12, &s, 4);
	memcpy(ip + 16, &d, 4);
	kt_fix_ip_csum(f);
	return ip + NP_IP_HLEN;
}

unsigned int kt_build_udp(u8 *f, u16 sport, u16 dport, const void *data,
			  unsigned int n)
{
	u8 *uh = kt_ip(f, IPPROTO_UDP, NP_UDP_HLEN + n);
	u16 c;

	put_be16(uh, sport);
	put_be16(uh + 2, dport);
	put_be16(uh + 4, NP_UDP_HLEN + n);
	uh[6] = uh[7] = 0;
	memcpy(uh + NP_UDP_HLEN, data, n);
	c = csum_fold(csum_tcpudp_nofold(KT_PEER_IP, KT_IP, NP_UDP_HLEN + n,
					 IPPROTO_UDP,
					 csum_partial(uh, NP_UDP_HLEN + n, 0)));
	if (!c)
		c = 0xffff;
	memcpy(uh + 6, &c, 2);
	return ETH_HLEN + NP_IP_HLEN + NP_UDP_HLEN + n;
}

struct sk_buff *kt_udp_skb(struct net_device *dev, u16 sport, u16 dport)
{
	u8 f[128];
	unsigned int n = kt_build_udp(f, sport, dport, &sport, 2);
	struct sk_buff *skb = netdev_alloc_skb(dev, n);

	if (!skb)
		return NULL;
	memcpy(skb_put(skb, n), f, n);
	skb->protocol = eth_type_trans(skb, dev);
	return skb;
}

struct sk_buff *kt_tx_skb(struct net_device *dev, u8 tag)
{
	struct sk_buff *skb = alloc_skb(NET_SKB_PAD + ETH_ZLEN, GFP_KERNEL);

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD);
	memset(skb_put(skb, ETH_ZLEN), tag, ETH_ZLEN);
	skb->dev = dev;
	return skb;
}

unsigned int kt_build_icmp_echo(u8 *f, u16 id, u16 seq, const void *data,
				unsigned int n)
{
	u8 *ic = kt_ip(f, IPPROTO_ICMP, NP_ICMP_HLEN + n);
	u16 c;

	memset(ic, 0, NP_ICMP_HLEN);
	ic[0] = ICMP_ECHO;
	put_be16(ic + 4, id);
	put_be16(ic + 6, seq);
	memcpy(ic + NP_ICMP_HLEN, data, n);
	c = ip_compute_csum(ic, NP_ICMP_HLEN + n);
	memcpy(ic + 2, &c, 2);
	return ETH_HLEN + NP_IP_HLEN + NP_ICMP_HLEN + n;
}
