// SPDX-License-Identifier: GPL-2.0
/*
 * ping and udpping: one request at a time to the guest (an ICMP echo, or
 * a UDP datagram to its echo port carrying the sequence number in its
 * first 8 bytes), each reply checked and timed; the round-trip times'
 * nearest-rank percentiles.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pktgen.h"

struct ping_counts {
	long sent, received, bad, late;
};

struct rtt_stats {
	double min, avg, p50, p90, p99, max;	/* microseconds */
};

/* What a frame received while waiting for request i's reply is. */
enum reply {
	R_OTHER,	/* not a reply to this ping run */
	R_LATE,		/* the reply to an earlier request */
	R_BAD,		/* the reply, but a wrong one */
	R_GOOD,
};

static enum reply classify(const struct pkt *p, bool icmp, uint16_t id,
			   long i, const uint8_t *payload, size_t plen)
{
	size_t hlen = icmp ? ICMP_HLEN : UDP_HLEN;

	if (!p->ip || p->saddr != o.guest_ip || p->daddr != o.host_ip)
		return R_OTHER;
	if (icmp) {
		if (p->proto != IPPROTO_ICMP_ || p->l4[0] != ICMP_ECHOREPLY ||
		    get16(p->l4 + 4) != id)
			return R_OTHER;
		if (get16(p->l4 + 6) != (uint16_t)i)
			return R_LATE;
	} else {
		uint64_t s;

		if (p->proto != IPPROTO_UDP_ || get16(p->l4) != o.port ||
		    get16(p->l4 + 2) != o.src_port)
			return R_OTHER;
		if (p->l4len - UDP_HLEN >= 8) {
			memcpy(&s, p->l4 + UDP_HLEN, 8);
			if (s != (uint64_t)i)
				return R_LATE;
		}
	}
	if (!p->csum_ok || p->l4len - hlen != plen ||
	    memcmp(p->l4 + hlen, payload, plen))
		return R_BAD;
	return R_GOOD;
}

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

/* Sorts rtt; all zero without a reply. */
static void rtt_summary(double *rtt, size_t n, struct rtt_stats *s)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += rtt[i];
	qsort(rtt, n, sizeof(double), cmp_double);
	s->min = n ? rtt[0] : 0;
	s->avg = n ? sum / (double)n : 0;
	s->p50 = percentile(rtt, n, 50);
	s->p90 = percentile(rtt, n, 90);
	s->p99 = percentile(rtt, n, 99);
	s->max = n ? rtt[n - 1] : 0;
}

static void ping_report(const struct ping_counts *c, const struct rtt_stats *s,
			size_t plen)
{
	long lost = o.count - c->received - c->bad;
	double loss = 100.0 * (double)(o.count - c->received) / (double)o.count;

	if (o.json) {
		printf("{\"mode\":\"%s\",\"guest_ip\":\"%s\",\"guest_mac\":\"%s\","
		       "\"size\":%zu,\"count\":%ld,\"sent\":%ld,\"received\":%ld,"
		       "\"lost\":%ld,\"bad\":%ld,\"late\":%ld,\"loss_pct\":%.2f,"
		       "\"rtt_us\":{\"min\":%.1f,\"avg\":%.1f,\"p50\":%.1f,"
		       "\"p90\":%.1f,\"p99\":%.1f,\"max\":%.1f},"
		       "\"send_errors\":%" PRIu64 ",\"arp_replies_sent\":%" PRIu64
		       "}\n",
		       o.mode_name, ip_str(o.guest_ip), mac_str(o.guest_mac),
		       plen, o.count, c->sent, c->received, lost, c->bad,
		       c->late, loss, s->min, s->avg, s->p50, s->p90, s->p99,
		       s->max,
		       send_errors, arp_replies_sent);
		return;
	}
	say("--- %s %s statistics ---\n", ip_str(o.guest_ip), o.mode_name);
	say("%ld sent, %ld received, %ld lost, %ld bad, %ld late, %.1f%% loss\n",
	    c->sent, c->received, lost, c->bad, c->late, loss);
	say("rtt us: min %.1f avg %.1f p50 %.1f p90 %.1f p99 %.1f max %.1f\n",
	    s->min, s->avg, s->p50, s->p90, s->p99, s->max);
	say("# sent received lost bad p50_us p90_us p99_us max_us\n");
	printf("%ld %ld %ld %ld %.1f %.1f %.1f %.1f\n", c->sent, c->received,
	       lost, c->bad, s->p50, s->p90, s->p99, s->max);
}

