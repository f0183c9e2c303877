/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Completions, Linux's <linux/completion.h>: "this has happened" as a
 * count.  complete() lets one waiter through (or banks it for the next),
 * complete_all() every waiter, now and later, until reinit_completion().
 */
#ifndef _IRQLAB_COMPLETION_H
#define _IRQLAB_COMPLETION_H

#include <irqlab/wait.h>

struct completion {
	unsigned int done;		/* UINT_MAX after complete_all() */
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(work)					\
	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work)					\
	struct completion work = COMPLETION_INITIALIZER(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* 0 on timeout, else the jiffies left (at least 1). */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

#endif /* _IRQLAB_COMPLETION_H */
