/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tiny harness for the host tests of lib/.
 *
 * It is shared by two kinds of file: test_lib.c, built against the C
 * library, which counts and reports results and offers the C library's
 * functions as ref_*() oracles; and the test_*.c files, built with
 * host_rename.h, which call lib/ and may not see the C library's string
 * or stdio declarations.  So nothing here may use a renamed name.
 */
#ifndef _CHECK_H
#define _CHECK_H

#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>

/* <limits.h> is the C library's: the test_*.c files cannot have it. */
#ifndef INT_MAX
#define INT_MAX		__INT_MAX__
#define INT_MIN		(-INT_MAX - 1)
#define UINT_MAX	(INT_MAX * 2U + 1)
#define LLONG_MAX	__LONG_LONG_MAX__
#define LLONG_MIN	(-LLONG_MAX - 1)
#define ULLONG_MAX	(LLONG_MAX * 2ULL + 1)
#endif

#define __check_printf(a, b)	__attribute__((format(printf, a, b)))

/* Each returns whether the check passed; failures print file:line. */
bool check_bool(const char *file, int line, const char *expr, bool ok);
bool check_int(const char *file, int line, const char *expr,
	       long long actual, long long expected);
bool check_uint(const char *file, int line, const char *expr,
		unsigned long long actual, unsigned long long expected);
bool check_str(const char *file, int line, const char *expr,
	       const char *actual, const char *expected);
bool check_mem(const char *file, int line, const char *expr,
	       const void *actual, const void *expected, size_t n);
/*
 * Formatted output: passes if both the return values and the n bytes of
 * the buffers match; what names the call in the failure message.
 */
bool check_output(const char *file, int line, const char *what,
		  const char *actual, int actual_ret,
		  const char *expected, int expected_ret, size_t n);
/* A failure found by other means, message given as printf() would. */
bool __check_printf(3, 4) check_fail(const char *file, int line,
				     const char *fmt, ...);
/* Counts a pass for a check whose comparison the caller made itself. */
bool check_pass(void);

#define CHECK(cond)		check_bool(__FILE__, __LINE__, #cond, (cond))
#define CHECK_INT(a, e)		check_int(__FILE__, __LINE__, #a, (a), (e))
#define CHECK_UINT(a, e)	check_uint(__FILE__, __LINE__, #a, (a), (e))
#define CHECK_PTR(a, e)							\
	check_uint(__FILE__, __LINE__, #a, (unsigned long long)(size_t)(a), \
		   (unsigned long long)(size_t)(e))
#define CHECK_STR(a, e)		check_str(__FILE__, __LINE__, #a, (a), (e))
#define CHECK_MEM(a, e, n)	check_mem(__FILE__, __LINE__, #a, (a), (e), (n))

/* The C library's functions, as oracles (in test_lib.c). */
int ref_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int __check_printf(3, 4) ref_snprintf(char *buf, size_t size,
				      const char *fmt, ...);
void *ref_memmove(void *dest, const void *src, size_t n);
int ref_memcmp(const void *s1, const void *s2, size_t n);
void *ref_memchr(const void *s, int c, size_t n);
size_t ref_strlen(const char *s);
size_t ref_strnlen(const char *s, size_t maxlen);
int ref_strcmp(const char *s1, const char *s2);
int ref_strncmp(const char *s1, const char *s2, size_t n);
char *ref_strchr(const char *s, int c);
char *ref_strrchr(const char *s, int c);
char *ref_strstr(const char *haystack, const char *needle);
char *ref_strpbrk(const char *s, const char *accept);
size_t ref_strspn(const char *s, const char *accept);
size_t ref_strcspn(const char *s, const char *reject);
char *ref_strsep(char **s, const char *delim);
/* The <ctype.h> class of c, in the "C" locale, as a letter (see ref_ctype). */
int ref_ctype(char which, int c);
/* strtoull()/strtoll() of the whole of s; *err gets errno or EINVAL. */
unsigned long long ref_strtoull(const char *s, int base, int *err);
long long ref_strtoll(const char *s, int base, int *err);
const char *ref_strerror(int err);
/* The C library's value of errno macro name ("EINVAL"), or -1. */
int ref_errno_value(const char *name);

/* The suites, one per test_*.c file. */
void test_string(void);
void test_kstrtox(void);
void test_vsprintf(void);
void test_ringbuf(void);
void test_net_proto(void);
void test_strerror(void);

#endif /* _CHECK_H */
