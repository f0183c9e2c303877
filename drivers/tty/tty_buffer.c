// SPDX-License-Identifier: GPL-2.0
/*
 * The flip buffer (Linux's drivers/tty/tty_buffer.c), one ring per port:
 * the driver's interrupt puts bytes in (tty_insert_flip_string) and
 * pushes (tty_flip_buffer_push), which queues flush_to_ldisc on an
 * unbound kworker; there, in process context, the bytes go to N_TTY,
 * which echoes, signals and wakes the readers.
 *
 * The kernel shell's rule: while no file holds the port's tty open,
 * flush_to_ldisc leaves the bytes in the ring and wakes the kernel's
 * console reader instead (tty_port_console_read(), under console_getc());
 * the kernel shell is init and reads the console that way.  Once a file
 * opens the tty (a program the shell runs), the bytes go to N_TTY, and
 * the kernel reader waits until the last close.
 */
#include <irqlab/atomic.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/tty.h>

static void flush_to_ldisc(struct work_struct *work);

void tty_port_init(struct tty_port *port)
{
	spin_lock_init(&port->lock);
	ringbuf_init(&port->flip, port->flip_buf, TTY_FLIPBUF_SIZE);
	INIT_WORK(&port->work, flush_to_ldisc);
	init_waitqueue_head(&port->console_wait);
}

size_t tty_insert_flip_string(struct tty_port *port, const u8 *chars,
			      size_t size)
{
	unsigned long flags;
	size_t n;

	spin_lock_irqsave(&port->lock, flags);
	n = ringbuf_put(&port->flip, chars, size);
	port->overruns += size - n;
	spin_unlock_irqrestore(&port->lock, flags);
	return n;
}

void tty_flip_buffer_push(struct tty_port *port)
{
	/*
	 * Unbound, as Linux's: a per-CPU kworker would wait behind a FIFO
	 * task hogging the CPU the interrupt came in on.
	 */
	queue_work(system_unbound_wq, &port->work);
}

void tty_buffer_flush(struct tty_port *port)
{
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	ringbuf_drop(&port->flip, ringbuf_len(&port->flip));
	spin_unlock_irqrestore(&port->lock, flags);
}

static bool port_tty_open(struct tty_port *port)
{
	return port->tty && READ_ONCE(port->tty->count) > 0;
}

static void flush_to_ldisc(struct work_struct *work)
{
	struct tty_port *port = container_of(work, struct tty_port, work);
	struct tty_struct *tty = port->tty;
	unsigned long flags;
	unsigned int lost;
	u8 buf[128];
	size_t n, taken;

	spin_lock_irqsave(&port->lock, flags);
	lost = port->overruns;
	port->overruns = 0;
	spin_unlock_irqrestore(&port->lock, flags);
	if (lost)	/* n_tty_receive_overrun's line */
		pr_warn("%s: %u input overrun(s)\n", tty ? tty->name : "tty",
			lost);
	if (!tty)
		return;
	mutex_lock(&tty->lock);
	if (!tty->count) {
		mutex_unlock(&tty->lock);
		/* Nobody has the tty open: the kernel's console reads. */
		wake_up_interruptible(&port->console_wait);
		return;
	}
	for (;;) {
		spin_lock_irqsave(&port->lock, flags);
		n = ringbuf_peek(&port->flip, 0, buf, sizeof(buf));
		spin_unlock_irqrestore(&port->lock, flags);
		if (!n)
			break;
		taken = n_tty_receive_buf(tty, buf, n);
		spin_lock_irqsave(&port->lock, flags);
		ringbuf_drop(&port->flip, taken);
		spin_unlock_irqrestore(&port->lock, flags);
		if (taken < n)
			break;	/* N_TTY is full: the next read pushes again */
	}
	mutex_unlock(&tty->lock);
}

int tty_port_console_read(struct tty_port *port, char *s, unsigned int count)
{
	unsigned long flags;
	u32 n;

	if (!count)
		return 0;
	for (;;) {
		n = 0;
		spin_lock_irqsave(&port->lock, flags);
		if (!port_tty_open(port))
			n = ringbuf_get(&port->flip, s, count);
		spin_unlock_irqrestore(&port->lock, flags);
		if (n)
			return n;
		wait_event_interruptible(port->console_wait,
					 !port_tty_open(port) &&
					 !ringbuf_empty(&port->flip));
	}
}

int tty_port_console_poll(struct tty_port *port)
{
	unsigned long flags;
	u8 c;
	bool got = false;

	spin_lock_irqsave(&port->lock, flags);
	if (!port_tty_open(port))
		got = ringbuf_get_byte(&port->flip, &c);
	spin_unlock_irqrestore(&port->lock, flags);
	return got ? c : -EAGAIN;
}
