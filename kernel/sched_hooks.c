// SPDX-License-Identifier: GPL-2.0
/*
 * What the interrupt and SMP code call into the scheduler, as weak
 * defaults: a kernel built before (or without) kernel/sched/ still boots,
 * with every CPU idling in hlt.  kernel/sched/core.c overrides them.
 */
#include <irqlab/preempt.h>
#include <irqlab/smp.h>
#include <asm/processor.h>
#include <irqlab/sprintf.h>

__attribute__((weak)) bool need_resched(void)
{
	return false;
}

__attribute__((weak)) void preempt_schedule(void)
{
}

__attribute__((weak)) void preempt_schedule_irq(void)
{
}

__attribute__((weak)) void scheduler_tick(void)
{
}

__attribute__((weak)) void scheduler_ipi(void)
{
}

__attribute__((weak)) void sched_init_cpu(int cpu)
{
}

__attribute__((weak)) void __noreturn cpu_startup_entry(void)
{
	for (;;)
		__asm__ __volatile__("sti; hlt" ::: "memory");
}

__attribute__((weak)) void sched_init(void)
{
}

__attribute__((weak)) int current_pid(void)
{
	return 0;
}

/* Before the scheduler, every CPU runs its boot context: swapper/N. */
__attribute__((weak)) const char *current_comm(void)
{
	static char names[NR_CPUS][16];
	char *name = names[smp_processor_id()];

	snprintf(name, 16, "swapper/%d", smp_processor_id());
	return name;
}
