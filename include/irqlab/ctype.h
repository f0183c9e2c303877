/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Character classes for the "C" locale, Linux's names.
 *
 * Each takes an int but classifies (unsigned char)c, as Linux's macros do,
 * so a plain char holding a byte >= 0x80 is not an out-of-range index and
 * simply classifies as nothing.  Only ASCII is classified: unlike Linux's
 * Latin-1 table, 0xa0 is not a space.
 */
#ifndef _IRQLAB_CTYPE_H
#define _IRQLAB_CTYPE_H

static inline int isdigit(int c)
{
	return (unsigned char)c >= '0' && (unsigned char)c <= '9';
}

static inline int isupper(int c)
{
	return (unsigned char)c >= 'A' && (unsigned char)c <= 'Z';
}

static inline int islower(int c)
{
	return (unsigned char)c >= 'a' && (unsigned char)c <= 'z';
}

static inline int isalpha(int c)
{
	return isupper(c) || islower(c);
}

static inline int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

static inline int isxdigit(int c)
{
	unsigned char lc = (unsigned char)c | 0x20;

	return isdigit(c) || (lc >= 'a' && lc <= 'f');
}

/* ' ', '\t', '\n', '\v', '\f', '\r' */
static inline int isspace(int c)
{
	unsigned char uc = (unsigned char)c;

	return uc == ' ' || (uc >= '\t' && uc <= '\r');
}

static inline int iscntrl(int c)
{
	return (unsigned char)c < 0x20 || (unsigned char)c == 0x7f;
}

static inline int isprint(int c)
{
	return (unsigned char)c >= 0x20 && (unsigned char)c < 0x7f;
}

static inline int isgraph(int c)
{
	return isprint(c) && (unsigned char)c != ' ';
}

static inline int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

/* As Linux: the result is the (possibly converted) unsigned char. */
static inline int tolower(int c)
{
	return isupper(c) ? (unsigned char)c + ('a' - 'A') : (unsigned char)c;
}

static inline int toupper(int c)
{
	return islower(c) ? (unsigned char)c - ('a' - 'A') : (unsigned char)c;
}

#endif /* _IRQLAB_CTYPE_H */
