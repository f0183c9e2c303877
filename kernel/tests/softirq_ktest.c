// SPDX-License-Identifier: GPL-2.0
/*
 * Softirq guarantees (kernel/softirq.c).  The handlers under test sit on
 * vectors nobody else opens yet (BLOCK, IRQ_POLL, HRTIMER, RCU) and are
 * put back to a no-op afterwards.  The runner is pinned to one CPU while
 * a case runs, since pending bits and counts are per CPU.
 */
#include <irqlab/ktest.h>
#include <irqlab/interrupt.h>
#include <irqlab/bottom_half.h>
#include <irqlab/kernel_stat.h>
#include <irqlab/kthread.h>
#include <irqlab/timer.h>
#include <irqlab/delay.h>
#include <irqlab/vmalloc.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/printk.h>
#include <asm/processor.h>

#define TEST_VECS	4
static const int test_vec[TEST_VECS] = {
	BLOCK_SOFTIRQ, IRQ_POLL_SOFTIRQ, HRTIMER_SOFTIRQ, RCU_SOFTIRQ
};

/* What the handlers saw, in order. */
static struct {
	int order[32];
	int n;
	int reraise;			/* runs left that raise their own bit */
	unsigned long in_runner;	/* runs while the runner waits */
	unsigned long in_ksoftirqd;
	unsigned long total;
	bool serving, in_softirq_stack;
	bool counting;
	bool stop;
	unsigned int delay_us;
} rec;

static unsigned long saved_mask;

static void idle_action(void)
{
}

static void pin_runner(void)
{
	saved_mask = current->cpus_mask;
	set_cpus_allowed_ptr(current, 1UL << smp_processor_id());
}

static void unpin_runner(void)
{
	int i;

	for (i = 0; i < TEST_VECS; i++)
		open_softirq(test_vec[i], idle_action);
	set_cpus_allowed_ptr(current, saved_mask);
}

static void note(int nr)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	unsigned long top = this_cpu_ptr(&pcpu_hot)->hardirq_stack_ptr;

	if (rec.n < (int)ARRAY_SIZE(rec.order))
		rec.order[rec.n++] = nr;
	rec.serving = in_serving_softirq();
	rec.in_softirq_stack = sp < top && sp >= top - THREAD_SIZE;
}

static void block_action(void)
{
	note(BLOCK_SOFTIRQ);
	if (rec.reraise > 0) {
		rec.reraise--;
		raise_softirq(BLOCK_SOFTIRQ);
	}
}

static void irq_poll_action(void)
{
	note(IRQ_POLL_SOFTIRQ);
}

static void hrtimer_action(void)
{
	note(HRTIMER_SOFTIRQ);
}

static void rcu_action(void)
{
	note(RCU_SOFTIRQ);
}

static void reset_rec(void)
{
	memset(&rec, 0, sizeof(rec));
}

/* Raised together, with softirqs held off: they run lowest number first. */
static void test_order(struct ktest *t)
{
	reset_rec();
	pin_runner();
	open_softirq(BLOCK_SOFTIRQ, block_action);
	open_softirq(IRQ_POLL_SOFTIRQ, irq_poll_action);
	open_softirq(HRTIMER_SOFTIRQ, hrtimer_action);
	open_softirq(RCU_SOFTIRQ, rcu_action);

	local_bh_disable();
	raise_softirq(RCU_SOFTIRQ);
	raise_softirq(HRTIMER_SOFTIRQ);
	raise_softirq(BLOCK_SOFTIRQ);
	raise_softirq(IRQ_POLL_SOFTIRQ);
	local_bh_enable();
	unpin_runner();

	KTEST_ASSERT_EQ(t, rec.n, 4);
	KTEST_EXPECT_EQ(t, rec.order[0], BLOCK_SOFTIRQ);
	KTEST_EXPECT_EQ(t, rec.order[1], IRQ_POLL_SOFTIRQ);
	KTEST_EXPECT_EQ(t, rec.order[2], HRTIMER_SOFTIRQ);
	KTEST_EXPECT_EQ(t, rec.order[3], RCU_SOFTIRQ);
}

/*
 * BLOCK raises itself once while HRTIMER is also pending: the new bit
 * waits for the next pass, after HRTIMER, instead of jumping the queue.
 */
