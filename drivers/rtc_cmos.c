// SPDX-License-Identifier: GPL-2.0
/*
 * The MC146818-compatible CMOS clock at ports 0x70/0x71.  Read once at
 * boot (waiting out an update in progress, and reading twice until two
 * reads agree, as Linux's mc146818_get_time does), for /proc/stat's btime
 * and the time of day mpstat prints.  QEMU keeps it in UTC.
 */
#include <irqlab/rtc.h>
#include <irqlab/timekeeping.h>
#include <irqlab/printk.h>
#include <irqlab/string.h>
#include <asm/io.h>

#define RTC_PORT_INDEX	0x70
#define RTC_PORT_DATA	0x71
#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_REG_A	0x0a	/* bit 7: update in progress */
#define RTC_REG_B	0x0b	/* bit 2: binary (else BCD), bit 1: 24 h */
#define RTC_CENTURY	0x32

u64 boot_time;

static u8 cmos_read(u8 reg)
{
	outb(reg, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static void read_regs(u8 *r)
{
	unsigned int spins = 0;

	while ((cmos_read(RTC_REG_A) & 0x80) && spins++ < 1000000)
		;
	r[0] = cmos_read(RTC_SECONDS);
	r[1] = cmos_read(RTC_MINUTES);
	r[2] = cmos_read(RTC_HOURS);
	r[3] = cmos_read(RTC_DAY);
	r[4] = cmos_read(RTC_MONTH);
	r[5] = cmos_read(RTC_YEAR);
	r[6] = cmos_read(RTC_CENTURY);
}

static unsigned int bcd2bin(u8 v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days since 1970-01-01 of a Gregorian date (Howard Hinnant's formula). */
static s64 days_from_civil(s64 y, unsigned int m, unsigned int d)
{
	s64 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void rtc_init(void)
{
	u8 a[7], b[7], fmt = cmos_read(RTC_REG_B);
	unsigned int v[7], year, i, pm;
	int tries = 0;

	do {
		read_regs(a);
		read_regs(b);
	} while (memcmp(a, b, sizeof(a)) && ++tries < 5);

	pm = a[2] & 0x80;
	a[2] &= 0x7f;
	for (i = 0; i < 7; i++)
		v[i] = (fmt & 0x04) ? a[i] : bcd2bin(a[i]);
	if (!(fmt & 0x02) && pm)	/* 12-hour clock */
		v[2] = (v[2] % 12) + 12;
	year = (v[6] >= 19 && v[6] <= 21 ? v[6] : 20) * 100 + v[5];
	if (v[4] < 1 || v[4] > 12 || v[3] < 1 || v[3] > 31) {
		pr_warn("rtc_cmos: unreadable date, wall time unknown\n");
		return;
	}
	boot_time = days_from_civil(year, v[4], v[3]) * 86400 +
		    v[2] * 3600 + v[1] * 60 + v[0] - ktime_get_ns() / 1000000000;
	pr_info("rtc_cmos: %04u-%02u-%02uT%02u:%02u:%02u UTC\n", year, v[4],
		v[3], v[2], v[1], v[0]);
}

/* The inverse of days_from_civil(). */
void time64_to_tm(u64 secs, struct tm *tm)
{
	s64 z = secs / 86400 + 719468, era, doe, yoe, doy, mp;

	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	tm->tm_mday = doy - (153 * mp + 2) / 5 + 1;
	tm->tm_mon = mp < 10 ? mp + 2 : mp - 10;
	tm->tm_year = yoe + era * 400 + (tm->tm_mon <= 1) - 1900;
	tm->tm_hour = secs / 3600 % 24;
	tm->tm_min = secs / 60 % 60;
	tm->tm_sec = secs % 60;
}

u64 ktime_get_real_seconds(void)
{
	return boot_time + ktime_get_ns() / 1000000000;
}
