// SPDX-License-Identifier: GPL-2.0
/*
 * ktest suite "kstrtox": lib/kstrtox.c in the kernel.
 */
#include <irqlab/ktest.h>
#include <irqlab/kstrtox.h>
#include <irqlab/errno.h>

static void kstrtoull_bases_test(struct ktest *t)
{
	unsigned long long v;

	KTEST_EXPECT_EQ(t, kstrtoull("1234", 10, &v), 0);
	KTEST_EXPECT_EQ(t, v, 1234);
	KTEST_EXPECT_EQ(t, kstrtoull("0x1f", 0, &v), 0);
	KTEST_EXPECT_EQ(t, v, 31);
	KTEST_EXPECT_EQ(t, kstrtoull("0X1F", 16, &v), 0);
	KTEST_EXPECT_EQ(t, v, 31);
	KTEST_EXPECT_EQ(t, kstrtoull("1f", 16, &v), 0);
	KTEST_EXPECT_EQ(t, v, 31);
	KTEST_EXPECT_EQ(t, kstrtoull("0755", 0, &v), 0);
	KTEST_EXPECT_EQ(t, v, 493);
	KTEST_EXPECT_EQ(t, kstrtoull("0755", 10, &v), 0);
	KTEST_EXPECT_EQ(t, v, 755);
	KTEST_EXPECT_EQ(t, kstrtoull("101", 2, &v), 0);
	KTEST_EXPECT_EQ(t, v, 5);
	KTEST_EXPECT_EQ(t, kstrtoull("+7\n", 0, &v), 0);
	KTEST_EXPECT_EQ(t, v, 7);
}

static void kstrtoull_range_test(struct ktest *t)
{
	unsigned long long v = 42;

	KTEST_EXPECT_EQ(t, kstrtoull("18446744073709551615", 10, &v), 0);
	KTEST_EXPECT_TRUE(t, v == 0xffffffffffffffffULL);
	KTEST_EXPECT_EQ(t, kstrtoull("0xffffffffffffffff", 0, &v), 0);
	KTEST_EXPECT_TRUE(t, v == 0xffffffffffffffffULL);
	v = 42;
	KTEST_EXPECT_EQ(t, kstrtoull("18446744073709551616", 10, &v),
			-ERANGE);
	KTEST_EXPECT_EQ(t, kstrtoull("0x10000000000000000", 0, &v), -ERANGE);
	/* On error the result is left alone. */
	KTEST_EXPECT_EQ(t, v, 42);
}

static void kstrtoull_junk_test(struct ktest *t)
{
	unsigned long long v = 42;

	KTEST_EXPECT_EQ(t, kstrtoull("", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoull("\n", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoull(" 1", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoull("1 ", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoull("1\n\n", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoull("12z", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoull("-1", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoull("08", 0, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoull("0x", 0, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoull("0x", 16, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, v, 42);
}

static void kstrtoll_test(struct ktest *t)
{
	long long v = 42;

	KTEST_EXPECT_EQ(t, kstrtoll("-42", 10, &v), 0);
	KTEST_EXPECT_EQ(t, v, -42);
	KTEST_EXPECT_EQ(t, kstrtoll("-0x10", 0, &v), 0);
	KTEST_EXPECT_EQ(t, v, -16);
	KTEST_EXPECT_EQ(t, kstrtoll("9223372036854775807", 10, &v), 0);
	KTEST_EXPECT_EQ(t, v, 9223372036854775807LL);
	KTEST_EXPECT_EQ(t, kstrtoll("-9223372036854775808", 10, &v), 0);
	KTEST_EXPECT_EQ(t, v, -9223372036854775807LL - 1);
	v = 42;
	KTEST_EXPECT_EQ(t, kstrtoll("9223372036854775808", 10, &v), -ERANGE);
	KTEST_EXPECT_EQ(t, kstrtoll("-9223372036854775809", 10, &v),
			-ERANGE);
	KTEST_EXPECT_EQ(t, kstrtoll("--1", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, kstrtoll("-", 10, &v), -EINVAL);
	KTEST_EXPECT_EQ(t, v, 42);
}

static void kstrto_narrow_test(struct ktest *t)
{
	unsigned int u = 7;
	unsigned long ul;
	long l;
	int i = 7;

	KTEST_EXPECT_EQ(t, kstrtouint("4294967295", 10, &u), 0);
	KTEST_EXPECT_EQ(t, u, 4294967295U);
	KTEST_EXPECT_EQ(t, kstrtouint("4294967296", 10, &u), -ERANGE);
	KTEST_EXPECT_EQ(t, kstrtoint("2147483647", 10, &i), 0);
	KTEST_EXPECT_EQ(t, i, 2147483647);
	KTEST_EXPECT_EQ(t, kstrtoint("-2147483648", 10, &i), 0);
	KTEST_EXPECT_EQ(t, i, -2147483647 - 1);
	KTEST_EXPECT_EQ(t, kstrtoint("2147483648", 10, &i), -ERANGE);
	KTEST_EXPECT_EQ(t, kstrtoint("-2147483649", 10, &i), -ERANGE);
	KTEST_EXPECT_EQ(t, i, -2147483647 - 1);
	KTEST_EXPECT_EQ(t, kstrtoul("0x100000000", 0, &ul), 0);
	KTEST_EXPECT_EQ(t, ul, 0x100000000UL);
	KTEST_EXPECT_EQ(t, kstrtol("-100\n", 10, &l), 0);
	KTEST_EXPECT_EQ(t, l, -100);
}

static void simple_strtoull_test(struct ktest *t)
{
	const char *s = "0x1fz";
	char *end;

	KTEST_EXPECT_EQ(t, simple_strtoull(s, &end, 0), 31);
	KTEST_EXPECT_EQ(t, end, s + 4);
	s = "640k";
	KTEST_EXPECT_EQ(t, simple_strtoul(s, &end, 10), 640);
	KTEST_EXPECT_EQ(t, *end, 'k');
	/* No digits: 0, and end is where it started. */
	s = "x1";
	KTEST_EXPECT_EQ(t, simple_strtoull(s, &end, 10), 0);
	KTEST_EXPECT_EQ(t, end, s);
	s = "0777,";
	KTEST_EXPECT_EQ(t, simple_strtoull(s, &end, 0), 511);
	KTEST_EXPECT_EQ(t, *end, ',');
	KTEST_EXPECT_EQ(t, simple_strtoll("-12", NULL, 10), -12);
}

static const struct ktest_case kstrtox_cases[] = {
	KTEST_CASE(kstrtoull_bases_test),
	KTEST_CASE(kstrtoull_range_test),
	KTEST_CASE(kstrtoull_junk_test),
	KTEST_CASE(kstrtoll_test),
	KTEST_CASE(kstrto_narrow_test),
	KTEST_CASE(simple_strtoull_test),
	{}
};

KTEST_SUITE(kstrtox, kstrtox_cases);
