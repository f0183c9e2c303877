// SPDX-License-Identifier: GPL-2.0
/*
 * pktgen: irqlab's host-side packet generator.
 *
 * Talks raw Ethernet frames with QEMU's socket network backend
 *
 *   -netdev socket,id=n0,udp=127.0.0.1:PORT_A,localaddr=127.0.0.1:PORT_B
 *
 * in which QEMU sends every frame the guest transmits as one UDP datagram
 * to 127.0.0.1:PORT_A and hands the guest every datagram that arrives at
 * 127.0.0.1:PORT_B.  pktgen binds PORT_A (--listen) and sends to PORT_B
 * (--qemu-port).  It plays the host (10.0.2.2 by default): it answers the
 * guest's ARP requests, resolves the guest's MAC with ARP, and then
 *
 *   ping      ICMP echo ping-pong, latency percentiles
 *   udpping   the same over UDP to the echo port (7)
 *   flood     UDP at an offered rate to the echo port, counting echoes
 *   fuzz      malformed frames, deterministic by seed
 *   selftest  checksum and frame-builder checks against known vectors
 *
 * It never sends anything to an address other than 127.0.0.1: the only
 * addresses it accepts are 127.0.0.1, and every send checks it again.
 * See docs/pktgen.md.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define ETH_HLEN	14
#define ETH_ZLEN	60		/* minimum frame without FCS */
#define ETH_FRAME_MAX	1514		/* maximum frame without FCS */
#define ETH_P_IP	0x0800
#define ETH_P_ARP	0x0806
#define IPPROTO_ICMP_	1
#define IPPROTO_UDP_	17
#define ICMP_ECHOREPLY	0
#define ICMP_ECHO	8
#define ARPOP_REQUEST	1
#define ARPOP_REPLY	2
#define IP_HLEN		20
#define UDP_HLEN	8
#define ICMP_HLEN	8
#define ARP_LEN		28
#define MAX_PAYLOAD	(ETH_FRAME_MAX - ETH_HLEN - IP_HLEN - UDP_HLEN)	/* 1472 */
#define RXBUF		65536

#define LOOPBACK	"127.0.0.1"

/* ---- options --------------------------------------------------------- */

enum mode { M_NONE, M_PING, M_UDPPING, M_FLOOD, M_FUZZ, M_SELFTEST };

struct opts {
	enum mode mode;
	const char *mode_name;
	long count;
	long size;		/* payload bytes; -1: mode's default */
	double rate;		/* packets per second; 0: unpaced (fuzz) */
	double duration;	/* seconds */
	long port;		/* guest's UDP echo port */
	long src_port;		/* our UDP source port */
	uint64_t seed;
	long qemu_port;		/* PORT_B: QEMU's localaddr, we send here */
	long listen_port;	/* PORT_A: we bind here, QEMU sends here */
	uint32_t guest_ip, host_ip;	/* network order */
	uint8_t guest_mac[6], host_mac[6];
	bool guest_mac_set;
	long timeout_ms;	/* per reply in ping modes */
	long arp_timeout_ms;
	long drain_ms;		/* flood: wait for echoes after the last send */
	long interval_ms;	/* ping modes: pause between pings */
	const char *proc_net_udp;	/* where the host's socket drops are */
	bool json;
	bool dump;
	bool dry_run;
	bool quiet;
};

static struct opts o = {
	.count = -1,
	.size = -1,
	.rate = -1,
	.duration = -1,
	.port = 7,
	.src_port = 40007,
	.seed = 1,
	.qemu_port = -1,
	.listen_port = -1,
	.host_mac = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 },
	.timeout_ms = 1000,
	.arp_timeout_ms = 5000,
	.drain_ms = 1000,
	.interval_ms = 0,
	.proc_net_udp = "/proc/net/udp",
};

static const char *prog = "pktgen";

static void usage(FILE *f)
{
	fprintf(f,
"usage: pktgen MODE [OPTIONS]\n"
"\n"
"modes:\n"
"  ping     --count N [--size S]          ICMP echo ping-pong latency\n"
"  udpping  --count N [--size S]          UDP echo (port 7) ping-pong latency\n"
"  flood    --rate PPS --duration SEC [--size S] [--port 7]\n"
"                                         offered-rate UDP flood, counts echoes\n"
"  fuzz     --seed N --count N [--rate PPS] [--dump] [--dry-run]\n"
"                                         malformed frames, deterministic by seed\n"
"  selftest                               checksum/frame-builder self-checks\n"
"\n"
"common options:\n"
"  --qemu-port PORT     QEMU's localaddr port: frames go to 127.0.0.1:PORT\n"
"  --listen PORT        bind 127.0.0.1:PORT, where QEMU's udp= sends\n"
"  --qemu-addr ADDR     must be 127.0.0.1 (anything else is refused)\n"
"  --listen-addr ADDR   must be 127.0.0.1 (anything else is refused)\n"
"  --guest-ip IP        default 10.0.2.15\n"
"  --host-ip IP         default 10.0.2.2\n"
"  --host-mac MAC       default 52:55:0a:00:02:02\n"
"  --guest-mac MAC      skip ARP resolution of the guest\n"
"  --port P             guest's UDP echo port (default 7)\n"
"  --src-port P         our UDP source port (default 40007)\n"
"  --timeout MS         wait per reply (ping modes, default 1000)\n"
"  --arp-timeout MS     wait for the guest's ARP reply (default 5000)\n"
"  --drain MS           flood: wait for echoes after sending (default 1000)\n"
"  --interval MS        ping modes: pause between pings (default 0)\n"
"  --proc-net-udp PATH  flood: the host's socket table (default /proc/net/udp)\n"
"  --json               one JSON object on stdout instead of text\n"
"  --quiet              only the final line (or the JSON)\n"
"  --dump               fuzz: hex dump of every frame on stdout\n"
"  --dry-run            fuzz: build frames (and the digest) but send nothing\n");
}

/* "pktgen: message" on stderr, for the two ways out below. */
static void complain(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
}

static void __attribute__((noreturn, format(printf, 1, 2))) bad_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	complain(fmt, ap);
	va_end(ap);
	usage(stderr);
	exit(2);
}

static void __attribute__((noreturn, format(printf, 1, 2))) die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	complain(fmt, ap);
	va_end(ap);
	exit(1);
}

/* Human-readable text: stdout, unless --json or --quiet. */
static void __attribute__((format(printf, 1, 2))) say(const char *fmt, ...)
{
	va_list ap;

	if (o.json || o.quiet)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

static long parse_long(const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 0);
	if (errno || end == s || *end)
		bad_usage("%s: '%s' is not a number", opt, s);
	if (v < min || v > max)
		bad_usage("%s: %ld is out of range [%ld, %ld]", opt, v, min, max);
	return v;
}

static double parse_double(const char *opt, const char *s, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || v != v)
		bad_usage("%s: '%s' is not a number", opt, s);
	if (v < min || v > max)
		bad_usage("%s: %g is out of range [%g, %g]", opt, v, min, max);
	return v;
}

static uint32_t parse_ip(const char *opt, const char *s)
{
	struct in_addr a;

	if (inet_pton(AF_INET, s, &a) != 1)
		bad_usage("%s: '%s' is not an IPv4 address", opt, s);
	return a.s_addr;
}

