// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of net/proto/: the checksum against known vectors and every
 * header check against a frame broken in exactly one way, with the drop
 * reason the kernel counts.  Frames live in heap buffers of their exact
 * length, so ASan reports any read past it.
 */
#include <irqlab/net_proto.h>
#include <irqlab/skbuff_reasons.h>
#include <irqlab/string.h>

#include "check.h"

void *malloc(size_t size);
void free(void *ptr);

#define SADDR	0x0f02000a	/* 10.0.2.15, network order as stored */
#define DADDR	0x0202000a	/* 10.0.2.2 */

static size_t build_eth(u8 *f, u16 proto)
{
	memset(f, 0xff, 6);
	memcpy(f + 6, "\x52\x54\x00\x12\x34\x56", 6);
	put_be16(f + 12, proto);
	return NP_ETH_HLEN;
}

static void ip_fix_csum(u8 *ip, unsigned int ihl)
{
	u16 c;

	ip[10] = ip[11] = 0;
	c = ip_compute_csum(ip, ihl);
	memcpy(ip + 10, &c, 2);
}

static size_t build_ip(u8 *ip, u8 proto, unsigned int payload)
{
	ip[0] = 0x45;
	ip[1] = 0;
	put_be16(ip + 2, NP_IP_HLEN + payload);
	put_be16(ip + 4, 1);
	put_be16(ip + 6, 0x4000);
	ip[8] = 64;
	ip[9] = proto;
	memcpy(ip + 12, &(u32){ DADDR }, 4);
	memcpy(ip + 16, &(u32){ SADDR }, 4);
	ip_fix_csum(ip, NP_IP_HLEN);
	return NP_IP_HLEN;
}

static void udp_fix_csum(u8 *ip, u8 *uh, unsigned int ulen)
{
	u32 s, d;
	u16 c;

	memcpy(&s, ip + 12, 4);
	memcpy(&d, ip + 16, 4);
	uh[6] = uh[7] = 0;
	c = csum_fold(csum_tcpudp_nofold(s, d, ulen, IPPROTO_UDP,
					 csum_partial(uh, ulen, 0)));
	memcpy(uh + 6, c ? &c : &(u16){ 0xffff }, 2);
}

/* A valid Ethernet/IPv4/UDP frame to port 7 with n bytes of payload. */
static size_t build_udp(u8 *f, unsigned int n)
{
	u8 *ip = f + NP_ETH_HLEN, *uh = ip + NP_IP_HLEN;
	unsigned int i;

	build_eth(f, 0x0800);
	build_ip(ip, IPPROTO_UDP, NP_UDP_HLEN + n);
	put_be16(uh, 40000);
	put_be16(uh + 2, 7);
	put_be16(uh + 4, NP_UDP_HLEN + n);
	for (i = 0; i < n; i++)
		uh[NP_UDP_HLEN + i] = (u8)(i * 7 + 1);
	udp_fix_csum(ip, uh, NP_UDP_HLEN + n);
	return NP_ETH_HLEN + NP_IP_HLEN + NP_UDP_HLEN + n;
}

static size_t build_icmp(u8 *f, unsigned int n)
{
	u8 *ip = f + NP_ETH_HLEN, *ic = ip + NP_IP_HLEN;
	unsigned int i;
	u16 c;

	build_eth(f, 0x0800);
	build_ip(ip, IPPROTO_ICMP, NP_ICMP_HLEN + n);
	memset(ic, 0, NP_ICMP_HLEN);
	ic[0] = ICMP_ECHO;
	put_be16(ic + 4, 0x1234);
	put_be16(ic + 6, 1);
	for (i = 0; i < n; i++)
		ic[NP_ICMP_HLEN + i] = (u8)i;
	c = ip_compute_csum(ic, NP_ICMP_HLEN + n);
	memcpy(ic + 2, &c, 2);
	return NP_ETH_HLEN + NP_IP_HLEN + NP_ICMP_HLEN + n;
}

