// SPDX-License-Identifier: GPL-2.0
/*
 * pktgen's messages and the pieces of its text and JSON output.  Text is
 * for people unless --json or --quiet; the last line, numbers only, and
 * the JSON object are for scripts (docs/pktgen.md).
 */

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "pktgen.h"

/* "pktgen: message" on stderr. */
void vcomplain(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", PROG);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
}

/* A run-time failure: exit 1. */
void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcomplain(fmt, ap);
	va_end(ap);
	exit(1);
}

/* Human-readable text: stdout, unless --json or --quiet. */
void say(const char *fmt, ...)
{
	va_list ap;

	if (o.json || o.quiet)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

/* Two buffers, so that one printf can show two addresses. */
const char *ip_str(uint32_t ip)
{
	static char bufs[2][16];
	static int k;
	struct in_addr a = { .s_addr = ip };

	k ^= 1;
	inet_ntop(AF_INET, &a, bufs[k], sizeof(bufs[k]));
	return bufs[k];
}

const char *mac_str(const uint8_t *m)
{
	static char buf[18];

	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

/* A count for text or JSON, "null" when unknown (negative). */
const char *count_or_null(char buf[COUNT_STR_LEN], int64_t v)
{
	if (v < 0)
		return "null";
	snprintf(buf, COUNT_STR_LEN, "%" PRId64, v);
	return buf;
}
