// SPDX-License-Identifier: GPL-2.0
/*
 * Oops reports: registers and a symbolised backtrace, in Linux's layout
 * (arch/x86/kernel/dumpstack.c and process_64.c) so that tools and eyes
 * trained on Linux read them unchanged.
 *
 * The backtrace follows the frame-pointer chain: the kernel is built with
 * -fno-omit-frame-pointer, so every frame starts with the caller's RBP
 * followed by the return address.  A frame is trusted only while it stays
 * on the stack the walk started on and moves up it.
 */
#include <asm/traps.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <irqlab/kernel.h>
#include <irqlab/kallsyms.h>
#include <irqlab/string.h>
#include <irqlab/smp.h>

#define MAX_FRAMES	128

int oops_in_progress;
static int die_counter;

void print_cpu_line(void)
{
	printk(KERN_DEFAULT "CPU: %d PID: %d Comm: %s Not tainted %s #1\n",
	       smp_processor_id(), current_pid(), current_comm(),
	       IRQLAB_VERSION);
}

static void print_entry(unsigned long addr, bool reliable)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_backtrace(sym, addr);
	printk(KERN_DEFAULT " %s%s\n", reliable ? "" : "? ", sym);
}

/*
 * Like Linux's show_trace_log_lvl(): every word from sp up to the top of
 * the stack that holds a kernel text address is printed.  Those in the
 * return-address slot of a frame on the frame-pointer chain are reliable;
 * the rest get a "? ", since they may be stale.  The scan matters when
 * the fault is in a leaf function, which gcc builds without a frame: its
 * caller then shows up only as a "?" entry.
 */
void show_trace(unsigned long sp, unsigned long bp)
{
	unsigned long lo, hi, p, addr, offset, size;
	const char *stack, *name;
	int n = 0;

	printk(KERN_DEFAULT "Call Trace:\n");
	printk(KERN_DEFAULT " <TASK>\n");
	if (!get_stack_bounds(sp, &lo, &hi, &stack)) {
		/* An overflow leaves sp in the guard page: scan from the
		 * bottom of the stack the frame pointer is on. */
		if (!get_stack_bounds(bp, &lo, &hi, &stack))
			goto out;
		sp = lo;
	}
	for (p = ALIGN(sp, 8); p + 8 <= hi && n < MAX_FRAMES; p += 8) {
		addr = *(unsigned long *)p;
		if (!kallsyms_lookup(addr - 1, &name, &offset, &size))
			continue;
		n++;
		if (bp && p == bp + 8) {
			print_entry(addr, true);
			/* Frames only move up the stack. */
			bp = *(unsigned long *)bp;
			if (bp <= p || bp + 16 > hi || (bp & 7))
				bp = 0;
		} else {
			print_entry(addr, false);
		}
	}
out:
	printk(KERN_DEFAULT " </TASK>\n");
}

void dump_stack(void)
{
	print_cpu_line();
	show_trace((unsigned long)__builtin_frame_address(0),
		   (unsigned long)__builtin_frame_address(0));
}

void show_regs(struct pt_regs *regs)
{
	char sym[KSYM_SYMBOL_LEN];
	u16 ds, es, fs, gs;

	__asm__ __volatile__("movw %%ds, %0; movw %%es, %1; "
			     "movw %%fs, %2; movw %%gs, %3"
			     : "=r"(ds), "=r"(es), "=r"(fs), "=r"(gs));

	sprint_symbol(sym, regs->ip);
	printk(KERN_DEFAULT "RIP: %04lx:%s\n", regs->cs & 0xffff, sym);
	printk(KERN_DEFAULT "RSP: %04lx:%016lx EFLAGS: %08lx\n",
	       regs->ss & 0xffff, regs->sp, regs->flags);
	printk(KERN_DEFAULT "RAX: %016lx RBX: %016lx RCX: %016lx\n",
	       regs->ax, regs->bx, regs->cx);
	printk(KERN_DEFAULT "RDX: %016lx RSI: %016lx RDI: %016lx\n",
	       regs->dx, regs->si, regs->di);
	printk(KERN_DEFAULT "RBP: %016lx R08: %016lx R09: %016lx\n",
	       regs->bp, regs->r8, regs->r9);
	printk(KERN_DEFAULT "R10: %016lx R11: %016lx R12: %016lx\n",
	       regs->r10, regs->r11, regs->r12);
	printk(KERN_DEFAULT "R13: %016lx R14: %016lx R15: %016lx\n",
	       regs->r13, regs->r14, regs->r15);
	printk(KERN_DEFAULT "FS:  %04x GS:  %04x\n", fs, gs);
	printk(KERN_DEFAULT "CS:  %04lx DS: %04x ES: %04x CR0: %016lx\n",
	       regs->cs & 0xffff, ds, es, read_cr0());
	printk(KERN_DEFAULT "CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr2(), read_cr3(), read_cr4());
}

void die(const char *str, struct pt_regs *regs, long err)
{
	panic_stop_other_cpus();
	oops_in_progress++;
	if (strcmp(str, "Oops") == 0)	/* a page fault: not "Oops: Oops" */
		printk(KERN_DEFAULT "Oops: %04lx [#%d] SMP\n", err & 0xffff,
		       ++die_counter);
	else
		printk(KERN_DEFAULT "Oops: %s: %04lx [#%d] SMP\n", str,
		       err & 0xffff, ++die_counter);
	print_cpu_line();
	show_regs(regs);
	/* The RIP line names the faulting function; the trace its callers. */
	show_trace(regs->sp, regs->bp);
	printk(KERN_DEFAULT "---[ end trace 0000000000000000 ]---\n");
	panic("Fatal exception");
}
