/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic integer types, Linux's names.  Only the compiler's freestanding
 * headers are used, so lib/ builds both in the kernel and on the host.
 */
#ifndef _IRQLAB_TYPES_H
#define _IRQLAB_TYPES_H

#define BITS_PER_LONG	64

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef u64 phys_addr_t;
typedef long ssize_t;		/* POSIX's signed size, as Linux has it */

/* Linux's <linux/limits.h> names. */
#define INT_MAX		((int)(~0U >> 1))
#define INT_MIN		(-INT_MAX - 1)
#define UINT_MAX	(~0U)
#define LONG_MAX	((long)(~0UL >> 1))
#define ULONG_MAX	(~0UL)
#define LLONG_MAX	((long long)(~0ULL >> 1))
#define LLONG_MIN	(-LLONG_MAX - 1)
#define ULLONG_MAX	(~0ULL)

#endif /* _IRQLAB_TYPES_H */
