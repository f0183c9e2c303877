// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/string.c and include/irqlab/ctype.h, against the C
 * library where the semantics are the same.
 */
#include <irqlab/string.h>
#include <irqlab/ctype.h>
#include <irqlab/errno.h>
#include <irqlab/compiler.h>

#include "check.h"

/* Strings to try every function on, in pairs where it takes two. */
static const char *const corpus[] = {
	"", "a", "b", "ab", "abc", "abd", "abcd", "ba", "aaa", "aab",
	"hello world", "hello", "world", "lo w", "o", "l", "ll",
	"\xe9t\xe9", "\xff", "\x7f", "\x80\x01", "a\xff", "a\x01",
	"  spaced out  ", "\t\n\v\f\r ", ",;:", "a,b;c:d", "mississippi",
	"issi", "ssip", "ippi", "pp", "x,y,,z,", "0123456789abcdef",
};

#define GUARD	16
#define POISON	0xa5

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

/* Offset of p in s, or -1 for NULL: pointers from two calls compare so. */
static long long offset_in(const void *s, const void *p)
{
	return p ? (const char *)p - (const char *)s : -1;
}

static void fill(u8 *p, size_t n, u8 seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (u8)(seed + i * 7);
}

static void test_memcpy(void)
{
	u8 src[80 + GUARD], dst[80 + 2 * GUARD], want[sizeof(dst)];
	size_t n, soff, doff, i;
	void *ret;
	bool ok = true;

	fill(src, sizeof(src), 1);
	for (n = 0; n <= 64 && ok; n++) {
		for (soff = 0; soff < 8; soff++) {
			for (doff = 0; doff < 8; doff++) {
				for (i = 0; i < sizeof(dst); i++)
					dst[i] = want[i] = POISON;
				for (i = 0; i < n; i++)
					want[GUARD + doff + i] = src[soff + i];
				ret = memcpy(dst + GUARD + doff, src + soff, n);
				ok = CHECK_PTR(ret, dst + GUARD + doff) &&
				     CHECK_MEM(dst, want, sizeof(dst));
				if (!ok)
					check_fail(__FILE__, __LINE__,
						   "n=%zu soff=%zu doff=%zu",
						   n, soff, doff);
			}
		}
	}
}

static void test_memmove(void)
{
	u8 buf[96], want[96];
	size_t n, s, d;
	void *ret;
	bool ok = true;

	/* Every overlap, in both directions, at every alignment. */
	for (n = 0; n <= 40 && ok; n++) {
		for (s = 0; s < 24 && ok; s++) {
			for (d = 0; d < 24 && ok; d++) {
				fill(buf, sizeof(buf), 3);
				fill(want, sizeof(want), 3);
				ref_memmove(want + d, want + s, n);
				ret = memmove(buf + d, buf + s, n);
				ok = CHECK_PTR(ret, buf + d) &&
				     CHECK_MEM(buf, want, sizeof(buf));
				if (!ok)
					check_fail(__FILE__, __LINE__,
						   "n=%zu src=%zu dst=%zu",
						   n, s, d);
			}
		}
	}

	/* Far apart, both ways. */
	fill(buf, sizeof(buf), 9);
	fill(want, sizeof(want), 9);
	ref_memmove(want, want + 60, 30);
	memmove(buf, buf + 60, 30);
	CHECK_MEM(buf, want, sizeof(buf));
	ref_memmove(want + 50, want, 40);
	memmove(buf + 50, buf, 40);
	CHECK_MEM(buf, want, sizeof(buf));
}

static void test_memset(void)
{
	static const int values[] = { 0, 1, 0x5a, 0x80, 0xff, 0x1ff, -1, -128 };
	u8 buf[80 + 2 * GUARD], want[sizeof(buf)];
	size_t n, off, v, i;
	void *ret;
	bool ok = true;

	for (v = 0; v < ARRAY_SIZE(values) && ok; v++) {
		for (n = 0; n <= 70 && ok; n++) {
			for (off = 0; off < 8 && ok; off++) {
				for (i = 0; i < sizeof(buf); i++)
					buf[i] = want[i] = POISON;
				for (i = 0; i < n; i++)
					want[GUARD + off + i] = (u8)values[v];
				ret = memset(buf + GUARD + off, values[v], n);
				ok = CHECK_PTR(ret, buf + GUARD + off) &&
				     CHECK_MEM(buf, want, sizeof(buf));
				if (!ok)
					check_fail(__FILE__, __LINE__,
						   "c=%d n=%zu off=%zu",
						   values[v], n, off);
			}
		}
	}
}

