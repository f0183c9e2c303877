/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For arch/x86_64/asm-offsets.c only, as Linux's <linux/kbuild.h>: each
 * macro leaves a "->" marker line in the compiler's assembly output,
 * which the Makefile turns into a #define of
 * build/include/generated/asm-offsets.h.  The "i" operand makes the
 * compiler evaluate the expression (offsetof, sizeof) for the assembly.
 */
#ifndef _IRQLAB_KBUILD_H
#define _IRQLAB_KBUILD_H

#include <stddef.h>

#define DEFINE(sym, val) \
	__asm__ __volatile__("\n.ascii \"->" #sym " %c0 " #val "\"" \
			     : : "i"(val))

#define OFFSET(sym, str, mem) \
	DEFINE(sym, offsetof(struct str, mem))

#define BLANK()	__asm__ __volatile__("\n.ascii \"->\"")

#define COMMENT(x) __asm__ __volatile__("\n.ascii \"->#" x "\"")

#endif /* _IRQLAB_KBUILD_H */
