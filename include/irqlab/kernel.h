/* SPDX-License-Identifier: GPL-2.0 */
/* panic, BUG and other things every file wants. */
#ifndef _IRQLAB_KERNEL_H
#define _IRQLAB_KERNEL_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>
#include <irqlab/printk.h>

void __noreturn __printf(1, 2) panic(const char *fmt, ...);
/* Makes this CPU the only one running, for an oops or a panic report. */
void panic_stop_other_cpus(void);
/* The current call chain, on the console (arch/x86_64/dumpstack.c). */
void dump_stack(void);

/* Set once an oops or panic report has started: later ones stay quiet. */
extern int oops_in_progress;

#define BUG()								\
	panic("kernel BUG at %s:%d!", __FILE__, __LINE__)
#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			BUG();						\
	} while (0)

#define WARN_ON(cond) ({						\
	bool __w = !!(cond);						\
	if (unlikely(__w))						\
		pr_warn("WARNING: at %s:%d %s\n", __FILE__, __LINE__,	\
			__func__);					\
	unlikely(__w);							\
})

/* WARN_ON(), reported the first time only (Linux's WARN_ON_ONCE). */
#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	bool __w = !!(cond);						\
	if (unlikely(__w) && !__warned) {				\
		__warned = true;					\
		pr_warn("WARNING: at %s:%d %s\n", __FILE__, __LINE__,	\
			__func__);					\
	}								\
	unlikely(__w);							\
})

#endif /* _IRQLAB_KERNEL_H */
