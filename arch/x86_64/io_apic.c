// SPDX-License-Identifier: GPL-2.0
/*
 * IOAPICs, as Linux's arch/x86/kernel/apic/io_apic.c: each pin has a
 * 64-bit redirection entry (vector, trigger, polarity, mask, destination
 * APIC).  Interrupt numbers follow Linux on x86: ISA IRQs 0-15 keep their
 * numbers wherever the MADT routes them (IRQ 0 on GSI 2 shows as
 * "0: ... IO-APIC 2-edge timer"), other GSIs are their own number.
 */
#include <asm/io_apic.h>
#include <asm/apic.h>
#include <asm/madt.h>
#include <asm/io_map.h>
#include <irqlab/irq.h>
#include <irqlab/kernel.h>
#include <irqlab/spinlock.h>
#include <irqlab/errno.h>
#include <asm/processor.h>

#define IO_APIC_REGSEL		0x00
#define IO_APIC_WIN		0x10
#define IO_APIC_VERSION		0x01
#define IO_APIC_REDTBL(pin)	(0x10 + 2 * (pin))

#define IO_APIC_ACTIVE_LOW	(1UL << 13)
#define IO_APIC_LEVEL		(1UL << 15)
#define IO_APIC_MASKED		(1UL << 16)
#define IO_APIC_DEST_SHIFT	56

struct ioapic {
	void __iomem *base;
	u32 gsi_base;
	unsigned int nr_pins;
};

static struct ioapic ioapics[MAX_IO_APICS];
static int nr_ioapics;

static u32 io_apic_read(struct ioapic *io, u32 reg)
{
	writel(reg, io->base + IO_APIC_REGSEL);
	return readl(io->base + IO_APIC_WIN);
}

static void io_apic_write(struct ioapic *io, u32 reg, u32 v)
{
	writel(reg, io->base + IO_APIC_REGSEL);
	writel(v, io->base + IO_APIC_WIN);
}

static struct ioapic *gsi_to_ioapic(u32 gsi, unsigned int *pin)
{
	int i;

	for (i = 0; i < nr_ioapics; i++) {
		if (gsi >= ioapics[i].gsi_base &&
		    gsi < ioapics[i].gsi_base + ioapics[i].nr_pins) {
			*pin = gsi - ioapics[i].gsi_base;
			return &ioapics[i];
		}
	}
	return NULL;
}

/*
 * Every register access is a select then a window access, so two CPUs
 * must not interleave them: one lock for all the IOAPICs (Linux's
 * ioapic_lock), whatever interrupt each CPU works on.
 */
static DEFINE_SPINLOCK(ioapic_lock);

static u64 __ioapic_read_entry(u32 gsi)
{
	unsigned int pin;
	struct ioapic *io = gsi_to_ioapic(gsi, &pin);

	if (!io)
		return 0;
	return io_apic_read(io, IO_APIC_REDTBL(pin)) |
	       (u64)io_apic_read(io, IO_APIC_REDTBL(pin) + 1) << 32;
}

static void __ioapic_write_entry(u32 gsi, u64 e)
{
	unsigned int pin;
	struct ioapic *io = gsi_to_ioapic(gsi, &pin);

	if (!io)
		return;
	/* Masked while half-written: the high half first. */
	io_apic_write(io, IO_APIC_REDTBL(pin), (u32)e | IO_APIC_MASKED);
	io_apic_write(io, IO_APIC_REDTBL(pin) + 1, e >> 32);
	io_apic_write(io, IO_APIC_REDTBL(pin), (u32)e);
}

u64 ioapic_read_entry(u32 gsi)
{
	unsigned long flags;
	u64 e;

	spin_lock_irqsave(&ioapic_lock, flags);
	e = __ioapic_read_entry(gsi);
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return e;
}