static void test_memcmp(void)
{
	u8 a[40], b[40];
	size_t n, k;

	CHECK_INT(memcmp("abc", "abd", 0), 0);
	CHECK_INT(memcmp("abc", "abd", 2), 0);
	CHECK_INT(sign(memcmp("abc", "abd", 3)), -1);
	CHECK_INT(sign(memcmp("abd", "abc", 3)), 1);
	/* Bytes compare unsigned: 0x80 is above 0x7f. */
	CHECK_INT(sign(memcmp("\x80", "\x7f", 1)), 1);
	/* Unlike strcmp, memcmp goes on past a NUL. */
	CHECK_INT(sign(memcmp("a\0b", "a\0c", 3)), -1);

	for (n = 0; n <= sizeof(a); n++) {
		for (k = 0; k <= n; k++) {
			fill(a, sizeof(a), 5);
			fill(b, sizeof(b), 5);
			if (k < n)
				b[k] ^= (k & 1) ? 0x80 : 0x01;
			CHECK_INT(sign(memcmp(a, b, n)),
				  sign(ref_memcmp(a, b, n)));
			CHECK_INT(sign(memcmp(b, a, n)),
				  sign(ref_memcmp(b, a, n)));
		}
	}
}

static void test_memchr(void)
{
	static const char s[] = "hello\0world\xff";
	int c;
	size_t n;

	for (c = -2; c < 0x102; c++) {
		for (n = 0; n <= sizeof(s); n++) {
			if (!CHECK_INT(offset_in(s, memchr(s, c, n)),
				       offset_in(s, ref_memchr(s, c, n))))
				check_fail(__FILE__, __LINE__, "c=%d n=%zu",
					   c, n);
		}
	}
	/* Only the low byte of c counts. */
	CHECK_PTR(memchr(s, 0x100 + 'w', sizeof(s)), s + 6);
	CHECK_PTR(memchr(s, -1, sizeof(s)), s + 11);
}

static void test_strlen(void)
{
	/* No terminator: strnlen must stop at maxlen (ASan watches). */
	static const char unterminated[4] = { 'a', 'b', 'c', 'd' };
	size_t i, n, len;

	for (i = 0; i < ARRAY_SIZE(corpus); i++) {
		len = ref_strlen(corpus[i]);
		CHECK_UINT(strlen(corpus[i]), len);
		for (n = 0; n <= len + 2; n++)
			CHECK_UINT(strnlen(corpus[i], n),
				   ref_strnlen(corpus[i], n));
	}
	CHECK_UINT(strnlen(unterminated, 4), 4);
	CHECK_UINT(strnlen(unterminated, 2), 2);
	CHECK_UINT(strnlen("ab", (size_t)-1), 2);
}

static void test_strcmp(void)
{
	size_t i, j, n;
	const char *a, *b;

	for (i = 0; i < ARRAY_SIZE(corpus); i++) {
		for (j = 0; j < ARRAY_SIZE(corpus); j++) {
			a = corpus[i];
			b = corpus[j];
			if (!CHECK_INT(sign(strcmp(a, b)),
				       sign(ref_strcmp(a, b))))
				check_fail(__FILE__, __LINE__,
					   "strcmp(corpus[%zu], corpus[%zu])",
					   i, j);
			for (n = 0; n <= 16; n++) {
				if (!CHECK_INT(sign(strncmp(a, b, n)),
					       sign(ref_strncmp(a, b, n))))
					check_fail(__FILE__, __LINE__,
						   "corpus[%zu] [%zu] n=%zu",
						   i, j, n);
			}
		}
	}
	CHECK_INT(strcmp("", ""), 0);
	CHECK_INT(strncmp("abc", "abd", 2), 0);
	CHECK_INT(strncmp("abc", "xyz", 0), 0);
	/* Stops at the NUL even with n to spare. */
	CHECK_INT(strncmp("ab\0x", "ab\0y", 4), 0);
	CHECK_INT(sign(strcmp("\xe9", "e")), 1);
	CHECK_INT(sign(strncmp("ab", "abc", 3)), -1);
}

