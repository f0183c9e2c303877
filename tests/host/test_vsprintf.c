// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/vsprintf.c.  Everything C99 defines is held against
 * the C library's vsnprintf(): return value and every byte of the buffer,
 * including those past the NUL, which must be left alone.  Linux's own
 * behaviour (%p, NULL strings, unknown conversions) is checked against
 * literal expectations.
 */
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/compiler.h>

#include "check.h"

#define BUF_SIZE	320
#define POISON		0xa5

/* Linux's clamp on field widths, see lib/vsprintf.c. */
#define FIELD_WIDTH_MAX	((1 << 23) - 1)

static unsigned long combo_count;

/*
 * Formats fmt with both implementations into a full-size buffer and, if
 * sizes is set, into every buffer size from 0 to one past the output,
 * checking vscnprintf() there too.  note names the arguments.
 */
static bool vcheck_fmt(const char *file, int line, bool sizes,
		       const char *note, const char *fmt, va_list ap)
{
	char got[BUF_SIZE], want[BUF_SIZE], what[BUF_SIZE];
	int rgot, rwant, full;
	size_t size;
	va_list a1, a2;
	bool ok;

	memset(got, POISON, sizeof(got));
	memset(want, POISON, sizeof(want));
	va_copy(a1, ap);
	va_copy(a2, ap);
	rgot = vsnprintf(got, sizeof(got), fmt, a1);
	rwant = ref_vsnprintf(want, sizeof(want), fmt, a2);
	va_end(a1);
	va_end(a2);
	ref_snprintf(what, sizeof(what), "vsnprintf(\"%s\"%s%s)", fmt,
		     note ? ", " : "", note ? note : "");
	ok = check_output(file, line, what, got, rgot, want, rwant,
			  sizeof(got));
	if (!ok || !sizes)
		return ok;

	full = rwant;
	for (size = 0; size <= (size_t)full + 1 && ok; size++) {
		memset(got, POISON, sizeof(got));
		memset(want, POISON, sizeof(want));
		va_copy(a1, ap);
		va_copy(a2, ap);
		rgot = vsnprintf(got, size, fmt, a1);
		rwant = ref_vsnprintf(want, size, fmt, a2);
		va_end(a1);
		va_end(a2);
		ref_snprintf(what, sizeof(what),
			     "vsnprintf(size %zu, \"%s\"%s%s)", size, fmt,
			     note ? ", " : "", note ? note : "");
		ok = check_output(file, line, what, got, rgot, want, rwant,
				  sizeof(got));

		/* scnprintf: what was stored, not what was wanted. */
		memset(got, POISON, sizeof(got));
		va_copy(a1, ap);
		rgot = vscnprintf(got, size, fmt, a1);
		va_end(a1);
		rwant = size ? min((size_t)full, size - 1) : 0;
		ref_snprintf(what, sizeof(what),
			     "vscnprintf(size %zu, \"%s\")", size, fmt);
		ok = check_output(file, line, what, got, rgot, want, rwant,
				  sizeof(got)) && ok;
	}

	/* The classic way to ask for the length. */
	va_copy(a1, ap);
	rgot = vsnprintf(NULL, 0, fmt, a1);
	va_end(a1);
	return CHECK_INT(rgot, full) && ok;
}

static bool __check_printf(5, 6) check_fmt(const char *file, int line,
					   bool sizes, const char *note,
					   const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = vcheck_fmt(file, line, sizes, note, fmt, ap);
	va_end(ap);
	return ok;
}

/* Against the C library: FMT at one size, FMT_SIZES at all of them. */
#define FMT(...)	check_fmt(__FILE__, __LINE__, false, NULL, __VA_ARGS__)
#define FMT_SIZES(...)	check_fmt(__FILE__, __LINE__, true, NULL, __VA_ARGS__)

/* Against a literal: the output and its length as the return value. */
static bool __check_printf(4, 5) expect_fmt(const char *file, int line,
					    const char *expected,
					    const char *fmt, ...)
{
	char got[BUF_SIZE], want[BUF_SIZE], what[BUF_SIZE];
	va_list ap;
	int ret;

	memset(got, POISON, sizeof(got));
	memset(want, POISON, sizeof(want));
	strscpy(want, expected, sizeof(want));
	va_start(ap, fmt);
	ret = vsnprintf(got, sizeof(got), fmt, ap);
	va_end(ap);
	ref_snprintf(what, sizeof(what), "vsnprintf(\"%s\")", fmt);
	return check_output(file, line, what, got, ret, want,
			    (int)strlen(expected), sizeof(got));
}

