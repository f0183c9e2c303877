// SPDX-License-Identifier: GPL-2.0
/*
 * The 8254 PIT (Linux's arch/x86/kernel/i8253.c and the clockevent of
 * drivers/clocksource/i8253.c; here both are arch, since only the arch
 * code uses the chip).  Channel 0 is the boot clockevent, periodic at HZ:
 * it gives jiffies until the boot CPU's local APIC timer is registered,
 * which the tick code prefers (a higher rating), shutting the PIT down.
 * Channel 2 is polled for the TSC and local APIC calibrations.
 */
#include <asm/i8253.h>
#include <asm/io.h>
#include <irqlab/jiffies.h>
#include <irqlab/smp.h>

#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_MODE	0x43
#define PIT_PORT_B	0x61	/* bit 0 gates channel 2, bit 5 reads OUT2 */

void pit_ch2_start(unsigned int ms)
{
	u32 count = PIT_TICK_RATE / 1000 * ms;

	/* Gate high, speaker off; mode 0 counts down once, then OUT2 = 1. */
	outb((inb(PIT_PORT_B) & ~0x02) | 0x01, PIT_PORT_B);
	outb(0xb0, PIT_MODE);		/* channel 2, lo/hi byte, mode 0 */
	outb(count & 0xff, PIT_CH2);
	outb(count >> 8, PIT_CH2);
}

bool pit_ch2_done(void)
{
	return inb(PIT_PORT_B) & 0x20;
}

static int pit_set_periodic(struct clock_event_device *evt)
{
	outb(0x34, PIT_MODE);		/* channel 0, lo/hi byte, mode 2 */
	outb(PIT_LATCH & 0xff, PIT_CH0);
	outb(PIT_LATCH >> 8, PIT_CH0);
	return 0;
}

/*
 * Mode 0 (one-shot) with no count written: the counter waits for one and
 * never interrupts.  Linux also writes a count of 0, which on QEMU's PIT,
 * as on the chips its i8253_clear_counter_on_shutdown quirk is about,
 * starts a 65536-tick countdown and one more IRQ 0 55 ms later.
 */
static int pit_shutdown(struct clock_event_device *evt)
{
	if (!clockevent_state_periodic(evt))
		return 0;
	outb(0x30, PIT_MODE);		/* channel 0, lo/hi byte, mode 0 */
	return 0;
}

struct clock_event_device i8253_clockevent = {
	.name			= "pit",
	.features		= CLOCK_EVT_FEAT_PERIODIC,
	.set_state_periodic	= pit_set_periodic,
	.set_state_shutdown	= pit_shutdown,
	.irq			= 0,
	/* No rating: any per-CPU timer is preferred to it. */
};

void clockevent_i8253_init(void)
{
	/* It interrupts the boot CPU only: IRQ 0 is routed there. */
	i8253_clockevent.cpumask = 1UL << smp_processor_id();
	clockevents_register_device(&i8253_clockevent);
}
