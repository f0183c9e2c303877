/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Forced (-include) into the lib sources and the tests that call them when
 * they are built for the host: lib/ uses the C library's names, so without
 * this the program would hold two memcpy()s and the tests could not reach
 * the C library's own functions, which test_lib.c offers as oracles.
 */
#ifndef _HOST_RENAME_H
#define _HOST_RENAME_H

/* include/irqlab/errno.h */
#define strerror	irq_strerror
#define errname		irq_errname

/* include/irqlab/string.h */
#define memcpy		irq_memcpy
#define memmove		irq_memmove
#define memset		irq_memset
#define memcmp		irq_memcmp
#define memchr		irq_memchr
#define strlen		irq_strlen
#define strnlen		irq_strnlen
#define strcmp		irq_strcmp
#define strncmp		irq_strncmp
#define strchr		irq_strchr
#define strrchr		irq_strrchr
#define strstr		irq_strstr
#define strpbrk		irq_strpbrk
#define strspn		irq_strspn
#define strcspn		irq_strcspn
#define strscpy		irq_strscpy
#define strsep		irq_strsep
#define skip_spaces	irq_skip_spaces
#define strim		irq_strim

/* include/irqlab/ctype.h */
#define isdigit		irq_isdigit
#define isupper		irq_isupper
#define islower		irq_islower
#define isalpha		irq_isalpha
#define isalnum		irq_isalnum
#define isxdigit	irq_isxdigit
#define isspace		irq_isspace
#define iscntrl		irq_iscntrl
#define isprint		irq_isprint
#define isgraph		irq_isgraph
#define ispunct		irq_ispunct
#define tolower		irq_tolower
#define toupper		irq_toupper

/* include/irqlab/kstrtox.h */
#define kstrtoull	irq_kstrtoull
#define kstrtoll	irq_kstrtoll
#define kstrtoul	irq_kstrtoul
#define kstrtol		irq_kstrtol
#define kstrtouint	irq_kstrtouint
#define kstrtoint	irq_kstrtoint
#define simple_strtoull	irq_simple_strtoull
#define simple_strtoul	irq_simple_strtoul
#define simple_strtoll	irq_simple_strtoll
#define simple_strtol	irq_simple_strtol

/* include/irqlab/sprintf.h */
#define vsnprintf	irq_vsnprintf
#define snprintf	irq_snprintf
#define vscnprintf	irq_vscnprintf
#define scnprintf	irq_scnprintf
#define vsprintf	irq_vsprintf
#define sprintf		irq_sprintf

#endif /* _HOST_RENAME_H */
