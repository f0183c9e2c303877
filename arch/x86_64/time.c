// SPDX-License-Identifier: GPL-2.0
/*
 * The boot tick, as Linux's arch/x86/kernel/time.c: the PIT is the global
 * clockevent and IRQ 0 ("timer") calls its handler.  Once the boot CPU's
 * local APIC timer replaces it the handler is a no-op and the PIT is
 * stopped; IRQ 0 keeps its handler, so /proc/interrupts still lists
 * "timer" with the count it reached at boot, as on Linux.
 */
#include <asm/time.h>
#include <asm/i8253.h>
#include <irqlab/interrupt.h>
#include <irqlab/printk.h>

struct clock_event_device *global_clock_event;

static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	global_clock_event->event_handler(global_clock_event);
	return IRQ_HANDLED;
}

void time_init(void)
{
	int ret;

	clockevent_i8253_init();
	global_clock_event = &i8253_clockevent;
	ret = request_irq(0, timer_interrupt, IRQF_NOBALANCING | IRQF_TIMER,
			  "timer", NULL);
	if (ret)
		pr_err("Failed to register legacy timer interrupt (%d)\n", ret);
}
