// SPDX-License-Identifier: GPL-2.0
/* printk stores what it prints, stamped, and dmesg gives it back. */
#include <irqlab/ktest.h>
#include <irqlab/printk.h>
#include <irqlab/ctype.h>

static char captured[64 * 1024 + 1];

static const char *dmesg_find(const char *needle)
{
	log_buf_copy(captured, sizeof(captured));
	return strstr(captured, needle);
}

/* "[    1.234567] " : the timestamp format Linux's dmesg shows. */
static bool stamped(const char *line)
{
	int i = 1;

	if (line[0] != '[')
		return false;
	while (line[i] == ' ')
		i++;
	if (!isdigit(line[i]))
		return false;
	while (isdigit(line[i]))
		i++;
	if (line[i++] != '.')
		return false;
	for (int d = 0; d < 6; d++)
		if (!isdigit(line[i++]))
			return false;
	return line[i] == ']' && line[i + 1] == ' ';
}

static void test_logged_with_timestamp(struct ktest *t)
{
	const char *hit, *line;

	pr_info("printk-ktest: marker %d\n", 4711);
	hit = dmesg_find("printk-ktest: marker 4711\n");
	KTEST_ASSERT_NOT_NULL(t, hit);
	line = hit;
	while (line > captured && line[-1] != '\n')
		line--;
	KTEST_EXPECT_TRUE(t, stamped(line));
	KTEST_EXPECT_EQ(t, hit - line, 15);	/* "[%5lu.%06lu] " */
}

static void test_continuation(struct ktest *t)
{
	pr_info("printk-ktest: cont");
	pr_cont(" one");
	pr_cont(" two\n");
	KTEST_EXPECT_NOT_NULL(t, dmesg_find("printk-ktest: cont one two\n"));
}

/* Every line in the log starts with a timestamp. */
static void test_all_lines_stamped(struct ktest *t)
{
	const char *p;
	int lines = 0, bad = 0;

	dmesg_find("");
	for (p = captured; *p; p = strchr(p, '\n') + 1) {
		lines++;
		bad += !stamped(p);
		if (!strchr(p, '\n'))
			break;
	}
	KTEST_EXPECT_GT(t, lines, 5);
	KTEST_EXPECT_EQ(t, bad, 0);
}

static const struct ktest_case printk_cases[] = {
	KTEST_CASE(test_logged_with_timestamp),
	KTEST_CASE(test_continuation),
	KTEST_CASE(test_all_lines_stamped),
	{}
};
KTEST_SUITE(printk, printk_cases);
