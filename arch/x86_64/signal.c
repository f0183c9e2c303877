// SPDX-License-Identifier: GPL-2.0
/*
 * The x86_64 rt signal frame (Linux's arch/x86/kernel/signal.c and
 * <uapi/asm/sigcontext.h>, <uapi/asm/ucontext.h>): what a handler finds
 * on its stack and what rt_sigreturn(2) reads back.  From the stack
 * pointer down (kernel/signal_deliver.c has already skipped the red
 * zone or chosen the alternate stack): the 512-byte FXSAVE area, 64-byte
 * aligned, then struct rt_sigframe with its start 8 below a 16-byte
 * boundary, as after a call.  The handler's return address, pretcode,
 * is sa_restorer, which calls rt_sigreturn with %rsp just past it.
 */
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/signal.h>
#include <irqlab/string.h>
#include <irqlab/uaccess.h>

/* Linux's struct sigcontext (64-bit), field for field. */
struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip;
	u64 flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;			/* the FXSAVE area, or 0 */
	u64 reserved1[8];
};

struct ucontext_64 {
	unsigned long uc_flags;
	unsigned long uc_link;
	stack_t uc_stack;
	struct sigcontext_64 uc_mcontext;
	sigset_t uc_sigmask;
};

struct rt_sigframe {
	unsigned long pretcode;
	struct ucontext_64 uc;
	u8 info[SI_MAX_SIZE];		/* siginfo_t */
};

_Static_assert(sizeof(struct sigcontext_64) == 256, "sigcontext");
_Static_assert(sizeof(struct ucontext_64) == 304, "ucontext");
_Static_assert(sizeof(struct rt_sigframe) == 440, "rt_sigframe");

#define UC_FP_XSTATE		0x1
#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4

#define FXSAVE_SIZE	512

/* The flags sigreturn may change (Linux's FIX_EFLAGS); IF, IOPL, NT,
 * VM... stay the kernel's. */
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF |  \
			 X86_EFLAGS_TF | X86_EFLAGS_SF | X86_EFLAGS_ZF |  \
			 X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF |  \
			 X86_EFLAGS_RF)

unsigned long sigframe_size(void)
{
	return FXSAVE_SIZE + 64 + sizeof(struct rt_sigframe) + 16 + 8;
}

int setup_rt_frame(struct pt_regs *regs, int sig,
		   const struct k_sigaction *ka,
		   const struct kernel_siginfo *info, sigset_t oldset,
		   const stack_t *uc_stack, unsigned long sp)
{
	struct rt_sigframe f;
	struct sigcontext_64 *sc = &f.uc.uc_mcontext;
	unsigned long fp, frame;

	/* x86_64 has no default return stub: glibc and musl set one. */
	if (!(ka->sa_flags & SA_RESTORER))
		return -EFAULT;
	fp = (sp - FXSAVE_SIZE) & ~63UL;
	frame = ((fp - sizeof(f)) & ~15UL) - 8;
	if (frame > sp || !access_ok((void __user *)frame, sp - frame))
		return -EFAULT;

	memset(&f, 0, sizeof(f));
	f.pretcode = ka->sa_restorer;
	f.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	f.uc.uc_stack = *uc_stack;
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->ax = regs->ax;
	sc->cx = regs->cx;
	sc->sp = regs->sp;
	sc->ip = regs->ip;
	sc->flags = regs->flags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	if (sig == SIGSEGV || sig == SIGBUS) {
		sc->cr2 = info->si_addr;
		sc->trapno = sig == SIGSEGV ? 14 : 17;
	}
	sc->oldmask = oldset;
	sc->fpstate = fp;
	f.uc.uc_sigmask = oldset;
	memcpy(f.info, info, sizeof(*info));

	if (copy_to_user((void __user *)frame, &f, sizeof(f)) ||
	    fpu_save_to_user((void __user *)fp))
		return -EFAULT;

	regs->di = sig;
	regs->si = frame + __builtin_offsetof(struct rt_sigframe, info);
	regs->dx = frame + __builtin_offsetof(struct rt_sigframe, uc);
	regs->ax = 0;
	regs->ip = ka->sa_handler;
	regs->sp = frame;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	fpu_reset_user();
	return 0;
}

int restore_rt_frame(struct pt_regs *regs, sigset_t *mask,
		     stack_t *uc_stack)
{
	unsigned long frame = regs->sp - 8;
	struct rt_sigframe f;
	struct sigcontext_64 *sc = &f.uc.uc_mcontext;

	if (copy_from_user(&f, (const void __user *)frame, sizeof(f)))
		return -EFAULT;
	/* IRET to a non-canonical address would fault in the kernel. */
	if (sc->ip >= TASK_SIZE_MAX)
		return -EFAULT;
	if (sc->fpstate) {
		if (fpu_restore_from_user((const void __user *)sc->fpstate))
			return -EFAULT;
	} else {
		fpu_reset_user();
	}
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->di = sc->di;
	regs->si = sc->si;
	regs->bp = sc->bp;
	regs->bx = sc->bx;
	regs->dx = sc->dx;
	regs->ax = sc->ax;
	regs->cx = sc->cx;
	regs->sp = sc->sp;
	regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	/* Whatever segments the frame says: user mode's. */
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	/* Not a system call to restart (Linux's orig_ax = -1). */
	regs->vector = ~0UL;
	*mask = f.uc.uc_sigmask;
	*uc_stack = f.uc.uc_stack;
	return 0;
}
