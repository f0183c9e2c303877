// SPDX-License-Identifier: GPL-2.0
/*
 * The IDT: every vector points at its stub in entry.S.  Interrupt gates
 * (not trap gates) so that handlers start with interrupts off, as Linux.
 */
#include <asm/desc.h>
#include <asm/traps.h>
#include <irqlab/compiler.h>

#define IRQ_STUB_SIZE	16	/* .balign in entry.S */
#define GATE_INTERRUPT	0xe

struct gate {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;	/* present, DPL, type */
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;
_Static_assert(sizeof(struct gate) == 16, "a long-mode IDT gate");

extern const u8 irq_entries_start[];
static struct gate idt[256] __aligned(16);

static void set_gate(int vector, int ist)
{
	u64 addr = (u64)irq_entries_start + vector * IRQ_STUB_SIZE;
	struct gate *g = &idt[vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = 0x80 | GATE_INTERRUPT;
	g->offset_mid = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
}

void idt_load(void)
{
	struct desc_ptr idtr = { sizeof(idt) - 1, (u64)idt };

	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

void idt_init(void)
{
	int v;

	for (v = 0; v < 256; v++)
		set_gate(v, 0);
	set_gate(X86_TRAP_DF, IST_INDEX_DF + 1);
	set_gate(X86_TRAP_NMI, IST_INDEX_NMI + 1);
	set_gate(X86_TRAP_MC, IST_INDEX_MCE + 1);
	idt_load();
}
