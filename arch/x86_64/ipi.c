// SPDX-License-Identifier: GPL-2.0
/*
 * Inter-processor interrupts, and stopping the other CPUs for a panic.
 * Stopping uses an NMI, as Linux's does when the stop vector is not
 * answered: a CPU spinning with interrupts off must stop too, so that
 * nothing it prints interleaves with the panic report.
 */
#include <asm/smp.h>
#include <asm/apic.h>
#include <asm/processor.h>
#include <irqlab/atomic.h>
#include <irqlab/delay.h>

volatile bool cpus_stopping;

void apic_send_IPI(int cpu, int vector)
{
	if (cpu_apicid[cpu] >= 0)
		apic_icr_write(vector, cpu_apicid[cpu]);
}

void apic_send_NMI_allbutself(void)
{
	apic_icr_write(APIC_DEST_ALLBUT | APIC_DM_NMI, 0);
}

void stop_this_cpu(void)
{
	clear_bit(smp_processor_id(), &cpu_online_mask);
	halt_forever();
}

void smp_send_stop(void)
{
	unsigned long self = 1UL << smp_processor_id();
	int wait_us = 100000;

	if (!(cpu_online_mask & ~self))
		return;
	cpus_stopping = true;
	smp_mb();
	apic_send_NMI_allbutself();
	while ((cpu_online_mask & ~self) && wait_us--)
		udelay(1);
}
