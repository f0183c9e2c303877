// SPDX-License-Identifier: GPL-2.0
/*
 * Delays spin on the TSC: its rate is known after tsc_init() and does not
 * change with CPU frequency, unlike a calibrated loop count.
 */
#include <irqlab/delay.h>
#include <asm/processor.h>
#include <asm/tsc.h>

static void delay_cycles(u64 cycles)
{
	u64 start = rdtsc();

	while (rdtsc() - start < cycles)
		cpu_relax();
}

void ndelay(unsigned long ns)
{
	delay_cycles((u64)ns * tsc_khz / 1000000 + 1);
}

void udelay(unsigned long us)
{
	delay_cycles((u64)us * tsc_khz / 1000 + 1);
}

void mdelay(unsigned long ms)
{
	while (ms--)
		udelay(1000);
}
