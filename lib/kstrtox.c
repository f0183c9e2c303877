// SPDX-License-Identifier: GPL-2.0
/*
 * String to integer conversion: kstrto*() and simple_strto*().
 */
#include <irqlab/kstrtox.h>
#include <irqlab/ctype.h>
#include <irqlab/errno.h>

#define ULLONG_MAX_	(~0ULL)

/*
 * Picks the base for base 0 from the prefix and steps over a "0x" prefix
 * in base 16.  Base 0 only takes "0x" as hex when a hex digit follows, so
 * "0x" alone reads as an octal 0 followed by junk.
 */
static const char *parse_integer_fixup_radix(const char *s,
					     unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0') {
			if (tolower(s[1]) == 'x' && isxdigit(s[2]))
				*base = 16;
			else
				*base = 8;
		} else {
			*base = 10;
		}
	}
	if (*base == 16 && s[0] == '0' && tolower(s[1]) == 'x')
		s += 2;
	return s;
}

/*
 * Accumulates the digits at s into *res; as in Linux, digits go up to 'f',
 * so bases above 16 make no sense.  Returns the number of digits
 * consumed; *overflow is set if the value wrapped.  The whole run of
 * digits is consumed even after an overflow so that callers see where the
 * number ends.
 */
static unsigned int parse_integer(const char *s, unsigned int base,
				  unsigned long long *res, bool *overflow)
{
	unsigned long long val = 0;
	unsigned int n = 0, digit;
	int lc;

	*overflow = false;
	for (;; s++, n++) {
		lc = tolower(*s);
		if (isdigit(lc))
			digit = lc - '0';
		else if (lc >= 'a' && lc <= 'f')
			digit = lc - 'a' + 10;
		else
			break;
		if (digit >= base)
			break;
		if (val > (ULLONG_MAX_ - digit) / base)
			*overflow = true;
		val = val * base + digit;
	}
	*res = val;
	return n;
}

/* Unsigned, without a sign; the common tail of all kstrto*(). */
static int kstrtoull_nosign(const char *s, unsigned int base,
			    unsigned long long *res)
{
	unsigned long long val;
	unsigned int n;
	bool overflow;

	s = parse_integer_fixup_radix(s, &base);
	n = parse_integer(s, base, &val, &overflow);
	if (overflow)
		return -ERANGE;
	if (!n)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = val;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return kstrtoull_nosign(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long val;
	int ret;

	if (s[0] == '-') {
		ret = kstrtoull_nosign(s + 1, base, &val);
		if (ret)
			return ret;
		/* The magnitude may be at most 2^63: -LLONG_MIN. */
		if (val > (unsigned long long)__LONG_LONG_MAX__ + 1)
			return -ERANGE;
		*res = (long long)-val;
		return 0;
	}

	ret = kstrtoull(s, base, &val);
	if (ret)
		return ret;
	if (val > (unsigned long long)__LONG_LONG_MAX__)
		return -ERANGE;
	*res = val;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long val;
	int ret;

	ret = kstrtoull(s, base, &val);
	if (ret)
		return ret;
	if (val != (unsigned long)val)
		return -ERANGE;
	*res = val;
	return 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	long long val;
	int ret;

	ret = kstrtoll(s, base, &val);
	if (ret)
		return ret;
	if (val != (long)val)
		return -ERANGE;
	*res = val;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long val;
	int ret;

	ret = kstrtoull(s, base, &val);
	if (ret)
		return ret;
	if (val != (unsigned int)val)
		return -ERANGE;
	*res = val;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long val;
	int ret;

	ret = kstrtoll(s, base, &val);
	if (ret)
		return ret;
	if (val != (int)val)
		return -ERANGE;
	*res = val;
	return 0;
}

unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	unsigned long long val;
	bool overflow;

	cp = parse_integer_fixup_radix(cp, &base);
	cp += parse_integer(cp, base, &val, &overflow);
	if (endp)
		*endp = (char *)cp;
	return val;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -simple_strtoull(cp + 1, endp, base);
	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoll(cp, endp, base);
}
