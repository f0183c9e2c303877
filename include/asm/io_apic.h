/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IO_APIC_H
#define _ASM_IO_APIC_H

#include <irqlab/types.h>

#define NR_IRQS_LEGACY	16

/* Maps every IOAPIC of the MADT and routes the ISA IRQs, all masked. */
void ioapic_init(void);
/*
 * Routes a GSI to interrupt number irq, masked, with its trigger and
 * polarity; the irq_desc gets the IO-APIC chip and the matching flow.
 */
int ioapic_setup_irq(unsigned int irq, u32 gsi, bool level, bool active_low);
/* The GSI an ISA IRQ arrives on, after the MADT's overrides. */
u32 isa_irq_to_gsi(unsigned int isa_irq, bool *level, bool *active_low);
/* Raw redirection-table entry of a GSI, for tests and debugging. */
u64 ioapic_read_entry(u32 gsi);
unsigned int ioapic_nr_pins(void);

/* vector.c: the device-vector allocator. */
int irq_alloc_vector(unsigned int irq);
void irq_free_vector(int vector);
int irq_vector_to_irq(int vector);
int irq_to_vector(unsigned int irq);

/* i8259.c */
void legacy_pic_disable(void);

#endif /* _ASM_IO_APIC_H */
