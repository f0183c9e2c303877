/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU numbering.  Only the boot CPU runs kernel code until the SMP issue
 * brings the others up and gives each its per-CPU area; the interfaces
 * below already have Linux's names so callers need not change then.
 */
#ifndef _IRQLAB_SMP_H
#define _IRQLAB_SMP_H

#define NR_CPUS		64

static inline int smp_processor_id(void)
{
	return 0;
}

static inline unsigned int num_online_cpus(void)
{
	return 1;
}

#define for_each_online_cpu(cpu) \
	for ((cpu) = 0; (cpu) < (int)num_online_cpus(); (cpu)++)

#endif /* _IRQLAB_SMP_H */
