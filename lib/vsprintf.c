// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf() and friends.
 *
 * Integer conversions follow C99 to the letter, since the host tests hold
 * them against the C library.  The rest follows Linux: %p is %px, %s of
 * NULL is "(null)" (cut by a precision like any string), widths and
 * precisions are clamped to Linux's limits and an unknown conversion ends
 * the output, because the arguments after it can no longer be found.
 */
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/ctype.h>
#include <irqlab/compiler.h>

#define ZEROPAD	0x01	/* '0': pad with zeros after sign and prefix */
#define SIGN	0x02	/* signed conversion */
#define PLUS	0x04	/* '+': show the sign of non-negative numbers */
#define SPACE	0x08	/* ' ': a space where a '+' would go */
#define LEFT	0x10	/* '-': pad on the right */
#define SMALL	0x20	/* lowercase hex digits and "0x" */
#define SPECIAL	0x40	/* '#': alternate form, "0x" or a leading 0 */

/* Linux's limits, keeping absurd sizes from running for minutes. */
#define FIELD_WIDTH_MAX	((1 << 23) - 1)
#define PRECISION_MAX	((1 << 15) - 1)

enum length_qualifier {
	QUAL_NONE,
	QUAL_HH,
	QUAL_H,
	QUAL_L,
	QUAL_LL,
	QUAL_Z,
	QUAL_T,
	QUAL_J,
};

struct printf_spec {
	unsigned int flags;
	unsigned int base;
	int field_width;	/* -1 if none given */
	int precision;		/* -1 if none given */
};

/* The output so far: len counts every character, stored or cut off. */
struct printf_out {
	char *buf;
	size_t size;
	size_t len;
};

