// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt hardware as set up at boot: IOAPIC routes, the PIT (the
 * boot clockevent, stopped since), the local APIC timer, TSC-based
 * delays.  Rates are bounded from above only: under TCG a starved host
 * makes QEMU deliver fewer interrupts, never more.
 */
#include <irqlab/ktest.h>
#include <irqlab/interrupt.h>
#include <irqlab/irq.h>
#include <irqlab/smp.h>
#include <irqlab/errno.h>
#include <irqlab/jiffies.h>
#include <irqlab/timekeeping.h>
#include <irqlab/delay.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/hardirq.h>
#include <asm/processor.h>
#include <asm/irq_vectors.h>
#include <irqlab/sched.h>

#define RTE_VECTOR(e)	((e) & 0xff)
#define RTE_LEVEL	(1UL << 15)
#define RTE_MASKED	(1UL << 16)
#define RTE_DEST(e)	((e) >> 56)

static void test_pit_route(struct ktest *t)
{
	bool level, low;
	u32 gsi = isa_irq_to_gsi(0, &level, &low);
	u64 e = ioapic_read_entry(gsi);

	KTEST_EXPECT_EQ(t, gsi, 2);	/* QEMU's MADT override */
	KTEST_EXPECT_EQ(t, irq_to_desc(0)->irq_data.hwirq, 2);
	KTEST_EXPECT_EQ(t, RTE_VECTOR(e), irq_to_vector(0));
	KTEST_EXPECT_FALSE(t, e & RTE_MASKED);	/* "timer" requested it */
	KTEST_EXPECT_FALSE(t, e & RTE_LEVEL);
	KTEST_EXPECT_EQ(t, RTE_DEST(e), cpu_to_apicid(0));	/* the boot CPU */
	KTEST_EXPECT_STREQ(t, irq_to_desc(0)->action->name, "timer");
}

static void test_unused_pins_masked(struct ktest *t)
{
	/* ISA IRQ 3 (COM2) has no driver: its pin must stay masked. */
	KTEST_EXPECT_TRUE(t, ioapic_read_entry(3) & RTE_MASKED);
	KTEST_EXPECT_GE(t, ioapic_nr_pins(), 24);
}

static void test_pci_lines_level(struct ktest *t)
{
	bool level, low;

	/* QEMU's MADT makes the PCI link IRQs level-triggered. */
	KTEST_EXPECT_EQ(t, isa_irq_to_gsi(11, &level, &low), 11);
	KTEST_EXPECT_TRUE(t, level);
	KTEST_EXPECT_EQ(t, irq_to_desc(11)->irq_data.level, true);
	KTEST_EXPECT_STREQ(t, irq_to_desc(11)->name, "fasteoi");
	KTEST_EXPECT_TRUE(t, ioapic_read_entry(11) & RTE_LEVEL);
}

static void test_affinity(struct ktest *t)
{
	u64 e;

	KTEST_EXPECT_EQ(t, irq_set_affinity(4, 1), 0);
	e = ioapic_read_entry(4);
	KTEST_EXPECT_EQ(t, RTE_DEST(e), cpu_to_apicid(0));
	KTEST_EXPECT_EQ(t, irq_to_desc(4)->irq_data.affinity, 1);
	/* Only offline CPUs, or none: refused, routing unchanged. */
	KTEST_EXPECT_EQ(t, irq_set_affinity(4, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, irq_set_affinity(4, 1UL << 40), -EINVAL);
	KTEST_EXPECT_EQ(t, ioapic_read_entry(4), e);
}

static irqreturn_t unused_irq_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}

/*
 * A line that starts up takes default_smp_affinity as it is then, unless
 * someone chose its CPUs before (Linux's irq_setup_affinity).  IRQ 3
 * (COM2's) has no device here.
 */
static void test_default_affinity_at_request(struct ktest *t)
{
	unsigned long saved = irq_default_affinity, last;
	int dev;

	if (num_online_cpus() < 2)
		return ktest_skip(t, "one CPU");
	last = 1UL << (63 - __builtin_clzl(cpu_online_mask));
	irq_default_affinity = last;
	irqd_clear(&irq_to_desc(3)->irq_data, IRQD_AFFINITY_SET);
	KTEST_ASSERT_EQ(t, request_irq(3, unused_irq_handler, 0, "ktest", &dev), 0);
	KTEST_EXPECT_EQ(t, irq_to_desc(3)->irq_data.effective_affinity, last);
	KTEST_EXPECT_EQ(t, RTE_DEST(ioapic_read_entry(3)),
			cpu_to_apicid(__builtin_ctzl(last)));
	free_irq(3, &dev);
	/* Chosen CPUs stay chosen. */
	KTEST_EXPECT_EQ(t, irq_set_affinity(3, 1), 0);
	KTEST_ASSERT_EQ(t, request_irq(3, unused_irq_handler, 0, "ktest", &dev), 0);
	KTEST_EXPECT_EQ(t, irq_to_desc(3)->irq_data.effective_affinity, 1);
	free_irq(3, &dev);
	irq_default_affinity = saved;
}

