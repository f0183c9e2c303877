// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping for a time (Linux's schedule_timeout() in kernel/time/timer.c
 * and msleep() in kernel/time/sleep_timeout.c): a timer on the stack
 * wakes the task if nothing else does first.
 */
#include <irqlab/timer.h>
#include <irqlab/sched.h>
#include <irqlab/kernel.h>
#include <irqlab/timekeeping.h>

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);

	wake_up_process(timeout->task);
}

/*
 * The caller has set its state (TASK_UNINTERRUPTIBLE...): sleeps until
 * woken or timeout jiffies have passed; returns the jiffies left, 0 if
 * the time ran out.
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("%s: wrong timeout value %lx\n", __func__, timeout);
		dump_stack();
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + timeout;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	timer.timer.expires = expire;
	add_timer(&timer.timer);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/*
 * One jiffy more than asked: the current one is already partly gone.
 * Then, unlike Linux, a check against the TSC: jiffies are counted from
 * it (kernel/time/tick-sched.c), but only at the timekeeper's ticks, so
 * they can lag it by as long as the host keeps those ticks from coming;
 * msleep(n) promises at least n ms of ktime.
 */
void msleep(unsigned int msecs)
{
	u64 end = ktime_get_ns() + (u64)msecs * 1000000;
	long timeout = msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
	while ((s64)(end - ktime_get_ns()) > 0)
		schedule_timeout_uninterruptible(1);
}
