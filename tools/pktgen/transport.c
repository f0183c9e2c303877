// SPDX-License-Identifier: GPL-2.0
/*
 * The socket to QEMU's socket netdev on 127.0.0.1, the host's duties
 * while pktgen waits for anything (answering the guest's ARP and its
 * pings to the host, learning its MAC), resolving the guest's MAC, and
 * what the host's UDP sockets dropped (/proc/net/udp).
 */

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "pktgen.h"

static int sock = -1;
static struct sockaddr_in qemu_addr;
static bool guest_mac_known;

uint64_t send_errors;
uint64_t frames_sent;
uint64_t arp_replies_sent;

void open_socket(void)
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
bool send_frame(const uint8_t *f, size_t len)
{
	ssize_t n;

	/* The one place that sends: it checks the destination every time. */
	if (qemu_addr.sin_family != AF_INET ||
	    qemu_addr.sin_addr.s_addr != htonl(INADDR_LOOPBACK)) {
		fprintf(stderr, "%s: refusing to send to a non-loopback address\n",
			PROG);
		abort();
	}
	frames_sent++;
	for (;;) {
		n = sendto(sock, f, len, 0, (struct sockaddr *)&qemu_addr,
			   sizeof(qemu_addr));
		if (n == (ssize_t)len)
			return true;
		if (n < 0 && errno == EINTR)
			continue;
		/* ECONNREFUSED: QEMU not listening yet; ENOBUFS/EAGAIN: full */
		send_errors++;
		return false;
	}
}

/*
 * Receive one frame, waiting at most until `deadline` (ns, monotonic).
 * Returns its length, or 0 on timeout.  Datagrams from anywhere but
 * 127.0.0.1 are ignored.
 */
size_t recv_frame(uint8_t *buf, uint64_t deadline)
{
	for (;;) {
		struct sockaddr_in from;
		socklen_t fl = sizeof(from);
		struct pollfd pfd = { .fd = sock, .events = POLLIN };
		uint64_t t = now_ns(), left = t >= deadline ? 0 : deadline - t;
		struct timespec ts = {
			.tv_sec = (time_t)(left / 1000000000ull),
			.tv_nsec = (long)(left % 1000000000ull),
		};
		int r;
		ssize_t n;

		r = ppoll(&pfd, 1, &ts, NULL);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		n = recvfrom(sock, buf, RXBUF, MSG_DONTWAIT,
			     (struct sockaddr *)&from, &fl);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN ||
			    errno == ECONNREFUSED)
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
 * The host's duties for a frame received: answer ARP requests for the
 * host IP, learn the guest's MAC from its ARP, answer pings to the host.
 * Returns true if the frame was consumed here.
 */
static bool host_duties(const uint8_t *f, size_t len, const struct pkt *p)
{
	uint8_t out[ETH_FRAME_MAX];

	if (p->type == ETH_P_ARP) {
		const uint8_t *a = f + ETH_HLEN;
		uint32_t spa, tpa;

		if (len < ETH_HLEN + ARP_LEN || get16(a) != 1 ||
		    get16(a + 2) != ETH_P_IP || a[4] != 6 || a[5] != 4)
			return true;
		memcpy(&spa, a + 14, 4);
		memcpy(&tpa, a + 24, 4);
		if (spa == o.guest_ip && !(a[8] & 1)) {
			memcpy(o.guest_mac, a + 8, 6);
			guest_mac_known = true;
		}
		if (get16(a + 6) == ARPOP_REQUEST && tpa == o.host_ip) {
			size_t n = arp_frame(out, ARPOP_REPLY, a + 8,
					     o.host_mac, o.host_ip, a + 8, spa);

			if (send_frame(out, n))
				arp_replies_sent++;
		}
		return true;
	}
	if (p->ip && p->proto == IPPROTO_ICMP_ && p->daddr == o.host_ip &&
	    p->l4[0] == ICMP_ECHO && p->csum_ok &&
	    p->l4len <= ETH_FRAME_MAX - ETH_HLEN - IP_HLEN) {
		size_t n = icmp_frame(out, f + 6, o.host_mac, o.host_ip,
				      p->saddr, ICMP_ECHOREPLY,
				      get16(p->l4 + 4), get16(p->l4 + 6),
				      p->l4 + ICMP_HLEN, p->l4len - ICMP_HLEN);

		send_frame(out, n);
		return true;
	}
	return false;
}

/*
 * Parse a frame received and do the host's duties with it; true if what
 * is left is for the caller, in *p.
 */
bool take_frame(const uint8_t *f, size_t len, struct pkt *p)
{
	return parse_frame(f, len, p) && !host_duties(f, len, p);
}

/* Resolve the guest's MAC with ARP requests every 250 ms, up to the timeout. */
void resolve_guest(void)
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
	n = arp_frame(req, ARPOP_REQUEST, bcast, o.host_mac, o.host_ip, zero,
		      o.guest_ip);
	while (!guest_mac_known) {
		uint64_t t = now_ns();
		size_t len;
		struct pkt p;

		if (t >= deadline)
			die("no ARP reply from %s within %ld ms",
			    ip_str(o.guest_ip), o.arp_timeout_ms);
		if (t >= next) {
			send_frame(req, n);
			next = t + 250000000ull;
		}
		len = recv_frame(buf, next < deadline ? next : deadline);
		if (len)
			take_frame(buf, len, &p);
	}
}

/* Handle whatever has already arrived, without waiting. */
void drain_host_duties(void)
{
	uint8_t buf[RXBUF];
	size_t len;
	struct pkt p;

	while ((len = recv_frame(buf, 0)) != 0)
		take_frame(buf, len, &p);
}

/*
 * The `drops` column (the kernel's sk_drops) of the host's /proc/net/udp
 * rows bound to 127.0.0.1:port or *:port, summed; -1 if there is none or
 * the table cannot be read.  A datagram sent over loopback to a full
 * socket is dropped there, after sendto has returned success: this is
 * the only place the host admits to it.  QEMU stops reading its socket
 * while the e1000 has no receive descriptors, so that is where a flood
 * the guest cannot keep up with is lost.
 */
int64_t udp_socket_drops(long port)
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
		/*
		 * sl local rem st tx:rx tr:when retrnsmt uid timeout inode
		 * ref ptr drops
		 */
		if (n < 13 || sscanf(tok[1], "%8X:%4X", &addr, &lport) != 2)
			continue;
		/* The address: the kernel's __be32 printed as an integer. */
		if (lport != (unsigned int)port ||
		    (addr != 0 && addr != htonl(INADDR_LOOPBACK)))
			continue;
		drops = (drops < 0 ? 0 : drops) + strtoll(tok[n - 1], NULL, 10);
	}
	fclose(f);
	return drops;
}

/* Drops between two readings of udp_socket_drops(); -1 if unknown. */
int64_t drops_between(int64_t before, int64_t after)
{
	return before >= 0 && after >= before ? after - before : -1;
}
