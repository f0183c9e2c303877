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
	u64 vector;	/* a system call's number (Linux's orig_ax) */
	u64 error_code;
	/* Pushed by the CPU. */
	u64 ip, cs, flags, sp, ss;
};

/* The interrupted code ran in ring 3. */
static inline bool user_mode(const struct pt_regs *regs)
{
	return regs->cs & 3;
}

struct task_struct;
/* A task's user registers: the top of its kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *p);

#endif /* _ASM_PTRACE_H */