#define EXPECT(expected, ...) \
	expect_fmt(__FILE__, __LINE__, expected, __VA_ARGS__)

/* Integers at the edges of every type the length modifiers name. */
static const u64 int_values[] = {
	0, 1, 7, 8, 9, 10, 15, 16, 42, 127, 128, 255, 256, 1000, 32767,
	32768, 65535, 65536, 0x7fffffff, 0x80000000, 0xffffffff,
	0x100000000ULL, 0x123456789abcdefULL, 0x7fffffffffffffffULL,
	0x8000000000000000ULL, 0xffffffffffffffffULL, (u64)-42, (u64)-128,
	(u64)-129, (u64)-32768, (u64)-2147483648LL,
};

static const char *const widths[] = { "", "1", "6", "21", "*" };
static const int star_widths[] = { 9, -9 };
static const char *const precisions[] = {
	"", ".", ".0", ".1", ".4", ".22", ".*",
};
static const int star_precisions[] = { -1, 3 };
static const char *const lengths[] = {
	"", "hh", "h", "l", "ll", "z", "t", "j",
};
static const char convs[] = "diuxXo";

/* Passes v as the type the length modifier names, after any '*' ints. */
#define PASS_AS(type)							\
	do {								\
		type x = (type)v;					\
		if (nstar == 0)						\
			check_fmt(__FILE__, __LINE__, sizes, note, fmt, x); \
		else if (nstar == 1)					\
			check_fmt(__FILE__, __LINE__, sizes, note, fmt,	\
				  s1, x);				\
		else							\
			check_fmt(__FILE__, __LINE__, sizes, note, fmt,	\
				  s1, s2, x);				\
	} while (0)

static void check_int_combo(const char *fmt, const char *len, bool is_signed,
			    int nstar, int s1, int s2, u64 v, bool sizes)
{
	char note[96];

	if (nstar == 2)
		ref_snprintf(note, sizeof(note), "%d, %d, %#llx", s1, s2,
			     (unsigned long long)v);
	else if (nstar == 1)
		ref_snprintf(note, sizeof(note), "%d, %#llx", s1,
			     (unsigned long long)v);
	else
		ref_snprintf(note, sizeof(note), "%#llx",
			     (unsigned long long)v);
	combo_count++;
	/* Narrow types go as int, so that hh and h must narrow them. */
	if (!strcmp(len, "") || !strcmp(len, "hh") || !strcmp(len, "h")) {
		if (is_signed)
			PASS_AS(int);
		else
			PASS_AS(unsigned int);
	} else if (!strcmp(len, "l")) {
		if (is_signed)
			PASS_AS(long);
		else
			PASS_AS(unsigned long);
	} else if (!strcmp(len, "ll")) {
		if (is_signed)
			PASS_AS(long long);
		else
			PASS_AS(unsigned long long);
	} else if (!strcmp(len, "z")) {
		if (is_signed)
			PASS_AS(ssize_t);
		else
			PASS_AS(size_t);
	} else if (!strcmp(len, "t")) {
		PASS_AS(ptrdiff_t);
	} else {
		if (is_signed)
			PASS_AS(intmax_t);
		else
			PASS_AS(uintmax_t);
	}
}

/* Tries fmt with every value, and every '*' argument it asks for. */
static void check_int_format(const char *fmt, const char *len,
			     bool is_signed, bool star_width, bool star_prec)
{
	static unsigned long n;
	size_t nw = star_width ? ARRAY_SIZE(star_widths) : 1;
	size_t np = star_prec ? ARRAY_SIZE(star_precisions) : 1;
	size_t k, v;
	int nstar, s[2];

	for (k = 0; k < nw * np; k++) {
		nstar = 0;
		s[0] = s[1] = 0;
		if (star_width)
			s[nstar++] = star_widths[k / np];
		if (star_prec)
			s[nstar++] = star_precisions[k % np];
		for (v = 0; v < ARRAY_SIZE(int_values); v++)
			check_int_combo(fmt, len, is_signed, nstar, s[0], s[1],
					int_values[v], ++n % 97 == 0);
	}
}

/*
 * Every flag set x width x precision x length x conversion x value, over
 * two million formats; every 97th is also tried at every buffer size.
 */
