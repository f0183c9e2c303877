// SPDX-License-Identifier: GPL-2.0
/*
 * 16550 UART on COM1, 115200 8N1: the console ttyS0.
 *
 * It registers its console (console_initcall, Linux's
 * univ8250_console_init) before the first boot message.  Output is
 * polled, as Linux's serial8250_console_write: printk must work in any
 * context, including a panic with interrupts off, and a write returns
 * once the transmitter is empty, so nothing is lost when the machine
 * stops right after.  Input is interrupt driven once the device
 * initcall has run, and takes every step of deferred work on its way to
 * the reader (docs/deferred-work.md, docs/tty.md): the top half moves
 * bytes from the UART into the tty port's flip buffer and schedules a
 * tasklet; the tasklet (TASKLET_SOFTIRQ) pushes the flip buffer, which
 * queues flush_to_ldisc; in a kworker, that feeds N_TTY if a file has
 * ttyS0 open, or else wakes the kernel's console reader (console_getc).
 * Before that (early boot), or from atomic context, input is polled.
 */
#include <irqlab/console.h>
#include <irqlab/errno.h>
#include <irqlab/init.h>
#include <irqlab/interrupt.h>
#include <irqlab/jiffies.h>
#include <irqlab/kernel.h>
#include <irqlab/sysrq.h>
#include <irqlab/tty.h>
#include <irqlab/spinlock.h>
#include <asm/io.h>
#include <asm/processor.h>

#define COM1		0x3f8
#define UART_RX		0	/* receive buffer (DLAB=0) */
#define UART_TX		0	/* transmit holding (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_IIR	2	/* read */
#define UART_FCR	2	/* write */
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5

#define UART_IER_RDI	0x01	/* interrupt when data is received */
#define UART_IIR_NO_INT	0x01	/* no interrupt pending */
#define UART_LCR_DLAB	0x80
#define UART_LCR_WLEN8	0x03
#define UART_FCR_ENABLE	0x01
#define UART_FCR_CLEAR	0x06	/* clear both FIFOs */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* gates the IRQ line on PCs */
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_BI	0x10	/* a break: the line held at 0 */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_LSR_TEMT	0x40	/* transmitter empty */

#define UART_CLOCK	115200	/* 1.8432 MHz / 16 */
#define BAUD		115200
#define COM1_IRQ	4

static struct tty_port serial_port;	/* the flip buffer */
static bool rx_irq_enabled;

static void serial_hw_init(void)
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

static void serial_console_write(struct console *co, const char *s,
				 unsigned int count)
{
	unsigned int i;

	/* A terminal wants CR LF; the kernel writes LF, as Linux's does. */
	for (i = 0; i < count; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
	while (!(inb(COM1 + UART_LSR) & UART_LSR_TEMT))
		cpu_relax();
}

static int uart_getc_nowait(void)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -EAGAIN;
	return inb(COM1 + UART_RX);
}

/* A byte of input, from the flip buffer once the interrupt fills it. */
static int serial_console_poll_get_char(struct console *co)
{
	if (!rx_irq_enabled)
		return uart_getc_nowait();
	return tty_port_console_poll(&serial_port);
}

static int serial_console_read(struct console *co, char *s,
			       unsigned int count)
{
	int c;

	if (!count)
		return 0;
	if (!rx_irq_enabled || irqs_disabled() || in_atomic()) {
		while ((c = uart_getc_nowait()) < 0)
			cpu_relax();
		s[0] = c;
		return 1;
	}
	/* Sleeps until input comes and no file holds ttyS0 open. */
	return tty_port_console_read(&serial_port, s, count);
}

static struct console serial_console = {
	.name		= "ttyS",
	.write		= serial_console_write,
	.read		= serial_console_read,
	.poll_get_char	= serial_console_poll_get_char,
	.index		= 0,
};

static int serial_console_init(void)
{
	serial_hw_init();
	register_console(&serial_console);
	return 0;
}
console_initcall(serial_console_init);

/*
 * Softirq context: may not sleep, so it hands on to a thread, an unbound
 * kworker running flush_to_ldisc (drivers/tty/tty_buffer.c).
 */
static void serial_rx_tasklet(struct tasklet_struct *t)
{
	tty_flip_buffer_push(&serial_port);
}
static DECLARE_TASKLET(rx_tasklet, serial_rx_tasklet);

/*
 * A BREAK opens a window of 5 s in which the next byte is a SysRq key
 * (Linux's uart_handle_break and uart_handle_sysrq_char), handled here
 * in the interrupt, as Linux does, so that it works however stuck the
 * threads behind the tty are.  The break's NUL and the key stay out of
 * the tty.
 */
static unsigned long sysrq_until;	/* jiffies; 0: no window */

static bool serial_handle_sysrq(u8 lsr, u8 ch)
{
	if (lsr & UART_LSR_BI) {
		sysrq_until = jiffies + 5 * HZ;
		return true;
	}
	if (!sysrq_until)
		return false;
	if (time_before(jiffies, sysrq_until)) {
		sysrq_until = 0;
		handle_sysrq(ch);
		return true;
	}
	sysrq_until = 0;
	return false;
}

/* The top half: empty the UART's FIFO into the flip buffer, no more. */
static irqreturn_t serial_interrupt(int irq, void *dev_id)
{
	u8 lsr;

	if (inb(COM1 + UART_IIR) & UART_IIR_NO_INT)
		return IRQ_NONE;
	while ((lsr = inb(COM1 + UART_LSR)) & UART_LSR_DR) {
		u8 ch = inb(COM1 + UART_RX);

		if (!serial_handle_sysrq(lsr, ch))
			tty_insert_flip_char(&serial_port, ch);
	}
	tasklet_schedule(&rx_tasklet);
	return IRQ_HANDLED;
}

/* A program's output: the console's, serialised with printk's lines. */
static void serial_tty_write(struct tty_struct *tty, const u8 *buf,
			     size_t count)
{
	console_write_user((const char *)buf, count);
}

static const struct tty_operations serial_tty_ops = {
	.write = serial_tty_write,
	.lf_is_crlf = true,	/* serial_console_write's CR before LF */
};

/*
 * Linux's serial8250_init, a device initcall: the tty ttyS0 (4:64, the
 * console's, so /dev/console's too), and input on IRQ 4 from now.
 */
static int serial_irq_init(void)
{
	int ret;

	tty_port_init(&serial_port);
	register_chrdev_region(MKDEV(4, 64), 1, "ttyS");
	/* Linux's devtmpfs mode for ttyS0: 0660. */
	tty_register("ttyS0", MKDEV(4, 64), 0660, &serial_tty_ops,
		     &serial_port, true);
	ret = request_irq(COM1_IRQ, serial_interrupt, 0, "ttyS0", &serial_port);
	if (ret) {
		pr_err("serial: cannot get IRQ %d (%d): input stays polled\n",
		       COM1_IRQ, ret);
		return ret;
	}
	rx_irq_enabled = true;
	outb(UART_IER_RDI, COM1 + UART_IER);
	/* Bytes that came before the interrupt was on raise none: take them. */
	while (inb(COM1 + UART_LSR) & UART_LSR_DR)
		tty_insert_flip_char(&serial_port, inb(COM1 + UART_RX));
	tty_flip_buffer_push(&serial_port);
	return 0;
}
device_initcall(serial_irq_init);
