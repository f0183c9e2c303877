// SPDX-License-Identifier: GPL-2.0
/*
 * The GDT and the TSS.  Long mode ignores segment bases and limits, so the
 * GDT is only there for the code/data selectors (the kernel's and user
 * mode's, DPL 3) and the TSS.  The TSS gives the stack an interrupt from
 * user mode starts on (sp0: the top of the running task's kernel stack)
 * and the interrupt stack table: the double fault, NMI and machine check
 * handlers switch to stacks of their own, so a kernel stack overflow
 * still gets a double-fault report instead of a triple fault.
 */
#include <asm/desc.h>
#include <asm/smap.h>
#include <asm/boot.h>
#include <irqlab/compiler.h>
#include <irqlab/string.h>
#include <irqlab/vmalloc.h>
#include <irqlab/percpu.h>
#include <irqlab/kernel.h>
#include <asm/smp.h>
#include <asm/switch_to.h>

struct tss {
	u32 reserved0;
	u64 sp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 io_bitmap_base;
} __packed;

/*
 * Each CPU has its own GDT (the TSS descriptor's busy bit is per CPU) and
 * its own TSS, hence its own IST stacks.  The boot CPU's IST stacks are
 * static, so that a fault is reported even before memory management runs.
 */
static DEFINE_PER_CPU(u64 [GDT_ENTRIES], cpu_gdt) __aligned(16);
static DEFINE_PER_CPU(struct tss, cpu_tss) __aligned(16);

static u8 exception_stacks[N_EXCEPTION_STACKS][EXCEPTION_STACK_SIZE]
	__aligned(4096);
static const char *const exception_stack_names[N_EXCEPTION_STACKS] = {
	[IST_INDEX_DF]	= "#DF",
	[IST_INDEX_NMI]	= "NMI",
	[IST_INDEX_MCE]	= "#MC",
};

extern u8 init_stack[], init_stack_top[], init_stack_guard[];

static void set_tss_desc(u64 *d, struct tss *t)
{
	u64 base = (u64)t, limit = sizeof(*t) - 1;

	/* A 16-byte system descriptor, type 9 (available 64-bit TSS). */
	d[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
	       (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
	       (((base >> 24) & 0xff) << 56);
	d[1] = base >> 32;
}

static void load_gdt_and_tss(u64 *gdt);

void cpu_init_tables(int cpu)
{
	u64 *gdt = *this_cpu_ptr(&cpu_gdt);
	struct tss *tss = this_cpu_ptr(&cpu_tss);
	int i;
	u8 *stack;

	gdt[GDT_ENTRY_KERNEL32_CS] = 0x00cf9b000000ffffULL;
	gdt[GDT_ENTRY_KERNEL_CS] = 0x00af9b000000ffffULL;	/* L=1 */
	gdt[GDT_ENTRY_KERNEL_DS] = 0x00cf93000000ffffULL;
	gdt[GDT_ENTRY_DEFAULT_USER32_CS] = 0x00cffb000000ffffULL;
	gdt[GDT_ENTRY_DEFAULT_USER_DS] = 0x00cff3000000ffffULL;
	gdt[GDT_ENTRY_DEFAULT_USER_CS] = 0x00affb000000ffffULL;	/* L=1 */
	for (i = 0; i < N_EXCEPTION_STACKS; i++) {
		if (cpu == 0) {
			stack = exception_stacks[i];
		} else {
			/* THREAD_SIZE with guard pages: more than enough. */
			stack = alloc_kernel_stack();
			if (!stack)
				panic("smp: no memory for CPU%d's IST stacks",
				      cpu);
		}
		tss->ist[i] = (u64)stack + (cpu ? THREAD_SIZE :
						  EXCEPTION_STACK_SIZE);
	}
	tss->io_bitmap_base = sizeof(*tss);	/* no I/O bitmap */
	set_tss_desc(&gdt[GDT_ENTRY_TSS], tss);
	load_gdt_and_tss(gdt);
	idt_load();
	syscall_init();
	fpu_init_cpu();
	setup_smep_smap();
}

void update_task_stack(unsigned long sp0)
{
	this_cpu_ptr(&cpu_tss)->sp[0] = sp0;
}

void gdt_init(void)
{
	cpu_init_tables(0);
}

static void load_gdt_and_tss(u64 *gdt)
{
	struct desc_ptr gdtr = { GDT_ENTRIES * 8 - 1, (u64)gdt };

	__asm__ __volatile__(
		"lgdt %0\n\t"
		/* Reload CS with a far return, then the data segments. */
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ss\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		/* FS and GS are left alone: GS's base is the per-CPU area. */
		"ltr %w3"
		: : "m"(gdtr), "i"(__KERNEL_CS), "i"(__KERNEL_DS), "r"(__TSS_SEL)
		: "rax", "memory");
}

bool get_stack_bounds(unsigned long addr, unsigned long *lo,
		      unsigned long *hi, const char **name)
{
	int i;

	if (addr >= (unsigned long)init_stack &&
	    addr < (unsigned long)init_stack_top) {
		*lo = (unsigned long)init_stack;
		*hi = (unsigned long)init_stack_top;
		*name = "TASK";
		return true;
	}
	for (i = 0; i < N_EXCEPTION_STACKS; i++) {
		unsigned long s = (unsigned long)exception_stacks[i];

		if (addr >= s && addr < s + EXCEPTION_STACK_SIZE) {
			*lo = s;
			*hi = s + EXCEPTION_STACK_SIZE;
			*name = exception_stack_names[i];
			return true;
		}
	}
	/* Stacks from alloc_kernel_stack() (kernel/mm/kstack.c). */
	if (kernel_stack_bounds(addr, lo, hi)) {
		*name = "TASK";
		return true;
	}
	return false;
}

bool in_stack_guard(unsigned long addr, unsigned long *lo,
		    unsigned long *hi, const char **name)
{
	unsigned long g = (unsigned long)init_stack_guard;

	*name = "TASK";
	if (addr >= g && addr < g + 4096) {
		*lo = (unsigned long)init_stack;
		*hi = (unsigned long)init_stack_top;
		return true;
	}
	return kernel_stack_guard(addr, lo, hi);
}
