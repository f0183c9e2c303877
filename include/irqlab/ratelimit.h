/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Rate limiting for messages, as Linux's <linux/ratelimit.h>: at most
 * burst calls in each interval (jiffies) get a yes from __ratelimit();
 * the ones refused are counted, and when the next interval opens the
 * count is reported ("<func>: N callbacks suppressed").
 */
#ifndef _IRQLAB_RATELIMIT_H
#define _IRQLAB_RATELIMIT_H

#include <irqlab/spinlock.h>
#include <irqlab/jiffies.h>

#define DEFAULT_RATELIMIT_INTERVAL	(5 * HZ)
#define DEFAULT_RATELIMIT_BURST		10

struct ratelimit_state {
	spinlock_t lock;
	int interval;		/* jiffies; 0: no limit */
	int burst;
	int printed;		/* yeses in this interval */
	int missed;		/* noes since the last report of them */
	unsigned long begin;	/* jiffies; 0: not started */
};

#define RATELIMIT_STATE_INIT(name, _interval, _burst) {			\
		.lock = __SPIN_LOCK_UNLOCKED(name.lock),		\
		.interval = (_interval),				\
		.burst = (_burst),					\
	}

#define DEFINE_RATELIMIT_STATE(name, interval, burst)			\
	struct ratelimit_state name =					\
		RATELIMIT_STATE_INIT(name, interval, burst)

/* Starts rs afresh: a new interval on the next call, nothing missed. */
void ratelimit_state_init(struct ratelimit_state *rs, int interval,
			  int burst);

/* True if the caller may print now; func names it in the report. */
bool ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state)	___ratelimit(state, __func__)

#endif /* _IRQLAB_RATELIMIT_H */