static void test_int_matrix(void)
{
	const size_t nw = ARRAY_SIZE(widths), np = ARRAY_SIZE(precisions);
	const size_t nl = ARRAY_SIZE(lengths), nc = sizeof(convs) - 1;
	size_t i, flags, w, p, l, c;
	char fmt[64];

	for (i = 0; i < 32 * nw * np * nl * nc; i++) {
		c = i % nc;
		l = i / nc % nl;
		p = i / nc / nl % np;
		w = i / nc / nl / np % nw;
		flags = i / nc / nl / np / nw;
		snprintf(fmt, sizeof(fmt), "<%%%s%s%s%s%s%s%s%s%c>",
			 flags & 1 ? "-" : "", flags & 2 ? "0" : "",
			 flags & 4 ? "+" : "", flags & 8 ? " " : "",
			 flags & 16 ? "#" : "", widths[w], precisions[p],
			 lengths[l], convs[c]);
		/* The table is only as good as the formats it builds. */
		if (flags == 31 && w == 4 && p == 6 && l == 4 && c == 3)
			CHECK_STR(fmt, "<%-0+ #*.*llx>");
		check_int_format(fmt, lengths[l],
				 convs[c] == 'd' || convs[c] == 'i',
				 strchr(widths[w], '*'),
				 strchr(precisions[p], '*'));
	}
}

/*
 * Hides a value from gcc, whose format checks would otherwise reject the
 * very misuses these tests make on purpose.
 */
static const char *opaque(const char *s)
{
	const char *volatile v = s;

	return v;
}

static void test_int_literals(void)
{
	/* What the C99 rules above come to, spelt out. */
	EXPECT("[   42]", "[%5d]", 42);
	EXPECT("[42   ]", "[%-5d]", 42);
	EXPECT("[00042]", "[%05d]", 42);
	EXPECT("[-0042]", "[%05d]", -42);
	EXPECT("[  042]", opaque("[%05.3d]"), 42);
	EXPECT("[+42]", "[%+d]", 42);
	EXPECT("[ 42]", "[% d]", 42);
	EXPECT("[+42]", opaque("[%+ d]"), 42);
	EXPECT("[]", "[%.0d]", 0);
	EXPECT("[0]", "[%#.0o]", 0);
	EXPECT("[0]", "[%#x]", 0);
	EXPECT("[0x2a]", "[%#x]", 42);
	EXPECT("[0X2A]", "[%#X]", 42);
	EXPECT("[0x002a]", "[%#06x]", 42);
	EXPECT("[052]", "[%#o]", 42);
	EXPECT("[-9223372036854775808]", "[%lld]", LLONG_MIN);
	EXPECT("[18446744073709551615]", "[%llu]", ULLONG_MAX);
	EXPECT("[1777777777777777777777]", "[%llo]", ULLONG_MAX);
	EXPECT("[-1]", "[%hhd]", 255);
	EXPECT("[44]", "[%hhu]", 300);
	EXPECT("[-32768]", "[%hd]", 32768);
	EXPECT("[ffffffffffffffff]", "[%zx]", (size_t)-1);
	EXPECT("[-5]", "[%td]", (ptrdiff_t)-5);
	EXPECT("[-7]", "[%jd]", (intmax_t)-7);
	EXPECT("[7   ]", "[%*d]", -4, 7);
	EXPECT("[7   ]", "[%-*d]", 4, 7);
	EXPECT("[7]", "[%.*d]", -3, 7);
}

static const int char_stars[] = { 6, -6, 0 };

static void test_chars(void)
{
	static const char *const fmts[] = {
		"<%c>", "<%1c>", "<%3c>", "<%-c>", "<%-1c>", "<%-3c>",
	};
	static const int chars[] = { 'a', ' ', '%', 0x7f, 0xe9, 0 };
	size_t f, i, k;

	for (i = 0; i < ARRAY_SIZE(chars); i++) {
		for (f = 0; f < ARRAY_SIZE(fmts); f++)
			FMT_SIZES(fmts[f], chars[i]);
		for (k = 0; k < ARRAY_SIZE(char_stars); k++)
			FMT_SIZES("<%*c>", char_stars[k], chars[i]);
	}

	EXPECT("[  x]", "[%3c]", 'x');
	EXPECT("[x  ]", "[%-3c]", 'x');
	/* A NUL from %c counts and is stored like any other character. */
	FMT_SIZES("a%cb", 0);
}

/* fmt has nstar '*'s, each taking a value from char_stars in turn. */
static void check_string_format(const char *fmt, int nstar, const char *s)
{
	const size_t n = ARRAY_SIZE(char_stars);
	size_t k;

	if (nstar == 0) {
		FMT_SIZES(fmt, s);
		return;
	}
	for (k = 0; k < (nstar == 2 ? n * n : n); k++) {
		if (nstar == 2)
			FMT_SIZES(fmt, char_stars[k / n], char_stars[k % n], s);
		else
			FMT_SIZES(fmt, char_stars[k], s);
	}
}

