// SPDX-License-Identifier: GPL-2.0
/*
 * Where the assembly finds the fields of C structures, as Linux's
 * arch/x86/kernel/asm-offsets.c.  This file is compiled to assembly only,
 * never linked: the Makefile turns its "->SYM value" markers into
 * build/include/generated/asm-offsets.h, which entry.S, switch_to.S and
 * setjmp.S include.  Reorder a structure and the assembly follows it.
 *
 * What the compiler cannot move is checked here instead: layouts that
 * the CPU or the entry stubs fix.
 */
#include <irqlab/kbuild.h>
#include <irqlab/percpu.h>
#include <irqlab/sched.h>
#include <asm/ptrace.h>
#include <asm/setjmp.h>
#include <asm/switch_to.h>
#include <asm/desc.h>

/*
 * The CPU pushes ss, sp, flags, cs, ip (and for some vectors an error
 * code); the stubs of entry.S push the vector under the error code.  The
 * general registers are stored by offset, so only this tail is fixed.
 */
_Static_assert(offsetof(struct pt_regs, error_code) ==
	       offsetof(struct pt_regs, vector) + 8, "stub-pushed words");
_Static_assert(offsetof(struct pt_regs, ip) ==
	       offsetof(struct pt_regs, error_code) + 8, "error code slot");
_Static_assert(offsetof(struct pt_regs, cs) ==
	       offsetof(struct pt_regs, ip) + 8 &&
	       offsetof(struct pt_regs, flags) ==
	       offsetof(struct pt_regs, ip) + 16 &&
	       offsetof(struct pt_regs, sp) ==
	       offsetof(struct pt_regs, ip) + 24 &&
	       offsetof(struct pt_regs, ss) ==
	       offsetof(struct pt_regs, ip) + 32 &&
	       sizeof(struct pt_regs) == offsetof(struct pt_regs, ip) + 40,
	       "the CPU's interrupt frame: ip, cs, flags, sp, ss");
/* What __switch_to_asm pops, in its order, then returns through. */
_Static_assert(offsetof(struct inactive_task_frame, ret_addr) == 6 * 8 &&
	       offsetof(struct inactive_task_frame, r15) == 0 &&
	       offsetof(struct inactive_task_frame, bp) == 5 * 8,
	       "switch_to.S's push order");

static void __used common(void)
{
	COMMENT("struct pt_regs, as common_interrupt saves it");
	OFFSET(pt_regs_r15, pt_regs, r15);
	OFFSET(pt_regs_r14, pt_regs, r14);
	OFFSET(pt_regs_r13, pt_regs, r13);
	OFFSET(pt_regs_r12, pt_regs, r12);
	OFFSET(pt_regs_bp, pt_regs, bp);
	OFFSET(pt_regs_bx, pt_regs, bx);
	OFFSET(pt_regs_r11, pt_regs, r11);
	OFFSET(pt_regs_r10, pt_regs, r10);
	OFFSET(pt_regs_r9, pt_regs, r9);
	OFFSET(pt_regs_r8, pt_regs, r8);
	OFFSET(pt_regs_ax, pt_regs, ax);
	OFFSET(pt_regs_cx, pt_regs, cx);
	OFFSET(pt_regs_dx, pt_regs, dx);
	OFFSET(pt_regs_si, pt_regs, si);
	OFFSET(pt_regs_di, pt_regs, di);
	OFFSET(pt_regs_vector, pt_regs, vector);
	OFFSET(pt_regs_ip, pt_regs, ip);
	OFFSET(pt_regs_cs, pt_regs, cs);
	OFFSET(pt_regs_flags, pt_regs, flags);
	OFFSET(pt_regs_sp, pt_regs, sp);
	DEFINE(PTREGS_SIZE, sizeof(struct pt_regs));
	BLANK();

	COMMENT("struct pcpu_hot, at %gs:0 on every CPU");
	OFFSET(X86_current_task, pcpu_hot, current_task);
	OFFSET(X86_hardirq_stack_ptr, pcpu_hot, hardirq_stack_ptr);
	OFFSET(X86_hardirq_stack_inuse, pcpu_hot, hardirq_stack_inuse);
	OFFSET(X86_top_of_stack, pcpu_hot, top_of_stack);
	OFFSET(X86_user_rsp_scratch, pcpu_hot, user_rsp_scratch);
	BLANK();

	COMMENT("struct task_struct, for the context switch");
	OFFSET(TASK_threadsp, task_struct, thread.sp);
	BLANK();

	COMMENT("Segment selectors");
	DEFINE(__USER_CS_SEL, __USER_CS);
	DEFINE(__USER_DS_SEL, __USER_DS);
	BLANK();

	COMMENT("struct kjmp_buf, for ksetjmp and klongjmp");
	OFFSET(KJMP_bx, kjmp_buf, bx);
	OFFSET(KJMP_bp, kjmp_buf, bp);
	OFFSET(KJMP_r12, kjmp_buf, r12);
	OFFSET(KJMP_r13, kjmp_buf, r13);
	OFFSET(KJMP_r14, kjmp_buf, r14);
	OFFSET(KJMP_r15, kjmp_buf, r15);
	OFFSET(KJMP_sp, kjmp_buf, sp);
	OFFSET(KJMP_ip, kjmp_buf, ip);
	OFFSET(KJMP_flags, kjmp_buf, flags);
}
