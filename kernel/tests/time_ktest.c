// SPDX-License-Identifier: GPL-2.0
/*
 * Time that keeps up: jiffies are counted from the clocksource (the TSC),
 * as Linux's tick_do_update_jiffies64() does, so ticks that could not be
 * taken (interrupts off, a vCPU the host did not run) are counted late,
 * not lost.  These cases compare two clocks of the guest with each other,
 * never with the host: they hold however slow the host is.
 */
#include <irqlab/ktest.h>
#include <irqlab/jiffies.h>
#include <irqlab/timekeeping.h>
#include <irqlab/sched.h>
#include <asm/processor.h>
#include <asm/hardirq.h>
#include "../time/tick-internal.h"

#define NSEC_PER_JIFFY	(1000000000ULL / HZ)

/* Spins until ms of TSC time have passed (interrupts as they are). */
static void spin_ms(unsigned int ms)
{
	u64 end = ktime_get_ns() + (u64)ms * 1000000;

	while (ktime_get_ns() < end)
		cpu_relax();
}

/*
 * The cases run on the CPU that counts jiffies, where they are fresh just
 * after a tick; another CPU's tick may find them stale by however long
 * the host kept that CPU from ticking.  It is the boot CPU: the first to
 * get a tick device, as on Linux.
 */
static unsigned long pin_to_timekeeper(struct ktest *t)
{
	unsigned long saved = current->cpus_mask;

	KTEST_EXPECT_EQ(t, tick_do_timer_cpu, 0);
	set_cpus_allowed_ptr(current, 1UL << tick_do_timer_cpu);
	KTEST_EXPECT_EQ(t, smp_processor_id(), tick_do_timer_cpu);
	return saved;
}

/*
 * jiffies and the TSC read together, just after this CPU took a tick
 * (when jiffies are as fresh as they get: a tick on the host's schedule,
 * not the guest's, may come late), and retried while the reads are more
 * than a tenth of a jiffy apart (the host descheduled us between them).
 */
static unsigned long jiffies_at(u64 *ns)
{
	unsigned int *loc = &this_cpu_ptr(&irq_stat)->apic_timer_irqs;
	unsigned long j;
	unsigned int l0;
	u64 a, b, give_up = ktime_get_ns() + 1000000000ULL;

	do {
		l0 = READ_ONCE(*loc);
		while (READ_ONCE(*loc) == l0 && ktime_get_ns() < give_up)
			cpu_relax();
		a = ktime_get_ns();
		j = jiffies;
		b = ktime_get_ns();
	} while (b - a > NSEC_PER_JIFFY / 10 && b < give_up);
	*ns = a;
	return j;
}

/* As many jiffies passed as ticks of TSC time: within two, since each
 * reading may be up to a tick behind. */
static void expect_jiffies_follow(struct ktest *t, unsigned long j0, u64 t0,
				  unsigned long j1, u64 t1)
{
	u64 expect = (t1 - t0) / NSEC_PER_JIFFY;

	ktest_log(t, "%llu us of TSC time, %lu jiffies",
		  (unsigned long long)(t1 - t0) / 1000, j1 - j0);
	KTEST_EXPECT_GE(t, j1 - j0 + 2, expect);
	KTEST_EXPECT_LE(t, j1 - j0, expect + 2);
}

/*
 * 50 ms with interrupts off on the CPU that keeps jiffies: no tick is
 * taken meanwhile, and the one pending when interrupts come back must
 * count all 50 (unless another CPU found jiffies stalled and counted
 * them first, as Linux's tick_sched_do_timer() does).
 */
static void test_jiffies_follow_tsc_irqs_off(struct ktest *t)
{
	unsigned long saved = pin_to_timekeeper(t), j0, j1;
	u64 t0, t1;

	j0 = jiffies_at(&t0);
	local_irq_disable();
	spin_ms(50);
	/* The pending tick is taken here. */
	local_irq_enable();
	j1 = jiffies_at(&t1);
	set_cpus_allowed_ptr(current, saved);

	expect_jiffies_follow(t, j0, t0, j1, t1);
}

/*
 * With interrupts on, over 200 ms of TSC time: as many jiffies as ticks
 * of TSC time, within two, however many local timer interrupts the host
 * let through meanwhile.
 */
static void test_jiffies_rate(struct ktest *t)
{
	unsigned long saved = pin_to_timekeeper(t), j0, j1;
	u64 t0, t1;

	j0 = jiffies_at(&t0);
	spin_ms(200);
	j1 = jiffies_at(&t1);
	set_cpus_allowed_ptr(current, saved);
	expect_jiffies_follow(t, j0, t0, j1, t1);
}

/* The calendar both ways, at dates whose epoch seconds are well known. */
static void test_mktime64_and_back(struct ktest *t)
{
	static const struct {
		unsigned int y, mo, d, h, mi, s;
		time64_t secs;
	} dates[] = {
		{ 1970,  1,  1,  0,  0,  0, 0 },
		{ 1969, 12, 31, 23, 59, 59, -1 },
		{ 2000,  2, 29, 12,  0,  0, 951825600 },
		{ 2000,  3,  1,  0,  0,  0, 951868800 },
		{ 2038,  1, 19,  3, 14,  8, 2147483648LL },
		{ 2100,  3,  1,  0,  0,  0, 4107542400LL },
	};
	struct tm tm;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(dates); i++) {
		KTEST_EXPECT_EQ(t, mktime64(dates[i].y, dates[i].mo, dates[i].d,
					    dates[i].h, dates[i].mi,
					    dates[i].s), dates[i].secs);
		time64_to_tm(dates[i].secs, 0, &tm);
		KTEST_EXPECT_EQ(t, tm.tm_year + 1900, dates[i].y);
		KTEST_EXPECT_EQ(t, tm.tm_mon + 1, dates[i].mo);
		KTEST_EXPECT_EQ(t, tm.tm_mday, dates[i].d);
		KTEST_EXPECT_EQ(t, tm.tm_hour, dates[i].h);
		KTEST_EXPECT_EQ(t, tm.tm_min, dates[i].mi);
		KTEST_EXPECT_EQ(t, tm.tm_sec, dates[i].s);
	}
	/* An offset east of UTC moves the clock, not the epoch. */
	time64_to_tm(0, 3600, &tm);
	KTEST_EXPECT_EQ(t, tm.tm_hour, 1);
}

static const struct ktest_case time_cases[] = {
	KTEST_CASE(test_jiffies_rate),
	KTEST_CASE(test_jiffies_follow_tsc_irqs_off),
	KTEST_CASE(test_mktime64_and_back),
	{}
};
KTEST_SUITE(time, time_cases);
