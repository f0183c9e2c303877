// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/kstrtox.c: tables of Linux's documented behaviour, and
 * strtoull()/strtoll() as an oracle on the inputs both accept alike.
 */
#include <irqlab/kstrtox.h>
#include <irqlab/errno.h>
#include <irqlab/compiler.h>

#include "check.h"

/* What the conversion should return, and the value when that is 0. */
struct case_u {
	const char *s;
	unsigned int base;
	int ret;
	unsigned long long val;
};

struct case_s {
	const char *s;
	unsigned int base;
	int ret;
	long long val;
};

#define SENTINEL	0x5a5a5a5a5a5a5a5aULL

static const struct case_u ull_cases[] = {
	{ "0", 10, 0, 0 },
	{ "1", 10, 0, 1 },
	{ "+1", 10, 0, 1 },
	{ "123\n", 10, 0, 123 },
	{ "18446744073709551615", 10, 0, ULLONG_MAX },
	{ "18446744073709551615\n", 0, 0, ULLONG_MAX },
	{ "18446744073709551616", 10, -ERANGE, 0 },
	{ "99999999999999999999", 10, -ERANGE, 0 },
	{ "184467440737095516150", 10, -ERANGE, 0 },
	{ "0xffffffffffffffff", 16, 0, ULLONG_MAX },
	{ "0xffffffffffffffff", 0, 0, ULLONG_MAX },
	{ "0x10000000000000000", 0, -ERANGE, 0 },
	{ "1777777777777777777777", 8, 0, ULLONG_MAX },
	{ "01777777777777777777777", 0, 0, ULLONG_MAX },
	{ "2000000000000000000000", 8, -ERANGE, 0 },
	{ "0x1F", 0, 0, 0x1f },
	{ "0X1f", 0, 0, 0x1f },
	{ "1f", 16, 0, 0x1f },
	{ "0x1f", 16, 0, 0x1f },
	{ "DeadBeef", 16, 0, 0xdeadbeef },
	{ "017", 0, 0, 017 },
	{ "017", 10, 0, 17 },
	{ "0", 0, 0, 0 },
	{ "00", 0, 0, 0 },
	{ "08", 0, -EINVAL, 0 },
	{ "08", 10, 0, 8 },
	{ "0x", 0, -EINVAL, 0 },
	{ "0x", 16, -EINVAL, 0 },
	{ "0xg", 0, -EINVAL, 0 },
	{ "12", 2, -EINVAL, 0 },
	{ "1011", 2, 0, 11 },
	{ "", 10, -EINVAL, 0 },
	{ "\n", 10, -EINVAL, 0 },
	{ "+", 10, -EINVAL, 0 },
	{ "-1", 10, -EINVAL, 0 },
	{ "-0", 10, -EINVAL, 0 },
	{ "++1", 10, -EINVAL, 0 },
	{ " 1", 10, -EINVAL, 0 },
	{ "1 ", 10, -EINVAL, 0 },
	{ "1\n\n", 10, -EINVAL, 0 },
	{ "1\r", 10, -EINVAL, 0 },
	{ "12a", 10, -EINVAL, 0 },
	{ "1.5", 10, -EINVAL, 0 },
	{ "g", 16, -EINVAL, 0 },
	/* Overflow is reported before trailing junk, as in Linux. */
	{ "18446744073709551616x", 10, -ERANGE, 0 },
};

static const struct case_s ll_cases[] = {
	{ "0", 10, 0, 0 },
	{ "-0", 10, 0, 0 },
	{ "+5", 10, 0, 5 },
	{ "-5", 10, 0, -5 },
	{ "-5\n", 10, 0, -5 },
	{ "9223372036854775807", 10, 0, LLONG_MAX },
	{ "9223372036854775808", 10, -ERANGE, 0 },
	{ "-9223372036854775808", 10, 0, LLONG_MIN },
	{ "-9223372036854775809", 10, -ERANGE, 0 },
	{ "-18446744073709551615", 10, -ERANGE, 0 },
	{ "-18446744073709551616", 10, -ERANGE, 0 },
	{ "18446744073709551615", 10, -ERANGE, 0 },
	{ "-0x8000000000000000", 0, 0, LLONG_MIN },
	{ "0x7fffffffffffffff", 0, 0, LLONG_MAX },
	{ "-0x10", 16, 0, -16 },
	{ "-010", 0, 0, -8 },
	{ "-", 10, -EINVAL, 0 },
	{ "--1", 10, -EINVAL, 0 },
	{ "-+1", 10, -EINVAL, 0 },
	{ "+-1", 10, -EINVAL, 0 },
	{ "- 1", 10, -EINVAL, 0 },
	{ "", 0, -EINVAL, 0 },
	{ "-1x", 10, -EINVAL, 0 },
};

