// SPDX-License-Identifier: GPL-2.0
/*
 * The two 8259 PICs.  irqlab uses the IOAPIC, but the PICs power up
 * delivering on vectors 0x08-0x0f, which are CPU exceptions: remap them to
 * 0x20-0x2f so that a stray PIC interrupt cannot pose as a double fault,
 * then mask every line.
 */
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/io.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA	0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_DATA	0xa1
#define ICW1_INIT_ICW4	0x11	/* edge, cascade, ICW4 follows */
#define ICW4_8086	0x01

void legacy_pic_disable(void)
{
	outb(ICW1_INIT_ICW4, PIC_MASTER_CMD);
	outb(ICW1_INIT_ICW4, PIC_SLAVE_CMD);
	outb(ISA_IRQ_VECTOR(0), PIC_MASTER_DATA);	/* ICW2: vector base */
	outb(ISA_IRQ_VECTOR(8), PIC_SLAVE_DATA);
	outb(1 << 2, PIC_MASTER_DATA);		/* ICW3: slave on IR2 */
	outb(2, PIC_SLAVE_DATA);		/* ICW3: slave's identity */
	outb(ICW4_8086, PIC_MASTER_DATA);
	outb(ICW4_8086, PIC_SLAVE_DATA);
	outb(0xff, PIC_MASTER_DATA);		/* mask all */
	outb(0xff, PIC_SLAVE_DATA);
}
