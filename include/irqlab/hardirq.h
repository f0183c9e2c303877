/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _IRQLAB_HARDIRQ_H
#define _IRQLAB_HARDIRQ_H

#include <irqlab/preempt.h>

/* Bracket every hard-interrupt handler (kernel/softirq.c). */
void irq_enter(void);
void irq_exit(void);

#endif /* _IRQLAB_HARDIRQ_H */
