// SPDX-License-Identifier: GPL-2.0
/*
 * The persistent clock, as Linux's arch/x86/kernel/rtc.c: the
 * MC146818-compatible CMOS clock at ports 0x70/0x71, read once at boot by
 * timekeeping_init().  An update in progress is waited out and the
 * registers read twice until two reads agree, as Linux's
 * mc146818_get_time() does.  QEMU keeps it in UTC.
 */
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
#define RTC_CENTURY	0x32	/* ACPI's FADT names it; QEMU's is here */
#define RTC_UIP		0x80
#define RTC_DM_BINARY	0x04
#define RTC_24H		0x02

enum { SEC, MIN, HOUR, DAY, MON, YEAR, CENTURY, NR_REGS };

static u8 cmos_read(u8 reg)
{
	outb(reg, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static void read_regs(u8 *r)
{
	static const u8 regs[NR_REGS] = {
		RTC_SECONDS, RTC_MINUTES, RTC_HOURS, RTC_DAY, RTC_MONTH,
		RTC_YEAR, RTC_CENTURY,
	};
	unsigned int spins = 0, i;

	/* An update takes under 2 ms; a clock stuck in one is not waited on. */
	while ((cmos_read(RTC_REG_A) & RTC_UIP) && spins++ < 1000000)
		;
	for (i = 0; i < NR_REGS; i++)
		r[i] = cmos_read(regs[i]);
}

static unsigned int bcd2bin(u8 v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

void read_persistent_clock64(struct timespec64 *ts)
{
	u8 a[NR_REGS], b[NR_REGS], fmt = cmos_read(RTC_REG_B);
	unsigned int v[NR_REGS], year, i, pm;
	int tries = 0;

	ts->tv_sec = 0;
	ts->tv_nsec = 0;
	do {
		read_regs(a);
		read_regs(b);
	} while (memcmp(a, b, sizeof(a)) && ++tries < 5);

	pm = a[HOUR] & 0x80;
	a[HOUR] &= 0x7f;
	for (i = 0; i < NR_REGS; i++)
		v[i] = (fmt & RTC_DM_BINARY) ? a[i] : bcd2bin(a[i]);
	if (!(fmt & RTC_24H))		/* a 12-hour clock: 12 AM is 0 h */
		v[HOUR] = v[HOUR] % 12 + (pm ? 12 : 0);
	year = (v[CENTURY] >= 19 && v[CENTURY] <= 21 ? v[CENTURY] : 20) * 100 +
	       v[YEAR];
	if (v[MON] < 1 || v[MON] > 12 || v[DAY] < 1 || v[DAY] > 31 ||
	    v[HOUR] > 23 || v[MIN] > 59 || v[SEC] > 59)
		return;
	ts->tv_sec = mktime64(year, v[MON], v[DAY], v[HOUR], v[MIN], v[SEC]);
}
