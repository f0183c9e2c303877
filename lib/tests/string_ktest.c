// SPDX-License-Identifier: GPL-2.0
/*
 * ktest suite "string": lib/string.c and <irqlab/ctype.h> in the kernel,
 * where gcc's own calls to memcpy() and friends land on these.
 */
#include <irqlab/ktest.h>
#include <irqlab/string.h>
#include <irqlab/ctype.h>
#include <irqlab/errno.h>

static void memcpy_memset_test(struct ktest *t)
{
	u8 buf[40], src[32];
	unsigned int i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = i + 1;
	memset(buf, 0xaa, sizeof(buf));
	/* Unaligned on both sides, so both the word and byte paths run. */
	KTEST_EXPECT_EQ(t, memcpy(buf + 3, src + 1, 30), buf + 3);
	KTEST_EXPECT_EQ(t, buf[2], 0xaa);
	KTEST_EXPECT_EQ(t, buf[3], 2);
	KTEST_EXPECT_EQ(t, buf[32], 31);
	KTEST_EXPECT_EQ(t, buf[33], 0xaa);

	KTEST_EXPECT_EQ(t, memset(buf + 1, 0x1ff, 37), buf + 1);
	KTEST_EXPECT_EQ(t, buf[0], 0xaa);
	KTEST_EXPECT_EQ(t, buf[1], 0xff);
	KTEST_EXPECT_EQ(t, buf[37], 0xff);
	KTEST_EXPECT_EQ(t, buf[38], 0xaa);

	/* size 0 touches nothing. */
	memset(buf, 0, 0);
	memcpy(buf, src, 0);
	KTEST_EXPECT_EQ(t, buf[0], 0xaa);
}

static void memmove_overlap_test(struct ktest *t)
{
	char buf[16];

	strscpy(buf, "abcdefghij", sizeof(buf));
	memmove(buf + 2, buf, 8);	/* forward overlap: copy backwards */
	KTEST_EXPECT_STREQ(t, buf, "ababcdefgh");

	strscpy(buf, "abcdefghij", sizeof(buf));
	memmove(buf, buf + 3, 8);	/* backward overlap */
	KTEST_EXPECT_STREQ(t, buf, "defghij");

	strscpy(buf, "abc", sizeof(buf));
	KTEST_EXPECT_EQ(t, memmove(buf, buf, 4), buf);
	KTEST_EXPECT_STREQ(t, buf, "abc");
}

static void compare_test(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, strcmp("abc", "abc"), 0);
	KTEST_EXPECT_LT(t, strcmp("abc", "abd"), 0);
	KTEST_EXPECT_GT(t, strcmp("abc", "ab"), 0);
	/* Bytes compare as unsigned char. */
	KTEST_EXPECT_GT(t, strcmp("\xe9", "e"), 0);
	KTEST_EXPECT_EQ(t, strncmp("abcx", "abcy", 3), 0);
	KTEST_EXPECT_LT(t, strncmp("abcx", "abcy", 4), 0);
	KTEST_EXPECT_EQ(t, strncmp("a", "b", 0), 0);
	KTEST_EXPECT_EQ(t, memcmp("a\0b", "a\0b", 3), 0);
	KTEST_EXPECT_LT(t, memcmp("a\0b", "a\0c", 3), 0);
	KTEST_EXPECT_GT(t, memcmp("\x80", "\x7f", 1), 0);
}

static void search_test(struct ktest *t)
{
	const char *s = "mississippi";

	KTEST_EXPECT_EQ(t, strlen(s), 11);
	KTEST_EXPECT_EQ(t, strlen(""), 0);
	KTEST_EXPECT_EQ(t, strnlen(s, 4), 4);
	KTEST_EXPECT_EQ(t, strnlen(s, 40), 11);
	KTEST_EXPECT_EQ(t, strchr(s, 's'), s + 2);
	KTEST_EXPECT_EQ(t, strrchr(s, 's'), s + 6);
	KTEST_EXPECT_EQ(t, strchr(s, '\0'), s + 11);
	KTEST_EXPECT_NULL(t, strchr(s, 'z'));
	KTEST_EXPECT_EQ(t, strstr(s, "ssip"), s + 5);
	KTEST_EXPECT_EQ(t, strstr(s, ""), s);
	KTEST_EXPECT_NULL(t, strstr(s, "sipx"));
	KTEST_EXPECT_EQ(t, memchr(s, 'p', 11), s + 8);
	KTEST_EXPECT_NULL(t, memchr(s, 'p', 8));
	KTEST_EXPECT_EQ(t, strpbrk(s, "ps"), s + 2);
	KTEST_EXPECT_EQ(t, strspn(s, "mis"), 8);
	KTEST_EXPECT_EQ(t, strcspn(s, "p"), 8);
}

