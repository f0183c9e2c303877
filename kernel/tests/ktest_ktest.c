// SPDX-License-Identifier: GPL-2.0
/*
 * The runner itself: what a case records decides its KTAP result line as
 * in KUnit.  Each test runs an inner, quiet case on a struct ktest of its
 * own and checks the line the runner would print for it.
 */
#include <irqlab/ktest.h>

static char line[160];

static const char *result_of(void (*body)(struct ktest *inner))
{
	struct ktest inner = {
		.name = "inner",
		.status = KTEST_PASS,
		.quiet = true,
	};

	body(&inner);
	ktest_result_line(line, sizeof(line), &inner, 1);
	return line;
}

static void passes(struct ktest *inner)
{
	KTEST_EXPECT_EQ(inner, 1, 1);
}

static void fails(struct ktest *inner)
{
	KTEST_EXPECT_EQ(inner, 1, 2);
}

static void skips(struct ktest *inner)
{
	ktest_skip(inner, "no such device");
}

static void fails_then_skips(struct ktest *inner)
{
	KTEST_EXPECT_EQ(inner, 1, 2);
	ktest_skip(inner, "no such device");
}

static void skips_then_fails(struct ktest *inner)
{
	ktest_skip(inner, "no such device");
	KTEST_EXPECT_TRUE(inner, false);
}

static void test_pass_is_ok(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, result_of(passes), "ok 1 inner");
}

static void test_fail_is_not_ok(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, result_of(fails), "not ok 1 inner");
}

static void test_skip_is_ok_skip(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, result_of(skips),
			   "ok 1 inner # SKIP no such device");
}

/* KUnit: a skip does not clear a failure already recorded. */
static void test_skip_keeps_failure(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, result_of(fails_then_skips), "not ok 1 inner");
}

static void test_failure_after_skip(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, result_of(skips_then_fails), "not ok 1 inner");
}

static const struct ktest_case ktest_cases[] = {
	KTEST_CASE(test_pass_is_ok),
	KTEST_CASE(test_fail_is_not_ok),
	KTEST_CASE(test_skip_is_ok_skip),
	KTEST_CASE(test_skip_keeps_failure),
	KTEST_CASE(test_failure_after_skip),
	{}
};
KTEST_SUITE(ktest, ktest_cases);
