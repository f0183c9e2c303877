// SPDX-License-Identifier: GPL-2.0
/*
 * ktest suite "pci_probe": a driver's probe runs in kernel_init, as on
 * Linux, where do_basic_setup runs the device initcalls: PID 1, process
 * context, so a probe may sleep (wait for a link, msleep for a reset).
 * The test driver binds the i440FX host bridge, which QEMU's pc machine
 * always has and no other driver wants, records where its probe ran and
 * sleeps in it.
 */
#include <irqlab/ktest.h>
#include <irqlab/pci.h>
#include <irqlab/sched.h>
#include <irqlab/preempt.h>
#include <irqlab/hardirq.h>
#include <irqlab/timekeeping.h>
#include <irqlab/timer.h>
#include <asm/processor.h>

#define PROBE_SLEEP_MS	5

static struct {
	bool ran;
	int pid;
	char comm[16];
	unsigned long preempt_count;
	bool irqs_disabled;
	u64 slept_ns;
} probe;

static int probe_ktest_probe(struct pci_dev *dev,
			     const struct pci_device_id *id)
{
	u64 t0;

	probe.ran = true;
	probe.pid = current->pid;
	strscpy(probe.comm, current->comm, sizeof(probe.comm));
	probe.preempt_count = preempt_count();
	probe.irqs_disabled = irqs_disabled();
	t0 = ktime_get_ns();
	msleep(PROBE_SLEEP_MS);
	probe.slept_ns = ktime_get_ns() - t0;
	return 0;
}

static const struct pci_device_id probe_ktest_ids[] = {
	/* The i440FX host bridge. */
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, 0x1237) },
	{ }
};

static struct pci_driver probe_ktest_driver = {
	.name		= "probe-ktest",
	.id_table	= probe_ktest_ids,
	.probe		= probe_ktest_probe,
};
module_pci_driver(probe_ktest_driver);

static void test_probe_ran_in_kernel_init(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, probe.ran);
	KTEST_EXPECT_EQ(t, probe.pid, 1);
	KTEST_EXPECT_STREQ(t, probe.comm, "swapper/0");
}

static void test_probe_may_sleep(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, probe.ran);
	KTEST_EXPECT_EQ(t, probe.preempt_count, 0);
	KTEST_EXPECT_FALSE(t, probe.irqs_disabled);
	KTEST_EXPECT_GE(t, probe.slept_ns, PROBE_SLEEP_MS * 1000000ULL);
}

static const struct ktest_case pci_probe_cases[] = {
	KTEST_CASE(test_probe_ran_in_kernel_init),
	KTEST_CASE(test_probe_may_sleep),
	{}
};
KTEST_SUITE(pci_probe, pci_probe_cases);
