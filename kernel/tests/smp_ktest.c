// SPDX-License-Identifier: GPL-2.0
/*
 * SMP basics: every online CPU has its own per-CPU area and answers
 * cross-CPU calls on itself; IPIs are counted; ticket spinlocks keep a
 * shared counter exact under contention from every CPU, and the debug
 * checks catch recursion and unlocking a free lock without hanging.
 */
#include <irqlab/ktest.h>
#include <irqlab/errno.h>
#include <irqlab/smp.h>
#include <irqlab/spinlock.h>
#include <irqlab/atomic.h>
#include <irqlab/jiffies.h>
#include <irqlab/timekeeping.h>
#include <irqlab/fault-inject.h>
#include <irqlab/slab.h>
#include <asm/smp.h>
#include <asm/hardirq.h>
#include <asm/apic.h>

static DEFINE_PER_CPU(int, probe);

static void record_cpu(void *info)
{
	int *where = info;

	where[smp_processor_id()] = smp_processor_id() + 100;
	this_cpu_write(probe, smp_processor_id() + 1000);
}

static void test_call_single_runs_there(struct ktest *t)
{
	int ran[NR_CPUS], cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		ran[cpu] = -1;
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(t, smp_call_function_single(cpu, record_cpu,
							    ran, true), 0);
	for_each_online_cpu(cpu) {
		KTEST_EXPECT_EQ(t, ran[cpu], cpu + 100);
		/* Each wrote its own copy of the per-CPU variable. */
		KTEST_EXPECT_EQ(t, per_cpu(probe, cpu), cpu + 1000);
	}
	KTEST_EXPECT_EQ(t, smp_call_function_single(NR_CPUS - 1, record_cpu,
						    ran, true),
			cpu_online(NR_CPUS - 1) ? 0 : -ENXIO);
}

static void test_online_mask(struct ktest *t)
{
	int cpu, n = 0;

	for_each_online_cpu(cpu) {
		n++;
		KTEST_EXPECT_GE(t, cpu_apicid[cpu], 0);
		KTEST_EXPECT_EQ(t, per_cpu_ptr(&pcpu_hot, cpu)->cpu_number, cpu);
	}
	KTEST_EXPECT_EQ(t, n, num_online_cpus());
	KTEST_EXPECT_TRUE(t, cpu_online(0));
	preempt_disable();	/* the APIC read and the CPU number agree */
	KTEST_EXPECT_EQ(t, cpu_apicid[smp_processor_id()], read_apic_id());
	preempt_enable();
}

static atomic_t calls;

static void count_call(void *info)
{
	atomic_inc(&calls);
}

static void test_call_many_and_counts(struct ktest *t)
{
	unsigned int before[NR_CPUS];
	int cpu, others = num_online_cpus() - 1;
	u64 deadline;

	if (!others) {
		ktest_skip(t, "needs a second CPU");
		return;
	}
	for_each_online_cpu(cpu)
		before[cpu] = per_cpu(irq_stat, cpu).irq_call_count;
	atomic_set(&calls, 0);
	preempt_disable();
	smp_call_function_many(cpu_online_mask, count_call, NULL, true);
	KTEST_EXPECT_EQ(t, atomic_read(&calls), others);	/* not this CPU */
	/* Without wait: it runs later, on each CPU, exactly once. */
	smp_call_function_many(cpu_online_mask, count_call, NULL, false);
	preempt_enable();
	deadline = ktime_get_ns() + 1000000000ULL;
	while (atomic_read(&calls) < 2 * others && ktime_get_ns() < deadline)
		cpu_relax();
	KTEST_EXPECT_EQ(t, atomic_read(&calls), 2 * others);
	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			KTEST_EXPECT_GE(t, per_cpu(irq_stat, cpu).irq_call_count,
					before[cpu] + 2);
}

/* Spins until cond or 10 s: a stall fails the case, a slow host does not. */
#define WAIT_FOR(cond)							\
	do {								\
		u64 __end = ktime_get_ns() + 10000000000ULL;		\
		while (!(cond) && ktime_get_ns() < __end)		\
			cpu_relax();					\
	} while (0)

static volatile bool hold_release;