static void test_raised_during_pass_runs_later(struct ktest *t)
{
	reset_rec();
	rec.reraise = 1;
	pin_runner();
	open_softirq(BLOCK_SOFTIRQ, block_action);
	open_softirq(HRTIMER_SOFTIRQ, hrtimer_action);

	local_bh_disable();
	raise_softirq(HRTIMER_SOFTIRQ);
	raise_softirq(BLOCK_SOFTIRQ);
	local_bh_enable();
	unpin_runner();

	KTEST_ASSERT_EQ(t, rec.n, 3);
	KTEST_EXPECT_EQ(t, rec.order[0], BLOCK_SOFTIRQ);
	KTEST_EXPECT_EQ(t, rec.order[1], HRTIMER_SOFTIRQ);
	KTEST_EXPECT_EQ(t, rec.order[2], BLOCK_SOFTIRQ);
}

/*
 * Interrupts keep coming while softirqs are disabled; none of their
 * exits may run the pending one.  local_bh_enable() runs it, on the IRQ
 * stack, in serving-softirq context.
 */
static void test_bh_disable_defers(struct ktest *t)
{
	unsigned long j;
	bool in_softirq_bh, serving_bh;

	reset_rec();
	pin_runner();
	open_softirq(IRQ_POLL_SOFTIRQ, irq_poll_action);

	local_bh_disable();
	in_softirq_bh = in_softirq();
	serving_bh = in_serving_softirq();
	raise_softirq(IRQ_POLL_SOFTIRQ);
	/* A few ticks: their irq_exit() must leave the bit alone. */
	j = jiffies;
	while (time_before(jiffies, j + 3))
		cpu_relax();
	KTEST_EXPECT_EQ(t, rec.n, 0);
	KTEST_EXPECT_NE(t, local_softirq_pending() & (1U << IRQ_POLL_SOFTIRQ),
			0);
	local_bh_enable();
	unpin_runner();

	KTEST_EXPECT_TRUE(t, in_softirq_bh);
	KTEST_EXPECT_FALSE(t, serving_bh);
	KTEST_EXPECT_EQ(t, rec.n, 1);
	KTEST_EXPECT_TRUE(t, rec.serving);
	KTEST_EXPECT_TRUE(t, rec.in_softirq_stack);
	KTEST_EXPECT_EQ(t, preempt_count(), 0);
}

static void forever_action(void)
{
	rec.total++;
	if (rec.counting)
		rec.in_runner++;
	if (current == this_cpu_read(ksoftirqd))
		rec.in_ksoftirqd++;
	if (rec.delay_us)
		udelay(rec.delay_us);
	if (!READ_ONCE(rec.stop))
		raise_softirq(BLOCK_SOFTIRQ);
}

struct counter {
	volatile unsigned long loops;
};

static int count_fn(void *data)
{
	struct counter *c = data;

	while (!kthread_should_stop())
		c->loops++;
	return 0;
}

/*
 * One pass from the runner's do_softirq(): how many runs it made before
 * it gave up.  Interrupts stay off around it so no irq_exit() adds runs.
 */
static unsigned long one_pass(void)
{
	unsigned long n;

	local_irq_disable();
	rec.counting = true;
	__raise_softirq_irqoff(BLOCK_SOFTIRQ);
	do_softirq();
	rec.counting = false;
	n = rec.in_runner;
	local_irq_enable();
	return n;
}

/*
 * A handler that raises itself forever: each pass gives up (after 10
 * restarts, or 2 ms) and hands over to ksoftirqd/N, a fair thread, so a
 * thread on the same CPU keeps running.
 */
