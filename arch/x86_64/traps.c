// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions.  do_interrupt() receives every vector from entry.S; the 32
 * exception vectors end here.  A fault of a process, or a user copy's,
 * goes to fault.c first.  A kernel fault is fatal: it prints an oops
 * report in Linux's format and panics, unless a test armed
 * call_catching_fault() to take it.
 */
#include <asm/traps.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/setjmp.h>
#include <asm/hardirq.h>
#include <asm/nmi.h>
#include <irqlab/percpu.h>
#include <irqlab/preempt.h>
#include <irqlab/kernel.h>
#include <irqlab/kallsyms.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/uaccess.h>
#include <asm/insn.h>
#include <irqlab/kernel_stat.h>

static const char *const trap_names[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE]	= "divide error",
	[X86_TRAP_DB]	= "debug",
	[X86_TRAP_NMI]	= "NMI",
	[X86_TRAP_BP]	= "int3",
	[X86_TRAP_OF]	= "overflow",
	[X86_TRAP_BR]	= "bounds",
	[X86_TRAP_UD]	= "invalid opcode",
	[X86_TRAP_NM]	= "device not available",
	[X86_TRAP_DF]	= "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS]	= "invalid TSS",
	[X86_TRAP_NP]	= "segment not present",
	[X86_TRAP_SS]	= "stack segment",
	[X86_TRAP_GP]	= "general protection fault",
	[X86_TRAP_PF]	= "page fault",
	[X86_TRAP_SPURIOUS] = "spurious interrupt bug",
	[X86_TRAP_MF]	= "coprocessor error",
	[X86_TRAP_AC]	= "alignment check",
	[X86_TRAP_MC]	= "machine check",
	[X86_TRAP_XF]	= "SIMD exception",
	[X86_TRAP_VE]	= "virtualization exception",
	[X86_TRAP_CP]	= "control protection",
};

const char *trap_name(unsigned int vector)
{
	if (vector < NR_EXCEPTION_VECTORS && trap_names[vector])
		return trap_names[vector];
	return "reserved";
}

/* ---- catching a fault on purpose ---------------------------------- */

struct fault_catch {
	struct kjmp_buf jmp;
	struct fault_info info;
};

static DEFINE_PER_CPU(struct fault_catch *, active_catch);

bool call_catching_fault(void (*fn)(void *), void *arg,
			 struct fault_info *info)
{
	struct fault_catch c;
	struct fault_catch *volatile prev;

	/* The catcher belongs to this CPU: stay on it. */
	preempt_disable();
	prev = this_cpu_read(active_catch);
	if (ksetjmp(&c.jmp)) {
		this_cpu_write(active_catch, prev);
		preempt_enable();
		*info = c.info;
		return true;
	}
	this_cpu_write(active_catch, &c);
	fn(arg);
	this_cpu_write(active_catch, prev);
	preempt_enable();
	return false;
}

static bool catch_fault(struct pt_regs *regs)
{
	struct fault_catch *c = this_cpu_read(active_catch);
	char sym[KSYM_SYMBOL_LEN];

	if (!c)
		return false;
	c->info.vector = regs->vector;
	c->info.error_code = regs->error_code;
	c->info.ip = regs->ip;
	c->info.cr2 = regs->vector == X86_TRAP_PF ? read_cr2() : 0;
	sprint_symbol(sym, regs->ip);
	pr_info("traps: caught %s (vector %lu, error %04lx) at %s\n",
		trap_name(regs->vector), regs->vector, regs->error_code, sym);
	this_cpu_write(active_catch, NULL);
	klongjmp(&c->jmp, 1);
}

/* ---- fatal reports ---------------------------------------------------- */

static void show_fault_oops(struct pt_regs *regs, unsigned long address)
{
	unsigned long err = regs->error_code;

	if (address < 4096)
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n",
			 address);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n",
			 address);
	pr_alert("#PF: %s %s in %s mode\n",
		 (err & X86_PF_USER) ? "user" : "supervisor",
		 (err & X86_PF_INSTR) ? "instruction fetch" :
		 (err & X86_PF_WRITE) ? "write access" : "read access",
		 (regs->cs & 3) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", err,
		 !(err & X86_PF_PROT) ? "not-present page" :
		 (err & X86_PF_RSVD) ? "reserved bit violation" :
		 (err & X86_PF_PK) ? "protection keys violation" :
		 "permissions violation");
	/* Linux's guess for a kernel jump into a user page (every task
	 * is root here: uid 0). */
	if ((err & X86_PF_INSTR) && (err & X86_PF_PROT) &&
	    !(err & X86_PF_USER) && address < TASK_SIZE_MAX &&
	    (read_cr4() & X86_CR4_SMEP))
		pr_crit("unable to execute userspace code (SMEP?) (uid: 0)\n");
}

