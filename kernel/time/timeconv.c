// SPDX-License-Identifier: GPL-2.0
/*
 * time64_to_tm(), as Linux's kernel/time/timeconv.c: seconds since the
 * epoch as a broken-down date, the inverse of mktime64() (Hinnant's
 * civil_from_days).
 */
#include <irqlab/time.h>

#define SECS_PER_DAY	86400

void time64_to_tm(time64_t totalsecs, int offset, struct tm *result)
{
	s64 secs = totalsecs + offset;
	s64 days = secs / SECS_PER_DAY, rem = secs % SECS_PER_DAY;
	s64 z, era, doe, yoe, doy, mp;

	if (rem < 0) {
		rem += SECS_PER_DAY;
		days--;
	}
	result->tm_hour = rem / 3600;
	result->tm_min = rem / 60 % 60;
	result->tm_sec = rem % 60;

	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;					/* 0..146096 */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);		/* 0..365 */
	mp = (5 * doy + 2) / 153;				/* 0..11 */
	result->tm_mday = doy - (153 * mp + 2) / 5 + 1;
	result->tm_mon = mp < 10 ? mp + 2 : mp - 10;
	result->tm_year = yoe + era * 400 + (result->tm_mon <= 1) - 1900;
}