static void parse_mac(const char *opt, const char *s, uint8_t mac[6])
{
	unsigned int b[6];
	char tail;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
		   &tail) != 6)
		bad_usage("%s: '%s' is not a MAC address (xx:xx:xx:xx:xx:xx)", opt, s);
	for (int i = 0; i < 6; i++) {
		if (b[i] > 0xff)
			bad_usage("%s: '%s' is not a MAC address", opt, s);
		mac[i] = (uint8_t)b[i];
	}
}

static void only_loopback(const char *opt, const char *s)
{
	if (strcmp(s, LOOPBACK) != 0)
		bad_usage("%s: '%s' refused: pktgen only talks to %s", opt, s, LOOPBACK);
}

static void parse_args(int argc, char **argv)
{
	static const struct { const char *name; enum mode mode; } modes[] = {
		{ "ping", M_PING }, { "udpping", M_UDPPING }, { "flood", M_FLOOD },
		{ "fuzz", M_FUZZ }, { "selftest", M_SELFTEST },
	};
	int i;

	o.guest_ip = inet_addr("10.0.2.15");
	o.host_ip = inet_addr("10.0.2.2");

	if (argc < 2)
		bad_usage("no mode given");
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		usage(stdout);
		exit(0);
	}
	for (i = 0; i < (int)(sizeof(modes) / sizeof(modes[0])); i++) {
		if (!strcmp(argv[1], modes[i].name)) {
			o.mode = modes[i].mode;
			o.mode_name = modes[i].name;
		}
	}
	if (o.mode == M_NONE)
		bad_usage("unknown mode '%s'", argv[1]);

	for (i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *v = NULL;
		bool flag = !strcmp(a, "--json") || !strcmp(a, "--dump") ||
			    !strcmp(a, "--dry-run") || !strcmp(a, "--quiet") ||
			    !strcmp(a, "-h") || !strcmp(a, "--help");

		if (!flag) {
			if (strncmp(a, "--", 2) != 0)
				bad_usage("unexpected argument '%s'", a);
			if (i + 1 >= argc)
				bad_usage("%s needs a value", a);
			v = argv[++i];
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(a, "--json")) {
			o.json = true;
		} else if (!strcmp(a, "--dump")) {
			o.dump = true;
		} else if (!strcmp(a, "--dry-run")) {
			o.dry_run = true;
		} else if (!strcmp(a, "--quiet")) {
			o.quiet = true;
		} else if (!strcmp(a, "--count")) {
			o.count = parse_long(a, v, 1, 100000000);
		} else if (!strcmp(a, "--size")) {
			o.size = parse_long(a, v, 0, MAX_PAYLOAD);
		} else if (!strcmp(a, "--rate")) {
			o.rate = parse_double(a, v, 1, 10000000);
		} else if (!strcmp(a, "--duration")) {
			o.duration = parse_double(a, v, 0.001, 3600);
		} else if (!strcmp(a, "--port")) {
			o.port = parse_long(a, v, 1, 65535);
		} else if (!strcmp(a, "--src-port")) {
			o.src_port = parse_long(a, v, 1, 65535);
		} else if (!strcmp(a, "--seed")) {
			o.seed = (uint64_t)parse_long(a, v, 0, LONG_MAX);
		} else if (!strcmp(a, "--qemu-port")) {
			o.qemu_port = parse_long(a, v, 1, 65535);
		} else if (!strcmp(a, "--listen")) {
			o.listen_port = parse_long(a, v, 1, 65535);
		} else if (!strcmp(a, "--qemu-addr") || !strcmp(a, "--listen-addr")) {
			only_loopback(a, v);
		} else if (!strcmp(a, "--guest-ip")) {
			o.guest_ip = parse_ip(a, v);
		} else if (!strcmp(a, "--host-ip")) {
			o.host_ip = parse_ip(a, v);
		} else if (!strcmp(a, "--guest-mac")) {
			parse_mac(a, v, o.guest_mac);
			o.guest_mac_set = true;
		} else if (!strcmp(a, "--host-mac")) {
			parse_mac(a, v, o.host_mac);
		} else if (!strcmp(a, "--timeout")) {
			o.timeout_ms = parse_long(a, v, 1, 3600000);
		} else if (!strcmp(a, "--arp-timeout")) {
			o.arp_timeout_ms = parse_long(a, v, 1, 3600000);
		} else if (!strcmp(a, "--drain")) {
			o.drain_ms = parse_long(a, v, 0, 3600000);
		} else if (!strcmp(a, "--interval")) {
			o.interval_ms = parse_long(a, v, 0, 3600000);
		} else if (!strcmp(a, "--proc-net-udp")) {
			o.proc_net_udp = v;
		} else {
			bad_usage("unknown option '%s'", a);
		}
	}

	if (o.host_mac[0] & 1)
		bad_usage("--host-mac: a multicast address cannot be a host's");
	if (o.guest_ip == o.host_ip)
		bad_usage("--guest-ip and --host-ip are the same");

	switch (o.mode) {
	case M_PING:
	case M_UDPPING:
		if (o.count < 0)
			bad_usage("%s needs --count N", o.mode_name);
		if (o.size < 0)
			o.size = 56;
		if (o.mode == M_UDPPING && o.size < 8)
			bad_usage("udpping: --size must be at least 8");
		if (o.mode == M_PING && o.size > ETH_FRAME_MAX - ETH_HLEN - IP_HLEN - ICMP_HLEN)
			bad_usage("ping: --size at most %d",
				  ETH_FRAME_MAX - ETH_HLEN - IP_HLEN - ICMP_HLEN);
		break;
	case M_FLOOD:
		if (o.rate < 0)
			bad_usage("flood needs --rate PPS");
		if (o.duration < 0)
			bad_usage("flood needs --duration SEC");
		if (o.size < 0)
			o.size = 64;
		if (o.size < 12)
			bad_usage("flood: --size must be at least 12");
		if (o.rate * o.duration > 100000000.0)
			bad_usage("flood: rate x duration above 100000000 packets");
		break;
	case M_FUZZ:
		if (o.count < 0)
			bad_usage("fuzz needs --count N");
		if (o.rate < 0)
			o.rate = 0;
		break;
	default:
		break;
	}
	if (o.mode != M_SELFTEST && !(o.mode == M_FUZZ && o.dry_run)) {
		if (o.qemu_port < 0)
			bad_usage("%s needs --qemu-port PORT", o.mode_name);
		if (o.listen_port < 0)
			bad_usage("%s needs --listen PORT", o.mode_name);
		if (o.qemu_port == o.listen_port)
			bad_usage("--qemu-port and --listen must differ");
	}
	if (o.mode == M_FUZZ && o.dry_run && !o.guest_mac_set) {
		/* Nothing to resolve: QEMU's default MAC for irqlab. */
		static const uint8_t def[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
		memcpy(o.guest_mac, def, 6);
		o.guest_mac_set = true;
	}
}

/* ---- time ------------------------------------------------------------ */

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void sleep_ns(uint64_t ns)
{
	struct timespec ts = { .tv_sec = (time_t)(ns / 1000000000ull),
			       .tv_nsec = (long)(ns % 1000000000ull) };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* ---- checksums and byte order ---------------------------------------- */

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

/* RFC 1071 sum, not complemented, folded to 16 bits; bytes in network order. */
static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t len)
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
static uint16_t inet_csum(const uint8_t *p, size_t len)
{
	return (uint16_t)~csum_add(0, p, len);
}