/* Keeps the target in its call-function interrupt until released. */
static void hold_cpu(void *info)
{
	while (!READ_ONCE(hold_release))
		cpu_relax();
}

static atomic_t async_runs;

static void async_count(void *info)
{
	atomic_inc(&async_runs);
}

/*
 * An embedded csd is one request: sending it again before the target has
 * taken it is refused with -EBUSY (Linux's csd lock), not queued twice or
 * lost, and once it has run it can be sent again.
 */
static void test_call_async_busy_until_taken(struct ktest *t)
{
	call_single_data_t csd = CSD_INIT(async_count, NULL);
	int target;

	preempt_disable();
	target = cpumask_any_online_but(smp_processor_id());
	if (target < 0) {
		preempt_enable();
		ktest_skip(t, "needs a second CPU");
		return;
	}
	atomic_set(&async_runs, 0);
	hold_release = false;
	KTEST_EXPECT_EQ(t, smp_call_function_single(target, hold_cpu, NULL,
						    false), 0);
	KTEST_EXPECT_EQ(t, smp_call_function_single_async(target, &csd), 0);
	KTEST_EXPECT_EQ(t, smp_call_function_single_async(target, &csd),
			-EBUSY);
	KTEST_EXPECT_EQ(t, atomic_read(&async_runs), 0);
	WRITE_ONCE(hold_release, true);
	/* The target frees the csd just before it calls the function. */
	WAIT_FOR(atomic_read(&async_runs) == 1);
	KTEST_EXPECT_EQ(t, atomic_read(&async_runs), 1);
	KTEST_EXPECT_FALSE(t, smp_load_acquire(&csd.flags) & CSD_FLAG_LOCK);
	KTEST_EXPECT_EQ(t, smp_call_function_single_async(target, &csd), 0);
	WAIT_FOR(atomic_read(&async_runs) == 2);
	KTEST_EXPECT_EQ(t, atomic_read(&async_runs), 2);
	preempt_enable();
	if (!cpu_online(NR_CPUS - 1))
		KTEST_EXPECT_EQ(t, smp_call_function_single_async(NR_CPUS - 1,
								  &csd),
				-ENXIO);
}

struct ping_pong {
	call_single_data_t csd;
	int cpus[2];
	atomic_t left;
	atomic_t refused;
};

/* The csd is free again when its function runs, so it can send itself on. */
static void ping_pong_hop(void *info)
{
	struct ping_pong *pp = info;
	int left = atomic_dec_return(&pp->left);

	if (left > 0 &&
	    smp_call_function_single_async(pp->cpus[left & 1], &pp->csd))
		atomic_inc(&pp->refused);
}

static void test_call_async_resend_from_func(struct ktest *t)
{
	static struct ping_pong pp;

	preempt_disable();
	pp.cpus[0] = smp_processor_id();
	pp.cpus[1] = cpumask_any_online_but(pp.cpus[0]);
	preempt_enable();
	if (pp.cpus[1] < 0) {
		ktest_skip(t, "needs a second CPU");
		return;
	}
	INIT_CSD(&pp.csd, ping_pong_hop, &pp);
	atomic_set(&pp.left, 1000);
	atomic_set(&pp.refused, 0);
	KTEST_ASSERT_EQ(t, smp_call_function_single_async(pp.cpus[1], &pp.csd),
			0);
	WAIT_FOR(!atomic_read(&pp.left) &&
		 !(smp_load_acquire(&pp.csd.flags) & CSD_FLAG_LOCK));
	KTEST_EXPECT_EQ(t, atomic_read(&pp.left), 0);
	KTEST_EXPECT_EQ(t, atomic_read(&pp.refused), 0);
}

/*
 * A call that does not wait needs no memory, so it is never dropped when
 * there is none (Linux's csd_data; irqlab once allocated one and returned
 * -ENOMEM, leaving, for one, an RPS backlog unserved for good).
 */
