/* SPDX-License-Identifier: GPL-2.0 */
/* Exceptions: their vectors, reports, and catching one on purpose. */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>
#include <asm/ptrace.h>

enum {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB,		/* debug */
	X86_TRAP_NMI,
	X86_TRAP_BP,		/* int3 */
	X86_TRAP_OF,
	X86_TRAP_BR,
	X86_TRAP_UD,		/* invalid opcode */
	X86_TRAP_NM,
	X86_TRAP_DF,		/* double fault */
	X86_TRAP_OLD_MF,
	X86_TRAP_TS,
	X86_TRAP_NP,
	X86_TRAP_SS,
	X86_TRAP_GP,		/* general protection */
	X86_TRAP_PF,		/* page fault */
	X86_TRAP_SPURIOUS,
	X86_TRAP_MF,
	X86_TRAP_AC,
	X86_TRAP_MC,		/* machine check */
	X86_TRAP_XF,
	X86_TRAP_VE,
	X86_TRAP_CP,
	NR_EXCEPTION_VECTORS = 32,
};

/* Page fault error code bits. */
#define X86_PF_PROT	(1 << 0)
#define X86_PF_WRITE	(1 << 1)
#define X86_PF_USER	(1 << 2)
#define X86_PF_RSVD	(1 << 3)
#define X86_PF_INSTR	(1 << 4)
#define X86_PF_PK	(1 << 5)

const char *trap_name(unsigned int vector);

struct pt_regs;
/* fault.c: a page fault the process's address space or a fixup takes
 * (true), and an exception of user mode, which signals the process. */
bool handle_page_fault(struct pt_regs *regs, unsigned long address);
void do_user_trap(struct pt_regs *regs);

/* What a caught exception looked like. */
struct fault_info {
	int vector;
	u64 error_code;
	u64 ip;
	u64 cr2;	/* page faults only */
};

/*
 * Calls fn(arg).  If it raises an exception (other than NMI, #DF, #MC),
 * the exception is reported and execution resumes here instead of dying:
 * returns true with *info filled in.  For tests that provoke faults.
 */
bool call_catching_fault(void (*fn)(void *), void *arg,
			 struct fault_info *info);

/*
 * dumpstack.c (dump_stack() is in <irqlab/kernel.h>): what the CPU
 * line's "Hardware name:" says (Linux's, set from DMI), and the oops.
 */
void __printf(1, 2) dump_stack_set_arch_desc(const char *fmt, ...);
void __noreturn die(const char *str, struct pt_regs *regs, long err);
/* The CPU line, the registers and the backtrace from them (Linux's). */
void show_regs(struct pt_regs *regs);
/*
 * Linux's show_stack(): a switched-out task's backtrace from the frame
 * its last switch left (the caller keeps it switched out and its stack
 * alive), or the caller's own for NULL or current.
 */
struct task_struct;
void show_stack(struct task_struct *task);
/* nmi_backtrace.c: every online CPU's backtrace, the others' by NMI. */
void trigger_all_cpu_backtrace(void);

/* arch/x86_64/irq.c: vectors 32-255. */
void do_IRQ(struct pt_regs *regs);

#endif /* _ASM_TRAPS_H */
