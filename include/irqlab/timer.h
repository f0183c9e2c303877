/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel timers, Linux's <linux/timer.h> API: fn(timer) runs once
 * jiffies reaches expires, on the CPU that armed it, from its tick
 * (hard-irq context here; the deferred-work issue moves expiry to
 * TIMER_SOFTIRQ and a timer wheel).  Also msleep(), Linux's
 * <linux/delay.h> one: it sleeps, unlike mdelay().
 */
#ifndef _IRQLAB_TIMER_H
#define _IRQLAB_TIMER_H

#include <irqlab/list.h>
#include <irqlab/jiffies.h>

struct timer_list {
	struct list_head entry;		/* empty when not pending */
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
	int cpu;			/* whose list it is on */
};

#define from_timer(var, callback_timer, timer_fieldname)		\
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags);

static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

void add_timer(struct timer_list *timer);
/* Re-arms; 1 if it was pending, 0 if not. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/* 1 if it was pending (and is no more), 0 if not. */
int timer_delete(struct timer_list *timer);
/* The same, and waits until its function is not running anywhere. */
int timer_delete_sync(struct timer_list *timer);
#define del_timer(t)		timer_delete(t)
#define del_timer_sync(t)	timer_delete_sync(t)

void msleep(unsigned int msecs);

#endif /* _IRQLAB_TIMER_H */
