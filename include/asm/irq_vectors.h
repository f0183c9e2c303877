/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IDT's vector map, as Linux's arch/x86/include/asm/irq_vectors.h:
 * 0-31 exceptions, 0x20-0x2f where the (masked) 8259 would deliver, device
 * vectors handed out from 0x30, the system vectors at the top.
 */
#ifndef _ASM_IRQ_VECTORS_H
#define _ASM_IRQ_VECTORS_H

#define FIRST_EXTERNAL_VECTOR		0x20
#define ISA_IRQ_VECTOR(irq)		(0x20 + (irq))	/* the 8259's range */
#define FIRST_DEVICE_VECTOR		0x30

#define SPURIOUS_APIC_VECTOR		0xff
#define ERROR_APIC_VECTOR		0xfe
#define RESCHEDULE_VECTOR		0xfd
#define CALL_FUNCTION_VECTOR		0xfc
#define CALL_FUNCTION_SINGLE_VECTOR	0xfb
#define LOCAL_TIMER_VECTOR		0xec

/* Device vectors end below the system vectors. */
#define FIRST_SYSTEM_VECTOR		LOCAL_TIMER_VECTOR
#define NR_VECTORS			256

#endif /* _ASM_IRQ_VECTORS_H */
