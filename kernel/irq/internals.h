/* SPDX-License-Identifier: GPL-2.0 */
/* Between the files of kernel/irq/ (Linux's kernel/irq/internals.h). */
#ifndef _KERNEL_IRQ_INTERNALS_H
#define _KERNEL_IRQ_INTERNALS_H

#include <irqlab/interrupt.h>
#include <irqlab/irq.h>

/* proc.c: /proc/irq/N/ once the line has a handler, and N/NAME/. */
void register_irq_proc(unsigned int irq, struct irq_desc *desc);
void register_handler_proc(unsigned int irq, struct irqaction *action);
void unregister_handler_proc(unsigned int irq, struct irqaction *action);

#endif /* _KERNEL_IRQ_INTERNALS_H */
