// SPDX-License-Identifier: GPL-2.0
/*
 * mktime64(), as Linux's kernel/time/time.c: a date of the proleptic
 * Gregorian calendar as seconds since the epoch.  The day count is Howard
 * Hinnant's days_from_civil (exact for any year, no tables).
 */
#include <irqlab/time.h>

time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec)
{
	s64 y = (s64)year - (mon <= 2);
	s64 era = (y >= 0 ? y : y - 399) / 400;
	s64 yoe = y - era * 400;				/* 0..399 */
	s64 doy = (153 * (mon + (mon > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	s64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */
	s64 days = era * 146097 + doe - 719468;

	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}
