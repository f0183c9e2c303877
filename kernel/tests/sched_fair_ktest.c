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
#include <irqlab/interrupt.h>
#include <irqlab/bottom_half.h>
#include <irqlab/delay.h>
#include <asm/processor.h>
#include "../sched/sched.h"
#include "sched_ktest.h"

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
 * What CFS guarantees two always-runnable tasks on one CPU: their
 * vruntimes (runtime * NICE_0_LOAD / weight) stay within about a slice
 * plus one charge of each other, so over any window their normalised
 * runtimes differ by at most the sum of those for both.  A charge is
 * normally a tick; a host stall while a task runs is charged to it in
 * one go, which the scheduler records (exec_max, Linux's schedstat), so
 * the bound is taken from what happened, times 2 for what this leaves
 * out (a third task passing, rounding).  The window runs until it holds
 * twenty such bounds of runtime (at most 20 s), so the check also pins
 * the ratio: to within 10%, and to 1-2% on a quiet host.  A host that
 * stalls the vCPU for longer than that allows is logged; the bound still
 * holds, and a wrong weight still breaks it, the lag growing with the
 * window.  Runtime, not loops: a TCG vCPU runs at whatever speed the host
 * gives it, so loop counts measure the host; runtime is what CFS divides.
 */
struct share {
	u64 d[2];		/* runtime in the window, ns */
	u64 norm[2];		/* the same * NICE_0_LOAD / weight */
	u64 bound;		/* how far apart norm[] may be */
};

static u64 to_norm(u64 ns, int nice)
{
	return ns * 1024 / sched_prio_to_weight[nice + 20];
}

/*
 * Both runtimes at one moment, under their CPU's rq lock, the running
 * one's current slice charged: read one after the other, a stall of the
 * reader's vCPU in between would stretch one window against the other.
 */
static void snapshot(struct spinner *s, int cpu, u64 *out)
{
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;
	int i;

	spin_lock_irqsave(&rq->lock, flags);
	update_rq_clock(rq);
	rq->curr->sched_class->update_curr(rq);
	for (i = 0; i < 2; i++)
		out[i] = s[i].task->se.sum_exec_runtime;
	spin_unlock_irqrestore(&rq->lock, flags);
}

static void measure(struct spinner *s, int cpu, const int *nice,
		    struct share *sh)
{
	u64 start[2], now[2], give_up, total;
	int i;

	msleep(100);
	snapshot(s, cpu, start);
	give_up = ktime_get_ns() + 20000000000ULL;
	do {
		msleep(500);
		snapshot(s, cpu, now);
		sh->bound = 0;
		total = 0;
		for (i = 0; i < 2; i++) {
			sh->d[i] = now[i] - start[i];
			sh->norm[i] = to_norm(sh->d[i], nice[i]);
			total += sh->norm[i];
			sh->bound += 2 * to_norm(s[i].task->se.exec_max +
						 sysctl_sched_base_slice,
						 nice[i]);
		}
	} while (total < 20 * sh->bound && ktime_get_ns() < give_up);
}

static void check_share(struct ktest *t, const struct share *sh)
{
	u64 lag = sh->norm[0] > sh->norm[1] ? sh->norm[0] - sh->norm[1] :
					       sh->norm[1] - sh->norm[0];

	KTEST_EXPECT_GT(t, sh->d[0], 0);
	KTEST_EXPECT_GT(t, sh->d[1], 0);
	KTEST_EXPECT_LE(t, lag, sh->bound);
	if (sh->norm[0] + sh->norm[1] < 20 * sh->bound)
		ktest_log(t, "the host stalled this vCPU for long: the ratio is known only within the bound");
}

static void test_two_nice0_share(struct ktest *t)
{
	static const int nice[2] = { 0, 0 };
	struct spinner s[2];
	struct share sh;
	int cpu = last_cpu();

	start_spinner(&s[0], cpu, 0, "share/0");
	start_spinner(&s[1], cpu, 0, "share/1");
	KTEST_ASSERT_TRUE(t, s[0].task && s[1].task);
	measure(s, cpu, nice, &sh);
	kthread_stop(s[0].task);
	kthread_stop(s[1].task);

	ktest_log(t, "CPU %d: %llu and %llu us, bound %llu us", cpu,
		  (unsigned long long)sh.d[0] / 1000,
		  (unsigned long long)sh.d[1] / 1000,
		  (unsigned long long)sh.bound / 1000);
	check_share(t, &sh);
}

static void test_nice_weight_ratio(struct ktest *t)
{
	static const int nice[2] = { 0, 5 };
	struct spinner s[2];
	struct share sh;
	int cpu = last_cpu();

	start_spinner(&s[0], cpu, 0, "nice0");
	start_spinner(&s[1], cpu, 5, "nice5");
	KTEST_ASSERT_TRUE(t, s[0].task && s[1].task);
	measure(s, cpu, nice, &sh);
	kthread_stop(s[0].task);
	kthread_stop(s[1].task);

	/* 1024 / 335 = 3.06 */
	ktest_log(t, "nice 0: %llu us, nice 5: %llu us (x%llu.%02llu), bound %llu us",
		  (unsigned long long)sh.d[0] / 1000,
		  (unsigned long long)sh.d[1] / 1000,
		  (unsigned long long)(sh.d[0] / (sh.d[1] ? sh.d[1] : 1)),
		  (unsigned long long)(sh.d[0] * 100 / (sh.d[1] ? sh.d[1] : 1) %
				       100),
		  (unsigned long long)sh.bound / 1000);
	check_share(t, &sh);
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
	int cpu = last_cpu(), i;

	start_spinner(&s[0], cpu, 0, "fair/0");
	start_spinner(&s[1], cpu, 0, "fair/1");
	KTEST_ASSERT_TRUE(t, s[0].task && s[1].task);
	/* They have run, however long a loaded host took. */
	for (i = 0; i < 3000 && !(READ_ONCE(s[0].loops) + READ_ONCE(s[1].loops));
	     i++)
		msleep(10);
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

#define SOFTIRQ_BUSY_US	20000

static void busy_softirq(void)
{
	udelay(SOFTIRQ_BUSY_US);
}

static void quiet_softirq(void)
{
}

/*
 * Interrupt time is nobody's: a softirq that runs 20 ms on top of a task
 * (here, from local_bh_enable()) is not charged to it, as Linux with
 * CONFIG_IRQ_TIME_ACCOUNTING, whose /proc/stat accounting irqlab has.
 * Charged, it would cost the task its share against the others on its
 * CPU: a host that keeps a CPU in interrupts made one of two spinners
 * starve for seconds.
 */
static void test_interrupt_time_not_charged(struct ktest *t)
{
	unsigned long mask = current->cpus_mask;
	u64 t0, t1, r0, r1;

	set_cpus_allowed_ptr(current, 1UL << smp_processor_id());
	open_softirq(HRTIMER_SOFTIRQ, busy_softirq);
	t0 = ktime_get_ns();
	r0 = task_sched_runtime(current);
	local_bh_disable();
	raise_softirq(HRTIMER_SOFTIRQ);
	local_bh_enable();		/* runs it, on top of us */
	/*
	 * Then run on for 30 ms: another CPU may update this one's rq clock
	 * while the softirq runs, before its time is accounted (only at its
	 * end, as on Linux); that part is then taken off the task's next
	 * runtime instead.
	 */
	udelay(30000);
	r1 = task_sched_runtime(current);
	t1 = ktime_get_ns();
	open_softirq(HRTIMER_SOFTIRQ, quiet_softirq);
	set_cpus_allowed_ptr(current, mask);

	ktest_log(t, "%llu us elapsed, %llu us charged to the task",
		  (unsigned long long)(t1 - t0) / 1000,
		  (unsigned long long)(r1 - r0) / 1000);
	KTEST_EXPECT_LE(t, r1 - r0 + SOFTIRQ_BUSY_US * 1000ULL, t1 - t0);
}

static const struct ktest_case sched_fair_cases[] = {
	KTEST_CASE(test_two_nice0_share),
	KTEST_CASE(test_nice_weight_ratio),
	KTEST_CASE(test_fifo_preempts_and_starves),
	KTEST_CASE(test_interrupt_time_not_charged),
	{}
};
KTEST_SUITE(sched_fair, sched_fair_cases);
