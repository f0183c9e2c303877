// SPDX-License-Identifier: GPL-2.0
/*
 * Clock event devices (Linux's kernel/time/clockevents.c): registering
 * one, its state changes, and the hand-over when the tick code replaces
 * one device by a better one.  irqlab has no
 * broadcast device, so a replaced device is simply shut down: Linux
 * keeps the PIT as an idle broadcast device, which on a machine whose
 * local APIC timers never stop (QEMU's do not) is never started either.
 */
#include <irqlab/clockchips.h>
#include <irqlab/spinlock.h>
#include <irqlab/errno.h>
#include <irqlab/smp.h>
#include "tick-internal.h"

static DEFINE_SPINLOCK(clockevents_lock);

static int __clockevents_switch_state(struct clock_event_device *dev,
				      enum clock_event_state state)
{
	switch (state) {
	case CLOCK_EVT_STATE_DETACHED:
		/* Being replaced: stop it as well. */
	case CLOCK_EVT_STATE_SHUTDOWN:
		if (dev->set_state_shutdown)
			return dev->set_state_shutdown(dev);
		return 0;
	case CLOCK_EVT_STATE_PERIODIC:
		if (!(dev->features & CLOCK_EVT_FEAT_PERIODIC))
			return -ENOSYS;
		if (dev->set_state_periodic)
			return dev->set_state_periodic(dev);
		return 0;
	}
	return -ENOSYS;
}

void clockevents_switch_state(struct clock_event_device *dev,
			      enum clock_event_state state)
{
	if (dev->state_use_accessors == state)
		return;
	/* A device that refuses keeps the state it had, as on Linux. */
	if (__clockevents_switch_state(dev, state))
		return;
	dev->state_use_accessors = state;
}

void clockevents_shutdown(struct clock_event_device *dev)
{
	clockevents_switch_state(dev, CLOCK_EVT_STATE_SHUTDOWN);
}

/* What a replaced device's interrupt, if one is still on its way, runs. */
void clockevents_handle_noop(struct clock_event_device *dev)
{
}

void clockevents_exchange_device(struct clock_event_device *old,
				 struct clock_event_device *new)
{
	if (old)
		clockevents_switch_state(old, CLOCK_EVT_STATE_DETACHED);
	if (new)
		clockevents_shutdown(new);
}

void clockevents_register_device(struct clock_event_device *dev)
{
	unsigned long flags;

	dev->state_use_accessors = CLOCK_EVT_STATE_DETACHED;
	if (!dev->cpumask)
		dev->cpumask = 1UL << smp_processor_id();

	/* Serialises the choice, as Linux's clockevents_lock. */
	spin_lock_irqsave(&clockevents_lock, flags);
	tick_check_new_device(dev);
	spin_unlock_irqrestore(&clockevents_lock, flags);
}
