// SPDX-License-Identifier: GPL-2.0
/*
 * Initcalls: the levels run in Linux's order, in kernel_init (PID 1,
 * where they may sleep), and do_one_initcall reports what Linux's does:
 * the initcall_debug lines, a failure, a preemption or interrupt state
 * left wrong.
 */
#include <irqlab/ktest.h>
#include <irqlab/init.h>
#include <irqlab/errno.h>
#include <irqlab/printk.h>
#include <irqlab/preempt.h>
#include <irqlab/sched.h>
#include <irqlab/timer.h>
#include <irqlab/jiffies.h>
#include <irqlab/sprintf.h>
#include <asm/processor.h>

/* ---- one initcall per level, recording the order they ran in ----------- */

static char order[96];
static int order_len;
static int levels_pid = -1, levels_slept = -1;

static void ran(const char *level)
{
	order_len += scnprintf(order + order_len, sizeof(order) - order_len,
			       "%s%s", order_len ? "," : "", level);
	if (levels_pid < 0)
		levels_pid = current->pid;
	else if (current->pid != levels_pid)
		levels_pid = 0;		/* not all in one task */
}

#define LEVEL(name, macro)						\
	static int initcall_ktest_##name(void)				\
	{								\
		ran(#name);						\
		return 0;						\
	}								\
	macro(initcall_ktest_##name)

LEVEL(early, early_initcall);
LEVEL(pure, pure_initcall);
LEVEL(core, core_initcall);
LEVEL(postcore, postcore_initcall);
LEVEL(arch, arch_initcall);
LEVEL(subsys, subsys_initcall);
LEVEL(fs, fs_initcall);
LEVEL(rootfs, rootfs_initcall);
LEVEL(late, late_initcall);

/* The device level sleeps, which it may: it runs in a thread. */
static int initcall_ktest_device(void)
{
	unsigned long before = jiffies;

	ran("device");
	msleep(5);
	levels_slept = time_after(jiffies, before);
	return 0;
}
device_initcall(initcall_ktest_device);

static void test_levels_in_order(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, order, "early,pure,core,postcore,arch,"
			   "subsys,fs,rootfs,device,late");
}

/* Linux's kernel_init is PID 1; so is irqlab's, and every level ran there. */
static void test_levels_run_in_pid_1(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, levels_pid, 1);
	KTEST_EXPECT_EQ(t, levels_slept, 1);
}

/* ---- do_one_initcall's reports ------------------------------------------- */

static char captured[64 * 1024 + 1];

/* The last place in the log that holds needle, or NULL. */
static const char *dmesg_last(const char *needle)
{
	const char *p, *last = NULL;

	log_buf_copy(captured, sizeof(captured));
	for (p = captured; (p = strstr(p, needle)) != NULL; p++)
		last = p;
	return last;
}

/* "NAME+0x0/0x..." and then want, on one line after needle. */
static bool logged(const char *needle, const char *name, const char *want)
{
	const char *p = dmesg_last(needle), *end;

	if (!p)
		return false;
	p += strlen(needle);
	end = strchr(p, '\n');
	if (strncmp(p, name, strlen(name)) != 0 ||
	    strncmp(p + strlen(name), "+0x0/0x", 7) != 0)
		return false;
	p = strstr(p, want);
	return p && (!end || p < end);
}

static int initcall_fails(void)
{
	return -ENOMEM;
}

static int initcall_no_device(void)
{
	return -ENODEV;
}

static int initcall_leaves_preemption_off(void)
{
	preempt_disable();
	return 0;
}

static int initcall_leaves_irqs_off(void)
{
	local_irq_disable();
	return 0;
}

static int initcall_ok(void)
{
	return 0;
}

static void test_failure_reported(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, do_one_initcall(initcall_fails), -ENOMEM);
	KTEST_EXPECT_TRUE(t, logged("initcall ", "initcall_fails",
				    " returned -12\n"));
}

/* No such hardware is no failure: nothing to report. */
static void test_enodev_not_reported(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, do_one_initcall(initcall_no_device), -ENODEV);
	KTEST_EXPECT_NULL(t, dmesg_last("initcall initcall_no_device"));
}

static void test_preemption_imbalance(struct ktest *t)
{
	unsigned long count = preempt_count();

	do_one_initcall(initcall_leaves_preemption_off);
	KTEST_EXPECT_EQ(t, preempt_count(), count);
	KTEST_EXPECT_TRUE(t, logged("initcall ",
				    "initcall_leaves_preemption_off",
				    " returned with preemption imbalance"));
}

static void test_disabled_interrupts(struct ktest *t)
{
	do_one_initcall(initcall_leaves_irqs_off);
	KTEST_EXPECT_FALSE(t, irqs_disabled());
	KTEST_EXPECT_TRUE(t, logged("initcall ", "initcall_leaves_irqs_off",
				    " returned with disabled interrupts"));
}

/* Linux's two lines: "calling  fn+0x0/0x.. @ pid", then the result. */
static void test_initcall_debug_lines(struct ktest *t)
{
	char pid[16];
	bool was = initcall_debug;

	initcall_debug = true;
	do_one_initcall(initcall_ok);
	initcall_debug = was;
	scnprintf(pid, sizeof(pid), " @ %d\n", current->pid);
	KTEST_EXPECT_TRUE(t, logged("calling  ", "initcall_ok", pid));
	KTEST_EXPECT_TRUE(t, logged("initcall ", "initcall_ok",
				    " returned 0 after "));
	KTEST_EXPECT_TRUE(t, logged("initcall ", "initcall_ok", " usecs\n"));
}

static const struct ktest_case initcall_cases[] = {
	KTEST_CASE(test_levels_in_order),
	KTEST_CASE(test_levels_run_in_pid_1),
	KTEST_CASE(test_failure_reported),
	KTEST_CASE(test_enodev_not_reported),
	KTEST_CASE(test_preemption_imbalance),
	KTEST_CASE(test_disabled_interrupts),
	KTEST_CASE(test_initcall_debug_lines),
	{}
};
KTEST_SUITE(initcall, initcall_cases);