static size_t build_arp(u8 *f)
{
	u8 *a = f + NP_ETH_HLEN;

	build_eth(f, 0x0806);
	put_be16(a, ARPHRD_ETHER);
	put_be16(a + 2, 0x0800);
	a[4] = 6;
	a[5] = 4;
	put_be16(a + 6, ARPOP_REQUEST);
	memcpy(a + 8, "\x52\x54\x00\x12\x34\x56", 6);
	memcpy(a + 14, &(u32){ DADDR }, 4);
	memset(a + 18, 0, 6);
	memcpy(a + 24, &(u32){ SADDR }, 4);
	return NP_ETH_HLEN + NP_ARP_LEN;
}

/* np_frame_check on an exact-size heap copy of f[0..len). */
static int check_exact(const u8 *f, size_t len)
{
	u8 *copy = malloc(len ? len : 1);
	int r;

	memcpy(copy, f, len);
	r = np_frame_check(copy, len);
	free(copy);
	return r;
}

static void test_checksum(void)
{
	/* The IPv4 header example of RFC 1071 practice: checksum 0xb861. */
	u8 h[20] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40,
		     0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8,
		     0x00, 0xc7 };
	u16 c = ip_compute_csum(h, sizeof(h));

	memcpy(h + 10, &c, 2);
	CHECK_UINT(h[10], 0xb8);
	CHECK_UINT(h[11], 0x61);
	/* A header with its checksum in place sums to zero. */
	CHECK_UINT(ip_compute_csum(h, sizeof(h)), 0);
	/* Odd lengths pad with a zero byte. */
	CHECK_UINT(csum_partial("\x01", 1, 0), csum_partial("\x01\x00", 2, 0));
	CHECK_UINT(csum_fold(0), 0xffff);
}

static void test_eth_arp(void)
{
	u8 f[64];
	size_t n = build_arp(f);
	struct np_arp arp;

	CHECK_INT(check_exact(f, n), 0);
	CHECK_INT(check_exact(f, NP_ETH_HLEN - 1), SKB_DROP_REASON_PKT_TOO_SMALL);
	CHECK_INT(check_exact(f, 0), SKB_DROP_REASON_PKT_TOO_SMALL);
	CHECK_INT(check_exact(f, n - 1), SKB_DROP_REASON_PKT_TOO_SMALL);
	CHECK_INT(np_arp_parse(f + NP_ETH_HLEN, NP_ARP_LEN, &arp), 0);
	CHECK_UINT(arp.op, ARPOP_REQUEST);
	CHECK_UINT(arp.tip, SADDR);
	CHECK_UINT(arp.sip, DADDR);

	f[NP_ETH_HLEN + 1] = 6;		/* hardware type 6 */
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_ARP_INVALID);
	n = build_arp(f);
	f[NP_ETH_HLEN + 4] = 8;		/* hardware address length */
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_ARP_INVALID);
	n = build_arp(f);
	put_be16(f + NP_ETH_HLEN + 6, 3);	/* RARP request */
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_ARP_INVALID);
	n = build_arp(f);
	f[NP_ETH_HLEN + 8] = 0x01;	/* multicast sender */
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_ARP_INVALID);
	n = build_arp(f);
	put_be16(f + 12, 0x86dd);	/* IPv6: not handled */
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_UNHANDLED_PROTO);
}

static void test_ipv4(void)
{
	u8 f[128], *ip = f + NP_ETH_HLEN;
	size_t n = build_udp(f, 10);
	struct np_ip p;

	CHECK_INT(np_ip_parse(ip, n - NP_ETH_HLEN, &p), 0);
	CHECK_UINT(p.ihl, 20);
	CHECK_UINT(p.tot_len, 38);
	CHECK_UINT(p.protocol, IPPROTO_UDP);

	ip[0] = 0x65;			/* version 6 */
	ip_fix_csum(ip, 20);
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_IP_INHDR);
	ip[0] = 0x44;			/* ihl 4 */
	ip_fix_csum(ip, 20);
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_IP_INHDR);
	ip[0] = 0x4f;			/* ihl 15: 60 bytes, more than there is */
	CHECK_INT(check_exact(f, NP_ETH_HLEN + 40), SKB_DROP_REASON_PKT_TOO_SMALL);
	n = build_udp(f, 10);
	ip[11] ^= 1;			/* checksum */
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_IP_CSUM);
	n = build_udp(f, 10);
	put_be16(ip + 2, 200);		/* total length beyond the frame */
	ip_fix_csum(ip, 20);
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_PKT_TOO_SMALL);
	put_be16(ip + 2, 19);		/* total length below the header */
	ip_fix_csum(ip, 20);
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_IP_INHDR);
	n = build_udp(f, 10);
	put_be16(ip + 6, IP_MF);	/* first fragment */
	ip_fix_csum(ip, 20);
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_IP_FRAG);
	put_be16(ip + 6, 5);		/* a later fragment */
	ip_fix_csum(ip, 20);
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_IP_FRAG);
	n = build_udp(f, 10);
	ip[9] = 6;			/* TCP */
	ip_fix_csum(ip, 20);
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_IP_NOPROTO);
	/* Ethernet padding after tot_len is ignored. */
	n = build_udp(f, 1);
	memset(f + n, 0xee, 60 - n);
	CHECK_INT(check_exact(f, 60), 0);
}

