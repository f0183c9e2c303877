/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU variables, as Linux's: DEFINE_PER_CPU(type, name) declares one
 * copy per CPU; this_cpu_ptr(&name) is this CPU's, per_cpu_ptr(&name, cpu)
 * another's.  The boot CPU uses the copy linked into the image (section
 * .bss..percpu); each other CPU gets a zeroed copy when it is brought up,
 * so per-CPU variables start at zero on every CPU and are set up by code,
 * never by an initializer.
 *
 * GS points at this CPU's struct pcpu_hot, the fields the hottest paths
 * want in one instruction (Linux has the same struct): the offset of this
 * CPU's copies, the CPU number, the current task and the preempt count.
 */
#ifndef _IRQLAB_PERCPU_H
#define _IRQLAB_PERCPU_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

#define NR_CPUS		64

#define DEFINE_PER_CPU(type, name) \
	__section(".bss..percpu") __typeof__(type) name
#define DECLARE_PER_CPU(type, name) \
	extern __typeof__(type) name

struct task_struct;

/*
 * Code reaches a field as %gs:offsetof(struct pcpu_hot, field), through
 * an "i" operand; the assembly through generated/asm-offsets.h.
 */
struct pcpu_hot {
	unsigned long this_cpu_off;
	int cpu_number;
	struct task_struct *current_task;
	unsigned long preempt_count;
	/* The IRQ stack's top-most word: the interrupted stack pointer is
	 * saved there while the CPU runs on it (Linux's layout). */
	unsigned long hardirq_stack_ptr;
	unsigned long hardirq_stack_inuse; /* entry.S's nesting */
	/* The running task's kernel stack top: where SYSCALL switches to
	 * (Linux's cpu_current_top_of_stack), and the user's stack pointer
	 * meanwhile (Linux keeps it in the TSS's sp2 slot). */
	unsigned long top_of_stack;
	unsigned long user_rsp_scratch;
};

DECLARE_PER_CPU(struct pcpu_hot, pcpu_hot);
extern unsigned long __per_cpu_offset[NR_CPUS];

#define PCPU_HOT(field)	__builtin_offsetof(struct pcpu_hot, field)

static __always_inline unsigned long __this_cpu_off(void)
{
	unsigned long off;

	__asm__ __volatile__("movq %%gs:%c1, %0" : "=r"(off)
			     : "i"(PCPU_HOT(this_cpu_off)));
	return off;
}

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[cpu]))
#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))((unsigned long)(ptr) + __this_cpu_off()))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), cpu))
#define this_cpu_read(var)	(*this_cpu_ptr(&(var)))
#define this_cpu_write(var, v)	(*this_cpu_ptr(&(var)) = (v))
/* Not atomic against interrupts on this CPU: callers disable them. */
#define this_cpu_inc(var)	(this_cpu_ptr(&(var))[0]++)
#define this_cpu_add(var, v)	(this_cpu_ptr(&(var))[0] += (v))

/* The boot CPU's GS, first thing in kmain; the APs' in smpboot.c. */
void setup_boot_percpu(void);
/* A zeroed per-CPU area for another CPU; false if out of memory. */
bool setup_percpu_area(int cpu);
/* Points this CPU's GS at cpu's area. */
void load_percpu_segment(int cpu);

#endif /* _IRQLAB_PERCPU_H */
