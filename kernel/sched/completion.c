// SPDX-License-Identifier: GPL-2.0
/*
 * Completions (Linux's kernel/sched/completion.c): done counts the
 * complete() calls not yet consumed; waiters queue exclusively, so each
 * complete() wakes exactly one.
 */
#include <irqlab/completion.h>

#define UINT_MAX	(~0U)

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

static long do_wait_for_common(struct completion *x, long timeout)
{
	DEFINE_WAIT_FUNC(wait, default_wake_function);

	might_sleep();
	spin_lock_irq(&x->wait.lock);
	if (!x->done) {
		wait.flags |= WQ_FLAG_EXCLUSIVE;
		list_add_tail(&wait.entry, &x->wait.head);
		do {
			__set_current_state(TASK_UNINTERRUPTIBLE);
			spin_unlock_irq(&x->wait.lock);
			timeout = schedule_timeout(timeout);
			spin_lock_irq(&x->wait.lock);
		} while (!x->done && timeout);
		list_del_init(&wait.entry);
		__set_current_state(TASK_RUNNING);
		if (!x->done) {
			spin_unlock_irq(&x->wait.lock);
			return 0;
		}
	}
	if (x->done != UINT_MAX)
		x->done--;
	spin_unlock_irq(&x->wait.lock);
	return timeout ? timeout : 1;
}

void wait_for_completion(struct completion *x)
{
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT);
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	return do_wait_for_common(x, timeout);
}

bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != UINT_MAX)
			x->done--;
		ret = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
