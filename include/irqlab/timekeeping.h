/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _IRQLAB_TIMEKEEPING_H
#define _IRQLAB_TIMEKEEPING_H

#include <irqlab/types.h>

/* Called from the tick's top half: advances jiffies. */
void do_timer(unsigned long ticks);
/* Monotonic nanoseconds since boot, from the TSC. */
u64 ktime_get_ns(void);

#endif /* _IRQLAB_TIMEKEEPING_H */
