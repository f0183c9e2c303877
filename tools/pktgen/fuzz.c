// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz: malformed frames for the guest, each kind and content drawn from
 * a splitmix64 generator seeded with --seed, so that a seed always gives
 * the same frames (and the same digest, FNV-1a 64 over every frame's
 * length and bytes).
 */

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "pktgen.h"

/* ---- deterministic PRNG (splitmix64) --------------------------------- */

static uint64_t rng_state;

void rng_seed(uint64_t seed)
{
	rng_state = seed;
}

uint64_t rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint32_t rng_below(uint32_t n)
{
	return n ? (uint32_t)(rng() % n) : 0;
}

static void rng_fill(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)rng();
}

/* ---- the frames ------------------------------------------------------ */

/* Up to FZ_ARP_BAD, the kinds that are not IPv4. */
enum fuzz_kind {
	FZ_RANDOM,		/* random bytes, random length */
	FZ_RUNT_ETH,		/* shorter than an Ethernet header */
	FZ_ETHERTYPE,		/* unknown/unsupported ethertype */
	FZ_ARP_TRUNC,		/* ARP shorter than 28 bytes */
	FZ_ARP_BAD,		/* ARP with wrong htype/ptype/hlen/plen/op */
	FZ_IP_TRUNC,		/* IPv4 shorter than its header */
	FZ_IP_VERSION,		/* version != 4 */
	FZ_IP_IHL,		/* IHL < 5 or past the end */
	FZ_IP_TOTLEN,		/* total length < IHL*4 or past the end */
	FZ_IP_CSUM,		/* bad header checksum */
	FZ_IP_FRAG,		/* MF set or a fragment offset */
	FZ_IP_PROTO,		/* unknown protocol */
	FZ_IP_OTHERHOST,	/* not addressed to the guest */
	FZ_ICMP_TRUNC,		/* ICMP shorter than its header */
	FZ_ICMP_CSUM,		/* echo request with a bad checksum */
	FZ_UDP_TRUNC,		/* UDP shorter than its header */
	FZ_UDP_LEN,		/* UDP length < 8 or past the IP payload */
	FZ_UDP_CSUM,		/* bad UDP checksum (to the echo port) */
	FZ_OVERSIZE,		/* frame longer than 1514 */
	FZ_MUTATE,		/* a valid echo request, bits flipped */
	FZ_NKINDS
};

static const char *const fuzz_names[FZ_NKINDS] = {
	"random", "runt_eth", "ethertype", "arp_trunc", "arp_bad", "ip_trunc",
	"ip_version", "ip_ihl", "ip_totlen", "ip_csum", "ip_frag", "ip_proto",
	"ip_otherhost", "icmp_trunc", "icmp_csum", "udp_trunc", "udp_len",
	"udp_csum", "oversize", "mutate",
};

#define FUZZ_MAX	9018	/* a jumbo frame */
#define FUZZ_SPORT	40009
#define FUZZ_ICMP_ID	0xf022

/* Spoil a stored checksum: flip at least one of its bits. */
static void flip16(uint8_t *p)
{
	put16(p, (uint16_t)(get16(p) ^ (1 + rng_below(0xffff))));
}

/* The kinds that are not IPv4: random bytes, bad Ethernet, bad ARP. */
static size_t fuzz_link_frame(uint8_t *f, enum fuzz_kind kind)
{
	static const uint16_t types[] = { 0x86dd, 0x8100, 0x88cc, 0x0842,
					  0x8035, 0x0000, 0x05dc, 0xffff,
					  0x0801, 0x0805 };
	uint8_t *a = f + ETH_HLEN;
	const uint8_t *dst;
	uint16_t type;
	size_t n;

	switch (kind) {
	case FZ_RANDOM:
		n = rng_below(ETH_FRAME_MAX) + 1;
		rng_fill(f, n);
		if (rng_below(2))
			memcpy(f, o.guest_mac, 6);
		return n;
	case FZ_RUNT_ETH:
		n = rng_below(ETH_HLEN - 1) + 1;	/* 1..13 */
		rng_fill(f, n);
		memcpy(f, o.guest_mac, n < 6 ? n : 6);
		return n;
	case FZ_ETHERTYPE:
		n = ETH_ZLEN + rng_below(200);
		rng_fill(f, n);
		type = types[rng_below(sizeof(types) / sizeof(types[0]))];
		dst = rng_below(2) ? o.guest_mac : bcast;
		eth_hdr(f, dst, o.host_mac, type);
		return n;
	case FZ_ARP_TRUNC:
		arp_frame(f, ARPOP_REQUEST, bcast, o.host_mac, o.host_ip, bcast,
			  o.guest_ip);
		return ETH_HLEN + rng_below(ARP_LEN);
	default:	/* FZ_ARP_BAD */
		n = arp_frame(f, ARPOP_REQUEST, bcast, o.host_mac, o.host_ip,
			      bcast, o.guest_ip);
		switch (rng_below(5)) {
		case 0:		/* htype */
			put16(a, (uint16_t)rng());
			break;
		case 1:		/* ptype */
			put16(a + 2, (uint16_t)rng());
			break;
		case 2:		/* hlen */
			a[4] = (uint8_t)rng_below(6);
			break;
		case 3:		/* plen */
			a[5] = (uint8_t)(rng_below(2) ? 16 : 0);
			break;
		default:	/* op */
			put16(a + 6, (uint16_t)(3 + rng_below(100)));
			break;
		}
		return n;
	}
}

