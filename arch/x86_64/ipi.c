// SPDX-License-Identifier: GPL-2.0
/*
 * Inter-processor interrupts, and stopping the other CPUs for a panic.
 * Stopping uses an NMI, as Linux's does when the stop vector is not
 * answered: a CPU spinning with interrupts off must stop too, so that
 * nothing it prints interleaves with the panic report.
 */
#include <asm/smp.h>
#include <asm/apic.h>
#include <asm/nmi.h>
#include <asm/processor.h>
#include <irqlab/atomic.h>
#include <irqlab/delay.h>

void apic_send_IPI(int cpu, int vector)
{
	if (cpu_apicid[cpu] >= 0)
		apic_icr_write(vector, cpu_apicid[cpu]);
}

/* Physical destination, not the self shorthand: the SDM allows only
 * fixed delivery with that one. */
void apic_send_NMI(int cpu)
{
	if (cpu_apicid[cpu] >= 0)
		apic_icr_write(APIC_DM_NMI, cpu_apicid[cpu]);
}

static void apic_send_NMI_allbutself(void)
{
	apic_icr_write(APIC_DEST_ALLBUT | APIC_DM_NMI, 0);
}

void stop_this_cpu(void)
{
	clear_bit(smp_processor_id(), &cpu_online_mask);
	halt_forever();
}

static int stopping_cpu = -1;

/* Linux's smp_stop_nmi_callback: every CPU but the one stopping them. */
static int smp_stop_nmi_callback(unsigned int type, struct pt_regs *regs)
{
	if (smp_processor_id() == READ_ONCE(stopping_cpu))
		return NMI_HANDLED;
	stop_this_cpu();
}

void smp_send_stop(void)
{
	unsigned long self = 1UL << smp_processor_id();
	int wait_us = 100000;

	if (!(cpu_online_mask & ~self))
		return;
	WRITE_ONCE(stopping_cpu, smp_processor_id());
	/* Fails only if an earlier call registered it: it is there. */
	register_nmi_handler(NMI_LOCAL, smp_stop_nmi_callback,
			     NMI_FLAG_FIRST, "smp_stop");
	apic_send_NMI_allbutself();
	while ((cpu_online_mask & ~self) && wait_us--)
		udelay(1);
}