/* UDP checksum with the IPv4 pseudo-header; 0 is sent as 0xffff. */
static uint16_t udp_csum(uint32_t saddr, uint32_t daddr, const uint8_t *udp, size_t len)
{
	uint8_t ph[12];
	uint32_t sum;
	uint16_t c;

	memcpy(ph, &saddr, 4);
	memcpy(ph + 4, &daddr, 4);
	ph[8] = 0;
	ph[9] = IPPROTO_UDP_;
	put16(ph + 10, (uint16_t)len);
	sum = csum_add(0, ph, sizeof(ph));
	sum = csum_add(sum, udp, len);
	c = (uint16_t)~sum;
	return c ? c : 0xffff;
}

/* ---- frame building -------------------------------------------------- */

static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static size_t eth_hdr(uint8_t *f, const uint8_t *dst, const uint8_t *src, uint16_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	put16(f + 12, type);
	return ETH_HLEN;
}

static size_t arp_frame(uint8_t *f, uint16_t op, const uint8_t *eth_dst,
			const uint8_t *sha, uint32_t spa, const uint8_t *tha, uint32_t tpa)
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

static uint16_t ip_id;

/* IPv4 header (no options) for l4len bytes of payload; returns its length. */
static size_t ip_hdr(uint8_t *ip, uint8_t proto, uint32_t saddr, uint32_t daddr, size_t l4len)
{
	ip[0] = 0x45;
	ip[1] = 0;
	put16(ip + 2, (uint16_t)(IP_HLEN + l4len));
	put16(ip + 4, ip_id++);
	put16(ip + 6, 0x4000);	/* DF */
	ip[8] = 64;
	ip[9] = proto;
	put16(ip + 10, 0);
	memcpy(ip + 12, &saddr, 4);
	memcpy(ip + 16, &daddr, 4);
	put16(ip + 10, inet_csum(ip, IP_HLEN));
	return IP_HLEN;
}

static size_t pad(uint8_t *f, size_t len)
{
	if (len < ETH_ZLEN) {
		memset(f + len, 0, ETH_ZLEN - len);
		len = ETH_ZLEN;
	}
	return len;
}

static size_t icmp_frame(uint8_t *f, const uint8_t *dmac, const uint8_t *smac,
			 uint32_t saddr, uint32_t daddr, uint8_t type, uint16_t id,
			 uint16_t seq, const uint8_t *payload, size_t plen)
{
	uint8_t *ip = f + eth_hdr(f, dmac, smac, ETH_P_IP);
	uint8_t *icmp = ip + ip_hdr(ip, IPPROTO_ICMP_, saddr, daddr, ICMP_HLEN + plen);

	icmp[0] = type;
	icmp[1] = 0;
	put16(icmp + 2, 0);
	put16(icmp + 4, id);
	put16(icmp + 6, seq);
	memcpy(icmp + ICMP_HLEN, payload, plen);
	put16(icmp + 2, inet_csum(icmp, ICMP_HLEN + plen));
	return pad(f, ETH_HLEN + IP_HLEN + ICMP_HLEN + plen);
}

static size_t udp_frame(uint8_t *f, const uint8_t *dmac, const uint8_t *smac,
			uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
			const uint8_t *payload, size_t plen)
{
	uint8_t *ip = f + eth_hdr(f, dmac, smac, ETH_P_IP);
	uint8_t *udp = ip + ip_hdr(ip, IPPROTO_UDP_, saddr, daddr, UDP_HLEN + plen);

	put16(udp, sport);
	put16(udp + 2, dport);
	put16(udp + 4, (uint16_t)(UDP_HLEN + plen));
	put16(udp + 6, 0);
	memcpy(udp + UDP_HLEN, payload, plen);
	put16(udp + 6, udp_csum(saddr, daddr, udp, UDP_HLEN + plen));
	return pad(f, ETH_HLEN + IP_HLEN + UDP_HLEN + plen);
}

/* ---- frame parsing --------------------------------------------------- */

struct pkt {
	const uint8_t *eth;
	size_t len;
	uint16_t type;
	/* IPv4 */
	const uint8_t *ip;
	uint32_t saddr, daddr;
	uint8_t proto;
	const uint8_t *l4;
	size_t l4len;
	bool csum_ok;		/* IP header and L4 checksums */
};

/* Parse Ethernet and, for IPv4, the IP header; false if not for us or bad. */
static bool parse_frame(const uint8_t *f, size_t len, struct pkt *p)
{
	size_t ihl, tot;

	memset(p, 0, sizeof(*p));
	if (len < ETH_HLEN)
		return false;
	p->eth = f;
	p->len = len;
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
	if (get16(p->ip + 6) & 0x3fff)	/* fragment: pktgen sends none, takes none */
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
		p->csum_ok = p->csum_ok && csum_add(0, p->l4, p->l4len) == 0xffff;
	} else if (p->proto == IPPROTO_UDP_) {
		size_t ulen;

		if (p->l4len < UDP_HLEN)
			return false;
		ulen = get16(p->l4 + 4);
		if (ulen < UDP_HLEN || ulen > p->l4len)
			return false;
		p->l4len = ulen;
		if (get16(p->l4 + 6) != 0) {
			uint8_t ph[12];
			uint32_t sum;

			memcpy(ph, &p->saddr, 4);
			memcpy(ph + 4, &p->daddr, 4);
			ph[8] = 0;
			ph[9] = IPPROTO_UDP_;
			put16(ph + 10, (uint16_t)ulen);
			sum = csum_add(csum_add(0, ph, 12), p->l4, ulen);
			p->csum_ok = p->csum_ok && sum == 0xffff;
		}
	}
	return true;
}

/* ---- the socket to QEMU ---------------------------------------------- */

static int sock = -1;
static struct sockaddr_in qemu_addr;
static uint64_t send_errors;
static uint64_t frames_sent;	/* every frame handed to sendto for QEMU */
static uint64_t arp_replies_sent, arp_requests_sent, icmp_replies_sent;

static void open_socket(void)
{
	struct sockaddr_in me = { .sin_family = AF_INET };
	int sz = 4 << 20;

	sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (sock < 0)
		die("socket: %s", strerror(errno));
	setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	setsockopt(sock, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	me.sin_port = htons((uint16_t)o.listen_port);
	if (bind(sock, (struct sockaddr *)&me, sizeof(me)) < 0)
		die("bind 127.0.0.1:%ld: %s", o.listen_port, strerror(errno));
	qemu_addr.sin_family = AF_INET;
	qemu_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	qemu_addr.sin_port = htons((uint16_t)o.qemu_port);
}

/* Send one frame to QEMU; false if the kernel refused it (counted). */
static bool send_frame(const uint8_t *f, size_t len)
{
	ssize_t n;

	/* The one place that sends: it checks the destination every time. */
	if (qemu_addr.sin_family != AF_INET ||
	    qemu_addr.sin_addr.s_addr != htonl(INADDR_LOOPBACK)) {
		fprintf(stderr, "%s: refusing to send to a non-loopback address\n", prog);
		abort();
	}
	frames_sent++;
	for (;;) {
		n = sendto(sock, f, len, 0, (struct sockaddr *)&qemu_addr, sizeof(qemu_addr));
		if (n == (ssize_t)len)
			return true;
		if (n < 0 && errno == EINTR)
			continue;
		/* ECONNREFUSED: QEMU not listening (yet); ENOBUFS/EAGAIN: full. */
		send_errors++;
		return false;
	}
}

/*
 * Receive one frame, waiting at most until `deadline` (ns, monotonic).
 * Returns its length, or 0 on timeout.  Datagrams from anywhere but
 * 127.0.0.1 are ignored.
 */
static size_t recv_frame(uint8_t *buf, uint64_t deadline)
{
	for (;;) {
		struct sockaddr_in from;
		socklen_t fl = sizeof(from);
		struct pollfd pfd = { .fd = sock, .events = POLLIN };
		uint64_t t = now_ns(), left = t >= deadline ? 0 : deadline - t;
		struct timespec ts = { .tv_sec = (time_t)(left / 1000000000ull),
				       .tv_nsec = (long)(left % 1000000000ull) };
		int r;
		ssize_t n;

		r = ppoll(&pfd, 1, &ts, NULL);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		n = recvfrom(sock, buf, RXBUF, MSG_DONTWAIT, (struct sockaddr *)&from, &fl);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN || errno == ECONNREFUSED)
				continue;
			die("recvfrom: %s", strerror(errno));
		}
		if (from.sin_addr.s_addr != htonl(INADDR_LOOPBACK))
			continue;
		if (n > 0)
			return (size_t)n;
	}
}

