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

#define NSEC_PER_JIFFY	(1000000000ULL / HZ)

/* Spins until ms of TSC time have passed (interrupts as they are). */
static void spin_ms(unsigned int ms)
{
	u64 end = ktime_get_ns() + (u64)ms * 1000000;

	while (ktime_get_ns() < end)
		cpu_relax();
}

/*
 * jiffies and the TSC read together: retried while the two reads are
 * more than a tenth of a jiffy apart (the host descheduled us between
 * them), so the pair describes one moment.
 */
static unsigned long jiffies_at(u64 *ns)
{
	unsigned long j;
	u64 a, b;
	int tries = 0;

	do {
		a = ktime_get_ns();
		j = jiffies;
		b = ktime_get_ns();
	} while (b - a > NSEC_PER_JIFFY / 10 && ++tries < 100);
	*ns = a;
	return j;
}

/*
 * 50 ms with interrupts off on the CPU that keeps jiffies (the boot CPU:
 * the first to get a tick device, as Linux's tick_do_timer_cpu): no tick
 * is taken meanwhile, and the one pending when interrupts come back must
 * count all 50.
 */
static void test_jiffies_follow_tsc_irqs_off(struct ktest *t)
{
	unsigned long saved = current->cpus_mask, j0, j1;
	u64 t0, t1, expect;

	set_cpus_allowed_ptr(current, 1UL << 0);
	KTEST_ASSERT_EQ(t, smp_processor_id(), 0);

	j0 = jiffies_at(&t0);
	local_irq_disable();
	spin_ms(50);
	/* The pending tick is taken here; then a few ordinary ones. */
	local_irq_enable();
	spin_ms(3);
	j1 = jiffies_at(&t1);
	set_cpus_allowed_ptr(current, saved);

	expect = (t1 - t0) / NSEC_PER_JIFFY;
	ktest_log(t, "%llu us of TSC time, %lu jiffies",
		  (unsigned long long)(t1 - t0) / 1000, j1 - j0);
	/* Within two ticks: each reading may be up to a tick behind. */
	KTEST_EXPECT_GE(t, j1 - j0 + 2, expect);
	KTEST_EXPECT_LE(t, j1 - j0, expect + 2);
}

static const struct ktest_case time_cases[] = {
	KTEST_CASE(test_jiffies_follow_tsc_irqs_off),
	{}
};
KTEST_SUITE(time, time_cases);
