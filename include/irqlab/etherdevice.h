/* SPDX-License-Identifier: GPL-2.0 */
/* Ethernet helpers (net/ethernet/eth.c), Linux's names. */
#ifndef _IRQLAB_ETHERDEVICE_H
#define _IRQLAB_ETHERDEVICE_H

#include <irqlab/netdevice.h>
#include <irqlab/string.h>

#define ETH_HLEN	14
#define ETH_ZLEN	60	/* minimum frame without FCS */
#define ETH_DATA_LEN	1500
#define ETH_FRAME_LEN	1514
#define ETH_FCS_LEN	4

#define ETH_P_IP	0x0800
#define ETH_P_ARP	0x0806

/*
 * Sets skb->dev, pkt_type, the mac header, pulls the Ethernet header and
 * returns the ethertype (network order).  skb->len must be >= ETH_HLEN.
 */
u16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);

/* Pushes an Ethernet header in front of skb->data. */
void eth_header(struct sk_buff *skb, const u8 *dest, const u8 *src,
		u16 type);

static inline bool is_broadcast_ether_addr(const u8 *a)
{
	return (a[0] & a[1] & a[2] & a[3] & a[4] & a[5]) == 0xff;
}

static inline bool is_multicast_ether_addr(const u8 *a)
{
	return a[0] & 0x01;
}

static inline bool is_zero_ether_addr(const u8 *a)
{
	return (a[0] | a[1] | a[2] | a[3] | a[4] | a[5]) == 0;
}

static inline bool is_valid_ether_addr(const u8 *a)
{
	return !is_multicast_ether_addr(a) && !is_zero_ether_addr(a);
}

static inline bool ether_addr_equal(const u8 *a, const u8 *b)
{
	return memcmp(a, b, ETH_ALEN) == 0;
}

static inline void ether_addr_copy(u8 *dst, const u8 *src)
{
	memcpy(dst, src, ETH_ALEN);
}

static inline void eth_broadcast_addr(u8 *a)
{
	memset(a, 0xff, ETH_ALEN);
}


#endif /* _IRQLAB_ETHERDEVICE_H */
