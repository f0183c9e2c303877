// SPDX-License-Identifier: GPL-2.0
/* CPU-list parsing and printing, as taskset -c and smp_affinity_list use. */
#include <irqlab/ktest.h>
#include <irqlab/bitmap.h>
#include <irqlab/errno.h>

static void test_parse(struct ktest *t)
{
	unsigned long m = 0xdead;

	KTEST_EXPECT_EQ(t, bitmap_parselist("0-2,5", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0x27);
	KTEST_EXPECT_EQ(t, bitmap_parselist("3\n", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0x8);
	KTEST_EXPECT_EQ(t, bitmap_parselist("63", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 1UL << 63);
}

static void test_parse_errors(struct ktest *t)
{
	unsigned long m = 0x5;

	KTEST_EXPECT_EQ(t, bitmap_parselist("", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("2-1", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("1,", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("a", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("4", &m, 4), -ERANGE);
	KTEST_EXPECT_EQ(t, bitmap_parselist("99999999999", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, m, 0x5);	/* untouched on error */
}

static void test_print(struct ktest *t)
{
	char buf[64];

	bitmap_print_list(buf, sizeof(buf), 0x27);
	KTEST_EXPECT_STREQ(t, buf, "0-2,5");
	bitmap_print_list(buf, sizeof(buf), 0);
	KTEST_EXPECT_STREQ(t, buf, "");
	bitmap_print_list(buf, sizeof(buf), ~0UL);
	KTEST_EXPECT_STREQ(t, buf, "0-63");
	bitmap_print_list(buf, sizeof(buf), 0xa);
	KTEST_EXPECT_STREQ(t, buf, "1,3");
	/* Truncated, still terminated. */
	bitmap_print_list(buf, 4, 0x55);
	KTEST_EXPECT_STREQ(t, buf, "0,2");
}

static const struct ktest_case bitmap_cases[] = {
	KTEST_CASE(test_parse),
	KTEST_CASE(test_parse_errors),
	KTEST_CASE(test_print),
	{}
};
KTEST_SUITE(bitmap, bitmap_cases);