/*
 * A double fault whose CR2 lies in a stack's guard page is a stack
 * overflow: pushing the first fault's frame faulted again.  Linux
 * recognises it the same way (handle_stack_overflow).
 */
static void check_stack_overflow(struct pt_regs *regs)
{
	unsigned long cr2 = read_cr2(), lo, hi;
	const char *name;

	if (!in_stack_guard(cr2, &lo, &hi, &name))
		return;
	pr_emerg("BUG: %s stack guard page was hit at %016lx (stack is %016lx..%016lx)\n",
		 name, cr2, lo, hi - 1);
	die("stack guard page", regs, 0);
}

enum kernel_gp_hint {
	GP_NO_HINT,
	GP_NON_CANONICAL,
	GP_CANONICAL,
};

/* Bits 63-47 of a canonical address are all equal: a 48-bit space. */
#define __VIRTUAL_MASK	((1UL << 47) - 1)

/*
 * Linux's get_kernel_gp_address(): a #GP carries no address, but the
 * instruction at RIP says which one it used, and whether that was in
 * the non-canonical hole is the likely reason.
 */
static enum kernel_gp_hint get_kernel_gp_address(struct pt_regs *regs,
						 unsigned long *addr)
{
	u8 buf[MAX_INSN_SIZE];
	struct insn insn;

	if (copy_from_kernel_nofault(buf, (void *)regs->ip, sizeof(buf)))
		return GP_NO_HINT;
	if (insn_decode_kernel(&insn, buf, sizeof(buf)))
		return GP_NO_HINT;
	if (!insn_get_addr_ref(&insn, regs, addr))
		return GP_NO_HINT;
	/* Not in the kernel half, and not all of it in the user half. */
	if (*addr < ~__VIRTUAL_MASK &&
	    *addr + insn.opnd_bytes - 1 > __VIRTUAL_MASK)
		return GP_NON_CANONICAL;
	return GP_CANONICAL;
}

#define GPFSTR "general protection fault"

static void exc_general_protection(struct pt_regs *regs)
{
	static char desc[sizeof(GPFSTR) + 50 + 2 * sizeof(unsigned long) + 1];
	enum kernel_gp_hint hint = GP_NO_HINT;
	unsigned long gp_addr;

	strscpy(desc, GPFSTR, sizeof(desc));
	/* A selector in the error code: not an address problem. */
	if (regs->error_code)
		snprintf(desc, sizeof(desc), "segment-related " GPFSTR);
	else
		hint = get_kernel_gp_address(regs, &gp_addr);
	if (hint != GP_NO_HINT)
		snprintf(desc, sizeof(desc), GPFSTR ", %s 0x%lx",
			 hint == GP_NON_CANONICAL ?
			 "probably for non-canonical address" :
			 "maybe for address", gp_addr);
	die(desc, regs, regs->error_code);
}

static void do_exception(struct pt_regs *regs)
{
	unsigned int v = regs->vector;

	if (v == X86_TRAP_PF && handle_page_fault(regs, read_cr2()))
		return;
	if (v != X86_TRAP_NMI && v != X86_TRAP_MC && v != X86_TRAP_DF &&
	    user_mode(regs)) {
		do_user_trap(regs);
		return;
	}
	switch (v) {
	case X86_TRAP_NMI:
		exc_nmi(regs);
		return;
	case X86_TRAP_BP:
		/* int3 is a trap: report it and carry on after it. */
		pr_warn("int3 at %016lx\n", regs->ip);
		return;
	case X86_TRAP_DF:
	case X86_TRAP_MC:
		break;
	default:
		if (catch_fault(regs))
			return;
	}

	if (v == X86_TRAP_PF) {
		show_fault_oops(regs, read_cr2());
		die("Oops", regs, regs->error_code);
	}
	if (v == X86_TRAP_GP)
		exc_general_protection(regs);
	if (v == X86_TRAP_DF)
		check_stack_overflow(regs);
	die(trap_name(v), regs, regs->error_code);
}

void do_interrupt(struct pt_regs *regs)
{
	/* From user mode: the time until here was the program's. */
	if (user_mode(regs) && regs->vector != X86_TRAP_NMI)
		account_user_exit();
	if (regs->vector < NR_EXCEPTION_VECTORS) {
		do_exception(regs);
		return;
	}
	do_IRQ(regs);
}