/*
 * Host duties for every frame received: answer ARP requests for the host
 * IP, learn the guest's MAC from its ARP, answer pings to the host.
 * Returns true if the frame was consumed here.
 */
static bool guest_mac_known;

static bool host_duties(const uint8_t *f, size_t len, const struct pkt *p)
{
	uint8_t out[ETH_FRAME_MAX];

	if (p->type == ETH_P_ARP) {
		const uint8_t *a = f + ETH_HLEN;
		uint32_t spa, tpa;

		if (len < ETH_HLEN + ARP_LEN || get16(a) != 1 || get16(a + 2) != ETH_P_IP ||
		    a[4] != 6 || a[5] != 4)
			return true;
		memcpy(&spa, a + 14, 4);
		memcpy(&tpa, a + 24, 4);
		if (spa == o.guest_ip && !(a[8] & 1)) {
			memcpy(o.guest_mac, a + 8, 6);
			guest_mac_known = true;
		}
		if (get16(a + 6) == ARPOP_REQUEST && tpa == o.host_ip) {
			size_t n = arp_frame(out, ARPOP_REPLY, a + 8, o.host_mac, o.host_ip,
					     a + 8, spa);
			if (send_frame(out, n))
				arp_replies_sent++;
		}
		return true;
	}
	if (p->ip && p->proto == IPPROTO_ICMP_ && p->daddr == o.host_ip &&
	    p->l4[0] == ICMP_ECHO && p->csum_ok && p->l4len <= ETH_FRAME_MAX - ETH_HLEN - IP_HLEN) {
		size_t n = icmp_frame(out, f + 6, o.host_mac, o.host_ip, p->saddr, ICMP_ECHOREPLY,
				      get16(p->l4 + 4), get16(p->l4 + 6), p->l4 + ICMP_HLEN,
				      p->l4len - ICMP_HLEN);
		if (send_frame(out, n))
			icmp_replies_sent++;
		return true;
	}
	return false;
}

/* Resolve the guest's MAC with ARP requests every 250 ms, up to the timeout. */
static void resolve_guest(void)
{
	uint8_t buf[RXBUF], req[ETH_ZLEN];
	static const uint8_t zero[6];
	uint64_t deadline, next = 0;
	size_t n;

	if (o.guest_mac_set) {
		guest_mac_known = true;
		return;
	}
	deadline = now_ns() + (uint64_t)o.arp_timeout_ms * 1000000ull;
	n = arp_frame(req, ARPOP_REQUEST, bcast, o.host_mac, o.host_ip, zero, o.guest_ip);
	while (!guest_mac_known) {
		uint64_t t = now_ns();
		size_t len;
		struct pkt p;

		if (t >= deadline) {
			struct in_addr g = { .s_addr = o.guest_ip };
			die("no ARP reply from %s within %ld ms", inet_ntoa(g), o.arp_timeout_ms);
		}
		if (t >= next) {
			if (send_frame(req, n))
				arp_requests_sent++;
			next = t + 250000000ull;
		}
		len = recv_frame(buf, next < deadline ? next : deadline);
		if (len && parse_frame(buf, len, &p))
			host_duties(buf, len, &p);
	}
}

/* Handle whatever has already arrived, without waiting. */
static void drain_host_duties(void)
{
	uint8_t buf[RXBUF];
	size_t len;
	struct pkt p;

	while ((len = recv_frame(buf, 0)) != 0)
		if (parse_frame(buf, len, &p))
			host_duties(buf, len, &p);
}

static const char *ip_str(uint32_t ip)
{
	static char bufs[2][16];
	static int k;
	struct in_addr a = { .s_addr = ip };

	k ^= 1;
	inet_ntop(AF_INET, &a, bufs[k], sizeof(bufs[k]));
	return bufs[k];
}

