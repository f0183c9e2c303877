/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel timers, Linux's <linux/timer.h> API: fn(timer) runs once
 * jiffies has reached expires (never before; a little later as the
 * wheel's granularity rounds up), in softirq context (TIMER_SOFTIRQ) on
 * the CPU that last armed it, or the one add_timer_on() named.  Also
 * msleep(), Linux's <linux/delay.h> one: it sleeps, unlike mdelay().
 */
#ifndef _IRQLAB_TIMER_H
#define _IRQLAB_TIMER_H

#include <irqlab/list.h>
#include <irqlab/jiffies.h>

struct timer_list {
	/* In a wheel bucket; both NULL when not pending (Linux's hlist). */
	struct list_head entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

/*
 * timer->flags, Linux's layout: the CPU whose base holds the timer in
 * the low bits, TIMER_MIGRATING while it moves between bases, the
 * caller's TIMER_* options, and the wheel bucket in the top ten bits.
 */
#define TIMER_CPUMASK		0x0003FFFF
#define TIMER_MIGRATING		0x00040000
#define TIMER_BASEMASK		(TIMER_CPUMASK | TIMER_MIGRATING)
/* Accepted; without NO_HZ it shares the standard base, as in Linux. */
#define TIMER_DEFERRABLE	0x00080000
/* Stays on the CPU it was armed on (add_timer_on() sets it). */
#define TIMER_PINNED		0x00100000
/* Runs with interrupts off: timer_delete_sync() from hard irq is fine. */
#define TIMER_IRQSAFE		0x00200000
#define TIMER_INIT_FLAGS	\
	(TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)
#define TIMER_ARRAYSHIFT	22
#define TIMER_ARRAYMASK		0xFFC00000

#define from_timer(var, callback_timer, timer_fieldname)		\
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags);

static inline bool timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->entry.prev) != NULL;
}

/* Arms an inactive timer for timer->expires on this CPU. */
void add_timer(struct timer_list *timer);
/* The same on @cpu; the timer becomes TIMER_PINNED. */
void add_timer_on(struct timer_list *timer, int cpu);
/* (Re)arms on this CPU; 1 if it was pending, 0 if not. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/* Only a pending timer is modified; returns 1 then, else 0 (and no arming). */
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
/* As mod_timer(), but a pending timer only ever moves earlier. */
int timer_reduce(struct timer_list *timer, unsigned long expires);
/* 1 if it was pending (and is no more), 0 if not. */
int timer_delete(struct timer_list *timer);
/*
 * The same, and waits until its function is not running anywhere.  Not
 * from hard irq (unless TIMER_IRQSAFE) nor from the function itself.
 */
int timer_delete_sync(struct timer_list *timer);
#define del_timer(t)		timer_delete(t)
#define del_timer_sync(t)	timer_delete_sync(t)

/* Opens TIMER_SOFTIRQ (from kmain, before sched_init()). */
void init_timers(void);

void msleep(unsigned int msecs);

#endif /* _IRQLAB_TIMER_H */
