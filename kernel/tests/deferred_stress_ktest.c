// SPDX-License-Identifier: GPL-2.0
/*
 * Everything at once: a thread on every CPU raises a softirq, schedules
 * tasklets (normal and HI) and queues work items to every CPU and to the
 * unbound pool, for STRESS_SECONDS, while the tick, the timers and load
 * balancing run as usual.  At the end every request must have been
 * served exactly once: nothing lost, nothing run twice.
 */
#include <irqlab/ktest.h>
#include <irqlab/interrupt.h>
#include <irqlab/workqueue.h>
#include <irqlab/kthread.h>
#include <irqlab/completion.h>
#include <irqlab/timer.h>
#include <irqlab/atomic.h>
#include <irqlab/jiffies.h>
#include <irqlab/timekeeping.h>
#include <asm/processor.h>

#define STRESS_SECONDS	20
#define WORKS_PER_CPU	16

/*
 * A producer never reschedules a tasklet or requeues a work item that
 * is still outstanding, so each request has exactly one run to match.
 */
struct stress_work {
	struct work_struct work;
	atomic_t outstanding;
	struct producer *owner;
};

struct producer {
	int cpu;
	struct task_struct *task;
	struct completion done;
	/* softirq: requests made, and the last request a run has seen */
	unsigned long sirq_req;
	unsigned long sirq_seen;
	struct tasklet_struct tasklet, hi_tasklet;
	atomic_t tl_outstanding, hi_outstanding;
	unsigned long tl_sched, hi_sched;
	atomic_t tl_runs, hi_runs;
	struct stress_work works[WORKS_PER_CPU];
	unsigned long queued;
	atomic_t ran;
};

static struct producer producers[NR_CPUS];
/* TSC time: jiffies lag behind it when a starved vCPU loses ticks. */
static u64 stress_end;

static void stress_softirq(void)
{
	struct producer *p = &producers[smp_processor_id()];

	/* One run serves every request made before it started. */
	WRITE_ONCE(p->sirq_seen, READ_ONCE(p->sirq_req));
}

static void tasklet_fn(struct tasklet_struct *t)
{
	struct producer *p = from_tasklet(p, t, tasklet);

	atomic_inc(&p->tl_runs);
	atomic_set(&p->tl_outstanding, 0);
}

static void hi_tasklet_fn(struct tasklet_struct *t)
{
	struct producer *p = from_tasklet(p, t, hi_tasklet);

	atomic_inc(&p->hi_runs);
	atomic_set(&p->hi_outstanding, 0);
}

static void work_fn(struct work_struct *work)
{
	struct stress_work *w = container_of(work, struct stress_work, work);

	atomic_inc(&w->owner->ran);
	atomic_set(&w->outstanding, 0);
}

static int next_online_cpu(int cpu)
{
	do {
		cpu = (cpu + 1) % NR_CPUS;
	} while (!cpu_online(cpu));
	return cpu;
}

static int producer_fn(void *data)
{
	struct producer *p = data;
	unsigned long i = 0;
	int target = p->cpu;

	while (ktime_get_ns() < stress_end) {
		struct stress_work *w = &p->works[i % WORKS_PER_CPU];

		/* Bound to p->cpu: the softirq is raised there. */
		local_irq_disable();
		p->sirq_req++;
		raise_softirq_irqoff(IRQ_POLL_SOFTIRQ);
		local_irq_enable();

		if (!atomic_xchg(&p->tl_outstanding, 1)) {
			p->tl_sched++;
			tasklet_schedule(&p->tasklet);
		}
		if (!atomic_xchg(&p->hi_outstanding, 1)) {
			p->hi_sched++;
			tasklet_hi_schedule(&p->hi_tasklet);
		}
		if (!atomic_xchg(&w->outstanding, 1)) {
			struct workqueue_struct *wq = (i & 7) == 7 ?
				system_unbound_wq : system_wq;

			target = next_online_cpu(target);
			if (queue_work_on(target, wq, &w->work))
				p->queued++;
			else
				atomic_set(&w->outstanding, 0);
		}
		if (++i % 64 == 0)
			msleep(1);
		else
			cond_resched();
	}
	complete(&p->done);
	return 0;
}

static void test_everything_at_once(struct ktest *t)
{
	unsigned long sched = 0, runs = 0, queued = 0, ran = 0, end;
	int cpu, i;

	open_softirq(IRQ_POLL_SOFTIRQ, stress_softirq);
	stress_end = ktime_get_ns() + STRESS_SECONDS * 1000000000ULL;
	for_each_online_cpu(cpu) {
		struct producer *p = &producers[cpu];

		memset(p, 0, sizeof(*p));
		p->cpu = cpu;
		init_completion(&p->done);
		tasklet_setup(&p->tasklet, tasklet_fn);
		tasklet_setup(&p->hi_tasklet, hi_tasklet_fn);
		for (i = 0; i < WORKS_PER_CPU; i++) {
			INIT_WORK(&p->works[i].work, work_fn);
			p->works[i].owner = p;
		}
		p->task = kthread_create_on_cpu(producer_fn, p, cpu,
						"stress/%u");
		KTEST_ASSERT_NOT_NULL(t, p->task);
	}
	for_each_online_cpu(cpu)
		wake_up_process(producers[cpu].task);

	for_each_online_cpu(cpu) {
		struct producer *p = &producers[cpu];

		KTEST_ASSERT_TRUE(t, wait_for_completion_timeout(&p->done,
					(STRESS_SECONDS + 60) * HZ));
		tasklet_kill(&p->tasklet);
		tasklet_kill(&p->hi_tasklet);
		for (i = 0; i < WORKS_PER_CPU; i++)
			flush_work(&p->works[i].work);
	}
	/*
	 * The last raise on each CPU gets its run at that CPU's next
	 * interrupt exit or in its ksoftirqd: wait for it, not for a while.
	 */
	end = jiffies + 10 * HZ;
	for_each_online_cpu(cpu) {
		struct producer *p = &producers[cpu];

		while (READ_ONCE(p->sirq_seen) != p->sirq_req &&
		       time_before(jiffies, end))
			msleep(1);
	}

	for_each_online_cpu(cpu) {
		struct producer *p = &producers[cpu];

		ktest_log(t, "CPU %d: %lu softirqs, %lu+%lu tasklets, %lu works",
			  cpu, p->sirq_req, p->tl_sched, p->hi_sched,
			  p->queued);
		KTEST_EXPECT_GT(t, p->sirq_req, 0);
		KTEST_EXPECT_EQ(t, READ_ONCE(p->sirq_seen), p->sirq_req);
		KTEST_EXPECT_EQ(t, atomic_read(&p->tl_runs), p->tl_sched);
		KTEST_EXPECT_EQ(t, atomic_read(&p->hi_runs), p->hi_sched);
		KTEST_EXPECT_EQ(t, atomic_read(&p->ran), p->queued);
		sched += p->tl_sched + p->hi_sched;
		runs += atomic_read(&p->tl_runs) + atomic_read(&p->hi_runs);
		queued += p->queued;
		ran += atomic_read(&p->ran);
	}
	KTEST_EXPECT_GT(t, sched, 0);
	KTEST_EXPECT_EQ(t, runs, sched);
	KTEST_EXPECT_GT(t, queued, 0);
	KTEST_EXPECT_EQ(t, ran, queued);
}

static const struct ktest_case deferred_stress_cases[] = {
	KTEST_CASE(test_everything_at_once),
	{}
};
KTEST_SUITE(deferred_stress, deferred_stress_cases);
