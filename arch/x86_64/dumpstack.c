// SPDX-License-Identifier: GPL-2.0
/*
 * Oops reports: registers and a symbolised backtrace, in Linux's layout
 * (arch/x86/kernel/dumpstack.c, dumpstack_64.c and process_64.c) so that
 * tools and eyes trained on Linux read them unchanged.
 *
 * The backtrace follows the frame-pointer chain: the kernel is built with
 * -fno-omit-frame-pointer, so every frame starts with the caller's RBP
 * followed by the return address.  Like Linux's show_trace_log_lvl(), it
 * walks stack by stack: a CPU may be on its IRQ stack, or on an IST stack
 * (#DF, NMI, #MC), above the task's, and each of those says where the
 * stack below it was left (next_sp), so the walk goes on there, printing
 * <IRQ> ... </IRQ> <TASK> ... </TASK> around each part.
 */
#include <asm/traps.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <irqlab/kernel.h>
#include <irqlab/kallsyms.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>
#include <irqlab/uaccess.h>
#include <irqlab/smp.h>
#include <irqlab/preempt.h>
#include <irqlab/percpu.h>
#include <irqlab/sched.h>
#include <irqlab/vmalloc.h>

#define MAX_FRAMES	128
/* Task, IRQ and one exception stack: a longer chain is a loop. */
#define MAX_STACKS	4

int oops_in_progress;
static int die_counter;

/* Where entry.S returns to from do_interrupt (see there). */
extern const char common_interrupt[];

enum show_regs_mode {
	SHOW_REGS_SHORT,	/* interrupted context, inside a trace */
	SHOW_REGS_ALL,		/* the faulting context */
};

enum stack_type {
	STACK_TYPE_UNKNOWN,
	STACK_TYPE_TASK,
	STACK_TYPE_IRQ,
	STACK_TYPE_EXCEPTION,
};

struct stack_info {
	enum stack_type type;
	const char *name;		/* as in <IRQ> */
	unsigned long begin, end;
	unsigned long next_sp;		/* the stack below: 0 for a task's */
};

/*
 * This CPU's IRQ stack: call_on_irq_stack stored the stack pointer it
 * left in the top-most word, hardirq_stack_ptr (Linux's in_irq_stack).
 */
static bool in_irq_stack(unsigned long sp, struct stack_info *info)
{
	unsigned long top = this_cpu_ptr(&pcpu_hot)->hardirq_stack_ptr;
	unsigned long end = top + sizeof(long);

	if (!top || sp < end - THREAD_SIZE || sp >= end)
		return false;
	info->type = STACK_TYPE_IRQ;
	info->name = "IRQ";
	info->begin = end - THREAD_SIZE;
	info->end = end;
	info->next_sp = *(unsigned long *)top;
	return true;
}

static bool get_stack_info(unsigned long sp, struct stack_info *info)
{
	const char *name;

	memset(info, 0, sizeof(*info));
	if (!sp)
		return false;
	if (in_irq_stack(sp, info))
		return true;
	if (!get_stack_bounds(sp, &info->begin, &info->end, &name))
		return false;
	info->name = name;
	if (strcmp(name, "TASK") == 0) {
		info->type = STACK_TYPE_TASK;
	} else {
		/* The CPU pushed the interrupted frame at the top. */
		info->type = STACK_TYPE_EXCEPTION;
		info->next_sp = ((struct pt_regs *)info->end - 1)->sp;
	}
	return true;
}

static bool on_stack(const struct stack_info *info, const void *p,
		     size_t len)
{
	unsigned long a = (unsigned long)p;

	return a >= info->begin && a + len <= info->end && a + len > a;
}

/* ---- registers ---------------------------------------------------- */

static char dump_stack_arch_desc_str[128];

void dump_stack_set_arch_desc(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vscnprintf(dump_stack_arch_desc_str, sizeof(dump_stack_arch_desc_str),
		   fmt, args);
	va_end(args);
}

/* Linux's dump_stack_print_info(), the lines every report starts with. */
static void print_cpu_line(void)
{
	printk(KERN_DEFAULT "CPU: %d PID: %d Comm: %s Not tainted %s #1\n",
	       smp_processor_id(), current_pid(), current_comm(),
	       IRQLAB_VERSION);
	if (dump_stack_arch_desc_str[0])
		printk(KERN_DEFAULT "Hardware name: %s\n",
		       dump_stack_arch_desc_str);
}

