// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU areas (include/irqlab/percpu.h).  The boot CPU's variables are
 * the ones in the image; another CPU's are a zeroed copy of the section,
 * __per_cpu_offset[cpu] bytes away.  GS points at the CPU's pcpu_hot.
 */
#include <irqlab/percpu.h>
#include <irqlab/gfp.h>
#include <irqlab/string.h>
#include <asm/processor.h>

#define MSR_GS_BASE	0xc0000101

/* First in the section: %gs:0 must be this. */
__section(".bss..percpu..hot") struct pcpu_hot pcpu_hot;

unsigned long __per_cpu_offset[NR_CPUS];
extern char __per_cpu_start[], __per_cpu_end[];

static void load_gs_base(int cpu)
{
	wrmsr(MSR_GS_BASE, (unsigned long)per_cpu_ptr(&pcpu_hot, cpu));
}

void setup_boot_percpu(void)
{
	/* Offset 0: the boot CPU's copies are the image's own. */
	pcpu_hot.this_cpu_off = 0;
	pcpu_hot.cpu_number = 0;
	load_gs_base(0);
}

bool setup_percpu_area(int cpu)
{
	size_t size = __per_cpu_end - __per_cpu_start;
	unsigned long area;
	struct pcpu_hot *hot;

	area = __get_free_pages(GFP_KERNEL | __GFP_ZERO, get_order(size));
	if (!area)
		return false;
	__per_cpu_offset[cpu] = area - (unsigned long)__per_cpu_start;
	hot = per_cpu_ptr(&pcpu_hot, cpu);
	hot->this_cpu_off = __per_cpu_offset[cpu];
	hot->cpu_number = cpu;
	return true;
}

/* On the new CPU itself, before it touches a per-CPU variable. */
void load_percpu_segment(int cpu)
{
	load_gs_base(cpu);
}
