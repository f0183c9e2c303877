// SPDX-License-Identifier: GPL-2.0
/* The 8254 programmable interval timer: see include/irqlab/pit.h. */
#include <irqlab/pit.h>
#include <irqlab/interrupt.h>
#include <irqlab/jiffies.h>
#include <irqlab/timekeeping.h>
#include <irqlab/kernel.h>
#include <asm/io.h>

#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_MODE	0x43
#define PIT_PORT_B	0x61	/* bit 0 gates channel 2, bit 5 reads OUT2 */

/* Ticks of the 1.193182 MHz clock per jiffy, rounded as Linux's LATCH. */
#define LATCH		((PIT_TICK_RATE + HZ / 2) / HZ)

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

/* The top half of the tick: only time advances here. */
static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	do_timer(1);
	return IRQ_HANDLED;
}

void pit_timer_init(void)
{
	int ret;

	outb(0x34, PIT_MODE);		/* channel 0, lo/hi byte, mode 2 */
	outb(LATCH & 0xff, PIT_CH0);
	outb(LATCH >> 8, PIT_CH0);
	ret = request_irq(0, timer_interrupt, IRQF_TIMER, "timer", NULL);
	if (ret)
		pr_err("pit: cannot get IRQ 0 (%d): no jiffies\n", ret);
	else
		pr_info("clocksource: pit: %d Hz tick on IRQ 0\n", HZ);
}
