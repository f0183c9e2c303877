/* SPDX-License-Identifier: GPL-2.0 */
/*
 * String to integer conversion, Linux's names and semantics.
 *
 * The kstrto*() functions take the whole string: an optional sign ('+', or
 * '-' for the signed ones), digits in base (0 detects a "0x" or "0" prefix;
 * base 16 also accepts "0x"), and at most one trailing newline.  They
 * return 0 and store *res, or -EINVAL for an empty or malformed string or
 * -ERANGE for a value that does not fit, leaving *res untouched.
 */
#ifndef _IRQLAB_KSTRTOX_H
#define _IRQLAB_KSTRTOX_H

#include <irqlab/types.h>

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);

/*
 * The old, lenient parsers: convert the longest run of digits at cp (no
 * white space or sign is skipped; the simple_strtol ones take a '-'),
 * store in *endp, if endp is not NULL, where they stopped, and wrap
 * silently on overflow.  Prefer kstrto*() for anything but picking numbers
 * out of a longer string.
 */
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);

#endif /* _IRQLAB_KSTRTOX_H */
