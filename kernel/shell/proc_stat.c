// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/stat in Linux's format (fs/proc/stat.c): CPU time in USER_HZ
 * (100 per second) ticks as user nice system idle iowait irq softirq steal
 * guest guest_nice, the sum first ("cpu  ", two spaces) then each CPU;
 * then interrupts, context switches, boot time, tasks, softirq runs.
 */
#include <irqlab/shell.h>
#include <irqlab/kernel_stat.h>
#include <irqlab/irq.h>
#include <irqlab/interrupt.h>
#include <irqlab/timekeeping.h>
#include <irqlab/smp.h>
#include <irqlab/sched.h>
#include <irqlab/sprintf.h>
#include <asm/hardirq.h>

#define USER_HZ		100

static unsigned long long clock_t(u64 ns)
{
	return ns / (1000000000ULL / USER_HZ);
}

static void show_cpu_line(const char *label, const struct kernel_cpustat *k)
{
	static const enum cpu_usage_stat order[] = {
		CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_IDLE,
		CPUTIME_IOWAIT, CPUTIME_IRQ, CPUTIME_SOFTIRQ, CPUTIME_STEAL,
		CPUTIME_GUEST, CPUTIME_GUEST_NICE,
	};
	unsigned int i;

	sh_printf("%s", label);
	for (i = 0; i < ARRAY_SIZE(order); i++)
		sh_printf(" %llu", clock_t(k->cpustat[order[i]]));
	sh_printf("\n");
}

/* The total of handler runs, then each vector's, over all CPUs. */
static void show_softirq_line(void)
{
	unsigned long long per[NR_SOFTIRQS] = { 0 }, sum = 0;
	int cpu, nr;

	for_each_online_cpu(cpu)
		for (nr = 0; nr < NR_SOFTIRQS; nr++)
			per[nr] += kstat_softirqs_cpu(nr, cpu);
	for (nr = 0; nr < NR_SOFTIRQS; nr++)
		sum += per[nr];
	sh_printf("softirq %llu", sum);
	for (nr = 0; nr < NR_SOFTIRQS; nr++)
		sh_printf(" %llu", per[nr]);
	sh_printf("\n");
}

static void proc_stat_show(void)
{
	struct kernel_cpustat sum = { 0 }, k;
	struct timespec64 boot;
	char label[16];
	unsigned int irq, i;
	int cpu;

	for_each_online_cpu(cpu) {
		kcpustat_cpu_fetch(&k, cpu);
		for (i = 0; i < NR_STATS; i++)
			sum.cpustat[i] += k.cpustat[i];
	}
	show_cpu_line("cpu ", &sum);
	for_each_online_cpu(cpu) {
		kcpustat_cpu_fetch(&k, cpu);
		snprintf(label, sizeof(label), "cpu%d", cpu);
		show_cpu_line(label, &k);
	}

	sh_printf("intr %llu", (unsigned long long)(kstat_irqs_total() +
						   arch_irq_stat()));
	for (irq = 0; irq < NR_IRQS; irq++)
		sh_printf(" %u", kstat_irqs(irq));
	sh_printf("\n");
	sh_printf("ctxt %llu\n", (unsigned long long)nr_context_switches());
	getboottime64(&boot);
	sh_printf("btime %llu\n", (unsigned long long)boot.tv_sec);
	sh_printf("processes %lu\n", nr_total_forks());
	sh_printf("procs_running %u\n", nr_running());
	sh_printf("procs_blocked 0\n");
	show_softirq_line();
}
PROC_ENTRY("/proc/stat", proc_stat_show);
