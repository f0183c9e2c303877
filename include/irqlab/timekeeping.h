/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Timekeeping (Linux's <linux/timekeeping.h>): the monotonic clock, read
 * from the clocksource (the TSC), and the real time, the monotonic clock
 * plus the offset found at boot from the persistent clock (the CMOS RTC).
 */
#ifndef _IRQLAB_TIMEKEEPING_H
#define _IRQLAB_TIMEKEEPING_H

#include <irqlab/types.h>
#include <irqlab/time.h>

/* From the tick, with jiffies_lock held: ticks jiffies have passed. */
void do_timer(unsigned long ticks);
/* Monotonic nanoseconds since boot, from the TSC. */
u64 ktime_get_ns(void);
/* Seconds since 1970 (UTC) now; uptime if the RTC could not be read. */
time64_t ktime_get_real_seconds(void);
/* When the system booted, in real time (/proc/stat's btime). */
void getboottime64(struct timespec64 *ts);

/* Boot: reads the persistent clock once and sets the real time. */
void timekeeping_init(void);
/* The arch's persistent clock (the CMOS RTC); tv_sec 0 if unreadable. */
void read_persistent_clock64(struct timespec64 *ts);

#endif /* _IRQLAB_TIMEKEEPING_H */