static void ioapic_write_entry(u32 gsi, u64 e)
{
	unsigned long flags;

	spin_lock_irqsave(&ioapic_lock, flags);
	__ioapic_write_entry(gsi, e);
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

/* The entry with clear's bits cleared and set's set, in one go. */
static void ioapic_modify_entry(u32 gsi, u64 clear, u64 set)
{
	unsigned long flags;

	spin_lock_irqsave(&ioapic_lock, flags);
	__ioapic_write_entry(gsi, (__ioapic_read_entry(gsi) & ~clear) | set);
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

unsigned int ioapic_nr_pins(void)
{
	unsigned int n = 0;
	int i;

	for (i = 0; i < nr_ioapics; i++)
		n += ioapics[i].nr_pins;
	return n;
}

/* ---- the irq_chip ------------------------------------------------------ */

static void ioapic_mask(struct irq_data *d)
{
	ioapic_modify_entry(d->hwirq, 0, IO_APIC_MASKED);
}

static void ioapic_unmask(struct irq_data *d)
{
	ioapic_modify_entry(d->hwirq, IO_APIC_MASKED, 0);
}

/* Both flows end with the local APIC's EOI, which QEMU's IOAPIC (like
 * real ones) also takes as the end of a level interrupt. */
static void ioapic_ack(struct irq_data *d)
{
	apic_eoi();
}

/* Physical destination mode: the mask's first online CPU takes it. */
static int ioapic_set_affinity(struct irq_data *d, unsigned long mask)
{
	unsigned long online = mask & cpu_online_mask;
	int cpu;

	if (!online)
		return -EINVAL;
	cpu = __builtin_ctzl(online);
	ioapic_modify_entry(d->hwirq, 0xffUL << IO_APIC_DEST_SHIFT,
			    (u64)cpu_to_apicid(cpu) << IO_APIC_DEST_SHIFT);
	d->effective_affinity = 1UL << cpu;
	return 0;
}

static void ioapic_retrigger(struct irq_data *d)
{
	int vector = irq_to_vector(d->irq);

	if (vector > 0)
		apic_send_IPI_self(vector);
}

static struct irq_chip ioapic_chip = {
	.name			= "IO-APIC",
	.irq_mask		= ioapic_mask,
	.irq_unmask		= ioapic_unmask,
	.irq_ack		= ioapic_ack,
	.irq_eoi		= ioapic_ack,
	.irq_set_affinity	= ioapic_set_affinity,
	.irq_retrigger		= ioapic_retrigger,
};

int ioapic_setup_irq(unsigned int irq, u32 gsi, bool level, bool active_low)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned int pin;
	int vector;
	u64 e;

	if (!desc || !gsi_to_ioapic(gsi, &pin))
		return -EINVAL;
	vector = irq_to_vector(irq);
	if (vector < 0)
		vector = irq_alloc_vector(irq);
	if (vector < 0)
		return vector;

	e = vector | IO_APIC_MASKED |
	    (u64)cpu_to_apicid(0) << IO_APIC_DEST_SHIFT;
	if (level)
		e |= IO_APIC_LEVEL;
	if (active_low)
		e |= IO_APIC_ACTIVE_LOW;
	ioapic_write_entry(gsi, e);

	desc->irq_data.hwirq = gsi;
	desc->irq_data.level = level;
	irq_set_chip_and_handler_name(irq, &ioapic_chip,
				      level ? handle_fasteoi_irq :
					      handle_edge_irq,
				      level ? "fasteoi" : "edge");
	return 0;
}

/* ISA interrupts are edge, active high, unless an override says not. */
u32 isa_irq_to_gsi(unsigned int isa_irq, bool *level, bool *active_low)
{
	int i;

	*level = false;
	*active_low = false;
	for (i = 0; i < madt.nr_overrides; i++) {
		const struct madt_override *o = &madt.overrides[i];

		if (o->bus != 0 || o->source != isa_irq)
			continue;
		*level = (o->flags & MPS_INTI_TRIGGER_MASK) ==
			 MPS_INTI_TRIGGER_LEVEL;
		*active_low = (o->flags & MPS_INTI_POLARITY_MASK) ==
			      MPS_INTI_POLARITY_LOW;
		return o->gsi;
	}
	return isa_irq;
}

/* Another ISA IRQ overridden onto this GSI takes it (IRQ 0 takes GSI 2). */
static bool gsi_taken_by_override(u32 gsi, unsigned int isa_irq)
{
	int i;

	for (i = 0; i < madt.nr_overrides; i++)
		if (madt.overrides[i].gsi == gsi &&
		    madt.overrides[i].source != isa_irq)
			return true;
	return false;
}

void ioapic_init(void)
{
	unsigned int irq, pin;
	bool level, low;
	u32 ver, gsi;
	int i;

	for (i = 0; i < madt.nr_ioapics && i < MAX_IO_APICS; i++) {
		struct ioapic *io = &ioapics[nr_ioapics];

		io->base = ioremap(madt.ioapics[i].address, 4096);
		if (!io->base) {
			pr_err("IOAPIC[%d]: cannot map 0x%08x\n", i,
			       madt.ioapics[i].address);
			continue;
		}
		io->gsi_base = madt.ioapics[i].gsi_base;
		ver = io_apic_read(io, IO_APIC_VERSION);
		io->nr_pins = ((ver >> 16) & 0xff) + 1;
		nr_ioapics++;
		pr_info("IOAPIC[%d]: apic_id %u, version %u, address 0x%x, GSI %u-%u\n",
			i, madt.ioapics[i].id, ver & 0xff,
			madt.ioapics[i].address, io->gsi_base,
			io->gsi_base + io->nr_pins - 1);
		for (pin = 0; pin < io->nr_pins; pin++)
			ioapic_write_entry(io->gsi_base + pin, IO_APIC_MASKED);
	}
	if (!nr_ioapics)
		panic("IOAPIC: none usable; irqlab needs one");

	for (irq = 0; irq < NR_IRQS_LEGACY; irq++) {
		gsi = isa_irq_to_gsi(irq, &level, &low);
		if (gsi_taken_by_override(gsi, irq))
			continue;	/* e.g. IRQ 2, the old cascade */
		ioapic_setup_irq(irq, gsi, level, low);
	}
}
