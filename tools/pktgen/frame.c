// SPDX-License-Identifier: GPL-2.0
/*
 * Frames on the wire between pktgen and the guest: the Internet checksum
 * (RFC 1071), building Ethernet/ARP/IPv4/ICMP/UDP frames and parsing the
 * ones that come back.  Frames carry no FCS, as QEMU's socket netdev
 * passes them.
 */

#include <string.h>

#include "pktgen.h"

const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
uint16_t ip_id;

/* RFC 1071 sum, not complemented, folded to 16 bits; bytes in network order. */
uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

/* The Internet checksum of a buffer (the value to store, host order). */
uint16_t inet_csum(const uint8_t *p, size_t len)
{
	return (uint16_t)~csum_add(0, p, len);
}

/* The sum of a UDP datagram with its IPv4 pseudo-header: 0xffff if good. */
static uint32_t udp_sum(uint32_t saddr, uint32_t daddr, const uint8_t *udp,
			size_t len)
{
	uint8_t ph[12];

	memcpy(ph, &saddr, 4);
	memcpy(ph + 4, &daddr, 4);
	ph[8] = 0;
	ph[9] = IPPROTO_UDP_;
	put16(ph + 10, (uint16_t)len);
	return csum_add(csum_add(0, ph, sizeof(ph)), udp, len);
}

/* The UDP checksum to store; 0 (no checksum) is sent as 0xffff. */
static uint16_t udp_csum(uint32_t saddr, uint32_t daddr, const uint8_t *udp,
			 size_t len)
{
	uint16_t c = (uint16_t)~udp_sum(saddr, daddr, udp, len);

	return c ? c : 0xffff;
}

size_t eth_hdr(uint8_t *f, const uint8_t *dst, const uint8_t *src,
	       uint16_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	put16(f + 12, type);
	return ETH_HLEN;
}

size_t arp_frame(uint8_t *f, uint16_t op, const uint8_t *eth_dst,
		 const uint8_t *sha, uint32_t spa, const uint8_t *tha,
		 uint32_t tpa)
{
	uint8_t *a = f + eth_hdr(f, eth_dst, sha, ETH_P_ARP);

	put16(a, 1);		/* Ethernet */
	put16(a + 2, ETH_P_IP);
	a[4] = 6;
	a[5] = 4;
	put16(a + 6, op);
	memcpy(a + 8, sha, 6);
	memcpy(a + 14, &spa, 4);
	memcpy(a + 18, tha, 6);
	memcpy(a + 24, &tpa, 4);
	memset(a + ARP_LEN, 0, ETH_ZLEN - ETH_HLEN - ARP_LEN);
	return ETH_ZLEN;
}

/* Recompute the header checksum of ip, whatever its IHL says (at least 5). */
void ip_recsum(uint8_t *ip)
{
	size_t ihl = (size_t)(ip[0] & 0xf) * 4;

	if (ihl < IP_HLEN)
		ihl = IP_HLEN;
	put16(ip + 10, 0);
	put16(ip + 10, inet_csum(ip, ihl));
}

/* IPv4 header (no options) for l4len bytes of payload; returns its length. */
static size_t ip_hdr(uint8_t *ip, uint8_t proto, uint32_t saddr,
		     uint32_t daddr, size_t l4len)
{
	ip[0] = 0x45;
	ip[1] = 0;
	put16(ip + 2, (uint16_t)(IP_HLEN + l4len));
	put16(ip + 4, ip_id++);
	put16(ip + 6, 0x4000);	/* DF */
	ip[8] = 64;
	ip[9] = proto;
	memcpy(ip + 12, &saddr, 4);
	memcpy(ip + 16, &daddr, 4);
	ip_recsum(ip);
	return IP_HLEN;
}

/* Pad a frame to Ethernet's minimum; returns its length. */
size_t pad(uint8_t *f, size_t len)
{
	if (len < ETH_ZLEN) {
		memset(f + len, 0, ETH_ZLEN - len);
		len = ETH_ZLEN;
	}
	return len;
}

