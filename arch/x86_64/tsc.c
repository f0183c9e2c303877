// SPDX-License-Identifier: GPL-2.0
/*
 * TSC calibration, as Linux's arch/x86/kernel/tsc.c: trust CPUID leaf 0x15
 * when it states the frequency, else count TSC cycles across a known PIT
 * interval.  The PIT's channel 2 is used because its output can be read
 * back through port 0x61 without taking an interrupt.
 *
 * Everything in time follows from this number (jiffies are counted from
 * the TSC), so a measurement disturbed by the host is not taken: under
 * QEMU a vCPU can be descheduled for milliseconds between the PIT running
 * out and the TSC being read.  Linux's pit_calibrate_tsc() discards a run
 * whose polls were unevenly spaced and keeps the lowest of several; here
 * each run knows its own error, the TSC reads that bracket the PIT's
 * start and its end, and the best of up to CAL_TRIES runs is kept.
 */
#include <asm/tsc.h>
#include <asm/i8253.h>
#include <asm/processor.h>
#include <irqlab/printk.h>

#define CAL_MS		10
#define CAL_TRIES	20
/* Good enough to stop trying: within 0.05% (5 us of 10 ms). */
#define CAL_GOOD_PPM	500

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

/*
 * TSC cycles across CAL_MS of the PIT, and in *err how far off that may
 * be (the widths of the two brackets); false if the PIT never ran out.
 */
static bool pit_calibrate_once(u64 *cycles, u64 *err)
{
	unsigned long loops = 0;
	u64 t0, t1, last, t3;

	t0 = rdtsc();
	pit_ch2_start(CAL_MS);		/* it starts in here */
	t1 = rdtsc();
	do {
		last = rdtsc();
		/* No PIT answering: give up rather than hang. */
		if (++loops > 100000000UL)
			return false;
	} while (!pit_ch2_done());	/* it ran out in here */
	t3 = rdtsc();
	*cycles = (last + t3) / 2 - (t0 + t1) / 2;
	*err = (t1 - t0) + (t3 - last);
	return true;
}

static unsigned long pit_calibrate_tsc(void)
{
	u64 cycles, err, best = 0, best_err = ~0ULL;
	int i;

	for (i = 0; i < CAL_TRIES; i++) {
		if (!pit_calibrate_once(&cycles, &err))
			return 0;
		if (err < best_err) {
			best = cycles;
			best_err = err;
		}
		if (best_err * 1000000 <= best * CAL_GOOD_PPM)
			break;
	}
	if (best_err * 100 > best)
		pr_warn("tsc: calibration disturbed: +/- %llu cycles of %llu\n",
			(unsigned long long)best_err,
			(unsigned long long)best);
	return best / CAL_MS;
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
