// SPDX-License-Identifier: GPL-2.0
/*
 * Per-entity load tracking, a small Linux kernel/sched/pelt.c: each fair
 * task's load_avg is its weight times how much of the recent past it was
 * runnable, the past decaying geometrically with a half-life of 32 ms
 * (y^32 = 1/2, in 1 ms periods; Linux's are 1024 us).  A spinner's is its
 * weight; a kworker or ksoftirqd that runs for a moment weighs almost
 * nothing, so the load balancer, which compares these averages between
 * busy CPUs, does not move a spinner because one passed by.  A CPU's sum
 * (cfs_rq->load_avg) is recomputed at each of its ticks and whenever a
 * task comes or goes, so a migrated task takes its average with it.
 * Linux accumulates each period's runnable fraction; this accrues in
 * whole periods, which is as exact as a 1 ms tick allows.
 */
#include "sched.h"
#include <irqlab/loadavg.h>

#define PELT_PERIOD_NS		1000000ULL
/* After this many periods anything has decayed to 0 (Linux's). */
#define LOAD_AVG_MAX_N		345
/* y in 0.32 fixed point (Linux's runnable_avg_yN_inv[1]). */
#define PELT_Y1			0xfa83b2daUL

/* y^n for n = 0..31, 0.32 fixed point. */
static unsigned long pelt_yn[32];

void init_pelt(void)
{
	int n;

	for (n = 0; n < 32; n++)
		pelt_yn[n] = fixed_power_int(PELT_Y1, 32, n);
}

/* val * y^n: halved every 32 periods, the rest from the table. */
static unsigned long decay_load(unsigned long val, u64 n)
{
	if (n > LOAD_AVG_MAX_N)
		return 0;
	val >>= n / 32;
	return (u64)val * pelt_yn[n % 32] >> 32;
}

/* Brings se's average up to now: it was runnable since, or it was not. */
void update_load_avg(struct sched_entity *se, u64 now, bool runnable)
{
	u64 periods;

	if (now <= se->avg.last_update_time)
		return;
	periods = (now - se->avg.last_update_time) / PELT_PERIOD_NS;
	if (!periods)
		return;
	se->avg.last_update_time += periods * PELT_PERIOD_NS;
	se->avg.load_avg = decay_load(se->avg.load_avg, periods);
	if (runnable)
		se->avg.load_avg += se->load.weight -
				    decay_load(se->load.weight, periods);
}

/* A new task counts at its full weight (init_entity_runnable_average). */
void init_entity_load_avg(struct sched_entity *se, u64 now)
{
	se->avg.load_avg = se->load.weight;
	se->avg.last_update_time = now;
}

/* Rq locked: the sum over the CPU's fair tasks, each brought up to date. */
void update_cfs_load_avg(struct rq *rq)
{
	struct cfs_rq *cfs = &rq->cfs;
	struct sched_entity *se;
	unsigned long sum = 0;

	list_for_each_entry(se, &cfs->tasks, run_node) {
		update_load_avg(se, rq->clock_task, true);
		sum += se->avg.load_avg;
	}
	/* The running one is off the list, as in Linux. */
	if (cfs->curr && cfs->curr->on_rq) {
		update_load_avg(cfs->curr, rq->clock_task, true);
		sum += cfs->curr->avg.load_avg;
	}
	WRITE_ONCE(cfs->load_avg, sum);
}