static const char *mac_str(const uint8_t *m)
{
	static char buf[18];

	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

/* ---- deterministic PRNG (splitmix64) --------------------------------- */

static uint64_t rng_state;

static uint64_t rng(void)
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

/* ---- ping and udpping ------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of a sorted array. */
static double percentile(const double *v, size_t n, double pct)
{
	size_t rank;

	if (!n)
		return 0;
	rank = (size_t)((pct / 100.0) * (double)n + 0.999999999);
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return v[rank - 1];
}

static int do_ping(void)
{
	bool icmp = o.mode == M_PING;
	size_t plen = (size_t)o.size;
	uint16_t id = (uint16_t)(getpid() & 0xffff);
	double *rtt = calloc((size_t)o.count, sizeof(double));
	uint8_t *payload = malloc(plen + 1), frame[ETH_FRAME_MAX], buf[RXBUF];
	long sent = 0, received = 0, bad = 0, late = 0;
	double sum = 0, mn = 0, p50, p90, p99, mx;

	if (!rtt || !payload)
		die("out of memory");
	open_socket();
	resolve_guest();
	say("%s %s (%s): %s %zu bytes of payload, count %ld\n", icmp ? "PING" : "UDPPING",
	    ip_str(o.guest_ip), mac_str(o.guest_mac), icmp ? "icmp" : "udp", plen, o.count);

	for (long i = 0; i < o.count; i++) {
		uint16_t seq = (uint16_t)i;
		uint64_t t0, deadline;
		size_t n;
		bool got = false;

		for (size_t k = 0; k < plen; k++)
			payload[k] = (uint8_t)(i * 7 + k);
		if (!icmp && plen >= 8) {
			/* UDP has no sequence field: the payload carries one. */
			uint64_t s = (uint64_t)i;
			memcpy(payload, &s, 8);
		}
		if (icmp)
			n = icmp_frame(frame, o.guest_mac, o.host_mac, o.host_ip, o.guest_ip,
				       ICMP_ECHO, id, seq, payload, plen);
		else
			n = udp_frame(frame, o.guest_mac, o.host_mac, o.host_ip, o.guest_ip,
				      (uint16_t)o.src_port, (uint16_t)o.port, payload, plen);
		t0 = now_ns();
		deadline = t0 + (uint64_t)o.timeout_ms * 1000000ull;
		if (send_frame(frame, n))
			sent++;
		while (!got) {
			struct pkt p;
			size_t len = recv_frame(buf, deadline);
			uint64_t t1 = now_ns();

			if (!len)
				break;
			if (!parse_frame(buf, len, &p) || host_duties(buf, len, &p))
				continue;
			if (!p.ip || p.saddr != o.guest_ip || p.daddr != o.host_ip)
				continue;
			if (icmp) {
				if (p.proto != IPPROTO_ICMP_ || p.l4[0] != ICMP_ECHOREPLY ||
				    get16(p.l4 + 4) != id)
					continue;
				if (get16(p.l4 + 6) != seq) {
					late++;
					continue;
				}
				if (!p.csum_ok || p.l4len - ICMP_HLEN != plen ||
				    memcmp(p.l4 + ICMP_HLEN, payload, plen)) {
					bad++;
					got = true;	/* the answer, though a wrong one */
					continue;
				}
			} else {
				uint64_t s;

				if (p.proto != IPPROTO_UDP_ || get16(p.l4) != o.port ||
				    get16(p.l4 + 2) != o.src_port)
					continue;
				if (p.l4len - UDP_HLEN >= 8) {
					memcpy(&s, p.l4 + UDP_HLEN, 8);
					if (s != (uint64_t)i) {
						late++;
						continue;
					}
				}
				if (!p.csum_ok || p.l4len - UDP_HLEN != plen ||
				    memcmp(p.l4 + UDP_HLEN, payload, plen)) {
					bad++;
					got = true;
					continue;
				}
			}
			got = true;
			rtt[received++] = (double)(t1 - t0) / 1000.0;
			if (!o.json && !o.quiet && o.count <= 20)
				printf("reply seq %ld: %.1f us\n", i, rtt[received - 1]);
		}
		if (o.interval_ms)
			sleep_ns((uint64_t)o.interval_ms * 1000000ull);
	}

	for (long i = 0; i < received; i++)
		sum += rtt[i];
	qsort(rtt, (size_t)received, sizeof(double), cmp_double);
	if (received)
		mn = rtt[0];
	p50 = percentile(rtt, (size_t)received, 50);
	p90 = percentile(rtt, (size_t)received, 90);
	p99 = percentile(rtt, (size_t)received, 99);
	mx = received ? rtt[received - 1] : 0;
	{
		long lost = o.count - received - bad;
		double avg = received ? sum / (double)received : 0;
		double loss = 100.0 * (double)(o.count - received) / (double)o.count;

		if (o.json) {
			printf("{\"mode\":\"%s\",\"guest_ip\":\"%s\",\"guest_mac\":\"%s\","
			       "\"size\":%zu,\"count\":%ld,\"sent\":%ld,\"received\":%ld,"
			       "\"lost\":%ld,\"bad\":%ld,\"late\":%ld,\"loss_pct\":%.2f,"
			       "\"rtt_us\":{\"min\":%.1f,\"avg\":%.1f,\"p50\":%.1f,\"p90\":%.1f,"
			       "\"p99\":%.1f,\"max\":%.1f},\"send_errors\":%" PRIu64
			       ",\"arp_replies_sent\":%" PRIu64 "}\n",
			       o.mode_name, ip_str(o.guest_ip), mac_str(o.guest_mac), plen, o.count,
			       sent, received, lost, bad, late, loss, mn, avg, p50, p90, p99, mx,
			       send_errors, arp_replies_sent);
		} else {
			say("--- %s %s statistics ---\n", ip_str(o.guest_ip), o.mode_name);
			say("%ld sent, %ld received, %ld lost, %ld bad, %ld late, %.1f%% loss\n",
			    sent, received, lost, bad, late, loss);
			say("rtt us: min %.1f avg %.1f p50 %.1f p90 %.1f p99 %.1f max %.1f\n",
			    mn, avg, p50, p90, p99, mx);
			say("# sent received lost bad p50_us p90_us p99_us max_us\n");
			printf("%ld %ld %ld %ld %.1f %.1f %.1f %.1f\n",
			       sent, received, lost, bad, p50, p90, p99, mx);
		}
	}
	free(rtt);
	free(payload);
	return received > 0 ? 0 : 1;
}

/* ---- the host's socket drops ----------------------------------------- */

/*
 * The `drops` column (the kernel's sk_drops) of the host's /proc/net/udp
 * rows bound to 127.0.0.1:port or *:port, summed; -1 if there is none or
 * the table cannot be read.  A datagram sent over loopback to a full
 * socket is dropped there, after sendto has returned success: this is
 * the only place the host admits to it.  QEMU stops reading its socket
 * while the e1000 has no receive descriptors, so that is where a flood
 * the guest cannot keep up with is lost.
 */
static int64_t udp_socket_drops(long port)
{
	FILE *f = fopen(o.proc_net_udp, "r");
	char line[512];
	int64_t drops = -1;

	if (!f)
		return -1;
	if (!fgets(line, sizeof(line), f)) {	/* the header */
		fclose(f);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *tok[16], *save = NULL, *t;
		unsigned int addr, lport;
		int n = 0;

		for (t = strtok_r(line, " \t\n", &save); t && n < 16;
		     t = strtok_r(NULL, " \t\n", &save))
			tok[n++] = t;
		/* sl local rem st tx:rx tr:when retrnsmt uid timeout inode ref ptr drops */
		if (n < 13 || sscanf(tok[1], "%8X:%4X", &addr, &lport) != 2)
			continue;
		/* The address is the kernel's __be32 printed as a host integer. */
		if (lport != (unsigned int)port ||
		    (addr != 0 && addr != htonl(INADDR_LOOPBACK)))
			continue;
		drops = (drops < 0 ? 0 : drops) + strtoll(tok[n - 1], NULL, 10);
	}
	fclose(f);
	return drops;
}

/* ---- flood ------------------------------------------------------------ */

#define FLOOD_MAGIC 0x706b7467u	/* "pktg" */

static int do_flood(void)
{
	uint64_t offered = (uint64_t)(o.rate * o.duration + 0.5);
	size_t plen = (size_t)o.size;
	uint8_t *seen = calloc((size_t)(offered / 8 + 1), 1);
	uint8_t *payload = malloc(plen), frame[ETH_FRAME_MAX], buf[RXBUF];
	uint64_t sent = 0, echoed = 0, bad = 0, dup = 0, t0, t_end, t_last, deadline;
	uint32_t run_id = (uint32_t)now_ns();
	double period_ns = 1e9 / o.rate, elapsed;
	int64_t drops0_to, drops0_from, drops_to, drops_from;

	if (!seen || !payload)
		die("out of memory");
	open_socket();
	/* Every frame of the run counts, the ARP exchange's too. */
	drops0_to = udp_socket_drops(o.qemu_port);
	drops0_from = udp_socket_drops(o.listen_port);
	resolve_guest();
	say("FLOOD %s (%s) udp port %ld: %.0f pps for %.3f s, %zu bytes of payload\n",
	    ip_str(o.guest_ip), mac_str(o.guest_mac), o.port, o.rate, o.duration, plen);

	for (size_t k = 0; k < plen; k++)
		payload[k] = (uint8_t)(k * 13);
	{
		uint32_t m = FLOOD_MAGIC;
		memcpy(payload, &m, 4);
		memcpy(payload + 4, &run_id, 4);
	}

	t0 = now_ns();
	t_end = t0 + (uint64_t)(o.duration * 1e9);
	t_last = t_end;
	deadline = t_end;
	for (;;) {
		uint64_t t = now_ns();
		uint64_t due = (uint64_t)((double)(t - t0) / period_ns) + 1;
		uint64_t next_send;
		size_t len;

		if (due > offered)
			due = offered;
		/* Catch up in bursts of at most 64 so the receive side keeps up. */
		for (int b = 0; sent < due && b < 64; b++) {
			uint32_t s = (uint32_t)sent;
			size_t n;

			memcpy(payload + 8, &s, 4);
			n = udp_frame(frame, o.guest_mac, o.host_mac, o.host_ip, o.guest_ip,
				      (uint16_t)o.src_port, (uint16_t)o.port, payload, plen);
			send_frame(frame, n);	/* failures counted as send_errors */
			sent++;
		}
		if (sent >= offered || t >= t_end) {
			if (t_last == t_end)
				t_last = t;
			deadline = t_last + (uint64_t)o.drain_ms * 1000000ull;
			if (t >= deadline)
				break;
		}
		if (sent < offered && t < t_end) {
			next_send = t0 + (uint64_t)((double)sent * period_ns);
			if (sent < due)
				next_send = t;
		} else {
			next_send = deadline;
		}
		/* Receive until the next send is due. */
		while ((len = recv_frame(buf, next_send)) != 0) {
			struct pkt p;
			uint32_t m, r, s;

			if (!parse_frame(buf, len, &p) || host_duties(buf, len, &p))
				continue;
			if (!p.ip || p.proto != IPPROTO_UDP_ || p.saddr != o.guest_ip ||
			    get16(p.l4) != o.port || get16(p.l4 + 2) != o.src_port)
				continue;
			if (p.l4len - UDP_HLEN != plen || !p.csum_ok) {
				bad++;
				continue;
			}
			memcpy(&m, p.l4 + UDP_HLEN, 4);
			memcpy(&r, p.l4 + UDP_HLEN + 4, 4);
			memcpy(&s, p.l4 + UDP_HLEN + 8, 4);
			if (m != FLOOD_MAGIC || r != run_id || s >= sent) {
				bad++;
				continue;
			}
			memcpy(payload + 8, &s, 4);
			if (memcmp(p.l4 + UDP_HLEN, payload, plen)) {
				bad++;
				continue;
			}
			if (seen[s / 8] & (1u << (s % 8))) {
				dup++;
				continue;
			}
			seen[s / 8] |= (uint8_t)(1u << (s % 8));
			echoed++;
			if (now_ns() >= next_send)
				break;
		}
	}
	elapsed = (double)(t_last - t0) / 1e9;
	drops_to = udp_socket_drops(o.qemu_port);
	drops_from = udp_socket_drops(o.listen_port);
	{
		uint64_t ok_sent = sent - send_errors;
		uint64_t lost = sent > echoed ? sent - echoed : 0;
		double loss = sent ? 100.0 * (double)lost / (double)sent : 0;
		double rate = elapsed > 0 ? (double)sent / elapsed : 0;
		bool known = drops0_to >= 0 && drops_to >= drops0_to;
		uint64_t host_to = known ? (uint64_t)(drops_to - drops0_to) : 0;
		uint64_t host_from = drops0_from >= 0 && drops_from >= drops0_from ?
				     (uint64_t)(drops_from - drops0_from) : 0;
		uint64_t other = frames_sent - sent;
		/*
		 * Host drops are the flood's but for the rare ARP or ICMP frame
		 * caught in them; the rest of the loss happened past QEMU's
		 * socket: in the e1000 model, the guest, or on the way back.
		 */
		uint64_t lost_host = known ? host_to + host_from : 0;
		uint64_t lost_guest = lost > lost_host ? lost - lost_host : 0;
		char host_txt[32], lost_host_txt[32], lost_guest_txt[32];

		if (lost_host > lost)
			lost_host = lost;
		if (known) {
			snprintf(host_txt, sizeof(host_txt), "%" PRIu64, host_to);
			snprintf(lost_host_txt, sizeof(lost_host_txt), "%" PRIu64, lost_host);
			snprintf(lost_guest_txt, sizeof(lost_guest_txt), "%" PRIu64, lost_guest);
		} else {
			strcpy(host_txt, "null");
			strcpy(lost_host_txt, "null");
			strcpy(lost_guest_txt, "null");
		}

		if (o.json) {
			printf("{\"mode\":\"flood\",\"guest_ip\":\"%s\",\"guest_mac\":\"%s\","
			       "\"port\":%ld,\"size\":%zu,\"rate\":%.0f,\"duration\":%.3f,"
			       "\"offered\":%" PRIu64 ",\"sent\":%" PRIu64 ",\"echoed\":%" PRIu64
			       ",\"lost\":%" PRIu64 ",\"loss_pct\":%.2f,\"bad\":%" PRIu64
			       ",\"dup\":%" PRIu64 ",\"send_errors\":%" PRIu64
			       ",\"send_seconds\":%.3f,\"achieved_pps\":%.0f"
			       ",\"arp_replies_sent\":%" PRIu64
			       ",\"host_socket\":\"127.0.0.1:%ld\",\"frames_sent\":%" PRIu64
			       ",\"other_frames_sent\":%" PRIu64 ",\"host_dropped\":%s"
			       ",\"host_dropped_from_guest\":%" PRIu64
			       ",\"lost_host\":%s,\"lost_guest\":%s}\n",
			       ip_str(o.guest_ip), mac_str(o.guest_mac), o.port, plen, o.rate,
			       o.duration, offered, sent, echoed, lost, loss, bad, dup, send_errors,
			       elapsed, rate, arp_replies_sent, o.qemu_port, frames_sent, other,
			       host_txt, host_from, lost_host_txt, lost_guest_txt);
		} else {
			say("--- %s flood statistics ---\n", ip_str(o.guest_ip));
			say("offered %" PRIu64 ", sent %" PRIu64 " (%" PRIu64 " taken by the host "
			    "socket, %" PRIu64 " refused) in %.3f s = %.0f pps\n",
			    offered, sent, ok_sent, send_errors, elapsed, rate);
			if (known)
				say("host: QEMU's socket 127.0.0.1:%ld dropped %" PRIu64 " of %" PRIu64
				    " frames, pktgen's dropped %" PRIu64 " echoes\n",
				    o.qemu_port, host_to, frames_sent, host_from);
			else
				say("host: no socket on 127.0.0.1:%ld in %s: host drops unknown\n",
				    o.qemu_port, o.proc_net_udp);
			say("echoed %" PRIu64 ", lost %" PRIu64 " (%.2f%%: host %s, guest %s), bad %"
			    PRIu64 ", dup %" PRIu64 "\n", echoed, lost, loss, lost_host_txt,
			    lost_guest_txt, bad, dup);
			say("# offered sent echoed lost bad lost_host lost_guest\n");
			printf("%" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %s %s\n",
			       offered, sent, echoed, lost, bad, known ? lost_host_txt : "-1",
			       known ? lost_guest_txt : "-1");
		}
	}
	free(seen);
	free(payload);
	return 0;
}

/* ---- fuzz ------------------------------------------------------------- */

enum fuzz_kind {
	FZ_RANDOM,		/* random bytes, random length */
	FZ_RUNT_ETH,		/* shorter than an Ethernet header */
	FZ_ETHERTYPE,		/* unknown/unsupported ethertype */
	FZ_ARP_TRUNC,		/* ARP shorter than 28 bytes */
	FZ_ARP_BAD,		/* ARP with wrong htype/ptype/hlen/plen/op */
	FZ_IP_TRUNC,		/* IPv4 shorter than its header */
	FZ_IP_VERSION,		/* version != 4 */
	FZ_IP_IHL,		/* IHL < 5 or past the end */
	FZ_IP_TOTLEN,		/* total length < IHL*4 or past the frame */
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
	FZ_MUTATE,		/* a valid echo request with random bit flips */
	FZ_NKINDS
};

static const char *const fuzz_names[FZ_NKINDS] = {
	"random", "runt_eth", "ethertype", "arp_trunc", "arp_bad", "ip_trunc", "ip_version",
	"ip_ihl", "ip_totlen", "ip_csum", "ip_frag", "ip_proto", "ip_otherhost",
	"icmp_trunc", "icmp_csum", "udp_trunc", "udp_len", "udp_csum", "oversize", "mutate",
};

#define FUZZ_MAX 9018	/* a jumbo frame */

static void ip_recsum(uint8_t *ip)
{
	size_t ihl = (size_t)(ip[0] & 0xf) * 4;

	if (ihl < IP_HLEN)
		ihl = IP_HLEN;
	put16(ip + 10, 0);
	put16(ip + 10, inet_csum(ip, ihl));
}

/* Build fuzz frame of `kind` into f (FUZZ_MAX bytes); returns its length. */
static size_t fuzz_frame(uint8_t *f, enum fuzz_kind kind)
{
	uint8_t pl[MAX_PAYLOAD];
	size_t plen = rng_below(64) + 8, n;
	uint8_t *ip = f + ETH_HLEN, *l4 = ip + IP_HLEN;
	static const uint16_t types[] = { 0x86dd, 0x8100, 0x88cc, 0x0842, 0x8035, 0x0000,
					  0x05dc, 0xffff, 0x0801, 0x0805 };

	rng_fill(pl, plen);
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
		eth_hdr(f, rng_below(2) ? o.guest_mac : bcast, o.host_mac,
			types[rng_below(sizeof(types) / sizeof(types[0]))]);
		return n;
	case FZ_ARP_TRUNC:
		n = arp_frame(f, ARPOP_REQUEST, bcast, o.host_mac, o.host_ip, bcast, o.guest_ip);
		return ETH_HLEN + rng_below(ARP_LEN);
	case FZ_ARP_BAD: {
		n = arp_frame(f, ARPOP_REQUEST, bcast, o.host_mac, o.host_ip, bcast, o.guest_ip);
		switch (rng_below(5)) {
		case 0: put16(ip, (uint16_t)rng()); break;	/* htype */
		case 1: put16(ip + 2, (uint16_t)rng()); break;	/* ptype */
		case 2: ip[4] = (uint8_t)rng_below(6); break;	/* hlen */
		case 3: ip[5] = (uint8_t)(rng_below(2) ? 16 : 0); break;	/* plen */
		default: put16(ip + 6, (uint16_t)(3 + rng_below(100))); break;	/* op */
		}
		return n;
	}
	default:
		break;
	}

	/* The rest start from a valid UDP or ICMP packet to the guest. */
	if (kind == FZ_ICMP_TRUNC || kind == FZ_ICMP_CSUM || (kind != FZ_UDP_TRUNC &&
	    kind != FZ_UDP_LEN && kind != FZ_UDP_CSUM && rng_below(2)))
		n = icmp_frame(f, o.guest_mac, o.host_mac, o.host_ip, o.guest_ip, ICMP_ECHO,
			       0xf022, (uint16_t)rng(), pl, plen);
	else
		n = udp_frame(f, o.guest_mac, o.host_mac, o.host_ip, o.guest_ip, 40009,
			      (uint16_t)o.port, pl, plen);

	switch (kind) {
	case FZ_IP_TRUNC:
		return ETH_HLEN + rng_below(IP_HLEN);
	case FZ_IP_VERSION:
		ip[0] = (uint8_t)((rng_below(15) + 5) << 4 | 5);	/* 5..15, then 0..4 */
		if ((ip[0] >> 4) == 4)
			ip[0] = 0x65;
		if (rng_below(4) == 0)
			ip[0] = (uint8_t)(rng_below(4) << 4 | 5);
		ip_recsum(ip);
		return n;
	case FZ_IP_IHL:
		ip[0] = (uint8_t)(0x40 | (rng_below(2) ? rng_below(5) : 6 + rng_below(10)));
		ip_recsum(ip);
		return rng_below(2) ? n : ETH_HLEN + IP_HLEN + rng_below(8);
	case FZ_IP_TOTLEN:
		if (rng_below(2))
			put16(ip + 2, (uint16_t)rng_below(IP_HLEN));
		else
			put16(ip + 2, (uint16_t)(n - ETH_HLEN + 1 + rng_below(2000)));
		ip_recsum(ip);
		return n;
	case FZ_IP_CSUM:
		put16(ip + 10, (uint16_t)(get16(ip + 10) ^ (1 + rng_below(0xffff))));
		return n;
	case FZ_IP_FRAG:
		put16(ip + 6, (uint16_t)(rng_below(2) ? 0x2000 | rng_below(0x2000)
					       : 1 + rng_below(0x1fff)));
		ip_recsum(ip);
		return n;
	case FZ_IP_PROTO: {
		static const uint8_t protos[] = { 0, 2, 6, 41, 47, 50, 58, 132, 255 };
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
		put16(ip + 2, (uint16_t)(IP_HLEN + rng_below(ICMP_HLEN)));
		ip_recsum(ip);
		return pad(f, ETH_HLEN + get16(ip + 2));
	case FZ_ICMP_CSUM:
		put16(l4 + 2, (uint16_t)(get16(l4 + 2) ^ (1 + rng_below(0xffff))));
		return n;
	case FZ_UDP_TRUNC:
		put16(ip + 2, (uint16_t)(IP_HLEN + rng_below(UDP_HLEN)));
		ip_recsum(ip);
		return pad(f, ETH_HLEN + get16(ip + 2));
	case FZ_UDP_LEN:
		if (rng_below(2))
			put16(l4 + 4, (uint16_t)rng_below(UDP_HLEN));
		else
			put16(l4 + 4, (uint16_t)(UDP_HLEN + plen + 1 + rng_below(1000)));
		return n;
	case FZ_UDP_CSUM: {
		uint16_t c = get16(l4 + 6), x = (uint16_t)(1 + rng_below(0xfffe));
		/* Never 0 (no checksum) or 0xffff (equivalent to 0 in sum). */
		uint16_t bad = (uint16_t)(c ^ x);
		if (bad == 0 || bad == 0xffff)
			bad = c == 0x1234 ? 0x4321 : 0x1234;
		put16(l4 + 6, bad);
		return n;
	}
	case FZ_OVERSIZE: {
		size_t big = ETH_FRAME_MAX + 1 + rng_below(FUZZ_MAX - ETH_FRAME_MAX);
		size_t l4len = big - ETH_HLEN - IP_HLEN - UDP_HLEN;
		uint8_t *bp = malloc(l4len);

		if (!bp)
			die("out of memory");
		rng_fill(bp, l4len);
		/* Consistent headers: only the size is wrong. */
		eth_hdr(f, o.guest_mac, o.host_mac, ETH_P_IP);
		ip_hdr(ip, IPPROTO_UDP_, o.host_ip, o.guest_ip, UDP_HLEN + l4len);
		put16(l4, 40009);
		put16(l4 + 2, (uint16_t)o.port);
		put16(l4 + 4, (uint16_t)(UDP_HLEN + l4len));
		put16(l4 + 6, 0);
		memcpy(l4 + UDP_HLEN, bp, l4len);
		put16(l4 + 6, udp_csum(o.host_ip, o.guest_ip, l4, UDP_HLEN + l4len));
		free(bp);
		return big;
	}
	case FZ_MUTATE: {
		unsigned flips = 1 + rng_below(4);
		for (unsigned k = 0; k < flips; k++) {
			size_t at = ETH_HLEN + rng_below((uint32_t)(n - ETH_HLEN));
			f[at] ^= (uint8_t)(1u << rng_below(8));
		}
		return n;
	}
	default:
		return n;
	}
}

static void hexdump(uint64_t idx, const char *kind, const uint8_t *f, size_t n)
{
	printf("frame %" PRIu64 " %s %zu:", idx, kind, n);
	for (size_t i = 0; i < n; i++)
		printf("%s%02x", i % 32 ? "" : "\n ", f[i]);
	printf("\n");
}

static int do_fuzz(void)
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
	rng_state = o.seed;
	ip_id = (uint16_t)(o.seed * 2654435761u);
	say("FUZZ %s (%s): seed %" PRIu64 ", %ld frames%s\n", ip_str(o.guest_ip),
	    mac_str(o.guest_mac), o.seed, o.count, o.dry_run ? " (dry run)" : "");
	t0 = now_ns();
	for (long i = 0; i < o.count; i++) {
		enum fuzz_kind kind = (enum fuzz_kind)rng_below(FZ_NKINDS);
		size_t n = fuzz_frame(f, kind);
		uint8_t len_le[4] = { (uint8_t)n, (uint8_t)(n >> 8), (uint8_t)(n >> 16), 0 };

		for (size_t k = 0; k < 4; k++)
			digest = (digest ^ len_le[k]) * 0x100000001b3ull;
		for (size_t k = 0; k < n; k++)
			digest = (digest ^ f[k]) * 0x100000001b3ull;
		counts[kind]++;
		bytes += n;
		if (o.dump)
			hexdump((uint64_t)i, fuzz_names[kind], f, n);
		if (o.dry_run)
			continue;
		if (send_frame(f, n))
			sent++;
		if (period_ns > 0) {
			uint64_t due = t0 + (uint64_t)((double)(i + 1) * period_ns);
			uint64_t t = now_ns();
			if (due > t)
				sleep_ns(due - t);
		}
		if ((i & 255) == 255)
			drain_host_duties();	/* keep answering the guest's ARP */
	}
	if (!o.dry_run) {
		drain_host_duties();
		drops = udp_socket_drops(o.qemu_port);
	}

	if (o.json) {
		char host[32] = "null";

		if (drops0 >= 0 && drops >= drops0)
			snprintf(host, sizeof(host), "%" PRId64, drops - drops0);
		printf("{\"mode\":\"fuzz\",\"seed\":%" PRIu64 ",\"count\":%ld,\"sent\":%" PRIu64
		       ",\"send_errors\":%" PRIu64 ",\"frames_sent\":%" PRIu64
		       ",\"host_dropped\":%s,\"bytes\":%" PRIu64 ",\"dry_run\":%s,"
		       "\"digest\":\"%016" PRIx64 "\",\"kinds\":{",
		       o.seed, o.count, sent, send_errors, frames_sent, host, bytes,
		       o.dry_run ? "true" : "false", digest);
		for (int k = 0; k < FZ_NKINDS; k++)
			printf("%s\"%s\":%" PRIu64, k ? "," : "", fuzz_names[k], counts[k]);
		printf("}}\n");
	} else {
		for (int k = 0; k < FZ_NKINDS; k++)
			say("  %-13s %" PRIu64 "\n", fuzz_names[k], counts[k]);
		say("%ld frames built, %" PRIu64 " sent, %" PRIu64 " refused, digest %016" PRIx64
		    "\n", o.count, sent, send_errors, digest);
		say("# count sent digest\n");
		printf("%ld %" PRIu64 " %016" PRIx64 "\n", o.count, sent, digest);
	}
	return 0;
}