static void emit(struct printf_out *out, char c)
{
	if (out->len < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void emit_pad(struct printf_out *out, char c, int n)
{
	while (n-- > 0)
		emit(out, c);
}

static void number(struct printf_out *out, unsigned long long num,
		   bool negative, struct printf_spec spec)
{
	const char *digit_chars = spec.flags & SMALL ? "0123456789abcdef" :
						       "0123456789ABCDEF";
	char digits[22];	/* 64 bits in octal */
	const char *prefix = "";
	char sign = '\0';
	int ndigits = 0, nzeros, npad;
	bool nonzero = num != 0;

	if (spec.flags & SIGN) {
		if (negative)
			sign = '-';
		else if (spec.flags & PLUS)
			sign = '+';
		else if (spec.flags & SPACE)
			sign = ' ';
	}

	/* C99: zero with a precision of zero has no digits at all. */
	if (num || spec.precision != 0) {
		do {
			digits[ndigits++] = digit_chars[num % spec.base];
			num /= spec.base;
		} while (num);
	}

	nzeros = spec.precision > ndigits ? spec.precision - ndigits : 0;
	if (spec.flags & SPECIAL) {
		if (spec.base == 16 && nonzero)
			prefix = spec.flags & SMALL ? "0x" : "0X";
		/* Octal '#' adds a leading 0 only if there is none yet. */
		if (spec.base == 8 && !nzeros &&
		    (!ndigits || digits[ndigits - 1] != '0'))
			nzeros = 1;
	}

	npad = spec.field_width - !!sign - (int)strlen(prefix) - nzeros -
	       ndigits;
	/* C99: '-' overrides '0', and so does a precision. */
	if ((spec.flags & (ZEROPAD | LEFT)) == ZEROPAD &&
	    spec.precision < 0 && npad > 0) {
		nzeros += npad;
		npad = 0;
	}

	if (!(spec.flags & LEFT))
		emit_pad(out, ' ', npad);
	if (sign)
		emit(out, sign);
	while (*prefix)
		emit(out, *prefix++);
	emit_pad(out, '0', nzeros);
	while (ndigits)
		emit(out, digits[--ndigits]);
	if (spec.flags & LEFT)
		emit_pad(out, ' ', npad);
}

static void string(struct printf_out *out, const char *s,
		   struct printf_spec spec)
{
	size_t len;
	int npad = 0;

	if (!s)
		s = "(null)";
	/* Never read past the precision: s need not be NUL-terminated. */
	len = strnlen(s, spec.precision < 0 ? (size_t)-1 :
					      (size_t)spec.precision);
	if (spec.field_width > 0 && (size_t)spec.field_width > len)
		npad = spec.field_width - (int)len;

	if (!(spec.flags & LEFT))
		emit_pad(out, ' ', npad);
	while (len--)
		emit(out, *s++);
	if (spec.flags & LEFT)
		emit_pad(out, ' ', npad);
}

static void character(struct printf_out *out, char c,
		      struct printf_spec spec)
{
	if (!(spec.flags & LEFT))
		emit_pad(out, ' ', spec.field_width - 1);
	emit(out, c);
	if (spec.flags & LEFT)
		emit_pad(out, ' ', spec.field_width - 1);
}

/* Linux's %px: all 16 digits unless a width says otherwise. */
static void pointer(struct printf_out *out, const void *ptr,
		    struct printf_spec spec)
{
	spec.flags |= SMALL;
	spec.flags &= ~SIGN;
	spec.base = 16;
	if (spec.field_width == -1) {
		spec.field_width = 2 * sizeof(ptr);
		spec.flags |= ZEROPAD;
	}
	number(out, (uintptr_t)ptr, false, spec);
}

/* Saturates rather than overflow; callers clamp the result. */
static int skip_atoi(const char **s)
{
	int n = 0;

	while (isdigit(**s)) {
		if (n <= FIELD_WIDTH_MAX)
			n = n * 10 + (**s - '0');
		(*s)++;
	}
	return n;
}

static unsigned int parse_flags(const char **fmt)
{
	unsigned int flags = 0;

	for (;; (*fmt)++) {
		switch (**fmt) {
		case '-':
			flags |= LEFT;
			break;
		case '+':
			flags |= PLUS;
			break;
		case ' ':
			flags |= SPACE;
			break;
		case '#':
			flags |= SPECIAL;
			break;
		case '0':
			flags |= ZEROPAD;
			break;
		default:
			return flags;
		}
	}
}

static enum length_qualifier parse_qualifier(const char **fmt)
{
	switch (*(*fmt)++) {
	case 'h':
		if (**fmt == 'h') {
			(*fmt)++;
			return QUAL_HH;
		}
		return QUAL_H;
	case 'l':
		if (**fmt == 'l') {
			(*fmt)++;
			return QUAL_LL;
		}
		return QUAL_L;
	case 'z':
		return QUAL_Z;
	case 't':
		return QUAL_T;
	case 'j':
		return QUAL_J;
	default:
		(*fmt)--;
		return QUAL_NONE;
	}
}

static void set_field_width(struct printf_spec *spec, int width)
{
	if (width < 0) {
		spec->flags |= LEFT;
		/* Negating INT_MIN would overflow; it is clamped anyway. */
		width = width < -FIELD_WIDTH_MAX ? FIELD_WIDTH_MAX : -width;
	}
	spec->field_width = min(width, FIELD_WIDTH_MAX);
}

static void set_precision(struct printf_spec *spec, int precision)
{
	/* C99: a negative precision is taken as if it were omitted. */
	spec->precision = precision < 0 ? -1 : min(precision, PRECISION_MAX);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct printf_out out = { .buf = buf, .size = size, .len = 0 };
	struct printf_spec spec;
	enum length_qualifier qual;
	unsigned long long num;
	bool negative;
	long long snum;

	/* As Linux: a size this large is a negative length gone wrong. */
	if (size > (size_t)__INT_MAX__)
		return 0;

	while (*fmt) {
		if (*fmt != '%') {
			emit(&out, *fmt++);
			continue;
		}
		fmt++;

		spec.flags = parse_flags(&fmt);
		spec.base = 10;
		spec.field_width = -1;
		spec.precision = -1;
		if (*fmt == '*') {
			fmt++;
			set_field_width(&spec, va_arg(args, int));
		} else if (isdigit(*fmt)) {
			set_field_width(&spec, skip_atoi(&fmt));
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				fmt++;
				set_precision(&spec, va_arg(args, int));
			} else {
				set_precision(&spec, skip_atoi(&fmt));
			}
		}
		qual = parse_qualifier(&fmt);

		switch (*fmt++) {
		case 'c':
			character(&out, (char)va_arg(args, int), spec);
			continue;
		case 's':
			string(&out, va_arg(args, const char *), spec);
			continue;
		case 'p':
			pointer(&out, va_arg(args, const void *), spec);
			/* Linux's extensions (%px, %pS...) all print raw. */
			while (isalnum(*fmt))
				fmt++;
			continue;
		case '%':
			emit(&out, '%');
			continue;
		case 'd':
		case 'i':
			spec.flags |= SIGN;
			break;
		case 'u':
			break;
		case 'o':
			spec.base = 8;
			break;
		case 'x':
			spec.flags |= SMALL;
			spec.base = 16;
			break;
		case 'X':
			spec.base = 16;
			break;
		default:
			goto out;
		}

		/* Narrow types are passed as int and converted back, as C99. */
		if (spec.flags & SIGN) {
			switch (qual) {
			case QUAL_HH:
				snum = (signed char)va_arg(args, int);
				break;
			case QUAL_H:
				snum = (short)va_arg(args, int);
				break;
			case QUAL_L:
				snum = va_arg(args, long);
				break;
			case QUAL_LL:
				snum = va_arg(args, long long);
				break;
			case QUAL_Z:
				snum = va_arg(args, ssize_t);
				break;
			case QUAL_T:
				snum = va_arg(args, ptrdiff_t);
				break;
			case QUAL_J:
				snum = va_arg(args, intmax_t);
				break;
			default:
				snum = va_arg(args, int);
				break;
			}
			negative = snum < 0;
			/* Negate as unsigned: -LLONG_MIN does not fit. */
			num = snum;
			if (negative)
				num = -num;
		} else {
			switch (qual) {
			case QUAL_HH:
				num = (unsigned char)va_arg(args, unsigned int);
				break;
			case QUAL_H:
				num = (unsigned short)va_arg(args,
							     unsigned int);
				break;
			case QUAL_L:
				num = va_arg(args, unsigned long);
				break;
			case QUAL_LL:
				num = va_arg(args, unsigned long long);
				break;
			case QUAL_Z:
				num = va_arg(args, size_t);
				break;
			case QUAL_T:
				num = (size_t)va_arg(args, ptrdiff_t);
				break;
			case QUAL_J:
				num = va_arg(args, uintmax_t);
				break;
			default:
				num = va_arg(args, unsigned int);
				break;
			}
			negative = false;
		}
		number(&out, num, negative, spec);
	}

out:
	if (size)
		buf[min(out.len, size - 1)] = '\0';
	return out.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int ret = vsnprintf(buf, size, fmt, args);

	if ((size_t)ret < size)
		return ret;
	return size ? size - 1 : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}

int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, __INT_MAX__, fmt, args);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vsprintf(buf, fmt, args);
	va_end(args);
	return ret;
}
