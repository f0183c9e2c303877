/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Clock event devices, as Linux's <linux/clockchips.h>: a timer that can
 * interrupt a CPU (the PIT, each CPU's local APIC timer) registers itself
 * with clockevents_register_device(); the tick code (kernel/time/
 * tick-common.c) makes the best one for each CPU that CPU's tick device,
 * points its event_handler at the tick and shuts down the one it replaces.
 * Only periodic mode: irqlab has neither NOHZ nor high-resolution timers.
 */
#ifndef _IRQLAB_CLOCKCHIPS_H
#define _IRQLAB_CLOCKCHIPS_H

#include <irqlab/types.h>

enum clock_event_state {
	CLOCK_EVT_STATE_DETACHED,	/* registered, not used */
	CLOCK_EVT_STATE_SHUTDOWN,
	CLOCK_EVT_STATE_PERIODIC,
};

#define CLOCK_EVT_FEAT_PERIODIC		0x000001

struct clock_event_device {
	void (*event_handler)(struct clock_event_device *dev);
	int (*set_state_periodic)(struct clock_event_device *dev);
	int (*set_state_shutdown)(struct clock_event_device *dev);
	enum clock_event_state state_use_accessors;
	unsigned int features;
	const char *name;
	int rating;		/* the higher, the more it is wanted */
	int irq;		/* its IRQ; a per-CPU vector has none (-1) */
	unsigned long cpumask;	/* the CPUs it can interrupt */
};

static inline bool clockevent_state_periodic(struct clock_event_device *dev)
{
	return dev->state_use_accessors == CLOCK_EVT_STATE_PERIODIC;
}

/* On the CPU(s) in dev->cpumask: offers it to the tick. */
void clockevents_register_device(struct clock_event_device *dev);

#endif /* _IRQLAB_CLOCKCHIPS_H */