/*
 * Linux's show_opcodes(): the code around RIP, two thirds of it before,
 * so that a disassembler finds the instruction boundaries; the byte at
 * RIP in <>.  Feed it to scripts/decodecode, or compare with objdump.
 */
#define PROLOGUE_SIZE	42
#define EPILOGUE_SIZE	21
#define OPCODE_BUFSIZE	(PROLOGUE_SIZE + 1 + EPILOGUE_SIZE)

static void show_opcodes(struct pt_regs *regs)
{
	unsigned long prologue = regs->ip - PROLOGUE_SIZE;
	u8 opcodes[OPCODE_BUFSIZE];
	char line[3 * OPCODE_BUFSIZE + 8];
	int i, n = 0;

	if (copy_from_kernel_nofault(opcodes, (void *)prologue,
				     sizeof(opcodes))) {
		printk(KERN_DEFAULT
		       "Code: Unable to access opcode bytes at 0x%lx.\n",
		       prologue);
		return;
	}
	for (i = 0; i < OPCODE_BUFSIZE; i++)
		n += scnprintf(line + n, sizeof(line) - n,
			       i == PROLOGUE_SIZE ? "<%02x>%s" : "%02x%s",
			       opcodes[i], i + 1 < OPCODE_BUFSIZE ? " " : "");
	printk(KERN_DEFAULT "Code: %s\n", line);
}

static void show_ip(struct pt_regs *regs)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, regs->ip);
	printk(KERN_DEFAULT "RIP: %04lx:%s\n", regs->cs & 0xffff, sym);
	show_opcodes(regs);
}

static void show_iret_regs(struct pt_regs *regs)
{
	show_ip(regs);
	printk(KERN_DEFAULT "RSP: %04lx:%016lx EFLAGS: %08lx\n",
	       regs->ss & 0xffff, regs->sp, regs->flags);
}

static void __show_regs(struct pt_regs *regs, enum show_regs_mode mode)
{
	u16 ds, es, fs, gs;

	show_iret_regs(regs);
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
	if (mode == SHOW_REGS_SHORT)
		return;

	__asm__ __volatile__("movw %%ds, %0; movw %%es, %1; "
			     "movw %%fs, %2; movw %%gs, %3"
			     : "=r"(ds), "=r"(es), "=r"(fs), "=r"(gs));
	printk(KERN_DEFAULT "FS:  %04x GS:  %04x\n", fs, gs);
	printk(KERN_DEFAULT "CS:  %04lx DS: %04x ES: %04x CR0: %016lx\n",
	       regs->cs & 0xffff, ds, es, read_cr0());
	printk(KERN_DEFAULT "CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr2(), read_cr3(), read_cr4());
}

/* ---- the backtrace -------------------------------------------------- */

static void print_entry(unsigned long addr, bool reliable)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_backtrace(sym, addr);
	printk(KERN_DEFAULT " %s%s\n", reliable ? "" : "? ", sym);
}

/*
 * The frame whose return address is in common_interrupt sits just below
 * the struct pt_regs of what the interrupt or exception came in on.
 */
static struct pt_regs *entry_regs(unsigned long bp, unsigned long ret)
{
	unsigned long off, size;
	const char *name;

	if (!kallsyms_lookup(ret, &name, &off, &size) ||
	    ret - off != (unsigned long)common_interrupt)
		return NULL;
	return (struct pt_regs *)(bp + 2 * sizeof(long));
}

/* The caller's frame, if it is one the walk can trust. */
static unsigned long next_frame(unsigned long bp,
				const struct stack_info *info)
{
	unsigned long next = *(unsigned long *)bp;
	struct stack_info other;

	if (next & 7)
		return 0;
	/* Up the same stack, or onto another one the kernel knows. */
	if (on_stack(info, (void *)next, 2 * sizeof(long)))
		return next > bp ? next : 0;
	return get_stack_info(next, &other) &&
	       on_stack(&other, (void *)next, 2 * sizeof(long)) ? next : 0;
}

/*
 * Like Linux's show_trace_log_lvl(): every word from sp up to the top of
 * each stack that holds a kernel text address is printed.  Those in the
 * return-address slot of a frame on the frame-pointer chain are reliable;
 * the rest get a "? ", since they may be stale.  The scan matters when
 * the fault is in a leaf function, which gcc builds without a frame: its
 * caller then shows up only as a "?" entry.  Where the chain passes an
 * interrupt's entry, the registers it interrupted are shown, as Linux's
 * show_regs_if_on_stack() does.
 */
