/* SPDX-License-Identifier: GPL-2.0 */
/* The time stamp counter: the clock under ktime_get_ns() and udelay(). */
#ifndef _ASM_TSC_H
#define _ASM_TSC_H

#include <irqlab/types.h>

extern unsigned long tsc_khz;	/* 0 until tsc_init() calibrated it */

void tsc_init(void);
void tsc_mark_boot(void);
/* Nanoseconds since boot; 0 before calibration, as Linux's local_clock. */
u64 local_clock(void);

#endif /* _ASM_TSC_H */
