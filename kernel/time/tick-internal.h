/* SPDX-License-Identifier: GPL-2.0 */
/* The tick's private interfaces (Linux's kernel/time/tick-internal.h). */
#ifndef _KERNEL_TIME_TICK_INTERNAL_H
#define _KERNEL_TIME_TICK_INTERNAL_H

#include <irqlab/clockchips.h>
#include <irqlab/percpu.h>
#include <irqlab/jiffies.h>

/* Nanoseconds per jiffy, rounded as Linux's TICK_NSEC. */
#define NSEC_PER_SEC		1000000000ULL
#define TICK_NSEC		((NSEC_PER_SEC + HZ / 2) / HZ)

/* tick_do_timer_cpu before the first tick device is set up. */
#define TICK_DO_TIMER_BOOT	(-2)

/* The device that ticks for a CPU. */
struct tick_device {
	struct clock_event_device *evtdev;
};

DECLARE_PER_CPU(struct tick_device, tick_cpu_device);
/* The CPU that advances jiffies (the first to get a tick device). */
extern int tick_do_timer_cpu;

/* clockevents.c */
void clockevents_switch_state(struct clock_event_device *dev,
			      enum clock_event_state state);
void clockevents_shutdown(struct clock_event_device *dev);
void clockevents_exchange_device(struct clock_event_device *old,
				 struct clock_event_device *new);
void clockevents_handle_noop(struct clock_event_device *dev);

/* tick-common.c: with clockevents_lock held, interrupts off */
void tick_check_new_device(struct clock_event_device *newdev);

/* tick-sched.c */
void tick_init_jiffy_update(u64 now);
void tick_sched_timer(void);

/* kernel/time/timer.c: raises TIMER_SOFTIRQ when a timer is due here */
void run_local_timers(void);

#endif /* _KERNEL_TIME_TICK_INTERNAL_H */
