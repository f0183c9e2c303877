/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatted output into a buffer, Linux's names and semantics.
 *
 * Conversions: d i u x X o c s p %, flags - 0 + space #, width and
 * precision (also as *), length modifiers hh h l ll z t j.  No floating
 * point.  %p prints the raw pointer as Linux's %px does: lowercase hex,
 * zero-padded to 16 digits unless a width is given; %px is the same.
 * Other letters after %p are taken as an extension and skipped, as in
 * Linux.  %s of NULL prints "(null)".  An unknown conversion (%n included)
 * ends the output there, as in Linux.
 */
#ifndef _IRQLAB_SPRINTF_H
#define _IRQLAB_SPRINTF_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

/*
 * Write at most size bytes, NUL included, and return the length the whole
 * output would have had, as C99 does.  size 0 writes nothing (buf may then
 * be NULL).
 */
int __printf(3, 0) vsnprintf(char *buf, size_t size, const char *fmt,
			     va_list args);
int __printf(3, 4) snprintf(char *buf, size_t size, const char *fmt, ...);

/*
 * As above, but return the number of characters actually stored, not
 * counting the NUL: 0 when size is 0, at most size - 1 otherwise.
 */
int __printf(3, 0) vscnprintf(char *buf, size_t size, const char *fmt,
			      va_list args);
int __printf(3, 4) scnprintf(char *buf, size_t size, const char *fmt, ...);

/* Unbounded: only for output whose size is known to fit. */
int __printf(2, 0) vsprintf(char *buf, const char *fmt, va_list args);
int __printf(2, 3) sprintf(char *buf, const char *fmt, ...);

#endif /* _IRQLAB_SPRINTF_H */
