// SPDX-License-Identifier: GPL-2.0
/*
 * The fair and FIFO classes, on one CPU: two nice-0 spinners share it,
 * nice 5 against nice 0 follows the weight table, a FIFO task preempts
 * fair ones as soon as it wakes and starves them while it runs.  The
 * threads are pinned to the last online CPU (the runner's competition
 * elsewhere, when there is an elsewhere).
 */
#include <irqlab/ktest.h>
#include <irqlab/kthread.h>
#include <irqlab/timer.h>
#include <irqlab/completion.h>
#include <irqlab/timekeeping.h>
#include <asm/processor.h>

struct spinner {
	volatile unsigned long loops;
	struct task_struct *task;
};

static int spin_fn(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop())
		s->loops++;
	return 0;
}

static int last_cpu(void)
{
	int cpu, last = 0;

	for_each_online_cpu(cpu)
		last = cpu;
	return last;
}

static void start_spinner(struct spinner *s, int cpu, int nice,
			  const char *name)
{
	s->loops = 0;
	s->task = kthread_create(spin_fn, s, "%s", name);
	if (!s->task)
		return;
	kthread_bind(s->task, cpu);
	set_user_nice(s->task, nice);
	wake_up_process(s->task);
}

/*
 * CPU time (ns) each got over ms milliseconds, after a short warm-up.
 * Runtime, not loops: a TCG vCPU runs at whatever speed the host gives
 * it, so loop counts measure the host; runtime is what CFS divides.
 */
static void measure(struct spinner *s, int n, unsigned int ms,
		    unsigned long *out)
{
	u64 start[4];
	int i;

	msleep(100);
	for (i = 0; i < n; i++)
		start[i] = READ_ONCE(s[i].task->se.sum_exec_runtime);
	msleep(ms);
	for (i = 0; i < n; i++)
		out[i] = READ_ONCE(s[i].task->se.sum_exec_runtime) - start[i];
}

static void test_two_nice0_share(struct ktest *t)
{
	struct spinner s[2];
	unsigned long d[2], total;
	int cpu = last_cpu();

	start_spinner(&s[0], cpu, 0, "share/0");
	start_spinner(&s[1], cpu, 0, "share/1");
	KTEST_ASSERT_TRUE(t, s[0].task && s[1].task);
	measure(s, 2, 1000, d);
	kthread_stop(s[0].task);
	kthread_stop(s[1].task);

	total = d[0] + d[1];
	ktest_log(t, "CPU %d: %lu and %lu us", cpu, d[0] / 1000, d[1] / 1000);
	KTEST_ASSERT_GT(t, total, 0);
	KTEST_EXPECT_GE(t, d[0] * 100 / total, 40);
	KTEST_EXPECT_LE(t, d[0] * 100 / total, 60);
}

static void test_nice_weight_ratio(struct ktest *t)
{
	struct spinner s[2];
	unsigned long d[2];
	int cpu = last_cpu();

	start_spinner(&s[0], cpu, 0, "nice0");
	start_spinner(&s[1], cpu, 5, "nice5");
	KTEST_ASSERT_TRUE(t, s[0].task && s[1].task);
	measure(s, 2, 1000, d);
	kthread_stop(s[0].task);
	kthread_stop(s[1].task);

	/* 1024 / 335 = 3.06 */
	ktest_log(t, "nice 0: %lu us, nice 5: %lu us", d[0] / 1000,
		  d[1] / 1000);
	KTEST_ASSERT_GT(t, d[1], 0);
	/*
	 * Wide, as before runtime replaced loop counts: with 4 vCPUs on 2
	 * host CPUs a host stall is charged to whichever thread it hit.
	 */
	KTEST_EXPECT_GE(t, d[0] * 100 / d[1], 200);
	KTEST_EXPECT_LE(t, d[0] * 100 / d[1], 450);
}

struct fifo_run {
	struct spinner *fair;
	struct completion done;
	bool waker_returned;	/* wake_up_process() came back */
	bool ran_first;		/* FIFO started before that */
	unsigned long before, after;
};

#define FIFO_SPIN_NS	200000000ULL

static int fifo_fn(void *data)
{
	struct fifo_run *r = data;
	u64 t0 = ktime_get_ns();

	r->ran_first = !READ_ONCE(r->waker_returned);
	r->before = r->fair[0].loops + r->fair[1].loops;
	while (ktime_get_ns() - t0 < FIFO_SPIN_NS)
		cpu_relax();
	r->after = r->fair[0].loops + r->fair[1].loops;
	complete(&r->done);
	return 0;
}

static void test_fifo_preempts_and_starves(struct ktest *t)
{
	struct spinner s[2];
	struct fifo_run r = { .fair = s };
	struct task_struct *fifo;
	unsigned long mask = current->cpus_mask;
	int cpu = last_cpu();

	start_spinner(&s[0], cpu, 0, "fair/0");
	start_spinner(&s[1], cpu, 0, "fair/1");
	KTEST_ASSERT_TRUE(t, s[0].task && s[1].task);
	msleep(50);
	fifo = kthread_create(fifo_fn, &r, "fifo");
	KTEST_ASSERT_NOT_NULL(t, fifo);
	kthread_bind(fifo, cpu);
	sched_set_fifo(fifo);
	KTEST_EXPECT_EQ(t, fifo->policy, SCHED_FIFO);
	KTEST_EXPECT_EQ(t, fifo->rt_priority, 50);
	init_completion(&r.done);
	get_task_struct(fifo);	/* it exits by itself */
	/*
	 * Wake it from its own CPU: if the wake-up preempts us, as it
	 * must, FIFO runs before wake_up_process() returns.  No clock is
	 * involved, so a slow host cannot make this pass or fail.
	 */
	KTEST_EXPECT_EQ(t, set_cpus_allowed_ptr(current, 1UL << cpu), 0);
	KTEST_EXPECT_EQ(t, smp_processor_id(), cpu);
	wake_up_process(fifo);
	WRITE_ONCE(r.waker_returned, true);
	set_cpus_allowed_ptr(current, mask);
	/* Not kthread_stop() at once: it would stop it before it ran. */
	wait_for_completion(&r.done);
	kthread_stop(fifo);
	put_task_struct(fifo);
	kthread_stop(s[0].task);
	kthread_stop(s[1].task);

	ktest_log(t, "fair loops %lu -> %lu while FIFO ran", r.before, r.after);
	KTEST_EXPECT_GT(t, r.before, 0);
	KTEST_EXPECT_TRUE(t, r.ran_first);
	KTEST_EXPECT_EQ(t, r.after, r.before);
}

static const struct ktest_case sched_fair_cases[] = {
	KTEST_CASE(test_two_nice0_share),
	KTEST_CASE(test_nice_weight_ratio),
	KTEST_CASE(test_fifo_preempts_and_starves),
	{}
};
KTEST_SUITE(sched_fair, sched_fair_cases);
