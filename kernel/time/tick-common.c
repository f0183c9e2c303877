// SPDX-License-Identifier: GPL-2.0
/*
 * Tick devices (Linux's kernel/time/tick-common.c).  Every CPU has one
 * clockevent that ticks for it: the first registered that can interrupt
 * it, replaced by any better one later, the replaced one shut down.  On
 * the boot CPU the PIT comes first (time_init), then its local APIC
 * timer, which is CPU-local and rated higher; the other CPUs only ever
 * have their local APIC timer.  The first CPU to get a tick device keeps
 * jiffies: tick_do_timer_cpu.
 */
#include <irqlab/clockchips.h>
#include <irqlab/timekeeping.h>
#include <irqlab/smp.h>
#include "tick-internal.h"

DEFINE_PER_CPU(struct tick_device, tick_cpu_device);
int tick_do_timer_cpu = TICK_DO_TIMER_BOOT;

/*
 * The handler of every tick device.  The hardware is periodic, but the
 * work is that of Linux's tick-sched handlers (tick_sched_timer and the
 * low-resolution NOHZ one, which Linux runs once it is past boot): jiffies
 * are counted from the clocksource, not one per interrupt, so a tick that
 * could not be taken is counted late rather than lost.
 */
static void tick_handle_periodic(struct clock_event_device *dev)
{
	tick_sched_timer();
}

static void tick_setup_periodic(struct clock_event_device *dev)
{
	dev->event_handler = tick_handle_periodic;
	clockevents_switch_state(dev, CLOCK_EVT_STATE_PERIODIC);
}

static void tick_setup_device(struct tick_device *td,
			      struct clock_event_device *newdev, int cpu)
{
	if (!td->evtdev) {
		/* The first tick device anywhere: its CPU keeps jiffies. */
		if (tick_do_timer_cpu == TICK_DO_TIMER_BOOT) {
			tick_do_timer_cpu = cpu;
			tick_init_jiffy_update(ktime_get_ns());
		}
	} else {
		td->evtdev->event_handler = clockevents_handle_noop;
	}
	td->evtdev = newdev;
	tick_setup_periodic(newdev);
}

/* Can newdev tick for cpu, and is it not a step back from curdev? */
static bool tick_check_percpu(struct clock_event_device *curdev,
			      struct clock_event_device *newdev, int cpu)
{
	if (!(newdev->cpumask & (1UL << cpu)))
		return false;
	if (newdev->cpumask == 1UL << cpu)
		return true;
	/* A device shared by several CPUs never replaces a CPU-local one. */
	return !curdev || curdev->cpumask != 1UL << cpu;
}

/* The higher rating wins; a CPU-local device beats a shared one. */
static bool tick_check_preferred(struct clock_event_device *curdev,
				 struct clock_event_device *newdev)
{
	return !curdev || newdev->rating > curdev->rating ||
	       curdev->cpumask != newdev->cpumask;
}

void tick_check_new_device(struct clock_event_device *newdev)
{
	struct tick_device *td = this_cpu_ptr(&tick_cpu_device);
	struct clock_event_device *curdev = td->evtdev;
	int cpu = smp_processor_id();

	if (!tick_check_percpu(curdev, newdev, cpu) ||
	    !tick_check_preferred(curdev, newdev))
		return;
	clockevents_exchange_device(curdev, newdev);
	tick_setup_device(td, newdev, cpu);
}