static void test_strchr(void)
{
	size_t i;
	int c;
	const char *s;

	for (i = 0; i < ARRAY_SIZE(corpus); i++) {
		s = corpus[i];
		for (c = -256; c < 0x200; c++) {
			if (!CHECK_INT(offset_in(s, strchr(s, c)),
				       offset_in(s, ref_strchr(s, c))) ||
			    !CHECK_INT(offset_in(s, strrchr(s, c)),
				       offset_in(s, ref_strrchr(s, c))))
				check_fail(__FILE__, __LINE__,
					   "corpus[%zu] c=%d", i, c);
		}
	}
	s = "abcabc";
	CHECK_PTR(strchr(s, 'b'), s + 1);
	CHECK_PTR(strrchr(s, 'b'), s + 4);
	CHECK_PTR(strchr(s, '\0'), s + 6);
	CHECK_PTR(strrchr(s, '\0'), s + 6);
	CHECK_PTR(strchr(s, 'z'), NULL);
	CHECK_PTR(strrchr(s, 'z'), NULL);
}

static void test_strstr_and_spans(void)
{
	size_t i, j;
	const char *a, *b;

	for (i = 0; i < ARRAY_SIZE(corpus); i++) {
		for (j = 0; j < ARRAY_SIZE(corpus); j++) {
			a = corpus[i];
			b = corpus[j];
			if (!CHECK_INT(offset_in(a, strstr(a, b)),
				       offset_in(a, ref_strstr(a, b))) ||
			    !CHECK_INT(offset_in(a, strpbrk(a, b)),
				       offset_in(a, ref_strpbrk(a, b))) ||
			    !CHECK_UINT(strspn(a, b), ref_strspn(a, b)) ||
			    !CHECK_UINT(strcspn(a, b), ref_strcspn(a, b)))
				check_fail(__FILE__, __LINE__,
					   "corpus[%zu] corpus[%zu]", i, j);
		}
	}
	a = "mississippi";
	CHECK_PTR(strstr(a, ""), a);
	CHECK_PTR(strstr(a, "issip"), a + 4);
	CHECK_PTR(strstr(a, "pi"), a + 9);
	CHECK_PTR(strstr(a, "pix"), NULL);
	CHECK_PTR(strstr("", "a"), NULL);
	CHECK_PTR(strstr(a, "mississippis"), NULL);
}

static void test_strscpy(void)
{
	char buf[16 + GUARD], want[sizeof(buf)];
	const char *src = "hello";	/* 5 characters */
	size_t count, i;
	ssize_t ret;

	for (count = 0; count <= 16; count++) {
		for (i = 0; i < sizeof(buf); i++)
			buf[i] = want[i] = (char)POISON;
		ret = strscpy(buf, src, count);
		if (count == 0) {
			/* Nothing may be written at all. */
			CHECK_INT(ret, -E2BIG);
		} else if (count > 5) {
			/* Fits: the length, and nothing past the NUL. */
			CHECK_INT(ret, 5);
			for (i = 0; i <= 5; i++)
				want[i] = src[i];
		} else {
			/* Cut to count - 1 characters, still terminated. */
			CHECK_INT(ret, -E2BIG);
			for (i = 0; i < count - 1; i++)
				want[i] = src[i];
			want[count - 1] = '\0';
		}
		if (!CHECK_MEM(buf, want, sizeof(buf)))
			check_fail(__FILE__, __LINE__, "count=%zu", count);
	}

	/* Exact fit: strlen(src) + 1 == count. */
	CHECK_INT(strscpy(buf, "abc", 4), 3);
	CHECK_STR(buf, "abc");
	CHECK_INT(strscpy(buf, "abcd", 4), -E2BIG);
	CHECK_STR(buf, "abc");
	CHECK_INT(strscpy(buf, "", 1), 0);
	CHECK_STR(buf, "");
	CHECK_INT(strscpy(buf, "x", 1), -E2BIG);
	CHECK_STR(buf, "");
	/* A size that can only be a negative length is refused. */
	buf[0] = 'q';
	CHECK_INT(strscpy(buf, "x", (size_t)-1), -E2BIG);
	CHECK_INT(buf[0], 'q');
}