static const struct case_u uint_cases[] = {
	{ "4294967295", 10, 0, UINT_MAX },
	{ "4294967296", 10, -ERANGE, 0 },
	{ "0xffffffff", 0, 0, UINT_MAX },
	{ "0x100000000", 0, -ERANGE, 0 },
	{ "18446744073709551616", 10, -ERANGE, 0 },
	{ "-1", 10, -EINVAL, 0 },
	{ "+7\n", 10, 0, 7 },
	{ "x", 10, -EINVAL, 0 },
};

static const struct case_s int_cases[] = {
	{ "2147483647", 10, 0, INT_MAX },
	{ "2147483648", 10, -ERANGE, 0 },
	{ "-2147483648", 10, 0, INT_MIN },
	{ "-2147483649", 10, -ERANGE, 0 },
	{ "-0x80000000", 0, 0, INT_MIN },
	{ "0x80000000", 0, -ERANGE, 0 },
	{ "-9223372036854775808", 10, -ERANGE, 0 },
	{ "-9223372036854775809", 10, -ERANGE, 0 },
	{ "  1", 10, -EINVAL, 0 },
	{ "-12\n", 0, 0, -12 },
};

static void test_ull_table(void)
{
	unsigned long long ull;
	unsigned long ul;
	const struct case_u *c;
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(ull_cases); i++) {
		c = &ull_cases[i];
		ull = SENTINEL;
		ret = kstrtoull(c->s, c->base, &ull);
		if (!CHECK_INT(ret, c->ret) ||
		    !CHECK_UINT(ull, c->ret ? SENTINEL : c->val))
			check_fail(__FILE__, __LINE__,
				   "kstrtoull(\"%s\", %u)", c->s, c->base);

		/* unsigned long is long long here: the same answers. */
		ul = (unsigned long)SENTINEL;
		ret = kstrtoul(c->s, c->base, &ul);
		if (!CHECK_INT(ret, c->ret) ||
		    !CHECK_UINT(ul, c->ret ? (unsigned long)SENTINEL : c->val))
			check_fail(__FILE__, __LINE__,
				   "kstrtoul(\"%s\", %u)", c->s, c->base);
	}
}

static void test_ll_table(void)
{
	long long ll;
	long l;
	const struct case_s *c;
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(ll_cases); i++) {
		c = &ll_cases[i];
		ll = (long long)SENTINEL;
		ret = kstrtoll(c->s, c->base, &ll);
		if (!CHECK_INT(ret, c->ret) ||
		    !CHECK_INT(ll, c->ret ? (long long)SENTINEL : c->val))
			check_fail(__FILE__, __LINE__,
				   "kstrtoll(\"%s\", %u)", c->s, c->base);

		l = (long)SENTINEL;
		ret = kstrtol(c->s, c->base, &l);
		if (!CHECK_INT(ret, c->ret) ||
		    !CHECK_INT(l, c->ret ? (long)SENTINEL : c->val))
			check_fail(__FILE__, __LINE__,
				   "kstrtol(\"%s\", %u)", c->s, c->base);
	}
}

static void test_int_tables(void)
{
	const struct case_u *cu;
	const struct case_s *cs;
	unsigned int u;
	int v, ret;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(uint_cases); i++) {
		cu = &uint_cases[i];
		u = 0x5a5a5a5a;
		ret = kstrtouint(cu->s, cu->base, &u);
		if (!CHECK_INT(ret, cu->ret) ||
		    !CHECK_UINT(u, cu->ret ? 0x5a5a5a5a : cu->val))
			check_fail(__FILE__, __LINE__,
				   "kstrtouint(\"%s\", %u)", cu->s, cu->base);
	}
	for (i = 0; i < ARRAY_SIZE(int_cases); i++) {
		cs = &int_cases[i];
		v = 0x5a5a5a5a;
		ret = kstrtoint(cs->s, cs->base, &v);
		if (!CHECK_INT(ret, cs->ret) ||
		    !CHECK_INT(v, cs->ret ? 0x5a5a5a5a : cs->val))
			check_fail(__FILE__, __LINE__,
				   "kstrtoint(\"%s\", %u)", cs->s, cs->base);
	}
}

/*
 * Values printed by the C library in each base (and with each prefix base
 * 0 knows) must read back, and agree with strtoull()/strtoll().
 */