static void test_strings(void)
{
	static const char *const strs[] = {
		"", "a", "abc", "hello world", "tab\there", "\xe9t\xe9",
	};
	static const char *const sflags[] = { "", "-" };
	static const char *const swidths[] = { "", "1", "3", "8", "*" };
	static const char *const sprecs[] = {
		"", ".", ".0", ".2", ".5", ".10", ".*",
	};
	const size_t nw = ARRAY_SIZE(swidths), np = ARRAY_SIZE(sprecs);
	size_t i, f, w, p, k;
	char fmt[32];
	int nstar;

	for (i = 0; i < ARRAY_SIZE(sflags) * nw * np; i++) {
		p = i % np;
		w = i / np % nw;
		f = i / np / nw;
		snprintf(fmt, sizeof(fmt), "<%%%s%s%ss>", sflags[f],
			 swidths[w], sprecs[p]);
		nstar = !!strchr(swidths[w], '*') + !!strchr(sprecs[p], '*');
		for (k = 0; k < ARRAY_SIZE(strs); k++)
			check_string_format(fmt, nstar, strs[k]);
	}

	EXPECT("abc     |", "%-8.3s|", "abcdef");
	EXPECT("[   ab]", "[%*.*s]", 5, 2, "abcdef");
}

static void test_precision_bounds_string(void)
{
	/* Not terminated: a precision must stop the read (ASan watches). */
	static const char raw[3] = { 'x', 'y', 'z' };

	EXPECT("xyz", "%.3s", raw);
	EXPECT("xy", "%.*s", 2, raw);
	EXPECT("  xyz", "%5.3s", raw);
}

static void test_mixed(void)
{
	FMT_SIZES("%s=%d (%#x)\n", "irq", 14, 14);
	FMT_SIZES("[%5s|%-5s|%05d|%-+5d]", "ab", "cd", -12, 34);
	FMT_SIZES("%c%c%c%%%d", 'x', 'y', 'z', 99);
	FMT_SIZES("%%");
	FMT_SIZES("100%%");
	FMT_SIZES("%%d %d", 5);
	FMT_SIZES("no conversions at all");
	FMT_SIZES("%lu.%02lu%s", 3UL, 7UL, "s");
	FMT_SIZES("%hhx:%hhx:%hhx", 0x1ab, 0xcd, -1);
	FMT_SIZES("%s", "");
	FMT_SIZES("%s%s", "", "x");
	FMT_SIZES("%-10s|%10.4s|%.0s|%c", "left", "right-cut", "gone", '!');
	FMT_SIZES("%d %i %u %o %x %X", -1, -2, 3U, 8U, 255U, 255U);
	FMT_SIZES("%lld %llu %llx", LLONG_MIN, ULLONG_MAX, 0x1234ULL);
	FMT_SIZES("%zu %zd %td %jd %ju", (size_t)123, (ssize_t)-123,
		  (ptrdiff_t)-4, (intmax_t)INT64_MIN, (uintmax_t)UINT64_MAX);
	FMT_SIZES("%*d|%-*d|%.*d|%*.*d", 5, 1, 5, 2, 3, 3, 6, 4, -5);
}

static void test_pointer(void)
{
	void *p = (void *)0xffffffff81000000UL;
	const char *fmt;

	/* Linux's %px: 16 lowercase digits, no "0x". */
	EXPECT("ffffffff81000000", "%p", p);
	EXPECT("ffffffff81000000", "%px", p);
	EXPECT("00000000deadbeef", "%p", (void *)0xdeadbeefUL);
	EXPECT("0000000000000000", "%p", NULL);
	EXPECT("[0000000000001234]", "[%px]", (void *)0x1234);
	/* Linux's extension letters are skipped: they all print raw. */
	EXPECT("0000000000001234 ", "%pS ", (void *)0x1234);
	EXPECT("0000000000001234-", "%pK-", (void *)0x1234);
	/* With a width, the digits are not padded to 16, as Linux. */
	EXPECT("[              1234]", "[%18p]", (void *)0x1234);
	EXPECT("[1234              ]", "[%-18p]", (void *)0x1234);
	/* '-' without a width still pads to 16, with spaces on the right. */
	EXPECT("[1234            ]", "[%-p]", (void *)0x1234);
	fmt = opaque("[%020p]");
	EXPECT("[00000000000000001234]", fmt, (void *)0x1234);
	/* '#' adds "0x" inside the 16 columns, as Linux. */
	fmt = opaque("[%#p]");
	EXPECT("[0x00000000001234]", fmt, (void *)0x1234);

	/* The same digits as the C library's %lx. */
	{
		char want[32];
		unsigned long v;
		int i;

		for (i = 0, v = 1; i < 64; i++, v = v * 3 + 1) {
			ref_snprintf(want, sizeof(want), "%016lx", v);
			EXPECT(want, "%p", (void *)v);
			ref_snprintf(want, sizeof(want), "%24lx", v);
			EXPECT(want, "%24p", (void *)v);
		}
	}
}

