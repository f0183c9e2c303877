// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/softirqs in Linux's format (fs/proc/softirqs.c): a header of
 * 20 spaces and a CPU%-8d column per CPU, then a "%12s:" row per vector
 * with " %10u" handler runs on each CPU.
 */
#include <irqlab/shell.h>
#include <irqlab/interrupt.h>
#include <irqlab/smp.h>

static void proc_softirqs_show(void)
{
	int cpu, nr;

	sh_printf("                    ");
	for_each_online_cpu(cpu)
		sh_printf("CPU%-8d", cpu);
	sh_printf("\n");
	for (nr = 0; nr < NR_SOFTIRQS; nr++) {
		sh_printf("%12s:", softirq_to_name[nr]);
		for_each_online_cpu(cpu)
			sh_printf(" %10u", kstat_softirqs_cpu(nr, cpu));
		sh_printf("\n");
	}
}
PROC_ENTRY("/proc/softirqs", proc_softirqs_show);