static void test_round_trip(void)
{
	static const char *const ufmts[] = { "%llu", "%llo", "%llx", "%llX" };
	static const unsigned int ubases[] = { 10, 8, 16, 16 };
	static const char *const zfmts[] = { "%llu", "0%llo", "0x%llx" };
	unsigned long long v, got, want;
	long long sv, sgot, swant;
	char buf[64];
	u64 seed = 0x9e3779b97f4a7c15ULL;
	int i, k, ret, err;

	for (i = 0; i < 2000; i++) {
		/* Powers of two and their neighbours, then random values. */
		if (i < 64 * 3)
			v = (1ULL << (i / 3)) + (i % 3) - 1;
		else
			v = seed = seed * 6364136223846793005ULL +
				   1442695040888963407ULL;
		v >>= (i % 7) * 9;

		for (k = 0; k < 4; k++) {
			ref_snprintf(buf, sizeof(buf), ufmts[k], v);
			want = ref_strtoull(buf, ubases[k], &err);
			ret = kstrtoull(buf, ubases[k], &got);
			if (!CHECK_INT(ret, -err) || !CHECK_UINT(got, want))
				check_fail(__FILE__, __LINE__, "\"%s\" base %u",
					   buf, ubases[k]);
		}
		for (k = 0; k < 3; k++) {
			ref_snprintf(buf, sizeof(buf), zfmts[k], v);
			ret = kstrtoull(buf, 0, &got);
			if (!CHECK_INT(ret, 0) || !CHECK_UINT(got, v))
				check_fail(__FILE__, __LINE__, "\"%s\" base 0",
					   buf);
		}

		sv = (long long)v;
		/* Negated as unsigned: -LLONG_MIN would overflow. */
		for (k = 0; k < 2; k++, sv = (long long)(0 - (u64)sv)) {
			ref_snprintf(buf, sizeof(buf), "%lld", sv);
			swant = ref_strtoll(buf, 10, &err);
			ret = kstrtoll(buf, 10, &sgot);
			if (!CHECK_INT(ret, -err) || !CHECK_INT(sgot, swant))
				check_fail(__FILE__, __LINE__, "\"%s\"", buf);
		}
	}
}

/* Numbers one past each bound, in decimal, as strtoull() sees them. */
static void test_oracle_bounds(void)
{
	static const char *const inputs[] = {
		"18446744073709551614", "18446744073709551615",
		"18446744073709551616", "18446744073709551617",
		"36893488147419103232", "9223372036854775807",
		"9223372036854775808", "000000000000000000000000000001",
	};
	unsigned long long got, want;
	size_t i;
	int ret, err;

	for (i = 0; i < ARRAY_SIZE(inputs); i++) {
		want = ref_strtoull(inputs[i], 10, &err);
		got = SENTINEL;
		ret = kstrtoull(inputs[i], 10, &got);
		CHECK_INT(ret, err == ERANGE ? -ERANGE : -err);
		if (!ret)
			CHECK_UINT(got, want);
	}
}

static void test_simple_strto(void)
{
	char *end;
	const char *s;

	s = "123abc";
	CHECK_UINT(simple_strtoull(s, &end, 10), 123);
	CHECK_PTR(end, s + 3);
	s = "0x1fz";
	CHECK_UINT(simple_strtoull(s, &end, 0), 0x1f);
	CHECK_PTR(end, s + 4);
	s = "0x1fz";
	CHECK_UINT(simple_strtoull(s, &end, 16), 0x1f);
	CHECK_PTR(end, s + 4);
	/* "0x" with no hex digit after it is an octal 0. */
	s = "0xg";
	CHECK_UINT(simple_strtoull(s, &end, 0), 0);
	CHECK_PTR(end, s + 1);
	s = "0777 rest";
	CHECK_UINT(simple_strtoull(s, &end, 0), 0777);
	CHECK_PTR(end, s + 4);
	/* No white space or sign is skipped. */
	s = " 12";
	CHECK_UINT(simple_strtoull(s, &end, 10), 0);
	CHECK_PTR(end, s);
	s = "-5";
	CHECK_UINT(simple_strtoull(s, &end, 10), 0);
	CHECK_PTR(end, s);
	s = "";
	CHECK_UINT(simple_strtoull(s, &end, 0), 0);
	CHECK_PTR(end, s);
	/* Wraps silently, but still stops after the digits. */
	s = "18446744073709551617,";
	CHECK_UINT(simple_strtoull(s, &end, 10), 1);
	CHECK_PTR(end, s + 20);
	CHECK_UINT(simple_strtoull("42", NULL, 10), 42);
	CHECK_UINT(simple_strtoul("4096k", &end, 10), 4096);
	CHECK_INT(*end, 'k');
	s = "-0x10,";
	CHECK_INT(simple_strtoll(s, &end, 0), -16);
	CHECK_PTR(end, s + 5);
	CHECK_INT(simple_strtol("-2147483648", NULL, 10), -2147483648L);
	CHECK_INT(simple_strtol("77", NULL, 8), 077);
}

void test_kstrtox(void)
{
	test_ull_table();
	test_ll_table();
	test_int_tables();
	test_round_trip();
	test_oracle_bounds();
	test_simple_strto();
}