/* ---- selftest ---------------------------------------------------------- */

static int failures;

static void check(bool ok, const char *what)
{
	printf("%s %s\n", ok ? "ok" : "FAIL", what);
	if (!ok)
		failures++;
}

static int do_selftest(void)
{
	/* RFC 1071 section 3's example: sum 0xddf2. */
	static const uint8_t rfc1071[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
	/* A classic IPv4 header (192.168.0.1 -> 192.168.0.199), checksum 0xb861. */
	static const uint8_t iphdr[] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00,
					 0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01,
					 0xc0, 0xa8, 0x00, 0xc7 };
	uint8_t f[ETH_FRAME_MAX], g[ETH_FRAME_MAX];
	uint8_t a[6] = { 2, 0, 0, 0, 0, 1 }, b[6] = { 2, 0, 0, 0, 0, 2 };
	const uint8_t pl[4] = { 'p', 'i', 'n', 'g' };
	struct pkt p;
	size_t n;

	check(csum_add(0, rfc1071, sizeof(rfc1071)) == 0xddf2, "RFC 1071 example sums to 0xddf2");
	check(inet_csum(rfc1071, sizeof(rfc1071)) == 0x220d, "RFC 1071 example checksum 0x220d");
	check(inet_csum(iphdr, sizeof(iphdr)) == 0xb861, "IPv4 header checksum 0xb861");
	check(inet_csum(rfc1071, 3) == (uint16_t)~(0x0001 + 0xf200), "odd length pads with zero");

	/* UDP 10.0.2.2:1234 -> 10.0.2.15:7, "ping": computed by hand. */
	ip_id = 0;
	n = udp_frame(f, a, b, inet_addr("10.0.2.2"), inet_addr("10.0.2.15"), 1234, 7, pl, 4);
	check(n == ETH_ZLEN, "short frames are padded to 60 bytes");
	check(get16(f + ETH_HLEN + IP_HLEN + 6) == 0x041c, "UDP checksum vector 0x041c");
	check(get16(f + ETH_HLEN + 10) == 0x22bd, "IPv4 checksum of that frame 0x22bd");
	check(parse_frame(f, n, &p) && p.csum_ok && p.proto == IPPROTO_UDP_ && p.l4len == 12,
	      "the UDP frame parses with good checksums");
	f[ETH_HLEN + IP_HLEN + UDP_HLEN] ^= 1;	/* a payload byte */
	check(parse_frame(f, n, &p) && !p.csum_ok, "a flipped payload bit fails the UDP checksum");

	ip_id = 0;
	n = icmp_frame(f, a, b, inet_addr("10.0.2.2"), inet_addr("10.0.2.15"), ICMP_ECHO,
		       0x1234, 1, pl, 4);
	check(get16(f + ETH_HLEN + IP_HLEN + 2) == 0x06fa, "ICMP checksum vector 0x06fa");
	check(parse_frame(f, n, &p) && p.csum_ok, "the ICMP frame parses with good checksums");

	n = arp_frame(g, ARPOP_REQUEST, bcast, a, inet_addr("10.0.2.2"), b, inet_addr("10.0.2.15"));
	check(n == ETH_ZLEN && get16(g + 12) == ETH_P_ARP && get16(g + ETH_HLEN + 6) == 1,
	      "ARP request layout");

	rng_state = 42;
	{
		uint64_t x = rng();
		rng_state = 42;
		check(x == rng(), "the PRNG is deterministic");
	}
	printf("%s: %d failure%s\n", failures ? "FAIL" : "PASS", failures, failures == 1 ? "" : "s");
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	parse_args(argc, argv);
	switch (o.mode) {
	case M_PING:
	case M_UDPPING:
		return do_ping();
	case M_FLOOD:
		return do_flood();
	case M_FUZZ:
		return do_fuzz();
	case M_SELFTEST:
		return do_selftest();
	default:
		return 2;
	}
}
