// SPDX-License-Identifier: GPL-2.0
/*
 * Header validation for Ethernet, ARP, IPv4, ICMP and UDP.  Every read is
 * bounded by the length given, and each check names the reason Linux's
 * receive path would drop the frame for (ip_rcv_core, arp_rcv, icmp_rcv,
 * __udp4_lib_rcv).  Built in the kernel and on the host (tests/host).
 */
#include <irqlab/net_proto.h>
#include <irqlab/skbuff_reasons.h>

/* Network-order u32 from the wire without alignment assumptions. */
static u32 load_addr(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

int np_eth_parse(const u8 *buf, size_t len, struct np_eth *out)
{
	if (len < NP_ETH_HLEN)
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	out->dest = buf;
	out->source = buf + 6;
	out->proto = get_be16(buf + 12);
	return 0;
}

int np_arp_parse(const u8 *buf, size_t len, struct np_arp *out)
{
	if (len < NP_ARP_LEN)
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	/* Ethernet hardware, IPv4 protocol, 6- and 4-byte addresses only. */
	if (get_be16(buf) != ARPHRD_ETHER || get_be16(buf + 2) != 0x0800 ||
	    buf[4] != 6 || buf[5] != 4)
		return SKB_DROP_REASON_ARP_INVALID;
	out->op = get_be16(buf + 6);
	if (out->op != ARPOP_REQUEST && out->op != ARPOP_REPLY)
		return SKB_DROP_REASON_ARP_INVALID;
	out->sha = buf + 8;
	out->sip = load_addr(buf + 14);
	out->tha = buf + 18;
	out->tip = load_addr(buf + 24);
	/* A multicast sender address would poison the cache. */
	if (out->sha[0] & 1)
		return SKB_DROP_REASON_ARP_INVALID;
	return 0;
}

int np_ip_parse(const u8 *buf, size_t len, struct np_ip *out)
{
	unsigned int ihl, tot_len;
	u16 frag;

	if (len < NP_IP_HLEN)
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	ihl = (buf[0] & 0xf) * 4;
	/* ip_rcv_core: version 4 and ihl >= 5, else IP_INHDR. */
	if ((buf[0] >> 4) != 4 || ihl < NP_IP_HLEN)
		return SKB_DROP_REASON_IP_INHDR;
	if (len < ihl)
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	if (csum_fold(csum_partial(buf, ihl, 0)) != 0)
		return SKB_DROP_REASON_IP_CSUM;
	tot_len = get_be16(buf + 2);
	if (tot_len > len)
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	if (tot_len < ihl)
		return SKB_DROP_REASON_IP_INHDR;
	frag = get_be16(buf + 6);
	/* irqlab does not reassemble: any fragment is dropped. */
	if (frag & (IP_MF | IP_OFFSET))
		return SKB_DROP_REASON_IP_FRAG;
	out->ihl = ihl;
	out->tot_len = tot_len;
	out->id = get_be16(buf + 4);
	out->ttl = buf[8];
	out->protocol = buf[9];
	out->saddr = load_addr(buf + 12);
	out->daddr = load_addr(buf + 16);
	return 0;
}

int np_icmp_parse(const u8 *buf, size_t len, struct np_icmp *out)
{
	if (len < NP_ICMP_HLEN)
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	if (csum_fold(csum_partial(buf, len, 0)) != 0)
		return SKB_DROP_REASON_ICMP_CSUM;
	out->type = buf[0];
	out->code = buf[1];
	return 0;
}

int np_udp_parse(const u8 *buf, size_t len, u32 saddr, u32 daddr,
		 struct np_udp *out)
{
	unsigned int ulen;

	if (len < NP_UDP_HLEN)
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	ulen = get_be16(buf + 4);
	/* __udp4_lib_rcv: a length beyond the datagram or below the header. */
	if (ulen > len || ulen < NP_UDP_HLEN)
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	/* A zero checksum means "none" for UDP over IPv4. */
	if (get_be16(buf + 6) != 0 &&
	    csum_fold(csum_tcpudp_nofold(saddr, daddr, ulen, IPPROTO_UDP,
					 csum_partial(buf, ulen, 0))) != 0)
		return SKB_DROP_REASON_UDP_CSUM;
	out->source = get_be16(buf);
	out->dest = get_be16(buf + 2);
	out->ulen = ulen;
	out->payload = buf + NP_UDP_HLEN;
	out->payload_len = ulen - NP_UDP_HLEN;
	return 0;
}

int np_frame_check(const u8 *buf, size_t len)
{
	struct np_eth eth;
	struct np_arp arp;
	struct np_ip ip;
	struct np_icmp icmp;
	struct np_udp udp;
	int r;

	r = np_eth_parse(buf, len, &eth);
	if (r)
		return r;
	buf += NP_ETH_HLEN;
	len -= NP_ETH_HLEN;
	switch (eth.proto) {
	case 0x0806:
		return np_arp_parse(buf, len, &arp);
	case 0x0800:
		r = np_ip_parse(buf, len, &ip);
		if (r)
			return r;
		buf += ip.ihl;
		len = ip.tot_len - ip.ihl;
		if (ip.protocol == IPPROTO_ICMP)
			return np_icmp_parse(buf, len, &icmp);
		if (ip.protocol == IPPROTO_UDP)
			return np_udp_parse(buf, len, ip.saddr, ip.daddr, &udp);
		return SKB_DROP_REASON_IP_NOPROTO;
	default:
		return SKB_DROP_REASON_UNHANDLED_PROTO;
	}
}
