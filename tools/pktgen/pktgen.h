/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pktgen's internal interface, between its files (docs/pktgen.md):
 *
 *   pktgen.c     the command line and main()
 *   output.c     messages, text and JSON helpers
 *   frame.c      checksums, building and parsing frames
 *   transport.c  the socket to QEMU, the host's duties (ARP, pings to
 *                the host), the host's socket drops in /proc/net/udp
 *   ping.c       ping and udpping
 *   flood.c      flood
 *   fuzz.c       fuzz and its deterministic PRNG
 *   selftest.c   selftest
 */
#ifndef PKTGEN_H
#define PKTGEN_H

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define PROG		"pktgen"
#define LOOPBACK	"127.0.0.1"

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
/* 1472 */
#define MAX_PAYLOAD	(ETH_FRAME_MAX - ETH_HLEN - IP_HLEN - UDP_HLEN)
/* --size's one bound serves ping too. */
_Static_assert(ICMP_HLEN == UDP_HLEN, "ICMP and UDP payloads differ in size");
#define RXBUF		65536

/* ---- options (pktgen.c) ---------------------------------------------- */

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
	long qemu_port;		/* PORT_B: QEMU's localaddr, sent to */
	long listen_port;	/* PORT_A: we bind here, QEMU sends here */
	uint32_t guest_ip, host_ip;	/* network order */
	uint8_t guest_mac[6], host_mac[6];
	bool guest_mac_set;
	long timeout_ms;	/* per reply in ping modes */
	long arp_timeout_ms;
	long drain_ms;		/* flood: wait for echoes after sending */
	long burst;		/* flood: most frames sent back to back */
	long interval_ms;	/* ping modes: pause between pings */
	long linger_ms;		/* ping modes: answer ARP after the last */
	const char *proc_net_udp;	/* where the host's socket drops are */
	bool json;
	bool dump;
	bool dry_run;
	bool quiet;
};

extern struct opts o;

/* ---- output (output.c) ----------------------------------------------- */

void vcomplain(const char *fmt, va_list ap);
void __attribute__((noreturn, format(printf, 1, 2))) die(const char *fmt, ...);
void __attribute__((format(printf, 1, 2))) say(const char *fmt, ...);
const char *ip_str(uint32_t ip);
const char *mac_str(const uint8_t *m);

#define COUNT_STR_LEN	24
const char *count_or_null(char buf[COUNT_STR_LEN], int64_t v);

/* ---- time and byte order --------------------------------------------- */

static inline uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline void sleep_ns(uint64_t ns)
{
	struct timespec ts = { .tv_sec = (time_t)(ns / 1000000000ull),
			       .tv_nsec = (long)(ns % 1000000000ull) };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static inline void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* ---- frames (frame.c) ------------------------------------------------ */

extern const uint8_t bcast[6];
extern uint16_t ip_id;		/* the next IPv4 header's id */

uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t len);
uint16_t inet_csum(const uint8_t *p, size_t len);
size_t eth_hdr(uint8_t *f, const uint8_t *dst, const uint8_t *src,
	       uint16_t type);
void ip_recsum(uint8_t *ip);
size_t pad(uint8_t *f, size_t len);
size_t arp_frame(uint8_t *f, uint16_t op, const uint8_t *eth_dst,
		 const uint8_t *sha, uint32_t spa, const uint8_t *tha,
		 uint32_t tpa);
size_t icmp_frame(uint8_t *f, const uint8_t *dmac, const uint8_t *smac,
		  uint32_t saddr, uint32_t daddr, uint8_t type, uint16_t id,
		  uint16_t seq, const uint8_t *payload, size_t plen);
size_t udp_frame(uint8_t *f, const uint8_t *dmac, const uint8_t *smac,
		 uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
		 const uint8_t *payload, size_t plen);
/* From the host (o.host_*) to the guest (o.guest_*): an echo request, UDP. */
size_t echo_to_guest(uint8_t *f, uint16_t id, uint16_t seq,
		     const uint8_t *payload, size_t plen);
size_t udp_to_guest(uint8_t *f, uint16_t sport, uint16_t dport,
		    const uint8_t *payload, size_t plen);

struct pkt {
	uint16_t type;
	/* IPv4 */
	const uint8_t *ip;
	uint32_t saddr, daddr;
	uint8_t proto;
	const uint8_t *l4;
	size_t l4len;
	bool csum_ok;		/* IP header and L4 checksums */
};

bool parse_frame(const uint8_t *f, size_t len, struct pkt *p);

/* ---- the socket to QEMU (transport.c) -------------------------------- */

extern uint64_t send_errors;
extern uint64_t frames_sent;	/* every frame handed to sendto for QEMU */
extern uint64_t arp_replies_sent;

void open_socket(void);
bool send_frame(const uint8_t *f, size_t len);
size_t recv_frame(uint8_t *buf, uint64_t deadline);
bool take_frame(const uint8_t *f, size_t len, struct pkt *p);
void resolve_guest(void);
void drain_host_duties(void);
int64_t udp_socket_drops(long port);
int64_t drops_between(int64_t before, int64_t after);

/* ---- the modes ------------------------------------------------------- */

int do_ping(void);
int do_flood(void);
int do_fuzz(void);
int do_selftest(void);

/* fuzz.c's splitmix64, which selftest checks too */
void rng_seed(uint64_t seed);
uint64_t rng(void);

#endif /* PKTGEN_H */
