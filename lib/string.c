// SPDX-License-Identifier: GPL-2.0
/*
 * Memory and string functions.
 *
 * This relies on the kernel being built with -ffreestanding: in a hosted
 * build gcc may recognise the byte loops below as memset/memcpy and turn
 * them into calls to the very function being defined.
 */
#include <irqlab/string.h>
#include <irqlab/ctype.h>
#include <irqlab/errno.h>
#include <irqlab/compiler.h>

/* Word accesses to bytes of any type must not break strict aliasing. */
typedef unsigned long __attribute__((__may_alias__)) word_t;

#define WORD_SIZE	sizeof(word_t)

static inline bool both_aligned(const void *a, const void *b)
{
	return (((uintptr_t)a | (uintptr_t)b) & (WORD_SIZE - 1)) == 0;
}

void *memcpy(void *dest, const void *src, size_t n)
{
	u8 *d = dest;
	const u8 *s = src;

	if (both_aligned(d, s)) {
		while (n >= WORD_SIZE) {
			*(word_t *)d = *(const word_t *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
			n -= WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	u8 *d = dest;
	const u8 *s = src;

	/*
	 * A forward copy is safe unless dest starts inside src; compare as
	 * integers since the two need not be in the same object.
	 */
	if ((uintptr_t)d - (uintptr_t)s >= n)
		return memcpy(dest, src, n);

	d += n;
	s += n;
	if (both_aligned(d, s)) {
		while (n >= WORD_SIZE) {
			d -= WORD_SIZE;
			s -= WORD_SIZE;
			n -= WORD_SIZE;
			*(word_t *)d = *(const word_t *)s;
		}
	}
	while (n--)
		*--d = *--s;
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	u8 *p = s;
	word_t pattern;

	/* Byte-fill up to a word boundary so the bulk goes a word at a time. */
	while (n && ((uintptr_t)p & (WORD_SIZE - 1))) {
		*p++ = (u8)c;
		n--;
	}
	pattern = (u8)c * (~0UL / 0xff);
	while (n >= WORD_SIZE) {
		*(word_t *)p = pattern;
		p += WORD_SIZE;
		n -= WORD_SIZE;
	}
	while (n--)
		*p++ = (u8)c;
	return s;
}

int memcmp(const void *s1, const void *s2, size_t n)
{
	const u8 *a = s1, *b = s2;

	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *a < *b ? -1 : 1;
	}
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const u8 *p = s;

	for (; n; n--, p++) {
		if (*p == (u8)c)
			return (void *)p;
	}
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t len = 0;

	while (len < maxlen && s[len])
		len++;
	return len;
}

/* Characters compare as unsigned char, as in C and Linux. */
int strcmp(const char *s1, const char *s2)
{
	unsigned char c1, c2;

	do {
		c1 = *s1++;
		c2 = *s2++;
		if (c1 != c2)
			return c1 < c2 ? -1 : 1;
	} while (c1);
	return 0;
}

int strncmp(const char *s1, const char *s2, size_t n)
{
	unsigned char c1, c2;

	for (; n; n--) {
		c1 = *s1++;
		c2 = *s2++;
		if (c1 != c2)
			return c1 < c2 ? -1 : 1;
		if (!c1)
			break;
	}
	return 0;
}

/* The terminator is part of the string, so strchr(s, '\0') finds it. */
char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++) {
		if (!*s)
			return NULL;
	}
	return (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t hlen, nlen = strlen(needle);

	if (!nlen)
		return (char *)haystack;
	hlen = strlen(haystack);
	while (hlen >= nlen) {
		if (!memcmp(haystack, needle, nlen))
			return (char *)haystack;
		haystack++;
		hlen--;
	}
	return NULL;
}

char *strpbrk(const char *s, const char *accept)
{
	for (; *s; s++) {
		if (strchr(accept, *s))
			return (char *)s;
	}
	return NULL;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t i;

	/* A count this large is a caller bug (a negative length), as Linux. */
	if (count == 0 || count > (size_t)__INT_MAX__)
		return -E2BIG;

	for (i = 0; i < count; i++) {
		dest[i] = src[i];
		if (!src[i])
			return i;
	}
	dest[count - 1] = '\0';
	return -E2BIG;
}

char *strsep(char **s, const char *ct)
{
	char *start = *s, *end;

	if (!start)
		return NULL;
	end = strpbrk(start, ct);
	if (end)
		*end++ = '\0';
	*s = end;
	return start;
}

char *skip_spaces(const char *str)
{
	while (isspace(*str))
		str++;
	return (char *)str;
}

char *strim(char *s)
{
	size_t size = strlen(s), len = size;

	while (len && isspace(s[len - 1]))
		len--;
	/* Store only when cutting, so an untrimmed literal is safe. */
	if (len != size)
		s[len] = '\0';
	return skip_spaces(s);
}
