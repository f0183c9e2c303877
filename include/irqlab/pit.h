/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 8254 PIT.  Channel 0 is the periodic tick (IRQ 0, "timer") that
 * advances jiffies; channel 2, whose output can be polled through port
 * 0x61 without an interrupt, times the calibration of the TSC and of the
 * local APIC timer.
 */
#ifndef _IRQLAB_PIT_H
#define _IRQLAB_PIT_H

#include <irqlab/types.h>

#define PIT_TICK_RATE	1193182		/* Hz */

/* Starts a one-shot of ms milliseconds (at most 50) on channel 2. */
void pit_ch2_start(unsigned int ms);
/* True once it has run out. */
bool pit_ch2_done(void);

/* Channel 0 at HZ, and its interrupt handler on IRQ 0. */
void pit_timer_init(void);

#endif /* _IRQLAB_PIT_H */