/* Build fuzz frame of `kind` into f (FUZZ_MAX bytes); returns its length. */
static size_t fuzz_frame(uint8_t *f, enum fuzz_kind kind)
{
	uint8_t pl[MAX_PAYLOAD];
	size_t plen = rng_below(64) + 8, n;
	uint8_t *ip = f + ETH_HLEN, *l4 = ip + IP_HLEN;

	/* Drawn for every kind: each seed's stream of frames depends on it. */
	rng_fill(pl, plen);
	if (kind <= FZ_ARP_BAD)
		return fuzz_link_frame(f, kind);

	/* The rest start from a valid UDP or ICMP packet to the guest. */
	if (kind == FZ_ICMP_TRUNC || kind == FZ_ICMP_CSUM ||
	    (kind != FZ_UDP_TRUNC && kind != FZ_UDP_LEN &&
	     kind != FZ_UDP_CSUM && rng_below(2)))
		n = echo_to_guest(f, FUZZ_ICMP_ID, (uint16_t)rng(), pl, plen);
	else
		n = udp_to_guest(f, FUZZ_SPORT, (uint16_t)o.port, pl, plen);

	switch (kind) {
	case FZ_IP_TRUNC:
		return ETH_HLEN + rng_below(IP_HLEN);
	case FZ_IP_VERSION:
		/* 5..15, then 0..4 */
		ip[0] = (uint8_t)((rng_below(15) + 5) << 4 | 5);
		if ((ip[0] >> 4) == 4)
			ip[0] = 0x65;
		if (rng_below(4) == 0)
			ip[0] = (uint8_t)(rng_below(4) << 4 | 5);
		ip_recsum(ip);
		return n;
	case FZ_IP_IHL:
		ip[0] = (uint8_t)(0x40 | (rng_below(2) ? rng_below(5)
						       : 6 + rng_below(10)));
		ip_recsum(ip);
		return rng_below(2) ? n : ETH_HLEN + IP_HLEN + rng_below(8);
	case FZ_IP_TOTLEN:
		if (rng_below(2))
			put16(ip + 2, (uint16_t)rng_below(IP_HLEN));
		else
			put16(ip + 2, (uint16_t)(n - ETH_HLEN + 1 +
						 rng_below(2000)));
		ip_recsum(ip);
		return n;
	case FZ_IP_CSUM:
		flip16(ip + 10);
		return n;
	case FZ_IP_FRAG:
		put16(ip + 6, (uint16_t)(rng_below(2) ?
					 0x2000 | rng_below(0x2000) :
					 1 + rng_below(0x1fff)));
		ip_recsum(ip);
		return n;
	case FZ_IP_PROTO: {
		static const uint8_t protos[] = { 0, 2, 6, 41, 47, 50, 58,
						  132, 255 };

		ip[9] = protos[rng_below(sizeof(protos))];
		ip_recsum(ip);
		return n;
	}
	case FZ_IP_OTHERHOST: {
		uint32_t other = o.guest_ip ^ htonl(1 + rng_below(0xfe));

		memcpy(ip + 16, &other, 4);
		ip_recsum(ip);
		return n;
	}
	case FZ_ICMP_TRUNC:
	case FZ_UDP_TRUNC: {
		uint32_t hlen = kind == FZ_UDP_TRUNC ? UDP_HLEN : ICMP_HLEN;

		put16(ip + 2, (uint16_t)(IP_HLEN + rng_below(hlen)));
		ip_recsum(ip);
		return pad(f, ETH_HLEN + get16(ip + 2));
	}
	case FZ_ICMP_CSUM:
		flip16(l4 + 2);
		return n;
	case FZ_UDP_LEN:
		if (rng_below(2))
			put16(l4 + 4, (uint16_t)rng_below(UDP_HLEN));
		else
			put16(l4 + 4, (uint16_t)(UDP_HLEN + plen + 1 +
						 rng_below(1000)));
		return n;
	case FZ_UDP_CSUM: {
		uint16_t c = get16(l4 + 6);
		/* Never 0 (no checksum) or 0xffff (equivalent to 0 in sum). */
		uint16_t bad = (uint16_t)(c ^ (1 + rng_below(0xfffe)));

		if (bad == 0 || bad == 0xffff)
			bad = c == 0x1234 ? 0x4321 : 0x1234;
		put16(l4 + 6, bad);
		return n;
	}
	case FZ_OVERSIZE: {
		size_t big = ETH_FRAME_MAX + 1 +
			     rng_below(FUZZ_MAX - ETH_FRAME_MAX);
		uint8_t *data = l4 + UDP_HLEN;
		size_t dlen = big - ETH_HLEN - IP_HLEN - UDP_HLEN;

		rng_fill(data, dlen);
		/* Consistent headers: only the size is wrong. */
		return udp_to_guest(f, FUZZ_SPORT, (uint16_t)o.port, data,
				    dlen);
	}
	case FZ_MUTATE: {
		unsigned int flips = 1 + rng_below(4);

		for (unsigned int k = 0; k < flips; k++) {
			size_t at = ETH_HLEN +
				    rng_below((uint32_t)(n - ETH_HLEN));

			f[at] ^= (uint8_t)(1u << rng_below(8));
		}
		return n;
	}
	default:
		return n;
	}
}

