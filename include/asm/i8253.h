/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 8254 programmable interval timer (Linux's asm/i8253.h and
 * linux/i8253.h).  Channel 0 is the boot clockevent: it ticks at HZ on
 * IRQ 0 until the local APIC timers take over, then is shut down.
 * Channel 2, whose output can be polled through port 0x61 without an
 * interrupt, times the calibration of the TSC and of the local APIC timer.
 */
#ifndef _ASM_I8253_H
#define _ASM_I8253_H

#include <irqlab/types.h>
#include <irqlab/clockchips.h>

#define PIT_TICK_RATE	1193182		/* Hz */
/* Ticks of the PIT's clock per jiffy, rounded as Linux's PIT_LATCH. */
#define PIT_LATCH	((PIT_TICK_RATE + HZ / 2) / HZ)

/* Starts a one-shot of ms milliseconds (at most 54) on channel 2... */
void pit_ch2_start(unsigned int ms);
/* ... and says whether it has run out. */
bool pit_ch2_done(void);

/* Channel 0 as the boot CPU's first clockevent (setup_pit_timer). */
extern struct clock_event_device i8253_clockevent;
void clockevent_i8253_init(void);

#endif /* _ASM_I8253_H */
