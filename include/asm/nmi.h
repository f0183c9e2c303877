/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NMI handlers, Linux's API (arch/x86/include/asm/nmi.h):
 *
 *	static int my_nmi(unsigned int type, struct pt_regs *regs);
 *	register_nmi_handler(NMI_LOCAL, my_nmi, 0, "mine");
 *	...
 *	unregister_nmi_handler(NMI_LOCAL, "mine");
 *
 * Every NMI runs all handlers of NMI_LOCAL (NMIs are edge-triggered and
 * can merge, so one may stand for several sources); if none claims it
 * (NMI_HANDLED), those of NMI_UNKNOWN get a chance, and then it is
 * reported as unknown.  Handlers run in NMI context: in_nmi() is true,
 * nothing may sleep or take a lock that the interrupted code may hold.
 */
#ifndef _ASM_NMI_H
#define _ASM_NMI_H

#include <irqlab/types.h>
#include <asm/ptrace.h>

enum {
	NMI_LOCAL = 0,
	NMI_UNKNOWN,
	NMI_MAX
};

#define NMI_FLAG_FIRST	1	/* run before the handlers already there */

#define NMI_DONE	0
#define NMI_HANDLED	1

typedef int (*nmi_handler_t)(unsigned int type, struct pt_regs *regs);

struct nmiaction {
	struct nmiaction *next;
	nmi_handler_t handler;
	unsigned long flags;
	const char *name;
};

/* The action is static, as Linux's: one registration per call site. */
#define register_nmi_handler(t, fn, fg, n, ...)				\
({									\
	static struct nmiaction fn##_na = {				\
		.handler = (fn),					\
		.name = (n),						\
		.flags = (fg),						\
	};								\
	__register_nmi_handler((t), &fn##_na);				\
})

/* 0, or -EINVAL for a bad type or an action registered already. */
int __register_nmi_handler(unsigned int type, struct nmiaction *action);
/* Returns once no CPU can still be running the handler named name. */
void unregister_nmi_handler(unsigned int type, const char *name);

/* The IDT's NMI entry (traps.c calls it for vector 2). */
void exc_nmi(struct pt_regs *regs);

/* Sends an NMI to cpu (to this one too), through its local APIC. */
void apic_send_NMI(int cpu);

#endif /* _ASM_NMI_H */