static void test_endless_softirq_goes_to_ksoftirqd(struct ktest *t)
{
	struct counter c = { 0 };
	struct task_struct *other;
	unsigned long n, l0, l1, k0, waited;
	struct kernel_cpustat s0, s1;
	int cpu;

	reset_rec();
	pin_runner();
	cpu = smp_processor_id();
	open_softirq(BLOCK_SOFTIRQ, forever_action);
	other = kthread_create(count_fn, &c, "sirq-other");
	KTEST_ASSERT_NOT_NULL(t, other);
	kthread_bind(other, cpu);
	wake_up_process(other);
	kcpustat_cpu_fetch(&s0, cpu);

	n = one_pass();
	ktest_log(t, "one pass ran the handler %lu times", n);
	KTEST_EXPECT_GE(t, n, 1);
	KTEST_EXPECT_LE(t, n, 10);

	/* The rest is ksoftirqd's; the other thread must still get on. */
	l0 = c.loops;
	k0 = rec.in_ksoftirqd;
	for (waited = 0; waited < 5000; waited += 10) {
		msleep(10);
		if (c.loops != l0 && rec.in_ksoftirqd != k0)
			break;
	}
	l1 = c.loops;
	WRITE_ONCE(rec.stop, true);
	msleep(20);
	kthread_stop(other);
	kcpustat_cpu_fetch(&s1, cpu);
	unpin_runner();

	ktest_log(t, "%lu runs, %lu in ksoftirqd; other thread: %lu loops",
		  rec.total, rec.in_ksoftirqd, l1 - l0);
	KTEST_EXPECT_GT(t, rec.in_ksoftirqd, k0);
	KTEST_EXPECT_GT(t, l1, l0);
	KTEST_EXPECT_GT(t, s1.cpustat[CPUTIME_SOFTIRQ],
			s0.cpustat[CPUTIME_SOFTIRQ]);
}

/*
 * Slow runs (2 ms each) that keep raising: the 2 ms limit ends the pass
 * long before its 10 restarts would.
 */
static void test_pass_time_limit(struct ktest *t)
{
	unsigned long n;

	reset_rec();
	pin_runner();
	rec.delay_us = 2000;
	open_softirq(BLOCK_SOFTIRQ, forever_action);
	n = one_pass();
	WRITE_ONCE(rec.stop, true);
	msleep(20);
	unpin_runner();

	ktest_log(t, "a pass of 2 ms runs ran %lu of them", n);
	KTEST_EXPECT_GE(t, n, 1);
	KTEST_EXPECT_LT(t, n, 10);
}

/* From task context nothing else would run it soon: ksoftirqd is woken. */
static void test_raise_from_task_wakes_ksoftirqd(struct ktest *t)
{
	struct task_struct *k;
	unsigned int state;
	int i;

	reset_rec();
	pin_runner();
	k = this_cpu_read(ksoftirqd);
	KTEST_ASSERT_NOT_NULL(t, k);
	open_softirq(IRQ_POLL_SOFTIRQ, irq_poll_action);
	for (i = 0; i < 500 && READ_ONCE(k->__state) != TASK_INTERRUPTIBLE;
	     i++)
		msleep(1);
	KTEST_ASSERT_EQ(t, READ_ONCE(k->__state), TASK_INTERRUPTIBLE);

	local_irq_disable();
	raise_softirq_irqoff(IRQ_POLL_SOFTIRQ);
	state = READ_ONCE(k->__state);
	local_irq_enable();
	for (i = 0; i < 500 && !READ_ONCE(rec.n); i++)
		msleep(1);
	unpin_runner();

	KTEST_EXPECT_EQ(t, state, TASK_RUNNING);
	KTEST_EXPECT_EQ(t, rec.n, 1);
}

/* Runs counted in /proc/softirqs' row for the vector, on this CPU. */
static void test_counts_match_runs(struct ktest *t)
{
	unsigned int before, after;
	int i, cpu;

	reset_rec();
	pin_runner();
	cpu = smp_processor_id();
	open_softirq(RCU_SOFTIRQ, rcu_action);
	before = kstat_softirqs_cpu(RCU_SOFTIRQ, cpu);
	for (i = 0; i < 20; i++) {
		local_bh_disable();
		raise_softirq(RCU_SOFTIRQ);
		local_bh_enable();
	}
	after = kstat_softirqs_cpu(RCU_SOFTIRQ, cpu);
	unpin_runner();

	KTEST_EXPECT_EQ(t, rec.n, 20);
	KTEST_EXPECT_EQ(t, after - before, 20);
}

static void leaky_action(void)
{
	rec.n++;
	preempt_disable();	/* and never enabled: the bug under test */
}

