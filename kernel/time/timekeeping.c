// SPDX-License-Identifier: GPL-2.0
/*
 * Two clocks, as in Linux: jiffies, counted by the tick from the
 * clocksource (coarse: what timeouts and the timer wheel are measured
 * in), and ktime_get_ns() read from the TSC (fine-grained and monotonic:
 * the TSC is invariant on QEMU and on any CPU of the last fifteen years).
 * The real time is the monotonic clock plus an offset set once at boot
 * from the persistent clock (Linux's timekeeping_init() and tk->offs_real;
 * irqlab has no settimeofday or NTP to move it afterwards).
 */
#include <irqlab/timekeeping.h>
#include <irqlab/jiffies.h>
#include <irqlab/printk.h>
#include <irqlab/loadavg.h>
#include <asm/tsc.h>

#define NSEC_PER_SEC	1000000000LL

/* Starts a little before a wrap, as Linux's INITIAL_JIFFIES, so code that
 * compares jiffies without time_after() breaks early, not after days. */
volatile u64 jiffies_64 = (u64)(-300 * HZ);

/* Real time minus monotonic time, ns: the real time of the boot. */
static s64 offs_real;

void do_timer(unsigned long ticks)
{
	WRITE_ONCE(jiffies_64, jiffies_64 + ticks);
	calc_global_load();
}

u64 ktime_get_ns(void)
{
	return local_clock();
}

time64_t ktime_get_real_seconds(void)
{
	return (offs_real + (s64)ktime_get_ns()) / NSEC_PER_SEC;
}

void getboottime64(struct timespec64 *ts)
{
	ts->tv_sec = offs_real / NSEC_PER_SEC;
	ts->tv_nsec = offs_real % NSEC_PER_SEC;
}

void timekeeping_init(void)
{
	struct timespec64 wall;
	struct tm tm;

	read_persistent_clock64(&wall);
	if (wall.tv_sec <= 0) {
		pr_warn("Persistent clock returned invalid value\n");
		return;
	}
	offs_real = wall.tv_sec * NSEC_PER_SEC + wall.tv_nsec -
		    (s64)ktime_get_ns();
	time64_to_tm(wall.tv_sec, 0, &tm);
	pr_info("timekeeping: real time %04ld-%02d-%02dT%02d:%02d:%02d UTC (%lld) from the persistent clock\n",
		tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		tm.tm_min, tm.tm_sec, (long long)wall.tv_sec);
}
