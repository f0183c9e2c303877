/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exception table, as Linux's: an instruction that may fault on
 * purpose (a user copy) lists where execution goes on instead, and the
 * fault handler looks the faulting address up before it reports an oops.
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#ifdef __ASSEMBLY__
#define _ASM_EXTABLE(from, to)			\
	.pushsection __ex_table, "a";		\
	.balign 8;				\
	.quad (from), (to);			\
	.popsection
#else
#include <asm/ptrace.h>

struct exception_table_entry {
	unsigned long insn, fixup;
};

/* Moves regs->ip to the fixup of a listed instruction: true if found. */
bool fixup_exception(struct pt_regs *regs);
#endif

#endif /* _ASM_EXTABLE_H */