static void test_icmp_udp(void)
{
	u8 f[128], *ip = f + NP_ETH_HLEN, *l4 = ip + NP_IP_HLEN;
	size_t n = build_icmp(f, 16);
	struct np_udp u;

	CHECK_INT(check_exact(f, n), 0);
	l4[NP_ICMP_HLEN + 3] ^= 0x40;
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_ICMP_CSUM);
	build_ip(ip, IPPROTO_ICMP, 4);	/* ICMP shorter than its header */
	CHECK_INT(check_exact(f, NP_ETH_HLEN + NP_IP_HLEN + 4),
		  SKB_DROP_REASON_PKT_TOO_SMALL);

	n = build_udp(f, 10);
	CHECK_INT(check_exact(f, n), 0);
	CHECK_INT(np_udp_parse(l4, 18, DADDR, SADDR, &u), 0);
	CHECK_UINT(u.dest, 7);
	CHECK_UINT(u.source, 40000);
	CHECK_UINT(u.payload_len, 10);
	CHECK_UINT(u.payload[9], (u8)(9 * 7 + 1));
	l4[NP_UDP_HLEN] ^= 1;		/* payload corrupted */
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_UDP_CSUM);
	l4[6] = l4[7] = 0;		/* no checksum: accepted */
	CHECK_INT(check_exact(f, n), 0);
	n = build_udp(f, 10);
	put_be16(l4 + 4, 19);		/* length beyond the datagram */
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_PKT_TOO_SMALL);
	put_be16(l4 + 4, 7);		/* length below the header */
	CHECK_INT(check_exact(f, n), SKB_DROP_REASON_PKT_TOO_SMALL);
	build_ip(ip, IPPROTO_UDP, 7);
	CHECK_INT(check_exact(f, NP_ETH_HLEN + NP_IP_HLEN + 7),
		  SKB_DROP_REASON_PKT_TOO_SMALL);
}

/* Every truncation of a valid frame is refused, never read past. */
static void test_truncations(void)
{
	u8 f[128];
	size_t n, i;
	int bad = 0;

	n = build_udp(f, 40);
	for (i = 0; i < n; i++)
		if (check_exact(f, i) == 0)
			bad++;
	n = build_icmp(f, 40);
	for (i = 0; i < n; i++)
		if (check_exact(f, i) == 0)
			bad++;
	CHECK_INT(bad, 0);
}

/* Random single-byte corruptions: any verdict, but within bounds (ASan). */
static void test_mutations(void)
{
	u8 f[128];
	u32 x = 12345;
	size_t n;
	int i, ok = 0;

	for (i = 0; i < 20000; i++) {
		n = (i & 1) ? build_udp(f, 24) : build_icmp(f, 24);
		x = x * 1103515245 + 12345;
		f[(x >> 8) % n] ^= (u8)(x >> 24) | 1;
		x = x * 1103515245 + 12345;
		if (check_exact(f, (x >> 8) % (n + 1)) == 0)
			ok++;
	}
	/* A flipped bit is caught by some checksum almost always. */
	CHECK(ok < 20000 / 10);
}

void test_net_proto(void)
{
	test_checksum();
	test_eth_arp();
	test_ipv4();
	test_icmp_udp();
	test_truncations();
	test_mutations();
}
