// SPDX-License-Identifier: GPL-2.0
/*
 * Two clocks, as in Linux: jiffies, advanced by the PIT's tick (coarse,
 * what timeouts are measured in), and ktime_get_ns() read from the TSC
 * (fine-grained and monotonic: the TSC is invariant on QEMU and on any
 * CPU of the last fifteen years).
 */
#include <irqlab/timekeeping.h>
#include <irqlab/jiffies.h>
#include <asm/tsc.h>

/* Starts a little before a wrap, as Linux's INITIAL_JIFFIES, so code that
 * compares jiffies without time_after() breaks early, not after days. */
volatile u64 jiffies_64 = (u64)(-300 * HZ);

void do_timer(unsigned long ticks)
{
	jiffies_64 += ticks;
}

u64 ktime_get_ns(void)
{
	return local_clock();
}