/*
 * Waits ms of TSC time with interrupts on; returns this CPU's local timer
 * interrupts meanwhile.
 */
static unsigned int loc_over(unsigned int ms)
{
	unsigned int l0 = this_cpu_ptr(&irq_stat)->apic_timer_irqs;
	u64 end = ktime_get_ns() + (u64)ms * 1000000;

	while (ktime_get_ns() < end)
		cpu_relax();
	return this_cpu_ptr(&irq_stat)->apic_timer_irqs - l0;
}

/*
 * Every CPU's local APIC timer as the tick needs it: periodic, unmasked,
 * at the calibrated period.  Its rate can only be bounded from above: a
 * starved host makes QEMU deliver fewer ticks, never more, so too many
 * means a wrong divisor or period, and none means it is not running.
 */
static void test_lapic_timer_periodic(struct ktest *t)
{
	unsigned long saved = current->cpus_mask;
	unsigned int loc;
	int cpu;
	u32 lvtt;

	for_each_online_cpu(cpu) {
		set_cpus_allowed_ptr(current, 1UL << cpu);
		KTEST_ASSERT_EQ(t, smp_processor_id(), cpu);
		lvtt = apic_read(APIC_LVTT);
		KTEST_EXPECT_EQ(t, apic_read(APIC_TMICT), lapic_timer_period);
		KTEST_EXPECT_TRUE(t, lvtt & APIC_LVT_TIMER_PERIODIC);
		KTEST_EXPECT_FALSE(t, lvtt & APIC_LVT_MASKED);
		KTEST_EXPECT_EQ(t, lvtt & 0xff, LOCAL_TIMER_VECTOR);
		loc = loc_over(200);
		ktest_log(t, "CPU %d: %u LOC in 200 ms", cpu, loc);
		KTEST_EXPECT_GE(t, loc, 1);
		KTEST_EXPECT_LE(t, loc, HZ * 2 / 5 + 2);
	}
	set_cpus_allowed_ptr(current, saved);
}

/*
 * Once every CPU's local APIC timer ticks, the PIT is only the boot
 * clockevent: Linux shuts it down when the lapic replaces it as the boot
 * CPU's tick device (clockevents_exchange_device).  IRQ 0 keeps its
 * handler and the count it had at boot; LOC carries the tick.
 */
static void test_pit_stopped_after_boot(struct ktest *t)
{
	unsigned int irq0 = kstat_irqs(0), loc;

	KTEST_EXPECT_GT(t, irq0, 0);	/* it did tick at boot */
	loc = loc_over(100);
	KTEST_EXPECT_EQ(t, kstat_irqs(0), irq0);
	KTEST_EXPECT_GE(t, loc, 1);
	KTEST_EXPECT_STREQ(t, irq_to_desc(0)->action->name, "timer");
}

static void test_ktime_monotonic(struct ktest *t)
{
	u64 prev = ktime_get_ns(), now;
	int i, backwards = 0;

	for (i = 0; i < 10000; i++) {
		now = ktime_get_ns();
		backwards += now < prev;
		prev = now;
	}
	KTEST_EXPECT_EQ(t, backwards, 0);
}

/* A delay may be longer than asked (preemption, TCG), never shorter. */
static void test_udelay_lower_bound(struct ktest *t)
{
	u64 t0 = ktime_get_ns();

	udelay(5000);
	KTEST_EXPECT_GE(t, ktime_get_ns() - t0, 5000000);
	t0 = ktime_get_ns();
	ndelay(300000);
	KTEST_EXPECT_GE(t, ktime_get_ns() - t0, 300000);
}

static void test_time_after_wraps(struct ktest *t)
{
	unsigned long a = (unsigned long)-10, b = 5;

	KTEST_EXPECT_TRUE(t, time_after(b, a));		/* across the wrap */
	KTEST_EXPECT_FALSE(t, time_after(a, b));
	KTEST_EXPECT_TRUE(t, time_before(a, b));
	KTEST_EXPECT_TRUE(t, time_after_eq(b, b));
	KTEST_EXPECT_EQ(t, msecs_to_jiffies(1000), HZ);
}

static const struct ktest_case apic_cases[] = {
	KTEST_CASE(test_pit_route),
	KTEST_CASE(test_unused_pins_masked),
	KTEST_CASE(test_pci_lines_level),
	KTEST_CASE(test_affinity),
	KTEST_CASE(test_default_affinity_at_request),
	KTEST_CASE(test_lapic_timer_periodic),
	KTEST_CASE(test_pit_stopped_after_boot),
	KTEST_CASE(test_ktime_monotonic),
	KTEST_CASE(test_udelay_lower_bound),
	KTEST_CASE(test_time_after_wraps),
	{}
};
KTEST_SUITE(apic, apic_cases);
