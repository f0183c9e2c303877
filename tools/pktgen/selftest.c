// SPDX-License-Identifier: GPL-2.0
/*
 * selftest: pktgen's checksum code and frame builders against known
 * vectors (RFC 1071's example, a textbook IPv4 header, UDP and ICMP
 * frames computed by hand), its parser against a flipped bit, and the
 * fuzz PRNG's determinism.
 */

#include <arpa/inet.h>
#include <stdio.h>

#include "pktgen.h"

static int failures;

static void check(bool ok, const char *what)
{
	printf("%s %s\n", ok ? "ok" : "FAIL", what);
	if (!ok)
		failures++;
}

int do_selftest(void)
{
	/* RFC 1071 section 3's example: sum 0xddf2. */
	static const uint8_t rfc1071[] = { 0x00, 0x01, 0xf2, 0x03,
					   0xf4, 0xf5, 0xf6, 0xf7 };
	/* A classic IPv4 header, 192.168.0.1 -> 192.168.0.199: 0xb861. */
	static const uint8_t iphdr[] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00,
					 0x40, 0x00, 0x40, 0x11, 0x00, 0x00,
					 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8,
					 0x00, 0xc7 };
	uint8_t f[ETH_FRAME_MAX];
	uint8_t a[6] = { 2, 0, 0, 0, 0, 1 }, b[6] = { 2, 0, 0, 0, 0, 2 };
	const uint8_t pl[4] = { 'p', 'i', 'n', 'g' };
	uint32_t host = inet_addr("10.0.2.2"), guest = inet_addr("10.0.2.15");
	struct pkt p;
	uint64_t x;
	size_t n;

	check(csum_add(0, rfc1071, sizeof(rfc1071)) == 0xddf2,
	      "RFC 1071 example sums to 0xddf2");
	check(inet_csum(rfc1071, sizeof(rfc1071)) == 0x220d,
	      "RFC 1071 example checksum 0x220d");
	check(inet_csum(iphdr, sizeof(iphdr)) == 0xb861,
	      "IPv4 header checksum 0xb861");
	check(inet_csum(rfc1071, 3) == (uint16_t)~(0x0001 + 0xf200),
	      "odd length pads with zero");

	/* UDP 10.0.2.2:1234 -> 10.0.2.15:7, "ping": computed by hand. */
	ip_id = 0;
	n = udp_frame(f, a, b, host, guest, 1234, 7, pl, 4);
	check(n == ETH_ZLEN, "short frames are padded to 60 bytes");
	check(get16(f + ETH_HLEN + IP_HLEN + 6) == 0x041c,
	      "UDP checksum vector 0x041c");
	check(get16(f + ETH_HLEN + 10) == 0x22bd,
	      "IPv4 checksum of that frame 0x22bd");
	check(parse_frame(f, n, &p) && p.csum_ok && p.proto == IPPROTO_UDP_ &&
	      p.l4len == 12, "the UDP frame parses with good checksums");
	f[ETH_HLEN + IP_HLEN + UDP_HLEN] ^= 1;	/* a payload byte */
	check(parse_frame(f, n, &p) && !p.csum_ok,
	      "a flipped payload bit fails the UDP checksum");

	ip_id = 0;
	n = icmp_frame(f, a, b, host, guest, ICMP_ECHO, 0x1234, 1, pl, 4);
	check(get16(f + ETH_HLEN + IP_HLEN + 2) == 0x06fa,
	      "ICMP checksum vector 0x06fa");
	check(parse_frame(f, n, &p) && p.csum_ok,
	      "the ICMP frame parses with good checksums");

	n = arp_frame(f, ARPOP_REQUEST, bcast, a, host, b, guest);
	check(n == ETH_ZLEN && get16(f + 12) == ETH_P_ARP &&
	      get16(f + ETH_HLEN + 6) == 1, "ARP request layout");

	rng_seed(42);
	x = rng();
	rng_seed(42);
	check(x == rng(), "the PRNG is deterministic");

	printf("%s: %d failure%s\n", failures ? "FAIL" : "PASS", failures,
	       failures == 1 ? "" : "s");
	return failures ? 1 : 0;
}
