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
 * See docs/pktgen.md; pktgen.h lists the other files.
 *
 * This file: the command line and main().
 */

#include <arpa/inet.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pktgen.h"

struct opts o = {
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
	.burst = 64,
	.interval_ms = 0,
	.proc_net_udp = "/proc/net/udp",
};

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
"  --burst N            flood: at most N frames back to back (default 64)\n"
"  --interval MS        ping modes: pause between pings (default 0)\n"
"  --linger MS          ping modes: go on answering ARP for MS after the\n"
"                       last ping (default 0)\n"
"  --proc-net-udp PATH  flood: the host's socket table (default /proc/net/udp)\n"
"  --json               one JSON object on stdout instead of text\n"
"  --quiet              only the final line (or the JSON)\n"
"  --dump               fuzz: hex dump of every frame on stdout\n"
"  --dry-run            fuzz: build frames (and the digest) but send nothing\n");
}

/* A bad command line: the message and the usage on stderr, exit 2. */
static void __attribute__((noreturn, format(printf, 1, 2)))
bad_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcomplain(fmt, ap);
	va_end(ap);
	usage(stderr);
	exit(2);
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
		bad_usage("%s: %ld is out of range [%ld, %ld]", opt, v, min,
			  max);
	return v;
}

static double parse_double(const char *opt, const char *s, double min,
			   double max)
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

	if (sscanf(s, "%x:%x:%x:%x:%x:%x%c", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5], &tail) != 6)
		bad_usage("%s: '%s' is not a MAC address (xx:xx:xx:xx:xx:xx)",
			  opt, s);
	for (int i = 0; i < 6; i++) {
		if (b[i] > 0xff)
			bad_usage("%s: '%s' is not a MAC address", opt, s);
		mac[i] = (uint8_t)b[i];
	}
}

static void only_loopback(const char *opt, const char *s)
{
	if (strcmp(s, LOOPBACK) != 0)
		bad_usage("%s: '%s' refused: pktgen only talks to %s",
			  opt, s, LOOPBACK);
}

enum opt_kind {
	OPT_HELP,	/* no value: print the usage, exit 0 */
	OPT_FLAG,	/* no value: sets a bool */
	OPT_LONG,	/* a long in [min, max] */
	OPT_SEED,	/* the same, stored in a uint64_t */
	OPT_DOUBLE,	/* a double in [dmin, dmax] */
	OPT_IP,
	OPT_MAC,	/* and sets *set */
	OPT_LOOPBACK,	/* must be 127.0.0.1, stored nowhere */
	OPT_STRING,
};

struct opt {
	const char *name;
	enum opt_kind kind;
	void *var;
	long min, max;
	double dmin, dmax;
	bool *set;
};

#define O(n, k, v)	{ .name = n, .kind = k, .var = v }
#define O_LONG(n, v, lo, hi) \
	{ .name = n, .kind = OPT_LONG, .var = v, .min = lo, .max = hi }
#define O_DOUBLE(n, v, lo, hi) \
	{ .name = n, .kind = OPT_DOUBLE, .var = v, .dmin = lo, .dmax = hi }

static const struct opt options[] = {
	O("-h", OPT_HELP, NULL),
	O("--help", OPT_HELP, NULL),
	O("--json", OPT_FLAG, &o.json),
	O("--dump", OPT_FLAG, &o.dump),
	O("--dry-run", OPT_FLAG, &o.dry_run),
	O("--quiet", OPT_FLAG, &o.quiet),
	O_LONG("--count", &o.count, 1, 100000000),
	O_LONG("--size", &o.size, 0, MAX_PAYLOAD),
	O_DOUBLE("--rate", &o.rate, 1, 10000000),
	O_DOUBLE("--duration", &o.duration, 0.001, 3600),
	O_LONG("--port", &o.port, 1, 65535),
	O_LONG("--src-port", &o.src_port, 1, 65535),
	{ .name = "--seed", .kind = OPT_SEED, .var = &o.seed,
	  .min = 0, .max = LONG_MAX },
	O_LONG("--qemu-port", &o.qemu_port, 1, 65535),
	O_LONG("--listen", &o.listen_port, 1, 65535),
	O("--qemu-addr", OPT_LOOPBACK, NULL),
	O("--listen-addr", OPT_LOOPBACK, NULL),
	O("--guest-ip", OPT_IP, &o.guest_ip),
	O("--host-ip", OPT_IP, &o.host_ip),
	{ .name = "--guest-mac", .kind = OPT_MAC, .var = o.guest_mac,
	  .set = &o.guest_mac_set },
	O("--host-mac", OPT_MAC, o.host_mac),
	O_LONG("--timeout", &o.timeout_ms, 1, 3600000),
	O_LONG("--arp-timeout", &o.arp_timeout_ms, 1, 3600000),
	O_LONG("--drain", &o.drain_ms, 0, 3600000),
	O_LONG("--burst", &o.burst, 1, 4096),
	O_LONG("--interval", &o.interval_ms, 0, 3600000),
	O_LONG("--linger", &o.linger_ms, 0, 3600000),
	O("--proc-net-udp", OPT_STRING, &o.proc_net_udp),
};

