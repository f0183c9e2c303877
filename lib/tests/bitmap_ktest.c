// SPDX-License-Identifier: GPL-2.0
/*
 * CPU lists and masks, parsed and printed as Linux's lib/bitmap.c and
 * %*pb / %*pbl do (taskset -c, /proc/irq/N/smp_affinity{,_list}).
 */
#include <irqlab/ktest.h>
#include <irqlab/bitmap.h>
#include <irqlab/errno.h>
#include <irqlab/string.h>

static void test_parselist(struct ktest *t)
{
	unsigned long m = 0xdead;

	KTEST_EXPECT_EQ(t, bitmap_parselist("0-2,5", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0x27);
	KTEST_EXPECT_EQ(t, bitmap_parselist("3\n", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0x8);
	KTEST_EXPECT_EQ(t, bitmap_parselist("63", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 1UL << 63);
	/* Linux's extras: groups, N for the last bit, loose separators. */
	KTEST_EXPECT_EQ(t, bitmap_parselist("0-15:2/4", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0x3333);
	/* Huge groups do not wrap: the whole range, as Linux's. */
	KTEST_EXPECT_EQ(t, bitmap_parselist("3-5:4294967295/4294967295", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0x38);
	KTEST_EXPECT_EQ(t, bitmap_parselist("N", &m, 4), 0);
	KTEST_EXPECT_EQ(t, m, 0x8);
	KTEST_EXPECT_EQ(t, bitmap_parselist("1-N", &m, 4), 0);
	KTEST_EXPECT_EQ(t, m, 0xe);
	KTEST_EXPECT_EQ(t, bitmap_parselist(" 1, 3 ,\n", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0xa);
	/* Nothing is an empty list, which the caller may refuse. */
	KTEST_EXPECT_EQ(t, bitmap_parselist("\n", &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0);
}

static void test_parselist_errors(struct ktest *t)
{
	unsigned long m = 0x5;

	KTEST_EXPECT_EQ(t, bitmap_parselist("2-1", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("a", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("1x", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("1-", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("0-7:3/2", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("0-7:1/0", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("0-7:1", &m, 64), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parselist("4", &m, 4), -ERANGE);
	KTEST_EXPECT_EQ(t, bitmap_parselist("1-4", &m, 4), -ERANGE);
	KTEST_EXPECT_EQ(t, bitmap_parselist("99999999999", &m, 64), -EOVERFLOW);
	KTEST_EXPECT_EQ(t, m, 0x5);	/* untouched on error */
}

static void test_parse_mask(struct ktest *t)
{
	unsigned long m = 0xdead;

	KTEST_EXPECT_EQ(t, bitmap_parse("3\n", 2, &m, 2), 0);
	KTEST_EXPECT_EQ(t, m, 3);
	KTEST_EXPECT_EQ(t, bitmap_parse("0f", 2, &m, 4), 0);
	KTEST_EXPECT_EQ(t, m, 0xf);
	KTEST_EXPECT_EQ(t, bitmap_parse("1,00000002", 10, &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0x100000002UL);
	KTEST_EXPECT_EQ(t, bitmap_parse("  A ", 4, &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0xa);
	/* Only buflen bytes are read. */
	KTEST_EXPECT_EQ(t, bitmap_parse("12", 1, &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 1);
	KTEST_EXPECT_EQ(t, bitmap_parse("", 0, &m, 64), 0);
	KTEST_EXPECT_EQ(t, m, 0);
}

static void test_parse_mask_errors(struct ktest *t)
{
	unsigned long m = 0x5;

	KTEST_EXPECT_EQ(t, bitmap_parse("g", 1, &m, 4), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parse("0x3", 3, &m, 4), -EINVAL);
	KTEST_EXPECT_EQ(t, bitmap_parse("4", 1, &m, 2), -EOVERFLOW);
	KTEST_EXPECT_EQ(t, bitmap_parse("1,0", 3, &m, 4), -EOVERFLOW);
	KTEST_EXPECT_EQ(t, bitmap_parse("100000000", 9, &m, 64), -EOVERFLOW);
	KTEST_EXPECT_EQ(t, m, 0x5);
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

	bitmap_print_mask(buf, sizeof(buf), 0x3, 2);
	KTEST_EXPECT_STREQ(t, buf, "3");
	bitmap_print_mask(buf, sizeof(buf), 0x1, 4);
	KTEST_EXPECT_STREQ(t, buf, "1");
	bitmap_print_mask(buf, sizeof(buf), 0x1, 12);
	KTEST_EXPECT_STREQ(t, buf, "001");
	bitmap_print_mask(buf, sizeof(buf), 0, 4);
	KTEST_EXPECT_STREQ(t, buf, "0");
	bitmap_print_mask(buf, sizeof(buf), 0x100000002UL, 40);
	KTEST_EXPECT_STREQ(t, buf, "01,00000002");
	bitmap_print_mask(buf, sizeof(buf), ~0UL, 64);
	KTEST_EXPECT_STREQ(t, buf, "ffffffff,ffffffff");
}

/* What one form prints, the other reads back. */
static void test_round_trip(struct ktest *t)
{
	static const unsigned long masks[] = { 1, 0x3, 0xf0f0, 0x8000000000000001UL };
	char buf[200];
	unsigned long m;
	size_t i;

	for (i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
		bitmap_print_mask(buf, sizeof(buf), masks[i], 64);
		KTEST_EXPECT_EQ(t, bitmap_parse(buf, strlen(buf), &m, 64), 0);
		KTEST_EXPECT_EQ(t, m, masks[i]);
		bitmap_print_list(buf, sizeof(buf), masks[i]);
		KTEST_EXPECT_EQ(t, bitmap_parselist(buf, &m, 64), 0);
		KTEST_EXPECT_EQ(t, m, masks[i]);
	}
}

static const struct ktest_case bitmap_cases[] = {
	KTEST_CASE(test_parselist),
	KTEST_CASE(test_parselist_errors),
	KTEST_CASE(test_parse_mask),
	KTEST_CASE(test_parse_mask_errors),
	KTEST_CASE(test_print),
	KTEST_CASE(test_round_trip),
	{}
};
KTEST_SUITE(bitmap, bitmap_cases);
