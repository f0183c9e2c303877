// SPDX-License-Identifier: GPL-2.0
/*
 * flood: UDP datagrams to the guest's echo port at an offered rate,
 * paced on the monotonic clock, while counting the echoes; then the
 * loss, split into what the host dropped at its sockets (/proc/net/udp)
 * and what was lost past QEMU's socket (docs/pktgen.md).
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pktgen.h"

#define FLOOD_MAGIC	0x706b7467u	/* "pktg" */

/*
 * A run.  Its payloads are the magic, the run's id and the sequence
 * number (4 bytes each), then a fixed pattern.
 */
struct flood {
	uint64_t offered, sent, echoed, bad, dup;
	size_t plen;
	uint8_t *payload;	/* the one being sent */
	uint8_t *seen;		/* a bit per sequence number echoed */
	uint32_t run_id;
};

static void set_seq(struct flood *fl, uint32_t seq)
{
	memcpy(fl->payload + 8, &seq, 4);
}

/* Count a frame received if it is an echo; true if a good new one. */
static bool flood_echo(struct flood *fl, const struct pkt *p)
{
	const uint8_t *data = p->l4 + UDP_HLEN;
	uint32_t m, r, s;

	if (!p->ip || p->proto != IPPROTO_UDP_ || p->saddr != o.guest_ip ||
	    get16(p->l4) != o.port || get16(p->l4 + 2) != o.src_port)
		return false;
	if (p->l4len - UDP_HLEN != fl->plen || !p->csum_ok) {
		fl->bad++;
		return false;
	}
	memcpy(&m, data, 4);
	memcpy(&r, data + 4, 4);
	memcpy(&s, data + 8, 4);
	if (m != FLOOD_MAGIC || r != fl->run_id || s >= fl->sent) {
		fl->bad++;
		return false;
	}
	set_seq(fl, s);
	if (memcmp(data, fl->payload, fl->plen)) {
		fl->bad++;
		return false;
	}
	if (fl->seen[s / 8] & (1u << (s % 8))) {
		fl->dup++;
		return false;
	}
	fl->seen[s / 8] |= (uint8_t)(1u << (s % 8));
	fl->echoed++;
	return true;
}

/*
 * host_to: dropped at QEMU's socket, host_from: at pktgen's, both since
 * the socket was opened; host_to < 0 if unknown, host_from 0 then.
 */
static void flood_report(const struct flood *fl, double elapsed,
			 int64_t host_to, uint64_t host_from)
{
	uint64_t sent = fl->sent, echoed = fl->echoed;
	uint64_t lost = sent > echoed ? sent - echoed : 0;
	double loss = sent ? 100.0 * (double)lost / (double)sent : 0;
	double rate = elapsed > 0 ? (double)sent / elapsed : 0;
	bool known = host_to >= 0;
	/*
	 * Host drops are the flood's but for the rare ARP or ICMP frame
	 * caught in them; the rest of the loss happened past QEMU's
	 * socket: in the e1000 model, the guest, or on the way back.
	 */
	int64_t lost_host = -1, lost_guest = -1;
	char b1[COUNT_STR_LEN], b2[COUNT_STR_LEN], b3[COUNT_STR_LEN];

	if (known) {
		uint64_t h = (uint64_t)host_to + host_from;

		lost_host = (int64_t)(h < lost ? h : lost);
		lost_guest = (int64_t)lost - lost_host;
	}

	if (o.json) {
		printf("{\"mode\":\"flood\",\"guest_ip\":\"%s\",\"guest_mac\":\"%s\","
		       "\"port\":%ld,\"size\":%zu,\"rate\":%.0f,\"duration\":%.3f,"
		       "\"offered\":%" PRIu64 ",\"sent\":%" PRIu64
		       ",\"echoed\":%" PRIu64 ",\"lost\":%" PRIu64
		       ",\"loss_pct\":%.2f,\"bad\":%" PRIu64 ",\"dup\":%" PRIu64
		       ",\"send_errors\":%" PRIu64
		       ",\"send_seconds\":%.3f,\"achieved_pps\":%.0f"
		       ",\"arp_replies_sent\":%" PRIu64
		       ",\"host_socket\":\"127.0.0.1:%ld\",\"frames_sent\":%" PRIu64
		       ",\"other_frames_sent\":%" PRIu64 ",\"host_dropped\":%s"
		       ",\"host_dropped_from_guest\":%" PRIu64
		       ",\"lost_host\":%s,\"lost_guest\":%s}\n",
		       ip_str(o.guest_ip), mac_str(o.guest_mac), o.port,
		       fl->plen, o.rate, o.duration, fl->offered, sent, echoed,
		       lost, loss, fl->bad, fl->dup, send_errors, elapsed, rate,
		       arp_replies_sent, o.qemu_port, frames_sent,
		       frames_sent - sent, count_or_null(b1, host_to),
		       host_from, count_or_null(b2, lost_host),
		       count_or_null(b3, lost_guest));
		return;
	}
	say("--- %s flood statistics ---\n", ip_str(o.guest_ip));
	say("offered %" PRIu64 ", sent %" PRIu64 " (%" PRIu64 " taken by the host "
	    "socket, %" PRIu64 " refused) in %.3f s = %.0f pps\n",
	    fl->offered, sent, sent - send_errors, send_errors, elapsed, rate);
	if (known)
		say("host: QEMU's socket 127.0.0.1:%ld dropped %" PRId64 " of %"
		    PRIu64 " frames, pktgen's dropped %" PRIu64 " echoes\n",
		    o.qemu_port, host_to, frames_sent, host_from);
	else
		say("host: no socket on 127.0.0.1:%ld in %s: host drops unknown\n",
		    o.qemu_port, o.proc_net_udp);
	say("echoed %" PRIu64 ", lost %" PRIu64 " (%.2f%%: host %s, guest %s), "
	    "bad %" PRIu64 ", dup %" PRIu64 "\n", echoed, lost, loss,
	    count_or_null(b2, lost_host), count_or_null(b3, lost_guest),
	    fl->bad, fl->dup);
	say("# offered sent echoed lost bad lost_host lost_guest\n");
	/* -1: unknown */
	printf("%" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64
	       " %" PRId64 " %" PRId64 "\n", fl->offered, sent, echoed, lost,
	       fl->bad, lost_host, lost_guest);
}

