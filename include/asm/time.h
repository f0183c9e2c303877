/* SPDX-License-Identifier: GPL-2.0 */
/* The x86 time set-up (Linux's asm/time.h): the boot tick on IRQ 0. */
#ifndef _ASM_TIME_H
#define _ASM_TIME_H

#include <irqlab/clockchips.h>

/* The PIT while it ticks for the boot CPU; IRQ 0's handler calls it. */
extern struct clock_event_device *global_clock_event;

/* Registers the PIT as the boot clockevent and requests IRQ 0. */
void time_init(void);

#endif /* _ASM_TIME_H */