static const struct opt *find_opt(const char *name)
{
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		if (!strcmp(name, options[i].name))
			return &options[i];
	return NULL;
}

/* Parse argv[*i] (and its value); *i is left at the last one used. */
static void parse_opt(int argc, char **argv, int *i)
{
	const char *a = argv[*i], *v = NULL;
	const struct opt *opt = find_opt(a);

	/* Anything but a known flag takes a value, an unknown option too. */
	if (!opt || (opt->kind != OPT_HELP && opt->kind != OPT_FLAG)) {
		if (strncmp(a, "--", 2) != 0)
			bad_usage("unexpected argument '%s'", a);
		if (*i + 1 >= argc)
			bad_usage("%s needs a value", a);
		v = argv[++*i];
	}
	if (!opt)
		bad_usage("unknown option '%s'", a);

	switch (opt->kind) {
	case OPT_HELP:
		usage(stdout);
		exit(0);
	case OPT_FLAG:
		*(bool *)opt->var = true;
		break;
	case OPT_LONG:
		*(long *)opt->var = parse_long(a, v, opt->min, opt->max);
		break;
	case OPT_SEED:
		*(uint64_t *)opt->var = (uint64_t)parse_long(a, v, opt->min,
							     opt->max);
		break;
	case OPT_DOUBLE:
		*(double *)opt->var = parse_double(a, v, opt->dmin, opt->dmax);
		break;
	case OPT_IP:
		*(uint32_t *)opt->var = parse_ip(a, v);
		break;
	case OPT_MAC:
		parse_mac(a, v, opt->var);
		if (opt->set)
			*opt->set = true;
		break;
	case OPT_LOOPBACK:
		only_loopback(a, v);
		break;
	case OPT_STRING:
		*(const char **)opt->var = v;
		break;
	}
}

/* What each mode needs, and the defaults that depend on the mode. */
static void check_mode_args(void)
{
	switch (o.mode) {
	case M_PING:
	case M_UDPPING:
		if (o.count < 0)
			bad_usage("%s needs --count N", o.mode_name);
		if (o.size < 0)
			o.size = 56;
		if (o.mode == M_UDPPING && o.size < 8)
			bad_usage("udpping: --size must be at least 8");
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
		static const uint8_t def[6] = { 0x52, 0x54, 0x00,
						0x12, 0x34, 0x56 };

		memcpy(o.guest_mac, def, 6);
		o.guest_mac_set = true;
	}
}

static void parse_args(int argc, char **argv)
{
	static const struct { const char *name; enum mode mode; } modes[] = {
		{ "ping", M_PING }, { "udpping", M_UDPPING },
		{ "flood", M_FLOOD }, { "fuzz", M_FUZZ },
		{ "selftest", M_SELFTEST },
	};

	o.guest_ip = inet_addr("10.0.2.15");
	o.host_ip = inet_addr("10.0.2.2");

	if (argc < 2)
		bad_usage("no mode given");
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		usage(stdout);
		exit(0);
	}
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (!strcmp(argv[1], modes[i].name)) {
			o.mode = modes[i].mode;
			o.mode_name = modes[i].name;
		}
	}
	if (o.mode == M_NONE)
		bad_usage("unknown mode '%s'", argv[1]);

	for (int i = 2; i < argc; i++)
		parse_opt(argc, argv, &i);

	if (o.host_mac[0] & 1)
		bad_usage("--host-mac: a multicast address cannot be a host's");
	if (o.guest_ip == o.host_ip)
		bad_usage("--guest-ip and --host-ip are the same");
	check_mode_args();
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