int do_flood(void)
{
	uint8_t frame[ETH_FRAME_MAX], buf[RXBUF];
	struct flood fl = {
		.offered = (uint64_t)(o.rate * o.duration + 0.5),
		.plen = (size_t)o.size,
		.run_id = (uint32_t)now_ns(),
	};
	uint64_t t0, t_end, t_last, deadline;
	double period_ns = 1e9 / o.rate, elapsed;
	int64_t drops0_to, drops0_from, drops_to, drops_from, from;

	fl.seen = calloc((size_t)(fl.offered / 8 + 1), 1);
	fl.payload = malloc(fl.plen);
	if (!fl.seen || !fl.payload)
		die("out of memory");
	open_socket();
	/* Every frame of the run counts, the ARP exchange's too. */
	drops0_to = udp_socket_drops(o.qemu_port);
	drops0_from = udp_socket_drops(o.listen_port);
	resolve_guest();
	say("FLOOD %s (%s) udp port %ld: %.0f pps for %.3f s, %zu bytes of payload\n",
	    ip_str(o.guest_ip), mac_str(o.guest_mac), o.port, o.rate,
	    o.duration, fl.plen);

	for (size_t k = 0; k < fl.plen; k++)
		fl.payload[k] = (uint8_t)(k * 13);
	{
		uint32_t m = FLOOD_MAGIC;

		memcpy(fl.payload, &m, 4);
		memcpy(fl.payload + 4, &fl.run_id, 4);
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

		if (due > fl.offered)
			due = fl.offered;
		/* Catch up in bursts, so that the receive side keeps up. */
		for (long b = 0; fl.sent < due && b < o.burst; b++) {
			size_t n;

			set_seq(&fl, (uint32_t)fl.sent);
			n = udp_to_guest(frame, (uint16_t)o.src_port,
					 (uint16_t)o.port, fl.payload, fl.plen);
			/* A refusal is counted in send_errors. */
			send_frame(frame, n);
			fl.sent++;
		}
		/* Done sending (all of them, or out of time): drain. */
		if (fl.sent >= fl.offered || t >= t_end) {
			if (t_last == t_end)
				t_last = t;
			deadline = t_last + (uint64_t)o.drain_ms * 1000000ull;
			if (t >= deadline)
				break;
		}
		if (fl.sent < fl.offered && t < t_end) {
			next_send = t0 +
				    (uint64_t)((double)fl.sent * period_ns);
			if (fl.sent < due)
				next_send = t;
		} else {
			next_send = deadline;
		}
		/* Receive until the next send is due. */
		while ((len = recv_frame(buf, next_send)) != 0) {
			struct pkt p;

			if (take_frame(buf, len, &p) && flood_echo(&fl, &p) &&
			    now_ns() >= next_send)
				break;
		}
	}
	elapsed = (double)(t_last - t0) / 1e9;
	drops_to = udp_socket_drops(o.qemu_port);
	drops_from = udp_socket_drops(o.listen_port);
	from = drops_between(drops0_from, drops_from);
	flood_report(&fl, elapsed, drops_between(drops0_to, drops_to),
		     from < 0 ? 0 : (uint64_t)from);
	free(fl.seen);
	free(fl.payload);
	return 0;
}
