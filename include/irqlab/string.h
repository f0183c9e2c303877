/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory and string functions, with Linux's names and semantics.
 *
 * memcpy, memmove, memset and memcmp must keep exactly these names: gcc
 * emits calls to them for structure copies and initialisation even in a
 * freestanding build.
 */
#ifndef _IRQLAB_STRING_H
#define _IRQLAB_STRING_H

#include <irqlab/types.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strpbrk(const char *s, const char *accept);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);

/*
 * Copies at most count - 1 characters and always NUL-terminates when
 * count > 0.  Returns the length copied, or -E2BIG if src did not fit
 * (or count is 0).
 */
ssize_t strscpy(char *dest, const char *src, size_t count);

/*
 * Returns the token at *s, ending it at the first character in ct, and
 * moves *s past that delimiter (NULL when there is none).  NULL once *s
 * is NULL.
 */
char *strsep(char **s, const char *ct);

/* First non-space character of str. */
char *skip_spaces(const char *str);

/*
 * Cuts trailing white space off s in place and returns a pointer to its
 * first non-space character.
 */
char *strim(char *s);

#endif /* _IRQLAB_STRING_H */
