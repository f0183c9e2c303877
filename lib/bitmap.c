// SPDX-License-Identifier: GPL-2.0
/*
 * CPU masks to and from Linux's two text forms (lib/bitmap.c, and
 * vsprintf's %*pb and %*pbl): see include/irqlab/bitmap.h.  Parsing
 * follows Linux's grammar and errors; a mask is changed only on success.
 */
#include <irqlab/bitmap.h>
#include <irqlab/ctype.h>
#include <irqlab/errno.h>
#include <irqlab/sprintf.h>

#define CHUNK_BITS	32	/* a mask is written in 32-bit groups */

static bool end_of_str(char c)
{
	return c == '\0' || c == '\n';
}

/* Between two regions of a list, or two groups of a mask. */
static bool region_sep(char c)
{
	return isspace(c) || c == ',';
}

static bool end_of_region(char c)
{
	return region_sep(c) || end_of_str(c);
}

/* A decimal number, or N for the last bit (Linux's bitmap_getnum). */
static const char *getnum(const char *s, unsigned int *num,
			  unsigned int lastbit, int *err)
{
	unsigned long long n = 0;
	const char *p = s;

	if (*s == 'N') {
		*num = lastbit;
		return s + 1;
	}
	for (; isdigit(*p); p++)
		if ((n = n * 10 + (*p - '0')) > 0xffffffffULL)
			n = 1ULL << 40;	/* sticks: overflowed */
	if (p == s) {
		*err = -EINVAL;
		return NULL;
	}
	if (n > 0xffffffffULL) {
		*err = -EOVERFLOW;
		return NULL;
	}
	*num = n;
	return p;
}

/*
 * One region: "A", "A-B" or "A-B:USED/GROUP" (the first USED bits of
 * every GROUP from A to B), as Linux's bitmap_parse_region and
 * bitmap_check_region.
 */
static const char *parse_region(const char *s, unsigned long *m, int nbits,
				int *err)
{
	unsigned int start, end, off, group;

	s = getnum(s, &start, nbits - 1, err);
	if (!s)
		return NULL;
	end = start;
	if (!end_of_region(*s)) {
		if (*s != '-')
			goto inval;
		s = getnum(s + 1, &end, nbits - 1, err);
		if (!s)
			return NULL;
	}
	off = group = end + 1;
	if (!end_of_region(*s)) {
		if (*s != ':')
			goto inval;
		s = getnum(s + 1, &off, nbits - 1, err);
		if (!s)
			return NULL;
		if (*s != '/')
			goto inval;
		s = getnum(s + 1, &group, nbits - 1, err);
		if (!s)
			return NULL;
	}
	if (start > end || group == 0 || off > group)
		goto inval;
	if (end >= (unsigned int)nbits) {
		*err = -ERANGE;
		return NULL;
	}
	/* Linux's bitmap_set_region: off bits of each group, in 64-bit
	 * arithmetic so that no group or offset wraps. */
	for (u64 g = start; g <= end; g += group)
		for (u64 b = g; b - g < off && b <= end; b++)
			*m |= 1UL << b;
	return s;
inval:
	*err = -EINVAL;
	return NULL;
}

int bitmap_parselist(const char *buf, unsigned long *mask, int nbits)
{
	unsigned long m = 0;
	int err = 0;

	if (nbits <= 0 || nbits > BITS_PER_LONG)
		return -EINVAL;
	for (;;) {
		while (region_sep(*buf))
			buf++;
		if (end_of_str(*buf))
			break;
		buf = parse_region(buf, &m, nbits, &err);
		if (!buf)
			return err;
	}
	*mask = m;
	return 0;
}

static int hex_digit(char c)
{
	if (isdigit(c))
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * Linux's bitmap_parse: read from the end, a group of up to eight hex
 * digits at a time, the groups separated by commas or spaces; text
 * after a newline is not looked at.
 */
int bitmap_parse(const char *buf, unsigned int buflen, unsigned long *mask,
		 int nbits)
{
	int chunks = (nbits + CHUNK_BITS - 1) / CHUNK_BITS, chunk = 0;
	const char *end = buf;
	unsigned long m = 0;

	if (nbits <= 0 || nbits > BITS_PER_LONG)
		return -EINVAL;
	while ((unsigned int)(end - buf) < buflen && !end_of_str(*end))
		end++;
	for (;;) {
		unsigned long group = 0;
		int shift;

		while (end > buf && region_sep(end[-1]))
			end--;
		if (end == buf)
			break;
		if (chunk == chunks)
			return -EOVERFLOW;
		for (shift = 0; end > buf && !region_sep(end[-1]);
		     shift += 4) {
			int d = hex_digit(*--end);

			if (d < 0)
				return -EINVAL;
			if (shift == CHUNK_BITS)
				return -EOVERFLOW;
			group |= (unsigned long)d << shift;
		}
		m |= group << (chunk++ * CHUNK_BITS);
	}
	if (nbits < BITS_PER_LONG && m >> nbits)
		return -EOVERFLOW;
	*mask = m;
	return 0;
}

int bitmap_print_list(char *buf, size_t size, unsigned long mask)
{
	int len = 0, a, b;

	if (size)
		buf[0] = '\0';
	for (a = 0; a < BITS_PER_LONG; a++) {
		if (!((mask >> a) & 1))
			continue;
		for (b = a; b + 1 < BITS_PER_LONG && ((mask >> (b + 1)) & 1);
		     b++)
			;
		len += scnprintf(buf + len, size - len, "%s%d", len ? "," : "", a);
		if (b > a)
			len += scnprintf(buf + len, size - len, "-%d", b);
		a = b;
	}
	return len;
}

/*
 * %*pb: the top group as wide as its bits need (nbits 4 is "f", 12 is
 * "fff"), every lower one eight digits, all zero-padded.
 */
int bitmap_print_mask(char *buf, size_t size, unsigned long mask, int nbits)
{
	int top = nbits % CHUNK_BITS ? nbits % CHUNK_BITS : CHUNK_BITS;
	int chunk = (nbits - 1) / CHUNK_BITS, len = 0;

	if (size)
		buf[0] = '\0';
	for (; chunk >= 0; chunk--, top = CHUNK_BITS) {
		unsigned long group = (mask >> (chunk * CHUNK_BITS)) &
				      ((1UL << top) - 1);

		len += scnprintf(buf + len, size - len, "%s%0*lx",
				 len ? "," : "", (top + 3) / 4, group);
	}
	return len;
}