/* A handler that leaks a preempt count is reported and repaired. */
static void test_preempt_count_leak_repaired(struct ktest *t)
{
	unsigned long count;

	reset_rec();
	pin_runner();
	open_softirq(HRTIMER_SOFTIRQ, leaky_action);
	local_bh_disable();
	raise_softirq(HRTIMER_SOFTIRQ);
	local_bh_enable();
	count = preempt_count();
	unpin_runner();

	KTEST_EXPECT_EQ(t, rec.n, 1);
	KTEST_EXPECT_EQ(t, count, 0);
}

/* One ksoftirqd/N per CPU, bound there, a nice-0 fair thread. */
static void test_ksoftirqd_per_cpu(struct ktest *t)
{
	char name[TASK_COMM_LEN];
	int cpu;

	for_each_online_cpu(cpu) {
		struct task_struct *k = per_cpu(ksoftirqd, cpu);

		KTEST_ASSERT_NOT_NULL(t, k);
		snprintf(name, sizeof(name), "ksoftirqd/%d", cpu);
		KTEST_EXPECT_STREQ(t, k->comm, name);
		KTEST_EXPECT_EQ(t, k->cpus_mask, 1UL << cpu);
		KTEST_EXPECT_EQ(t, k->policy, SCHED_NORMAL);
		KTEST_EXPECT_EQ(t, task_nice(k), 0);
	}
}

/* Counts "WARNING: at kernel/softirq.c:" lines in the log, across the
 * pieces log_buf_dump() hands out. */
static const char softirq_warning[] = "WARNING: at kernel/softirq.c:";
static unsigned int warn_matched, warn_count;

static void count_warnings(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] != softirq_warning[warn_matched])
			warn_matched = 0;
		/* The pattern's first letter occurs once in it: retry here. */
		if (s[i] == softirq_warning[warn_matched] &&
		    !softirq_warning[++warn_matched]) {
			warn_count++;
			warn_matched = 0;
		}
	}
}

static unsigned int softirq_warnings(void)
{
	warn_matched = warn_count = 0;
	log_buf_dump(count_warnings);
	return warn_count;
}

/*
 * local_bh_enable() with interrupts disabled.  Linux warns (its
 * __local_bh_enable_ip(): lockdep_assert_irqs_enabled()) and none of its
 * callers do it; the softirqs pending then must not run inside the
 * caller's interrupts-off section, which running them would turn
 * interrupts on in.  They run once interrupts are back on.
 */
static void test_bh_enable_irqs_off(struct ktest *t)
{
	unsigned int warnings = softirq_warnings();
	bool irqs_stayed_off;
	int ran_inside, i;

	reset_rec();
	pin_runner();
	open_softirq(BLOCK_SOFTIRQ, block_action);
	local_irq_disable();
	local_bh_disable();
	raise_softirq_irqoff(BLOCK_SOFTIRQ);
	local_bh_enable();
	ran_inside = READ_ONCE(rec.n);
	irqs_stayed_off = irqs_disabled();
	local_irq_enable();
	/* The next interrupt's exit, or ksoftirqd, runs it. */
	for (i = 0; i < 500 && !READ_ONCE(rec.n); i++)
		msleep(1);
	unpin_runner();

	KTEST_EXPECT_EQ(t, warnings, 0);	/* nobody else did it before */
	KTEST_EXPECT_EQ(t, softirq_warnings(), 1);
	KTEST_EXPECT_EQ(t, ran_inside, 0);
	KTEST_EXPECT_TRUE(t, irqs_stayed_off);
	KTEST_EXPECT_EQ(t, rec.n, 1);
}

static const struct ktest_case softirq_cases[] = {
	KTEST_CASE(test_order),
	KTEST_CASE(test_raised_during_pass_runs_later),
	KTEST_CASE(test_bh_disable_defers),
	KTEST_CASE(test_bh_enable_irqs_off),
	KTEST_CASE(test_endless_softirq_goes_to_ksoftirqd),
	KTEST_CASE(test_pass_time_limit),
	KTEST_CASE(test_raise_from_task_wakes_ksoftirqd),
	KTEST_CASE(test_counts_match_runs),
	KTEST_CASE(test_preempt_count_leak_repaired),
	KTEST_CASE(test_ksoftirqd_per_cpu),
	{}
};
KTEST_SUITE(softirq, softirq_cases);
