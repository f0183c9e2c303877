/* SPDX-License-Identifier: GPL-2.0 */
/* The CMOS real-time clock: wall time, read once at boot. */
#ifndef _IRQLAB_RTC_H
#define _IRQLAB_RTC_H

#include <irqlab/types.h>

/* Reads the RTC; after this, wall-clock time is boot_time + uptime. */
void rtc_init(void);
/* Seconds since 1970 (UTC) when the kernel started; 0 if no RTC. */
extern u64 boot_time;
/* Seconds since 1970 now. */
u64 ktime_get_real_seconds(void);

/* A broken-down UTC time, as Linux's time64_to_tm() gives it. */
struct tm {
	int tm_sec, tm_min, tm_hour;
	int tm_mday, tm_mon;	/* tm_mon: 0..11 */
	long tm_year;		/* years since 1900 */
};
void time64_to_tm(u64 secs, struct tm *tm);

#endif /* _IRQLAB_RTC_H */
