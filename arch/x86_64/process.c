// SPDX-License-Identifier: GPL-2.0
/*
 * What a user task has of the CPU besides its registers (Linux's
 * arch/x86/kernel/process_64.c and fpu/): its address space's CR3, its
 * TLS bases (FS, GS), its x87/SSE state, and the kernel stack an entry
 * from user mode lands on.  __switch_to_xtra() moves them at every
 * context switch.  The kernel itself never touches the SSE registers
 * (-mno-sse), so the state is saved only when a user task leaves the CPU
 * and restored when one comes back (Linux saves it lazily on the way to
 * user mode; the result is the same here).
 */
#include <asm/processor.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <irqlab/errno.h>
#include <irqlab/mm_types.h>
#include <irqlab/percpu.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include <irqlab/vmalloc.h>

#define FXSAVE_SIZE	512
#define MXCSR_DEFAULT	0x1f80	/* every exception masked */

static u8 fpu_init_state[FXSAVE_SIZE] __aligned(16);

static inline void write_cr0(u64 v)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(v) : "memory");
}

static void fxsave(void *area)
{
	__asm__ __volatile__("fxsave64 (%0)" : : "r"(area) : "memory");
}

static void fxrstor(const void *area)
{
	__asm__ __volatile__("fxrstor64 (%0)" : : "r"(area) : "memory");
}

/*
 * Per CPU: SSE usable from user mode (CR4.OSFXSR, exceptions reported
 * as #XM) and x87 errors as exceptions (CR0.NE).
 */
void fpu_init_cpu(void)
{
	u16 fcw = 0x37f;
	u32 mxcsr = MXCSR_DEFAULT;

	write_cr0((read_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) |
		  X86_CR0_MP | X86_CR0_NE);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	/* The state a new program starts with (fninit's, MXCSR's reset). */
	__asm__ __volatile__("fninit\n\tfldcw %0\n\tldmxcsr %1"
			     : : "m"(fcw), "m"(mxcsr));
	fxsave(fpu_init_state);
}

struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)((char *)p->stack + THREAD_SIZE) - 1;
}

/* Gives a user task its FPU area, a copy of src's (or the initial one). */
int fpu_clone(struct task_struct *p, struct task_struct *src)
{
	if (!p->thread.fpu) {
		p->thread.fpu = kmalloc(FXSAVE_SIZE, GFP_KERNEL);
		if (!p->thread.fpu)
			return -ENOMEM;
	}
	if (src == current && src->thread.fpu)
		fxsave(src->thread.fpu);
	memcpy(p->thread.fpu, src && src->thread.fpu ? src->thread.fpu :
	       fpu_init_state, FXSAVE_SIZE);
	return 0;
}

/*
 * Signal frames (arch/x86_64/signal.c): the current task's x87/SSE
 * registers, which are live in the CPU while it runs in the kernel
 * (the kernel never uses them), to and from a user FXSAVE area.  A
 * context switch in between (the copy may fault and sleep) saves and
 * restores the registers themselves, so what is copied stays right.
 */
int fpu_save_to_user(void __user *buf)
{
	u8 area[FXSAVE_SIZE] __aligned(16);

	fxsave(area);
	return copy_to_user(buf, area, FXSAVE_SIZE) ? -EFAULT : 0;
}

int fpu_restore_from_user(const void __user *buf)
{
	u8 area[FXSAVE_SIZE] __aligned(16);
	u32 mask, mxcsr;

	if (copy_from_user(area, buf, FXSAVE_SIZE))
		return -EFAULT;
	/* A reserved MXCSR bit would make FXRSTOR fault (Linux's
	 * mxcsr_feature_mask): the CPU's mask, from the initial state. */
	memcpy(&mask, fpu_init_state + 28, 4);
	if (!mask)
		mask = 0xffbf;
	memcpy(&mxcsr, area + 24, 4);
	mxcsr &= mask;
	memcpy(area + 24, &mxcsr, 4);
	fxrstor(area);
	return 0;
}

/* A handler starts with the initial state (Linux's fpu__clear_user_states). */
void fpu_reset_user(void)
{
	fxrstor(fpu_init_state);
}

void fpu_free(struct task_struct *p)
{
	kfree(p->thread.fpu);
	p->thread.fpu = NULL;
}

/* execve: a fresh FPU state and no TLS. */
void flush_thread(void)
{
	struct task_struct *p = current;

	if (p->thread.fpu) {
		memcpy(p->thread.fpu, fpu_init_state, FXSAVE_SIZE);
		fxrstor(p->thread.fpu);
	}
	p->thread.fsbase = 0;
	p->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

/* The registers a new program starts with (Linux's start_thread). */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | 0x2;	/* bit 1 is always set */
}

/*
 * A forked child: the parent's user registers with 0 as the result of
 * the call, and a first frame that goes straight to user mode.
 */
int copy_thread_user(struct task_struct *p, const struct pt_regs *regs)
{
	struct inactive_task_frame *frame;
	struct pt_regs *child = task_pt_regs(p);

	*child = *regs;
	child->ax = 0;
	frame = (struct inactive_task_frame *)child - 1;
	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)frame;
	p->thread.fsbase = current->thread.fsbase;
	p->thread.gsbase = current->thread.gsbase;
	return fpu_clone(p, current);
}

void __switch_to_xtra(struct task_struct *prev, struct task_struct *next)
{
	if (prev->thread.fpu)
		fxsave(prev->thread.fpu);
	if (next->stack) {
		unsigned long top = (unsigned long)next->stack + THREAD_SIZE;

		update_task_stack(top);
		this_cpu_write(pcpu_hot.top_of_stack, top);
	}
	switch_mm(next->mm ? next->mm->pgd : NULL);
	if (next->mm) {
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	}
	if (next->thread.fpu)
		fxrstor(next->thread.fpu);
}

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	struct task_struct *p = current;

	switch (option) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		if (option == ARCH_SET_FS) {
			p->thread.fsbase = arg2;
			wrmsr(MSR_FS_BASE, arg2);
		} else {
			p->thread.gsbase = arg2;
			wrmsr(MSR_KERNEL_GS_BASE, arg2);
		}
		return 0;
	case ARCH_GET_FS:
		return put_user(p->thread.fsbase, (unsigned long __user *)arg2);
	case ARCH_GET_GS:
		return put_user(p->thread.gsbase, (unsigned long __user *)arg2);
	}
	return -EINVAL;
}

struct pt_regs *current_pt_regs(void)
{
	return task_pt_regs(current);
}
