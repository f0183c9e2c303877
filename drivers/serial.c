// SPDX-License-Identifier: GPL-2.0
/*
 * 16550 UART on COM1, 115200 8N1.
 *
 * Output is polled: printk must work in any context, including a panic
 * with interrupts off.  Input is polled too for now; the shell waits in
 * serial_getc().
 */
#include <irqlab/serial.h>
#include <asm/io.h>
#include <asm/processor.h>

#define COM1		0x3f8
#define UART_RX		0	/* receive buffer (DLAB=0) */
#define UART_TX		0	/* transmit holding (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5

#define UART_LCR_DLAB	0x80
#define UART_LCR_WLEN8	0x03
#define UART_FCR_ENABLE	0x01
#define UART_FCR_CLEAR	0x06	/* clear both FIFOs */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* gates the IRQ line on PCs */
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_LSR_TEMT	0x40	/* transmitter empty */

#define UART_CLOCK	115200	/* 1.8432 MHz / 16 */
#define BAUD		115200

void serial_init(void)
{
	u16 div = UART_CLOCK / BAUD;

	outb(0, COM1 + UART_IER);
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(div & 0xff, COM1 + UART_DLL);
	outb(div >> 8, COM1 + UART_DLM);
	outb(UART_LCR_WLEN8, COM1 + UART_LCR);
	outb(UART_FCR_ENABLE | UART_FCR_CLEAR, COM1 + UART_FCR);
	outb(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2, COM1 + UART_MCR);
}

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		cpu_relax();
	outb(c, COM1 + UART_TX);
}

void serial_write(const char *s, size_t len)
{
	size_t i;

	/* A terminal wants CR LF; the kernel writes LF, as Linux's does. */
	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

void serial_flush(void)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_TEMT))
		cpu_relax();
}

int serial_getc_nowait(void)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RX);
}

int serial_getc(void)
{
	int c;

	while ((c = serial_getc_nowait()) < 0)
		cpu_relax();
	return c;
}
