// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up the other CPUs, as Linux's arch/x86/kernel/smpboot.c: for
 * each enabled CPU of the MADT, prepare its per-CPU area and stacks, copy
 * the real-mode trampoline below 1 MiB, and wake it with INIT, then two
 * STARTUP IPIs.  A CPU that does not come online in time is reported,
 * sent back to wait-for-SIPI with INIT, and left out.
 */
#include <asm/smp.h>
#include <asm/apic.h>
#include <asm/madt.h>
#include <asm/desc.h>
#include <asm/hardirq.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <irqlab/kernel.h>
#include <irqlab/bootinfo.h>
#include <irqlab/atomic.h>
#include <irqlab/delay.h>
#include <irqlab/string.h>
#include <irqlab/vmalloc.h>
#include <irqlab/timekeeping.h>
#include <irqlab/kernel_stat.h>

#define LOW_MEM_END		0x100000
#define BOOT_TIMEOUT_NS		(2000ULL * 1000 * 1000)

struct trampoline_data {
	u64 cr3;
	u64 efer;
	u64 stack;
	u64 entry;
	u64 cpu;
};

extern const u8 trampoline_start[], trampoline_end[], trampoline_data[];

int cpu_apicid[NR_CPUS] = { [0 ... NR_CPUS - 1] = -1 };
volatile unsigned long cpu_online_mask = 1;	/* the boot CPU */
unsigned int nr_cpu_ids = 1;

/*
 * A page of RAM below 1 MiB (a STARTUP IPI can only name such a page).
 * Everything GRUB left there was copied out before paging_init(), and
 * memblock never hands out the first MiB, so no one else uses it.
 */
static phys_addr_t find_trampoline_page(void)
{
	int i;

	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mem_region *r = &boot_info.mmap[i];
		phys_addr_t start = ALIGN(max(r->addr, (u64)PAGE_SIZE),
					  PAGE_SIZE);

		if (r->type == E820_TYPE_RAM &&
		    start + PAGE_SIZE <= min(r->addr + r->len,
					     (u64)LOW_MEM_END))
			return start;
	}
	return 0;
}

void __noreturn start_secondary(int cpu)
{
	load_percpu_segment(cpu);
	cpu_init_tables(cpu);
	lapic_setup_this_cpu();
	lapic_timer_start();
	account_task_switch(true);	/* it starts as its idle task */
	sched_init_cpu(cpu);
	set_bit(cpu, &cpu_online_mask);
	local_irq_enable();
	cpu_startup_entry();
}

static bool wakeup_cpu(int cpu, phys_addr_t tramp)
{
	int apicid = cpu_apicid[cpu];
	u64 deadline;

	/* INIT assert, then deassert: the CPU waits for a STARTUP IPI. */
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT,
		       apicid);
	udelay(10000);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, apicid);
	/* Twice, as the MP specification asks: the first may be missed. */
	apic_icr_write(APIC_DM_STARTUP | (tramp >> PAGE_SHIFT), apicid);
	udelay(200);
	apic_icr_write(APIC_DM_STARTUP | (tramp >> PAGE_SHIFT), apicid);

	deadline = ktime_get_ns() + BOOT_TIMEOUT_NS;
	while (!cpu_online(cpu)) {
		if (ktime_get_ns() > deadline) {
			/* Park it, so it cannot run the trampoline later. */
			apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT |
				       APIC_DM_INIT, apicid);
			return false;
		}
		cpu_relax();
	}
	return true;
}

static bool prepare_cpu(int cpu, struct trampoline_data *td)
{
	void *stack;

	if (!setup_percpu_area(cpu) || !irq_stack_init(cpu))
		return false;
	stack = alloc_kernel_stack();
	if (!stack)
		return false;
	td->stack = (u64)stack + THREAD_SIZE;
	td->cpu = cpu;
	return true;
}

void smp_init(void)
{
	phys_addr_t tramp = find_trampoline_page();
	struct trampoline_data *td;
	int i, cpu = 1;

	if (!irq_stack_init(0))
		panic("smp: no memory for the boot CPU's interrupt stack");
	if (!tramp) {
		pr_err("smp: no free page below 1 MiB: running on one CPU\n");
		return;
	}
	memcpy(__va(tramp), trampoline_start,
	       trampoline_end - trampoline_start);
	td = __va(tramp + (trampoline_data - trampoline_start));
	td->cr3 = read_cr3();
	td->efer = rdmsr(MSR_EFER);
	td->entry = (u64)start_secondary;
	/* Executable at its physical address while the CPUs switch modes. */
	map_kernel_page(tramp, tramp, _PAGE_PRESENT);

	pr_info("smp: Bringing up secondary CPUs ...\n");
	for (i = 0; i < madt.nr_cpus && cpu < NR_CPUS; i++) {
		const struct madt_cpu *c = &madt.cpus[i];

		if (!c->enabled || (int)c->apic_id == cpu_apicid[0])
			continue;
		cpu_apicid[cpu] = c->apic_id;
		if (!prepare_cpu(cpu, td)) {
			pr_err("smp: no memory for CPU%d: left out\n", cpu);
			cpu_apicid[cpu] = -1;
			break;
		}
		if (!wakeup_cpu(cpu, tramp)) {
			pr_err("smpboot: CPU%d (APIC 0x%x) did not answer: left out\n",
			       cpu, c->apic_id);
			cpu_apicid[cpu] = -1;
			continue;
		}
		cpu++;
	}
	unmap_kernel_page(tramp);
	nr_cpu_ids = cpu;
	pr_info("smp: Brought up 1 node, %u CPUs\n", num_online_cpus());
}
