// SPDX-License-Identifier: GPL-2.0
/*
 * Resetting the machine (Linux's arch/x86/kernel/reboot.c, the two
 * fallbacks of its list that every PC has): pulse the reset line through
 * the keyboard controller, and if the machine is still here, fault with
 * no IDT, which the CPU turns into a shutdown and the chipset into a
 * reset.  QEMU run with -no-reboot exits instead of resetting.
 */
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <irqlab/delay.h>
#include <irqlab/reboot.h>

#define KBD_STATUS_PORT		0x64
#define KBD_STATUS_IBF		0x02	/* input buffer full */
#define KBD_CMD_PULSE_RESET	0xfe

static void kb_wait(void)
{
	int i;

	for (i = 0; i < 0x10000; i++) {
		if (!(inb(KBD_STATUS_PORT) & KBD_STATUS_IBF))
			break;
		udelay(2);
	}
}

void machine_emergency_restart(void)
{
	struct desc_ptr no_idt = { 0, 0 };
	int i;

	local_irq_disable();
	for (i = 0; i < 10; i++) {
		kb_wait();
		outb(KBD_CMD_PULSE_RESET, KBD_STATUS_PORT);
		udelay(50);
	}
	__asm__ __volatile__("lidt %0; int3" : : "m"(no_idt));
	halt_forever();
}