static void test_call_nowait_needs_no_memory(struct ktest *t)
{
	int target, ret;
	void *p;

	preempt_disable();
	target = cpumask_any_online_but(smp_processor_id());
	preempt_enable();
	if (target < 0) {
		ktest_skip(t, "needs a second CPU");
		return;
	}
	atomic_set(&calls, 0);
	fault_inject_current_allocs(true);
	p = kmalloc(16, GFP_ATOMIC);
	ret = smp_call_function_single(target, count_call, NULL, false);
	fault_inject_current_allocs(false);
	KTEST_EXPECT_NULL(t, p);	/* the injection does fail allocations */
	kfree(p);
	KTEST_EXPECT_EQ(t, ret, 0);
	WAIT_FOR(atomic_read(&calls) == 1);
	KTEST_EXPECT_EQ(t, atomic_read(&calls), 1);
}

static DEFINE_SPINLOCK(stress_lock);
static unsigned long stress_counter;
static atomic_t stress_done;
#define STRESS_LOOPS	5000

/* Non-atomic increments: only the lock keeps them from being lost. */
static void stress(void *info)
{
	unsigned long flags;
	int i;

	for (i = 0; i < STRESS_LOOPS; i++) {
		spin_lock_irqsave(&stress_lock, flags);
		stress_counter = READ_ONCE(stress_counter) + 1;
		spin_unlock_irqrestore(&stress_lock, flags);
	}
	atomic_inc(&stress_done);
}

static void test_spinlock_stress(struct ktest *t)
{
	int n = num_online_cpus();
	u64 deadline;

	stress_counter = 0;
	atomic_set(&stress_done, 0);
	preempt_disable();
	smp_call_function_many(cpu_online_mask, stress, NULL, false);
	stress(NULL);
	preempt_enable();
	deadline = ktime_get_ns() + 20000000000ULL;
	while (atomic_read(&stress_done) < n && ktime_get_ns() < deadline)
		cpu_relax();
	KTEST_EXPECT_EQ(t, atomic_read(&stress_done), n);
	KTEST_EXPECT_EQ(t, stress_counter, (unsigned long)n * STRESS_LOOPS);
	KTEST_EXPECT_FALSE(t, spin_is_locked(&stress_lock));
}

static void test_spinlock_debug(struct ktest *t)
{
	DEFINE_SPINLOCK(l);
	unsigned long reports = spinlock_bug_reports;

	spin_lock(&l);
	spin_lock(&l);		/* recursion: reported, not a deadlock */
	KTEST_EXPECT_EQ(t, spinlock_bug_reports, reports + 1);
	spin_unlock(&l);
	KTEST_EXPECT_FALSE(t, spin_is_locked(&l));
	spin_unlock(&l);	/* not held: reported, lock not corrupted */
	KTEST_EXPECT_EQ(t, spinlock_bug_reports, reports + 2);
	KTEST_EXPECT_TRUE(t, spin_trylock(&l));
	KTEST_EXPECT_FALSE(t, spin_trylock(&l));
	spin_unlock(&l);
	KTEST_EXPECT_EQ(t, spinlock_bug_reports, reports + 2);
	KTEST_EXPECT_EQ(t, preempt_count(), 0);
}

static void test_reschedule_ipi_counted(struct ktest *t)
{
	int cpu, target = -1;
	unsigned int before;
	u64 deadline;

	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			target = cpu;
	if (target < 0) {
		ktest_skip(t, "needs a second CPU");
		return;
	}
	before = per_cpu(irq_stat, target).irq_resched_count;
	smp_send_reschedule(target);
	deadline = ktime_get_ns() + 1000000000ULL;
	while (per_cpu(irq_stat, target).irq_resched_count == before &&
	       ktime_get_ns() < deadline)
		cpu_relax();
	KTEST_EXPECT_EQ(t, per_cpu(irq_stat, target).irq_resched_count,
			before + 1);
}

static const struct ktest_case smp_cases[] = {
	KTEST_CASE(test_online_mask),
	KTEST_CASE(test_call_single_runs_there),
	KTEST_CASE(test_call_many_and_counts),
	KTEST_CASE(test_call_async_busy_until_taken),
	KTEST_CASE(test_call_async_resend_from_func),
	KTEST_CASE(test_call_nowait_needs_no_memory),
	KTEST_CASE(test_spinlock_stress),
	KTEST_CASE(test_spinlock_debug),
	KTEST_CASE(test_reschedule_ipi_counted),
	{}
};
KTEST_SUITE(smp, smp_cases);
