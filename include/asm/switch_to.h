/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The context switch (arch/x86_64/switch_to.S), as Linux's
 * __switch_to_asm: the callee-saved registers go on the old task's stack,
 * RSP moves to the new one's, and the new task resumes where it last
 * called this, or, the first time, in ret_from_fork.
 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

struct task_struct;

/* Returns the task that ran on this CPU just before the caller resumed. */
struct task_struct *__switch_to_asm(struct task_struct *prev,
				    struct task_struct *next);
void __switch_to_xtra(struct task_struct *prev, struct task_struct *next);
/* The CPU state beyond the callee-saved registers first (process.c). */
#define switch_to(prev, next)						\
	({								\
		__switch_to_xtra((prev), (next));			\
		__switch_to_asm((prev), (next));			\
	})

/* Where a new task starts: finishes the switch, calls fn(arg), exits. */
void ret_from_fork(void);

struct pt_regs;
/* Process state (arch/x86_64/process.c). */
void fpu_init_cpu(void);
int fpu_clone(struct task_struct *p, struct task_struct *src);
void fpu_free(struct task_struct *p);
void flush_thread(void);
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
int copy_thread_user(struct task_struct *p, const struct pt_regs *regs);
void syscall_init(void);

/*
 * What __switch_to_asm pops for a task that has never run: six
 * callee-saved registers (RBP zero, so backtraces end here), then the
 * return address.
 */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, rbx, bp;
	unsigned long ret_addr;
};

#endif /* _ASM_SWITCH_TO_H */