static void test_linux_specific(void)
{
	const char *fmt;

	/* NULL strings are "(null)", cut by a precision like any other. */
	EXPECT("(null)", "%s", opaque(NULL));
	EXPECT("[  (null)]", "[%8s]", opaque(NULL));
	EXPECT("(nu", "%.3s", opaque(NULL));

	/* An unknown conversion ends the output: the args are lost. */
	fmt = opaque("ab%yc%d");
	EXPECT("ab", fmt, 5);
	fmt = opaque("ab%nc");
	EXPECT("ab", fmt, NULL);
	fmt = opaque("trailing %");
	EXPECT("trailing ", fmt, 0);
	fmt = opaque("%5%|");
	EXPECT("%|", fmt, 0);

	/* Width and precision are clamped as Linux does. */
	{
		char buf[8];

		fmt = opaque("%*d");
		CHECK_INT(snprintf(buf, sizeof(buf), fmt, INT_MIN, 1),
			  FIELD_WIDTH_MAX);
		CHECK_STR(buf, "1      ");
		CHECK_INT(snprintf(buf, sizeof(buf), fmt, INT_MAX, 1),
			  FIELD_WIDTH_MAX);
		CHECK_STR(buf, "       ");
		fmt = opaque("%99999999d");
		CHECK_INT(snprintf(buf, sizeof(buf), fmt, 1),
			  FIELD_WIDTH_MAX);
	}
}

static void test_return_values(void)
{
	char buf[16 + 8];
	int i;

	/* size 0 writes nothing, not even a NUL. */
	memset(buf, 'Q', sizeof(buf));
	CHECK_INT(snprintf(buf, 0, "hello"), 5);
	CHECK_INT(buf[0], 'Q');
	CHECK_INT(snprintf(NULL, 0, "%d", 12345), 5);
	CHECK_INT(scnprintf(buf, 0, "hello"), 0);
	CHECK_INT(buf[0], 'Q');
	CHECK_INT(scnprintf(NULL, 0, "hello"), 0);

	/* snprintf wants, scnprintf stores. */
	CHECK_INT(snprintf(buf, 4, "hello"), 5);
	CHECK_STR(buf, "hel");
	CHECK_INT(scnprintf(buf, 4, "hello"), 3);
	CHECK_STR(buf, "hel");
	CHECK_INT(scnprintf(buf, 6, "hello"), 5);
	CHECK_INT(scnprintf(buf, 5, "hello"), 4);
	CHECK_INT(scnprintf(buf, 1, "hello"), 0);
	CHECK_STR(buf, "");

	/* scnprintf lets output be appended without checking each step. */
	i = 0;
	i += scnprintf(buf + i, 16 - i, "%s", "0123456789");
	i += scnprintf(buf + i, 16 - i, "%s", "abcdefghij");
	i += scnprintf(buf + i, 16 - i, "%s", "more");
	CHECK_INT(i, 15);
	CHECK_STR(buf, "0123456789abcde");
	CHECK_INT(buf[16], 'Q');

	/* A size too big to be real is refused, as Linux. */
	memset(buf, 'Q', sizeof(buf));
	CHECK_INT(snprintf(buf, (size_t)INT_MAX + 1, "x"), 0);
	CHECK_INT(buf[0], 'Q');

	CHECK_INT(sprintf(buf, "%d-%s", 42, "x"), 4);
	CHECK_STR(buf, "42-x");
	CHECK_INT(buf[5], 'Q');
	CHECK_INT(sprintf(buf, "%s", ""), 0);
	CHECK_STR(buf, "");
}

void test_vsprintf(void)
{
	test_int_literals();
	test_chars();
	test_strings();
	test_precision_bounds_string();
	test_mixed();
	test_pointer();
	test_linux_specific();
	test_return_values();
	test_int_matrix();
	CHECK(combo_count > 1000000);
}
