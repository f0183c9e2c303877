/* SPDX-License-Identifier: GPL-2.0 */
/* Calendar time, as Linux's <linux/time.h> and <linux/time64.h>. */
#ifndef _IRQLAB_TIME_H
#define _IRQLAB_TIME_H

#include <irqlab/types.h>

typedef s64 time64_t;

struct timespec64 {
	time64_t tv_sec;	/* seconds since 1970-01-01 00:00 UTC */
	long tv_nsec;
};

/* A broken-down time, as Linux's time64_to_tm() gives it. */
struct tm {
	int tm_sec, tm_min, tm_hour;
	int tm_mday, tm_mon;	/* tm_mon: 0..11 */
	long tm_year;		/* years since 1900 */
};

/* Seconds since 1970 of a Gregorian date and time (mon 1..12). */
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec);
/* The inverse, offset seconds east of UTC. */
void time64_to_tm(time64_t totalsecs, int offset, struct tm *result);

#endif /* _IRQLAB_TIME_H */
