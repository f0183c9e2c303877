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

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

#define ASSERT(c)	do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
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