size_t icmp_frame(uint8_t *f, const uint8_t *dmac, const uint8_t *smac,
		  uint32_t saddr, uint32_t daddr, uint8_t type, uint16_t id,
		  uint16_t seq, const uint8_t *payload, size_t plen)
{
	uint8_t *ip = f + eth_hdr(f, dmac, smac, ETH_P_IP);
	uint8_t *icmp = ip + ip_hdr(ip, IPPROTO_ICMP_, saddr, daddr,
				    ICMP_HLEN + plen);

	icmp[0] = type;
	icmp[1] = 0;
	put16(icmp + 2, 0);
	put16(icmp + 4, id);
	put16(icmp + 6, seq);
	memcpy(icmp + ICMP_HLEN, payload, plen);
	put16(icmp + 2, inet_csum(icmp, ICMP_HLEN + plen));
	return pad(f, ETH_HLEN + IP_HLEN + ICMP_HLEN + plen);
}

/* The payload may already be in place in f (fuzz's oversize frames). */
size_t udp_frame(uint8_t *f, const uint8_t *dmac, const uint8_t *smac,
		 uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
		 const uint8_t *payload, size_t plen)
{
	uint8_t *ip = f + eth_hdr(f, dmac, smac, ETH_P_IP);
	uint8_t *udp = ip + ip_hdr(ip, IPPROTO_UDP_, saddr, daddr,
				   UDP_HLEN + plen);

	put16(udp, sport);
	put16(udp + 2, dport);
	put16(udp + 4, (uint16_t)(UDP_HLEN + plen));
	put16(udp + 6, 0);
	memmove(udp + UDP_HLEN, payload, plen);
	put16(udp + 6, udp_csum(saddr, daddr, udp, UDP_HLEN + plen));
	return pad(f, ETH_HLEN + IP_HLEN + UDP_HLEN + plen);
}

size_t echo_to_guest(uint8_t *f, uint16_t id, uint16_t seq,
		     const uint8_t *payload, size_t plen)
{
	return icmp_frame(f, o.guest_mac, o.host_mac, o.host_ip, o.guest_ip,
			  ICMP_ECHO, id, seq, payload, plen);
}

size_t udp_to_guest(uint8_t *f, uint16_t sport, uint16_t dport,
		    const uint8_t *payload, size_t plen)
{
	return udp_frame(f, o.guest_mac, o.host_mac, o.host_ip, o.guest_ip,
			 sport, dport, payload, plen);
}

/*
 * Parse Ethernet and, for IPv4, the IP header and the ICMP or UDP header;
 * false if malformed.  Checksums are not a reason to refuse: csum_ok
 * tells, for the caller to count.
 */
bool parse_frame(const uint8_t *f, size_t len, struct pkt *p)
{
	size_t ihl, tot;

	memset(p, 0, sizeof(*p));
	if (len < ETH_HLEN)
		return false;
	p->type = get16(f + 12);
	if (p->type != ETH_P_IP)
		return true;
	if (len < ETH_HLEN + IP_HLEN)
		return false;
	p->ip = f + ETH_HLEN;
	if ((p->ip[0] >> 4) != 4)
		return false;
	ihl = (size_t)(p->ip[0] & 0xf) * 4;
	tot = get16(p->ip + 2);
	if (ihl < IP_HLEN || tot < ihl || ETH_HLEN + tot > len)
		return false;
	/* A fragment: pktgen sends none, takes none. */
	if (get16(p->ip + 6) & 0x3fff)
		return false;
	p->proto = p->ip[9];
	memcpy(&p->saddr, p->ip + 12, 4);
	memcpy(&p->daddr, p->ip + 16, 4);
	p->l4 = p->ip + ihl;
	p->l4len = tot - ihl;
	p->csum_ok = csum_add(0, p->ip, ihl) == 0xffff;
	if (p->proto == IPPROTO_ICMP_) {
		if (p->l4len < ICMP_HLEN)
			return false;
		p->csum_ok = p->csum_ok &&
			     csum_add(0, p->l4, p->l4len) == 0xffff;
	} else if (p->proto == IPPROTO_UDP_) {
		size_t ulen;

		if (p->l4len < UDP_HLEN)
			return false;
		ulen = get16(p->l4 + 4);
		if (ulen < UDP_HLEN || ulen > p->l4len)
			return false;
		p->l4len = ulen;
		/* 0: sent without a checksum */
		if (get16(p->l4 + 6) != 0 &&
		    udp_sum(p->saddr, p->daddr, p->l4, ulen) != 0xffff)
			p->csum_ok = false;
	}
	return true;
}
