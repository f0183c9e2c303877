// SPDX-License-Identifier: GPL-2.0
/*
 * The load average, as Linux's kernel/sched/loadavg.c computes it.
 *
 * Each CPU folds its number of active tasks (nr_running plus
 * nr_uninterruptible) into calc_load_tasks at its first tick of each
 * LOAD_FREQ window, as the change since its last fold; 10 ticks into the
 * window, when every CPU has folded, the timekeeping CPU feeds the sum
 * into the three averages (calc_global_load, from do_timer).  Folding
 * deltas keeps calc_load_tasks right although a task may be counted
 * uninterruptible on one CPU and woken on another (nr_uninterruptible is
 * per CPU and may go below zero on one).
 *
 * If jiffies jumped over whole windows (a timekeeper the host did not
 * run), the missed samples are applied at once with calc_load_n(), as
 * Linux does for windows a NOHZ-idle machine slept through.
 */
#include "sched.h"
#include <irqlab/loadavg.h>

unsigned long avenrun[3];
unsigned long calc_load_update;
static atomic_long_t calc_load_tasks;

void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	int i;

	for (i = 0; i < 3; i++)
		loads[i] = (READ_ONCE(avenrun[i]) + offset) << shift;
}

/* Square-and-multiply, rounding each product to frac_bits. */
unsigned long fixed_power_int(unsigned long x, unsigned int frac_bits,
			      unsigned int n)
{
	unsigned long result = 1UL << frac_bits;

	while (n) {
		if (n & 1) {
			result *= x;
			result += 1UL << (frac_bits - 1);
			result >>= frac_bits;
		}
		n >>= 1;
		if (!n)
			break;
		x *= x;
		x += 1UL << (frac_bits - 1);
		x >>= frac_bits;
	}
	return result;
}

unsigned long calc_load_n(unsigned long load, unsigned long exp,
			  unsigned long active, unsigned int n)
{
	return calc_load(load, fixed_power_int(exp, FSHIFT, n), active);
}

/* This CPU's active count now, as the change since it was last folded. */
static long calc_load_fold_active(struct rq *rq, long adjust)
{
	long nr_active = (long)rq->nr_running - adjust +
			 (long)(int)rq->nr_uninterruptible;
	long delta = 0;

	if (nr_active != rq->calc_load_active) {
		delta = nr_active - rq->calc_load_active;
		rq->calc_load_active = nr_active;
	}
	return delta;
}

/* From scheduler_tick(), rq locked: fold once a window. */
void calc_global_load_tick(struct rq *rq)
{
	long delta;

	if (time_before(jiffies, rq->calc_load_update))
		return;
	delta = calc_load_fold_active(rq, 0);
	if (delta)
		atomic_long_add(delta, &calc_load_tasks);
	rq->calc_load_update += LOAD_FREQ;
}

static void calc_global_sample(unsigned long n)
{
	long active = atomic_long_read(&calc_load_tasks);

	active = active > 0 ? active * FIXED_1 : 0;
	WRITE_ONCE(avenrun[0], calc_load_n(avenrun[0], EXP_1, active, n));
	WRITE_ONCE(avenrun[1], calc_load_n(avenrun[1], EXP_5, active, n));
	WRITE_ONCE(avenrun[2], calc_load_n(avenrun[2], EXP_15, active, n));
}

void calc_global_load(void)
{
	unsigned long sample_window = READ_ONCE(calc_load_update), n;

	if (time_before(jiffies, sample_window + 10))
		return;
	calc_global_sample(1);
	sample_window += LOAD_FREQ;
	/* Whole windows missed: their samples at once (calc_global_nohz). */
	if (!time_before(jiffies, sample_window + 10)) {
		n = 1 + (jiffies - sample_window - 10) / LOAD_FREQ;
		calc_global_sample(n);
		sample_window += n * LOAD_FREQ;
	}
	WRITE_ONCE(calc_load_update, sample_window);
}

unsigned int nr_uninterruptible(void)
{
	unsigned int sum = 0;
	int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_uninterruptible);
	/* Read without the locks: never show it below zero. */
	if ((int)sum < 0)
		sum = 0;
	return sum;
}

/* sched_init(): the first sample's window. */
void init_calc_load(void)
{
	calc_load_update = jiffies + LOAD_FREQ;
}