/* ---- the run --------------------------------------------------------- */

static uint64_t fnv1a(uint64_t h, const uint8_t *p, size_t n)
{
	for (size_t k = 0; k < n; k++)
		h = (h ^ p[k]) * 0x100000001b3ull;
	return h;
}

static void hexdump(uint64_t idx, const char *kind, const uint8_t *f, size_t n)
{
	printf("frame %" PRIu64 " %s %zu:", idx, kind, n);
	for (size_t i = 0; i < n; i++)
		printf("%s%02x", i % 32 ? "" : "\n ", f[i]);
	printf("\n");
}

static void fuzz_report(const uint64_t counts[FZ_NKINDS], uint64_t sent,
			uint64_t bytes, uint64_t digest, int64_t host_dropped)
{
	char b[COUNT_STR_LEN];

	if (o.json) {
		printf("{\"mode\":\"fuzz\",\"seed\":%" PRIu64 ",\"count\":%ld,"
		       "\"sent\":%" PRIu64 ",\"send_errors\":%" PRIu64
		       ",\"frames_sent\":%" PRIu64 ",\"host_dropped\":%s"
		       ",\"bytes\":%" PRIu64 ",\"dry_run\":%s,"
		       "\"digest\":\"%016" PRIx64 "\",\"kinds\":{",
		       o.seed, o.count, sent, send_errors, frames_sent,
		       count_or_null(b, host_dropped), bytes,
		       o.dry_run ? "true" : "false", digest);
		for (int k = 0; k < FZ_NKINDS; k++)
			printf("%s\"%s\":%" PRIu64, k ? "," : "", fuzz_names[k],
			       counts[k]);
		printf("}}\n");
		return;
	}
	for (int k = 0; k < FZ_NKINDS; k++)
		say("  %-13s %" PRIu64 "\n", fuzz_names[k], counts[k]);
	say("%ld frames built, %" PRIu64 " sent, %" PRIu64 " refused, digest %016"
	    PRIx64 "\n", o.count, sent, send_errors, digest);
	say("# count sent digest\n");
	printf("%ld %" PRIu64 " %016" PRIx64 "\n", o.count, sent, digest);
}

int do_fuzz(void)
{
	static uint8_t f[FUZZ_MAX];
	uint64_t counts[FZ_NKINDS] = { 0 }, sent = 0, bytes = 0;
	uint64_t digest = 0xcbf29ce484222325ull;	/* FNV-1a 64 */
	uint64_t t0;
	double period_ns = o.rate > 0 ? 1e9 / o.rate : 0;
	int64_t drops0 = -1, drops = -1;

	if (!o.dry_run) {
		open_socket();
		drops0 = udp_socket_drops(o.qemu_port);
		resolve_guest();
	}
	rng_seed(o.seed);
	ip_id = (uint16_t)(o.seed * 2654435761u);
	say("FUZZ %s (%s): seed %" PRIu64 ", %ld frames%s\n",
	    ip_str(o.guest_ip), mac_str(o.guest_mac), o.seed, o.count,
	    o.dry_run ? " (dry run)" : "");
	t0 = now_ns();
	for (long i = 0; i < o.count; i++) {
		enum fuzz_kind kind = (enum fuzz_kind)rng_below(FZ_NKINDS);
		size_t n = fuzz_frame(f, kind);
		uint8_t len_le[4] = { (uint8_t)n, (uint8_t)(n >> 8),
				      (uint8_t)(n >> 16), 0 };

		digest = fnv1a(fnv1a(digest, len_le, 4), f, n);
		counts[kind]++;
		bytes += n;
		if (o.dump)
			hexdump((uint64_t)i, fuzz_names[kind], f, n);
		if (o.dry_run)
			continue;
		if (send_frame(f, n))
			sent++;
		if (period_ns > 0) {
			uint64_t due = t0 +
				       (uint64_t)((double)(i + 1) * period_ns);
			uint64_t t = now_ns();

			if (due > t)
				sleep_ns(due - t);
		}
		/* Keep answering the guest's ARP. */
		if ((i & 255) == 255)
			drain_host_duties();
	}
	if (!o.dry_run) {
		drain_host_duties();
		drops = udp_socket_drops(o.qemu_port);
	}
	fuzz_report(counts, sent, bytes, digest, drops_between(drops0, drops));
	return 0;
}
