/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register frame built by arch/x86_64/entry.S on every exception and
 * interrupt.  Linux's order, with the vector beside the error code (Linux
 * folds both into orig_ax).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <irqlab/types.h>

struct pt_regs {
	u64 r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	u64 ax, cx, dx, si, di;
	u64 vector;
	u64 error_code;
	/* Pushed by the CPU. */
	u64 ip, cs, flags, sp, ss;
};

#endif /* _ASM_PTRACE_H */