static void test_strsep(void)
{
	static const char *const inputs[] = {
		"a,b,,c", ",lead", "trail,", "", "none", ",,", "a;b,c d",
	};
	char mine[32], theirs[32];
	char *ms, *ts, *mtok, *ttok;
	size_t i;
	int n;

	for (i = 0; i < ARRAY_SIZE(inputs); i++) {
		memset(mine, 0, sizeof(mine));
		memset(theirs, 0, sizeof(theirs));
		strscpy(mine, inputs[i], sizeof(mine));
		strscpy(theirs, inputs[i], sizeof(theirs));
		ms = mine;
		ts = theirs;
		for (n = 0; n < 8; n++) {
			mtok = strsep(&ms, ",;");
			ttok = ref_strsep(&ts, ",;");
			if (!CHECK_INT(offset_in(mine, mtok),
				       offset_in(theirs, ttok)) ||
			    !CHECK_INT(offset_in(mine, ms),
				       offset_in(theirs, ts)) ||
			    !CHECK_STR(mtok, ttok))
				check_fail(__FILE__, __LINE__,
					   "inputs[%zu] token %d", i, n);
		}
		CHECK_MEM(mine, theirs, sizeof(mine));
	}

	ms = NULL;
	CHECK_PTR(strsep(&ms, ","), NULL);
	CHECK_PTR(ms, NULL);
	/* An empty delimiter set takes the whole string. */
	strscpy(mine, "a,b", sizeof(mine));
	ms = mine;
	CHECK_STR(strsep(&ms, ""), "a,b");
	CHECK_PTR(ms, NULL);
}

static void test_spaces(void)
{
	char buf[32];
	const char *s;

	s = " \t\n\v\f\rx y ";
	CHECK_PTR(skip_spaces(s), s + 6);
	s = "x";
	CHECK_PTR(skip_spaces(s), s);
	s = "   ";
	CHECK_PTR(skip_spaces(s), s + 3);
	s = "";
	CHECK_PTR(skip_spaces(s), s);
	/* Not a space in the "C" locale, even if a signed char. */
	s = "\xa0z";
	CHECK_PTR(skip_spaces(s), s);

	strscpy(buf, "  abc def \t\n", sizeof(buf));
	CHECK_PTR(strim(buf), buf + 2);
	CHECK_STR(buf + 2, "abc def");
	CHECK_STR(buf, "  abc def");

	strscpy(buf, "abc", sizeof(buf));
	CHECK_PTR(strim(buf), buf);
	CHECK_STR(buf, "abc");

	strscpy(buf, " \t \n", sizeof(buf));
	CHECK_STR(strim(buf), "");
	CHECK_INT(buf[0], '\0');

	/* Nothing to cut: nothing is written, so a literal is safe. */
	CHECK_STR(strim((char *)""), "");
	CHECK_STR(strim((char *)"x"), "x");

	strscpy(buf, "\n x\n", sizeof(buf));
	CHECK_STR(strim(buf), "x");
}

static void test_ctype(void)
{
	static const struct {
		char which;
		int (*fn)(int c);
	} fns[] = {
		{ 'd', isdigit }, { 'u', isupper }, { 'l', islower },
		{ 'a', isalpha }, { 'n', isalnum }, { 'x', isxdigit },
		{ 's', isspace }, { 'c', iscntrl }, { 'p', isprint },
		{ 'g', isgraph }, { 'P', ispunct },
	};
	size_t i;
	int c;

	for (i = 0; i < ARRAY_SIZE(fns); i++) {
		for (c = 0; c < 256; c++) {
			if (!CHECK_INT(!!fns[i].fn(c),
				       ref_ctype(fns[i].which, c)))
				check_fail(__FILE__, __LINE__,
					   "class '%c' of %d", fns[i].which,
					   c);
		}
	}
	for (c = 0; c < 256; c++) {
		CHECK_INT(tolower(c), ref_ctype('L', c));
		CHECK_INT(toupper(c), ref_ctype('U', c));
	}

	/* A negative char classifies as its byte, as in Linux. */
	CHECK_INT(isspace((char)0xa0), 0);
	CHECK_INT(isalpha((char)0xe9), 0);
	CHECK_INT(isdigit('0' - 256), 1);
	CHECK_INT(tolower((char)0xc9), 0xc9);
	CHECK_INT(toupper('a'), 'A');
	CHECK_INT(tolower('Z'), 'z');
}

void test_string(void)
{
	test_memcpy();
	test_memmove();
	test_memset();
	test_memcmp();
	test_memchr();
	test_strlen();
	test_strcmp();
	test_strchr();
	test_strstr_and_spans();
	test_strscpy();
	test_strsep();
	test_spaces();
	test_ctype();
}
