// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for net/proto/: any byte string through every layer's
 * header check, under ASan and UBSan.  Besides memory safety it checks
 * what the kernel relies on: a verdict is 0 or a real drop reason, and an
 * accepted frame's parsed lengths stay inside the buffer.
 *
 *   make -C tests/host fuzz && tests/host/build/fuzz_net -runs=200000
 */
#include <irqlab/net_proto.h>
#include <irqlab/skbuff_reasons.h>

void *malloc(size_t size);
void free(void *ptr);
void *memcpy(void *dest, const void *src, size_t n);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

#define ASSERT(c)	do { if (!(c)) __builtin_trap(); } while (0)

static void store_csum(u8 *p, u16 c)
{
	memcpy(p, &c, 2);
}

/*
 * Random bytes almost never carry a right checksum, so the fuzzer would
 * stop at the IP header: when the first input byte says so, fill in the
 * IPv4, ICMP and UDP checksums (within bounds, trusting nothing) before
 * the frame goes through the checks.
 */
static void fix_checksums(u8 *f, size_t len)
{
	size_t ihl, tot;
	u8 *ip = f + NP_ETH_HLEN, *l4;
	u32 s, d;

	if (len < NP_ETH_HLEN + NP_IP_HLEN || get_be16(f + 12) != 0x0800)
		return;
	len -= NP_ETH_HLEN;
	ihl = (ip[0] & 0xf) * 4;
	if (ihl < NP_IP_HLEN || ihl > len)
		return;
	ip[10] = ip[11] = 0;
	store_csum(ip + 10, ip_compute_csum(ip, ihl));
	tot = get_be16(ip + 2);
	if (tot > len || tot < ihl)
		return;
	l4 = ip + ihl;
	tot -= ihl;
	if (ip[9] == IPPROTO_ICMP && tot >= NP_ICMP_HLEN) {
		l4[2] = l4[3] = 0;
		store_csum(l4 + 2, ip_compute_csum(l4, tot));
	} else if (ip[9] == IPPROTO_UDP && tot >= NP_UDP_HLEN) {
		size_t ulen = get_be16(l4 + 4);

		if (ulen < NP_UDP_HLEN || ulen > tot)
			return;
		memcpy(&s, ip + 12, 4);
		memcpy(&d, ip + 16, 4);
		l4[6] = l4[7] = 0;
		store_csum(l4 + 6, csum_fold(csum_tcpudp_nofold(s, d, ulen,
				IPPROTO_UDP, csum_partial(l4, ulen, 0))));
	}
}

static int check_frame(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	u8 *f;
	int r;

	if (!size)
		return check_frame(data, 0);
	/* An exact-size copy: ASan flags a read one byte past the frame. */
	f = malloc(size - 1 ? size - 1 : 1);
	if (!f)
		return 0;
	memcpy(f, data + 1, size - 1);
	if (data[0] & 1)
		fix_checksums(f, size - 1);
	r = check_frame(f, size - 1);
	free(f);
	return r;
}

static int check_frame(const u8 *data, size_t size)
{
	struct np_eth eth;
	struct np_ip ip;
	struct np_udp udp;
	struct np_icmp icmp;
	struct np_arp arp;
	const u8 *l3;
	size_t len;
	int r;

	r = np_frame_check(data, size);
	ASSERT(r == 0 || (r >= SKB_DROP_REASON_NOT_SPECIFIED &&
			  r < SKB_DROP_REASON_MAX));
	if (np_eth_parse(data, size, &eth))
		return 0;
	l3 = data + NP_ETH_HLEN;
	len = size - NP_ETH_HLEN;
	if (eth.proto == 0x0806) {
		if (!np_arp_parse(l3, len, &arp))
			ASSERT(arp.op == ARPOP_REQUEST || arp.op == ARPOP_REPLY);
		return 0;
	}
	if (np_ip_parse(l3, len, &ip))
		return 0;
	ASSERT(ip.ihl >= NP_IP_HLEN && ip.ihl <= ip.tot_len &&
	       ip.tot_len <= len);
	if (ip.protocol == IPPROTO_UDP &&
	    !np_udp_parse(l3 + ip.ihl, ip.tot_len - ip.ihl, ip.saddr,
			  ip.daddr, &udp)) {
		ASSERT(udp.ulen >= NP_UDP_HLEN &&
		       udp.ulen <= ip.tot_len - ip.ihl);
		ASSERT(udp.payload + udp.payload_len <= data + size);
	}
	if (ip.protocol == IPPROTO_ICMP)
		(void)np_icmp_parse(l3 + ip.ihl, ip.tot_len - ip.ihl, &icmp);
	return 0;
}
