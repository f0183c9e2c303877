/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The load average, Linux's <linux/sched/loadavg.h>: three exponentially
 * decaying averages of the number of running and uninterruptible tasks,
 * sampled every LOAD_FREQ, in FSHIFT-bit fixed point.  EXP_n is
 * FIXED_1 / e^(5 s / n min): the weight the old value keeps each sample.
 */
#ifndef _IRQLAB_LOADAVG_H
#define _IRQLAB_LOADAVG_H

#include <irqlab/types.h>
#include <irqlab/jiffies.h>

#define FSHIFT		11		/* bits of precision */
#define FIXED_1		(1UL << FSHIFT)	/* 1.0 */
#define LOAD_FREQ	(5 * HZ + 1)	/* 5 s intervals */
#define EXP_1		1884		/* 1/exp(5 s / 1 min) */
#define EXP_5		2014		/* 1/exp(5 s / 5 min) */
#define EXP_15		2037		/* 1/exp(5 s / 15 min) */

#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

/* The 1, 5 and 15 minute averages, FIXED_1 being a load of 1. */
extern unsigned long avenrun[3];
/* jiffies at which the next sample's window opens. */
extern unsigned long calc_load_update;

/* avenrun[i] + offset, shifted left by shift (Linux's get_avenrun). */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);

/* One sample: load decays by exp toward active (all FIXED_1-based). */
static inline unsigned long calc_load(unsigned long load, unsigned long exp,
				      unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	/* Rounded up while rising, so a steady load is reached. */
	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/* x^n in frac_bits fixed point, rounded (Linux's fixed_power_int). */
unsigned long fixed_power_int(unsigned long x, unsigned int frac_bits,
			      unsigned int n);
/* n samples of the same active at once: after missed windows. */
unsigned long calc_load_n(unsigned long load, unsigned long exp,
			  unsigned long active, unsigned int n);

/* From do_timer(), on the timekeeping CPU: takes a sample when due. */
void calc_global_load(void);
/* Tasks asleep in TASK_UNINTERRUPTIBLE but not TASK_NOLOAD, all CPUs. */
unsigned int nr_uninterruptible(void);
/* Tasks other than the idle ones (/proc/loadavg's total). */
extern unsigned int nr_threads;
/* The last pid handed out (/proc/loadavg's last field). */
int last_pid_allocated(void);

#endif /* _IRQLAB_LOADAVG_H */
