/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wire formats and header validation of Ethernet, ARP, IPv4, ICMP and UDP
 * (net/proto/).  Pure functions on (buffer, length) with no kernel
 * dependency, so tests/host builds them under ASan/UBSan and libFuzzer:
 * each parser looks only at the bytes it is given and says why a header is
 * bad with an enum skb_drop_reason value.
 */
#ifndef _IRQLAB_NET_PROTO_H
#define _IRQLAB_NET_PROTO_H

#include <irqlab/types.h>

/* Network byte order; x86 is little-endian. */
static inline u16 htons(u16 x) { return __builtin_bswap16(x); }
static inline u16 ntohs(u16 x) { return __builtin_bswap16(x); }
static inline u32 htonl(u32 x) { return __builtin_bswap32(x); }
static inline u32 ntohl(u32 x) { return __builtin_bswap32(x); }

static inline u16 get_be16(const u8 *p) { return (u16)(p[0] << 8 | p[1]); }
static inline u32 get_be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}
static inline void put_be16(u8 *p, u16 v) { p[0] = v >> 8; p[1] = v; }
static inline void put_be32(u8 *p, u32 v)
{
	p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
}

/* Header sizes */
#define NP_ETH_HLEN	14
#define NP_ARP_LEN	28	/* Ethernet/IPv4 ARP */
#define NP_IP_HLEN	20	/* without options */
#define NP_ICMP_HLEN	8
#define NP_UDP_HLEN	8

#define IPPROTO_ICMP	1
#define IPPROTO_UDP	17

#define ICMP_ECHOREPLY	0
#define ICMP_ECHO	8

#define ARPOP_REQUEST	1
#define ARPOP_REPLY	2
#define ARPHRD_ETHER	1

/* ip_hdr fields (frag_off) */
#define IP_MF		0x2000
#define IP_OFFSET	0x1fff

/*
 * Internet checksum (RFC 1071) helpers: csum_partial() folds len bytes
 * into a 32-bit sum, csum_fold() gives the 16-bit ones' complement result
 * (in the byte order of the buffer: store it with memcpy, not put_be16).
 */
u32 csum_partial(const void *buf, size_t len, u32 sum);
u16 csum_fold(u32 sum);
static inline u16 ip_compute_csum(const void *buf, size_t len)
{
	return csum_fold(csum_partial(buf, len, 0));
}
/* Sum of the UDP pseudo header (addresses in network order as stored). */
u32 csum_tcpudp_nofold(u32 saddr, u32 daddr, u32 len, u8 proto, u32 sum);

/*
 * The parsers.  Each returns 0 (SKB_NOT_DROPPED_YET) for a good header and
 * fills the parsed view, or an enum skb_drop_reason value.
 */
struct np_eth {
	const u8 *dest, *source;
	u16 proto;		/* host order */
};
int np_eth_parse(const u8 *buf, size_t len, struct np_eth *out);

struct np_arp {
	u16 op;
	const u8 *sha, *tha;
	u32 sip, tip;		/* network order, as on the wire */
};
int np_arp_parse(const u8 *buf, size_t len, struct np_arp *out);

struct np_ip {
	unsigned int ihl;	/* header bytes */
	unsigned int tot_len;	/* header + payload, <= len */
	u8 protocol, ttl;
	u16 id;
	u32 saddr, daddr;	/* network order */
};
int np_ip_parse(const u8 *buf, size_t len, struct np_ip *out);

struct np_icmp {
	u8 type, code;
};
int np_icmp_parse(const u8 *buf, size_t len, struct np_icmp *out);

struct np_udp {
	u16 source, dest;	/* host order */
	unsigned int ulen;	/* header + payload, <= len */
	const u8 *payload;
	unsigned int payload_len;
};
/* saddr/daddr (network order) for the pseudo-header checksum. */
int np_udp_parse(const u8 *buf, size_t len, u32 saddr, u32 daddr,
		 struct np_udp *out);

/*
 * One whole frame through every layer the way the kernel's receive path
 * checks it, for the fuzzer and host tests: returns 0 or the drop reason.
 */
int np_frame_check(const u8 *buf, size_t len);

#endif /* _IRQLAB_NET_PROTO_H */
