// SPDX-License-Identifier: GPL-2.0
/*
 * ktest suite "vsprintf": lib/vsprintf.c in the kernel, against outputs
 * written out by hand.
 */
#include <irqlab/ktest.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>

/* Formats into a fresh buffer and checks the text and the return value. */
#define EXPECT_FMT(t, expected, fmt, ...)				\
	do {								\
		char __buf[64];						\
		int __ret;						\
									\
		__ret = snprintf(__buf, sizeof(__buf), fmt, ##__VA_ARGS__); \
		KTEST_EXPECT_STREQ(t, __buf, expected);			\
		KTEST_EXPECT_EQ(t, __ret, strlen(expected));		\
	} while (0)

/*
 * Hides a format from gcc, whose checks reject the misuses tested on
 * purpose here.
 */
static const char *opaque(const char *s)
{
	const char *volatile v = s;

	return v;
}

static void integer_test(struct ktest *t)
{
	EXPECT_FMT(t, "42", "%d", 42);
	EXPECT_FMT(t, "-42", "%i", -42);
	EXPECT_FMT(t, "4294967295", "%u", 0xffffffffU);
	EXPECT_FMT(t, "ff FF 377", "%x %X %o", 255, 255, 255);
	EXPECT_FMT(t, "-9223372036854775808", "%lld",
		   -9223372036854775807LL - 1);
	EXPECT_FMT(t, "18446744073709551615", "%llu", ~0ULL);
	EXPECT_FMT(t, "ffffffffffffffff", "%lx", ~0UL);
	EXPECT_FMT(t, "123 -4 5", "%zu %td %jd", (size_t)123, (ptrdiff_t)-4,
		   (intmax_t)5);
	/* hh and h narrow what was passed as int. */
	EXPECT_FMT(t, "-1 44 -32768", "%hhd %hhu %hd", 255, 300, 32768);
}

static void flags_width_precision_test(struct ktest *t)
{
	EXPECT_FMT(t, "[   42|42   |00042]", "[%5d|%-5d|%05d]", 42, 42, 42);
	EXPECT_FMT(t, "[-0042|+42| 42]", "[%05d|%+d|% d]", -42, 42, 42);
	/* A precision turns '0' off, as C99 says. */
	EXPECT_FMT(t, "[  042]", opaque("[%05.3d]"), 42);
	EXPECT_FMT(t, "[0x2a|0X2A|052|0]", "[%#x|%#X|%#o|%#x]", 42, 42, 42,
		   0);
	EXPECT_FMT(t, "[0x002a]", "[%#06x]", 42);
	EXPECT_FMT(t, "[]", "[%.0d]", 0);
	EXPECT_FMT(t, "[   7|7   |007]", "[%*d|%*d|%.*d]", 4, 7, -4, 7, 3, 7);
}

static void char_string_test(struct ktest *t)
{
	EXPECT_FMT(t, "abc     |", "%-8.3s|", "abcdef");
	EXPECT_FMT(t, "[  hi|hi  |h]", "[%4s|%-4s|%.1s]", "hi", "hi", "hi");
	EXPECT_FMT(t, "[  x|x  ]", "[%3c|%-3c]", 'x', 'x');
	EXPECT_FMT(t, "(null)", "%s", opaque(NULL));
	EXPECT_FMT(t, "(nu", "%.3s", opaque(NULL));
	EXPECT_FMT(t, "100%", "100%%");
}

static void pointer_test(struct ktest *t)
{
	EXPECT_FMT(t, "ffffffff80001000", "%p", (void *)0xffffffff80001000UL);
	EXPECT_FMT(t, "00000000000b8000", "%px", (void *)0xb8000UL);
	EXPECT_FMT(t, "0000000000000000", "%p", NULL);
	EXPECT_FMT(t, "[    1234]", "[%8p]", (void *)0x1234UL);
}

static void truncation_test(struct ktest *t)
{
	char buf[8];

	memset(buf, 'Q', sizeof(buf));
	KTEST_EXPECT_EQ(t, snprintf(buf, 0, "hello"), 5);
	KTEST_EXPECT_EQ(t, buf[0], 'Q');
	KTEST_EXPECT_EQ(t, snprintf(NULL, 0, "%d", 12345), 5);

	KTEST_EXPECT_EQ(t, snprintf(buf, 4, "hello"), 5);
	KTEST_EXPECT_STREQ(t, buf, "hel");
	KTEST_EXPECT_EQ(t, buf[4], 'Q');
	KTEST_EXPECT_EQ(t, snprintf(buf, 6, "hello"), 5);
	KTEST_EXPECT_STREQ(t, buf, "hello");
	KTEST_EXPECT_EQ(t, snprintf(buf, 1, "hello"), 5);
	KTEST_EXPECT_STREQ(t, buf, "");
}

static void scnprintf_test(struct ktest *t)
{
	char buf[16];
	int len = 0;

	KTEST_EXPECT_EQ(t, scnprintf(buf, 0, "hello"), 0);
	KTEST_EXPECT_EQ(t, scnprintf(buf, 4, "hello"), 3);
	KTEST_EXPECT_EQ(t, scnprintf(buf, 6, "hello"), 5);
	KTEST_EXPECT_EQ(t, scnprintf(buf, 1, "hello"), 0);

	/* Appending without checking each step stays inside buf. */
	len += scnprintf(buf + len, sizeof(buf) - len, "%s", "0123456789");
	len += scnprintf(buf + len, sizeof(buf) - len, "%s", "abcdefgh");
	len += scnprintf(buf + len, sizeof(buf) - len, "%d", 99);
	KTEST_EXPECT_EQ(t, len, 15);
	KTEST_EXPECT_STREQ(t, buf, "0123456789abcde");

	KTEST_EXPECT_EQ(t, sprintf(buf, "%s-%u", "irq", 14U), 6);
	KTEST_EXPECT_STREQ(t, buf, "irq-14");
}

static void invalid_conversion_test(struct ktest *t)
{
	char buf[16];

	/* Linux stops at what it cannot parse: the arguments are lost. */
	KTEST_EXPECT_EQ(t, snprintf(buf, sizeof(buf), opaque("ab%yc%d"), 5),
			2);
	KTEST_EXPECT_STREQ(t, buf, "ab");
	KTEST_EXPECT_EQ(t, snprintf(buf, sizeof(buf), opaque("x%")), 1);
	KTEST_EXPECT_STREQ(t, buf, "x");
}

static const struct ktest_case vsprintf_cases[] = {
	KTEST_CASE(integer_test),
	KTEST_CASE(flags_width_precision_test),
	KTEST_CASE(char_string_test),
	KTEST_CASE(pointer_test),
	KTEST_CASE(truncation_test),
	KTEST_CASE(scnprintf_test),
	KTEST_CASE(invalid_conversion_test),
	{}
};

KTEST_SUITE(vsprintf, vsprintf_cases);