/*
 * --linger: keep playing the host for a while after the last ping, so
 * that an ARP probe the guest sends when its entry for us goes stale
 * (Linux's NUD_DELAY -> NUD_PROBE) is answered and not left to fail.
 */
static void linger(void)
{
	uint64_t deadline = now_ns() + (uint64_t)o.linger_ms * 1000000ull;
	uint8_t buf[RXBUF];
	struct pkt p;
	size_t len;

	while (o.linger_ms && now_ns() < deadline)
		if ((len = recv_frame(buf, deadline)) != 0)
			take_frame(buf, len, &p);
}

int do_ping(void)
{
	bool icmp = o.mode == M_PING;
	size_t plen = (size_t)o.size;
	uint16_t id = (uint16_t)(getpid() & 0xffff);
	double *rtt = calloc((size_t)o.count, sizeof(double));
	uint8_t *payload = malloc(plen + 1), frame[ETH_FRAME_MAX], buf[RXBUF];
	struct ping_counts c = { 0 };
	struct rtt_stats s;

	if (!rtt || !payload)
		die("out of memory");
	open_socket();
	resolve_guest();
	say("%s %s (%s): %s %zu bytes of payload, count %ld\n",
	    icmp ? "PING" : "UDPPING", ip_str(o.guest_ip), mac_str(o.guest_mac),
	    icmp ? "icmp" : "udp", plen, o.count);

	for (long i = 0; i < o.count; i++) {
		uint64_t t0, deadline;
		size_t n;
		bool got = false;

		for (size_t k = 0; k < plen; k++)
			payload[k] = (uint8_t)(i * 7 + k);
		if (!icmp) {
			/* No sequence field in UDP: the payload has one. */
			uint64_t seq = (uint64_t)i;

			memcpy(payload, &seq, 8);
			n = udp_to_guest(frame, (uint16_t)o.src_port,
					 (uint16_t)o.port, payload, plen);
		} else {
			n = echo_to_guest(frame, id, (uint16_t)i, payload,
					  plen);
		}
		/* From just before sendto to just after recvfrom. */
		t0 = now_ns();
		deadline = t0 + (uint64_t)o.timeout_ms * 1000000ull;
		if (send_frame(frame, n))
			c.sent++;
		while (!got) {
			struct pkt p;
			size_t len = recv_frame(buf, deadline);
			uint64_t t1 = now_ns();
			enum reply r;

			if (!len)
				break;
			if (!take_frame(buf, len, &p))
				continue;
			r = classify(&p, icmp, id, i, payload, plen);
			if (r == R_LATE)
				c.late++;
			if (r == R_BAD)
				c.bad++;
			if (r == R_GOOD) {
				rtt[c.received++] = (double)(t1 - t0) / 1000.0;
				if (o.count <= 20)
					say("reply seq %ld: %.1f us\n", i,
					    rtt[c.received - 1]);
			}
			got = r == R_BAD || r == R_GOOD;
		}
		if (o.interval_ms)
			sleep_ns((uint64_t)o.interval_ms * 1000000ull);
	}
	linger();

	rtt_summary(rtt, (size_t)c.received, &s);
	ping_report(&c, &s, plen);
	free(rtt);
	free(payload);
	return c.received > 0 ? 0 : 1;
}