static void strscpy_test(struct ktest *t)
{
	char buf[8];

	KTEST_EXPECT_EQ(t, strscpy(buf, "abc", sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(t, buf, "abc");
	/* Exact fit: seven characters and the NUL. */
	KTEST_EXPECT_EQ(t, strscpy(buf, "1234567", sizeof(buf)), 7);
	KTEST_EXPECT_STREQ(t, buf, "1234567");
	KTEST_EXPECT_EQ(t, strscpy(buf, "12345678", sizeof(buf)), -E2BIG);
	KTEST_EXPECT_STREQ(t, buf, "1234567");
	KTEST_EXPECT_EQ(t, strscpy(buf, "xyz", 1), -E2BIG);
	KTEST_EXPECT_STREQ(t, buf, "");
	buf[0] = 'q';
	KTEST_EXPECT_EQ(t, strscpy(buf, "xyz", 0), -E2BIG);
	KTEST_EXPECT_EQ(t, buf[0], 'q');
}

static void strsep_test(struct ktest *t)
{
	char buf[] = "ktest=all,,string";
	char *s = buf;

	KTEST_EXPECT_STREQ(t, strsep(&s, "=,"), "ktest");
	KTEST_EXPECT_STREQ(t, strsep(&s, "=,"), "all");
	KTEST_EXPECT_STREQ(t, strsep(&s, "=,"), "");
	KTEST_EXPECT_STREQ(t, strsep(&s, "=,"), "string");
	KTEST_EXPECT_NULL(t, s);
	KTEST_EXPECT_NULL(t, strsep(&s, "=,"));
}

static void trim_test(struct ktest *t)
{
	char buf[] = " \t hello world \n";
	char blank[] = "   ";

	KTEST_EXPECT_STREQ(t, skip_spaces("  x "), "x ");
	KTEST_EXPECT_EQ(t, strim(buf), buf + 3);
	KTEST_EXPECT_STREQ(t, buf + 3, "hello world");
	KTEST_EXPECT_STREQ(t, strim(blank), "");
	KTEST_EXPECT_EQ(t, blank[0], '\0');
}

static void ctype_test(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, isdigit('7'));
	KTEST_EXPECT_FALSE(t, isdigit('a'));
	KTEST_EXPECT_TRUE(t, isxdigit('F'));
	KTEST_EXPECT_FALSE(t, isxdigit('g'));
	KTEST_EXPECT_TRUE(t, isspace('\v'));
	KTEST_EXPECT_FALSE(t, isspace('\0'));
	KTEST_EXPECT_TRUE(t, isalpha('Q'));
	KTEST_EXPECT_TRUE(t, isalnum('0'));
	KTEST_EXPECT_FALSE(t, isalnum('_'));
	KTEST_EXPECT_TRUE(t, isprint(' '));
	KTEST_EXPECT_FALSE(t, isprint('\x7f'));
	/* A byte above 0x7f in a signed char is nothing, not an error. */
	KTEST_EXPECT_FALSE(t, isspace((char)0xa0));
	KTEST_EXPECT_EQ(t, tolower('A'), 'a');
	KTEST_EXPECT_EQ(t, tolower('['), '[');
	KTEST_EXPECT_EQ(t, toupper('z'), 'Z');
	KTEST_EXPECT_EQ(t, toupper('5'), '5');
}

static const struct ktest_case string_cases[] = {
	KTEST_CASE(memcpy_memset_test),
	KTEST_CASE(memmove_overlap_test),
	KTEST_CASE(compare_test),
	KTEST_CASE(search_test),
	KTEST_CASE(strscpy_test),
	KTEST_CASE(strsep_test),
	KTEST_CASE(trim_test),
	KTEST_CASE(ctype_test),
	{}
};

KTEST_SUITE(string, string_cases);
