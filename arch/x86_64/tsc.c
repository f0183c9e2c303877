// SPDX-License-Identifier: GPL-2.0
/*
 * TSC calibration, as Linux's arch/x86/kernel/tsc.c: trust CPUID leaf 0x15
 * when it states the frequency, else count TSC cycles across a known PIT
 * interval.  The PIT's channel 2 is used because its output can be read
 * back through port 0x61 without taking an interrupt.
 */
#include <asm/tsc.h>
#include <irqlab/pit.h>
#include <asm/processor.h>
#include <irqlab/printk.h>

#define CAL_MS		10

unsigned long tsc_khz;
static u64 tsc_at_boot;

static unsigned long cpuid_tsc_khz(void)
{
	u32 max, denom, numer, crystal_hz, d;

	cpuid(0, &max, &d, &d, &d);
	if (max < 0x15)
		return 0;
	cpuid(0x15, &denom, &numer, &crystal_hz, &d);
	if (!denom || !numer || !crystal_hz)
		return 0;
	return (u64)crystal_hz * numer / denom / 1000;
}

static unsigned long pit_calibrate_tsc(void)
{
	unsigned long loops = 0;
	u64 t1, t2;

	pit_ch2_start(CAL_MS);
	t1 = rdtsc();
	while (!pit_ch2_done()) {
		/* No PIT answering: give up rather than hang. */
		if (++loops > 100000000UL)
			return 0;
	}
	t2 = rdtsc();
	return (t2 - t1) / CAL_MS;
}

void tsc_init(void)
{
	const char *how = "CPUID";

	tsc_khz = cpuid_tsc_khz();
	if (!tsc_khz) {
		how = "PIT";
		tsc_khz = pit_calibrate_tsc();
	}
	if (!tsc_khz) {
		tsc_khz = 1000000;
		pr_warn("tsc: calibration failed, assuming 1 GHz\n");
		return;
	}
	pr_info("tsc: Detected %lu.%03lu MHz processor (%s calibration)\n",
		tsc_khz / 1000, tsc_khz % 1000, how);
}

/* Called first thing in C, so that time counts from the kernel's entry. */
void tsc_mark_boot(void)
{
	tsc_at_boot = rdtsc();
}

u64 local_clock(void)
{
	u64 d;

	if (!tsc_khz)
		return 0;
	d = rdtsc() - tsc_at_boot;
	/* Split so that d * 10^6 cannot overflow 64 bits. */
	return d / tsc_khz * 1000000 + d % tsc_khz * 1000000 / tsc_khz;
}
