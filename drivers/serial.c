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
 * the reader (docs/deferred-work.md): the top half moves bytes from the
 * UART into a ring and schedules a tasklet; the tasklet (TASKLET_SOFTIRQ)
 * queues a work item; the work item, in a kworker, wakes the reader
 * sleeping in the console's read().  Before that (early boot), or from
 * atomic context, input is polled.
 */
#include <irqlab/console.h>
#include <irqlab/errno.h>
#include <irqlab/init.h>
#include <irqlab/interrupt.h>
#include <irqlab/ringbuf.h>
#include <irqlab/kernel.h>
#include <irqlab/spinlock.h>
#include <irqlab/wait.h>
#include <irqlab/workqueue.h>
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
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_LSR_TEMT	0x40	/* transmitter empty */

#define UART_CLOCK	115200	/* 1.8432 MHz / 16 */
#define BAUD		115200
#define COM1_IRQ	4
#define RX_RING_SIZE	4096

static u8 rx_buf[RX_RING_SIZE];
static struct ringbuf rx_ring = { .buf = rx_buf, .size = RX_RING_SIZE };
static bool rx_irq_enabled;
static DEFINE_SPINLOCK(rx_lock);
static DECLARE_WAIT_QUEUE_HEAD(rx_wait);
static unsigned int rx_overruns;	/* bytes lost to a full ring */

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

static bool rx_take(u8 *c)
{
	unsigned long flags;
	bool got;

	spin_lock_irqsave(&rx_lock, flags);
	got = ringbuf_get_byte(&rx_ring, c);
	spin_unlock_irqrestore(&rx_lock, flags);
	return got;
}

/* A byte of input, from the ring once the interrupt fills it. */
static int serial_console_poll_get_char(struct console *co)
{
	u8 c;

	if (!rx_irq_enabled)
		return uart_getc_nowait();
	return rx_take(&c) ? c : -EAGAIN;
}

static int serial_console_read(struct console *co, char *s,
			       unsigned int count)
{
	unsigned int n = 0;
	int c;

	if (!count)
		return 0;
	if (!rx_irq_enabled || irqs_disabled() || in_atomic()) {
		while ((c = uart_getc_nowait()) < 0)
			cpu_relax();
		s[n++] = c;
	}
	for (;;) {
		while (n < count && (c = serial_console_poll_get_char(co)) >= 0)
			s[n++] = c;
		if (n)
			return n;
		/* The reader sleeps; the receive interrupt wakes it. */
		wait_event_interruptible(rx_wait, !ringbuf_empty(&rx_ring));
	}
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
 * Process context, a kworker: where a tty would run its line discipline,
 * and where n_tty reports lost input.
 */
static void serial_rx_work(struct work_struct *work)
{
	unsigned int lost = __atomic_exchange_n(&rx_overruns, 0,
						 __ATOMIC_RELAXED);

	if (lost)
		pr_warn("ttyS0: %u input overrun(s)\n", lost);
	wake_up_interruptible(&rx_wait);
}
static DECLARE_WORK(rx_work, serial_rx_work);

/*
 * Softirq context: may not sleep, so it hands on to a thread.  An unbound
 * kworker, as Linux's tty_flip_buffer_push() uses: a per-CPU one would
 * wait behind any FIFO task hogging the CPU the interrupt came in on,
 * and the console would stop answering.
 */
static void serial_rx_tasklet(struct tasklet_struct *t)
{
	queue_work(system_unbound_wq, &rx_work);
}
static DECLARE_TASKLET(rx_tasklet, serial_rx_tasklet);

/* The top half: empty the UART's FIFO into the ring, nothing more. */
static irqreturn_t serial_interrupt(int irq, void *dev_id)
{
	if (inb(COM1 + UART_IIR) & UART_IIR_NO_INT)
		return IRQ_NONE;
	spin_lock(&rx_lock);
	while (inb(COM1 + UART_LSR) & UART_LSR_DR) {
		if (!ringbuf_put_byte(&rx_ring, inb(COM1 + UART_RX)))
			rx_overruns++;
	}
	spin_unlock(&rx_lock);
	tasklet_schedule(&rx_tasklet);
	return IRQ_HANDLED;
}

/* Linux's serial8250_init, a device initcall: input on IRQ 4 from now. */
static int serial_irq_init(void)
{
	int ret = request_irq(COM1_IRQ, serial_interrupt, 0, "ttyS0", &rx_ring);

	if (ret) {
		pr_err("serial: cannot get IRQ %d (%d): input stays polled\n",
		       COM1_IRQ, ret);
		return ret;
	}
	rx_irq_enabled = true;
	outb(UART_IER_RDI, COM1 + UART_IER);
	/* Bytes that came before the interrupt was on raise none: take them. */
	while (inb(COM1 + UART_LSR) & UART_LSR_DR)
		ringbuf_put_byte(&rx_ring, inb(COM1 + UART_RX));
	return 0;
}
device_initcall(serial_irq_init);