static void show_trace_log_lvl(unsigned long sp, unsigned long bp)
{
	unsigned long p, addr, offset, size, visited = 0;
	struct pt_regs *regs = NULL;
	struct stack_info info;
	const char *name;
	int n = 0, stacks = 0;

	printk(KERN_DEFAULT "Call Trace:\n");
	for (; sp && stacks < MAX_STACKS; sp = info.next_sp, stacks++) {
		sp = ALIGN(sp, sizeof(long));
		if (!get_stack_info(sp, &info)) {
			/* An overflow leaves sp in the guard page below
			 * a stack: try the page above, as Linux does. */
			sp = ALIGN(sp + 1, PAGE_SIZE);
			if (!get_stack_info(sp, &info))
				break;
		}
		/* Each stack once: a chain back to one is corrupt. */
		if (visited & (1UL << info.type))
			break;
		visited |= 1UL << info.type;

		printk(KERN_DEFAULT " <%s>\n", info.name);
		for (p = sp; p + sizeof(long) <= info.end && n < MAX_FRAMES;
		     p += sizeof(long)) {
			addr = *(unsigned long *)p;
			if (!kallsyms_lookup(addr - 1, &name, &offset, &size))
				continue;
			/* Already in the RIP line of the regs shown. */
			if (regs && p == (unsigned long)&regs->ip)
				continue;
			n++;
			/* bp itself is read: it must be on this stack too. */
			if (!bp || p != bp + sizeof(long) ||
			    !on_stack(&info, (void *)bp, 2 * sizeof(long))) {
				print_entry(addr, false);
				continue;
			}
			print_entry(addr, true);
			regs = entry_regs(bp, addr);
			if (regs && on_stack(&info, regs, sizeof(*regs)))
				__show_regs(regs, SHOW_REGS_SHORT);
			else
				regs = NULL;
			bp = next_frame(bp, &info);
		}
		printk(KERN_DEFAULT " </%s>\n", info.name);
	}
}

void dump_stack(void)
{
	print_cpu_line();
	show_trace_log_lvl((unsigned long)__builtin_frame_address(0),
			   (unsigned long)__builtin_frame_address(0));
}

/*
 * __switch_to_asm left a switched-out task's callee-saved registers at
 * thread.sp, RBP the sixth word, its return address right above
 * (switch_to.S): that slot is the first frame of the chain.
 */
#define SWITCH_FRAME_BP		5

void show_stack(struct task_struct *task)
{
	unsigned long *frame;

	if (!task || task == current) {
		show_trace_log_lvl((unsigned long)__builtin_frame_address(0),
				   (unsigned long)__builtin_frame_address(0));
		return;
	}
	frame = (unsigned long *)READ_ONCE(task->thread.sp);
	if (frame)
		show_trace_log_lvl((unsigned long)frame,
				   (unsigned long)&frame[SWITCH_FRAME_BP]);
}

/* ---- oops ------------------------------------------------------------ */

void show_regs(struct pt_regs *regs)
{
	print_cpu_line();
	__show_regs(regs, SHOW_REGS_ALL);
	/* The RIP line names the faulting function; the trace its callers.
	 * User registers (an NMI or sysrq p in user mode) name no kernel
	 * stack: the program's %rsp is not followed, as Linux's. */
	if (!user_mode(regs))
		show_trace_log_lvl(regs->sp, regs->bp);
}

static void oops_begin(void)
{
	panic_stop_other_cpus();
	oops_in_progress++;
}

/*
 * Linux kills the task and goes on unless panic_on_oops; irqlab has no
 * task to kill that could leave the kernel sane, so an oops is always a
 * panic, with Linux's words for one in interrupt context.
 */
static void __noreturn oops_end(void)
{
	printk(KERN_DEFAULT "---[ end trace 0000000000000000 ]---\n");
	if (in_interrupt())
		panic("Fatal exception in interrupt");
	panic("Fatal exception");
}

void die(const char *str, struct pt_regs *regs, long err)
{
	oops_begin();
	if (strcmp(str, "Oops") == 0)	/* a page fault: not "Oops: Oops" */
		printk(KERN_DEFAULT "Oops: %04lx [#%d] SMP\n", err & 0xffff,
		       ++die_counter);
	else
		printk(KERN_DEFAULT "Oops: %s: %04lx [#%d] SMP\n", str,
		       err & 0xffff, ++die_counter);
	show_regs(regs);
	oops_end();
}
