/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Disabling softirqs on this CPU, as Linux's local_bh_disable(): adds
 * SOFTIRQ_DISABLE_OFFSET to the preempt count.  local_bh_enable() runs
 * the softirqs that became pending meanwhile (kernel/softirq.c).
 */
#ifndef _IRQLAB_BOTTOM_HALF_H
#define _IRQLAB_BOTTOM_HALF_H

void local_bh_disable(void);
void local_bh_enable(void);

#endif /* _IRQLAB_BOTTOM_HALF_H */
