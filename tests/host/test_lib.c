// SPDX-License-Identifier: GPL-2.0
/*
 * Host test runner for lib/: counts and reports the checks made by the
 * test_*.c suites and offers the C library's functions as oracles.
 *
 * Built without host_rename.h, so the names here are the C library's.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static unsigned long passed, failed;

bool check_pass(void)
{
	passed++;
	return true;
}

static void vfail(const char *file, int line, const char *fmt, va_list ap)
{
	failed++;
	fprintf(stdout, "FAIL %s:%d: ", file, line);
	vfprintf(stdout, fmt, ap);
	fputc('\n', stdout);
}

bool check_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(file, line, fmt, ap);
	va_end(ap);
	return false;
}

bool check_bool(const char *file, int line, const char *expr, bool ok)
{
	if (ok)
		return check_pass();
	return check_fail(file, line, "%s: expected true, actual false", expr);
}

bool check_int(const char *file, int line, const char *expr,
	       long long actual, long long expected)
{
	if (actual == expected)
		return check_pass();
	return check_fail(file, line, "%s: expected %lld, actual %lld",
			  expr, expected, actual);
}

bool check_uint(const char *file, int line, const char *expr,
		unsigned long long actual, unsigned long long expected)
{
	if (actual == expected)
		return check_pass();
	return check_fail(file, line,
			  "%s: expected %llu (%#llx), actual %llu (%#llx)",
			  expr, expected, expected, actual, actual);
}

/* Shows bytes as a C string literal would, so that no byte is lost. */
static void print_escaped(const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	fputc('"', stdout);
	for (i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			printf("\\%c", s[i]);
		else if (isprint(s[i]))
			fputc(s[i], stdout);
		else
			printf("\\x%02x", s[i]);
	}
	fputc('"', stdout);
}

bool check_str(const char *file, int line, const char *expr,
	       const char *actual, const char *expected)
{
	if (actual && expected && !strcmp(actual, expected))
		return check_pass();
	if (!actual && !expected)
		return check_pass();
	check_fail(file, line, "%s: strings differ", expr);
	printf("    expected: ");
	if (expected)
		print_escaped(expected, strlen(expected));
	else
		printf("NULL");
	printf("\n    actual:   ");
	if (actual)
		print_escaped(actual, strlen(actual));
	else
		printf("NULL");
	putchar('\n');
	return false;
}

bool check_mem(const char *file, int line, const char *expr,
	       const void *actual, const void *expected, size_t n)
{
	if (!memcmp(actual, expected, n))
		return check_pass();
	check_fail(file, line, "%s: %zu bytes differ", expr, n);
	printf("    expected: ");
	print_escaped(expected, n);
	printf("\n    actual:   ");
	print_escaped(actual, n);
	putchar('\n');
	return false;
}

bool check_output(const char *file, int line, const char *what,
		  const char *actual, int actual_ret,
		  const char *expected, int expected_ret, size_t n)
{
	if (actual_ret == expected_ret && !memcmp(actual, expected, n))
		return check_pass();
	check_fail(file, line, "%s: expected return %d, actual %d", what,
		   expected_ret, actual_ret);
	printf("    expected: ");
	print_escaped(expected, n);
	printf("\n    actual:   ");
	print_escaped(actual, n);
	putchar('\n');
	return false;
}

int ref_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return vsnprintf(buf, size, fmt, ap);
}

int ref_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

void *ref_memmove(void *dest, const void *src, size_t n)
{
	return memmove(dest, src, n);
}

int ref_memcmp(const void *s1, const void *s2, size_t n)
{
	return memcmp(s1, s2, n);
}

void *ref_memchr(const void *s, int c, size_t n)
{
	return memchr(s, c, n);
}

size_t ref_strlen(const char *s)
{
	return strlen(s);
}

size_t ref_strnlen(const char *s, size_t maxlen)
{
	return strnlen(s, maxlen);
}

int ref_strcmp(const char *s1, const char *s2)
{
	return strcmp(s1, s2);
}

int ref_strncmp(const char *s1, const char *s2, size_t n)
{
	return strncmp(s1, s2, n);
}

char *ref_strchr(const char *s, int c)
{
	return strchr(s, c);
}

char *ref_strrchr(const char *s, int c)
{
	return strrchr(s, c);
}

char *ref_strstr(const char *haystack, const char *needle)
{
	return strstr(haystack, needle);
}

char *ref_strpbrk(const char *s, const char *accept)
{
	return strpbrk(s, accept);
}

size_t ref_strspn(const char *s, const char *accept)
{
	return strspn(s, accept);
}

size_t ref_strcspn(const char *s, const char *reject)
{
	return strcspn(s, reject);
}

char *ref_strsep(char **s, const char *delim)
{
	return strsep(s, delim);
}

static const struct {
	char which;
	int (*fn)(int c);
} ctype_fns[] = {
	{ 'd', isdigit }, { 'u', isupper }, { 'l', islower },
	{ 'a', isalpha }, { 'n', isalnum }, { 'x', isxdigit },
	{ 's', isspace }, { 'c', iscntrl }, { 'p', isprint },
	{ 'g', isgraph }, { 'P', ispunct }, { 'L', tolower },
	{ 'U', toupper },
};

/*
 * which: d(igit) u(pper) l(ower) a(lpha) n (alnum) x(digit) s(pace)
 * c(ntrl) p(rint) g(raph) P (punct), or L and U for tolower and toupper.
 * Classes come back as 0 or 1, since the C library's are any non-zero.
 */
int ref_ctype(char which, int c)
{
	size_t i;

	for (i = 0; i < sizeof(ctype_fns) / sizeof(ctype_fns[0]); i++) {
		if (ctype_fns[i].which != which)
			continue;
		if (which == 'L' || which == 'U')
			return ctype_fns[i].fn(c);
		return !!ctype_fns[i].fn(c);
	}
	abort();
}

unsigned long long ref_strtoull(const char *s, int base, int *err)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, base);
	*err = errno;
	if (!*err && (end == s || *end))
		*err = EINVAL;
	return v;
}

long long ref_strtoll(const char *s, int base, int *err)
{
	long long v;
	char *end;

	errno = 0;
	v = strtoll(s, &end, base);
	*err = errno;
	if (!*err && (end == s || *end))
		*err = EINVAL;
	return v;
}

const char *ref_strerror(int err)
{
	return strerror(err);
}

int ref_errno_value(const char *name)
{
	static const struct {
		const char *name;
		int value;
	} known[] = {
#define E(n) { #n, n }
		E(EPERM), E(ENOENT), E(EINTR), E(EIO), E(ENXIO), E(EBADF),
		E(EAGAIN), E(ENOMEM), E(EFAULT), E(EBUSY), E(EEXIST),
		E(ENODEV), E(EINVAL), E(ENOTTY), E(ENOSPC), E(EPIPE),
		E(ERANGE), E(ENOSYS), E(ENODATA), E(ETIME), E(EMSGSIZE),
		E(EOPNOTSUPP), E(EAFNOSUPPORT), E(EADDRINUSE),
		E(ENETUNREACH), E(ENOBUFS), E(ETIMEDOUT), E(ECANCELED),
#undef E
	};
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(known[i].name, name))
			return known[i].value;
	return -1;
}

int main(void)
{
	/* Failures and the summary go to one stream, in order. */
	setvbuf(stdout, NULL, _IOLBF, 0);

	test_string();
	test_kstrtox();
	test_vsprintf();
	test_ringbuf();
	test_net_proto();
	test_strerror();

	printf("%lu passed, %lu failed\n", passed, failed);
	return failed ? 1 : 0;
}
