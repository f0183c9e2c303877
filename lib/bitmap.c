// SPDX-License-Identifier: GPL-2.0
/* CPU lists <-> bit masks: see include/irqlab/bitmap.h. */
#include <irqlab/bitmap.h>
#include <irqlab/ctype.h>
#include <irqlab/errno.h>
#include <irqlab/sprintf.h>

static const char *parse_num(const char *s, unsigned int *v)
{
	unsigned long n = 0;

	if (!isdigit(*s))
		return NULL;
	while (isdigit(*s)) {
		n = n * 10 + (*s++ - '0');
		if (n > 1000000)
			return NULL;
	}
	*v = n;
	return s;
}

int bitmap_parselist(const char *buf, unsigned long *mask, int nbits)
{
	unsigned long m = 0;
	unsigned int a, b, i;
	const char *s = buf;

	if (!*s || *s == '\n')
		return -EINVAL;
	for (;;) {
		s = parse_num(s, &a);
		if (!s)
			return -EINVAL;
		b = a;
		if (*s == '-') {
			s = parse_num(s + 1, &b);
			if (!s || b < a)
				return -EINVAL;
		}
		if (b >= (unsigned int)nbits || b >= 64)
			return -ERANGE;
		for (i = a; i <= b; i++)
			m |= 1UL << i;
		if (*s == ',') {
			s++;
			continue;
		}
		if (*s == '\n')
			s++;
		if (*s)
			return -EINVAL;
		break;
	}
	*mask = m;
	return 0;
}

int bitmap_print_list(char *buf, size_t size, unsigned long mask)
{
	int len = 0, a, b;

	if (size)
		buf[0] = '\0';
	for (a = 0; a < 64; a++) {
		if (!((mask >> a) & 1))
			continue;
		for (b = a; b + 1 < 64 && ((mask >> (b + 1)) & 1); b++)
			;
		len += scnprintf(buf + len, size - len, "%s%d", len ? "," : "", a);
		if (b > a)
			len += scnprintf(buf + len, size - len, "-%d", b);
		a = b;
	}
	return len;
}
