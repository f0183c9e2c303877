/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TTY layer (Linux's <linux/tty.h>, <linux/tty_flip.h>,
 * <linux/tty_port.h>), small: a tty_struct per terminal with its termios,
 * window size, session and foreground process group, and the N_TTY line
 * discipline's buffer in it; a tty_port for the driver side, whose flip
 * buffer the interrupt fills and whose work item (flush_to_ldisc) feeds
 * N_TTY.  docs/tty.md has the whole path of a key press.
 */
#ifndef _IRQLAB_TTY_H
#define _IRQLAB_TTY_H

#include <irqlab/types.h>
#include <irqlab/fs.h>
#include <irqlab/list.h>
#include <irqlab/mutex.h>
#include <irqlab/ringbuf.h>
#include <irqlab/spinlock.h>
#include <irqlab/wait.h>
#include <irqlab/workqueue.h>
#include <uapi/linux/termios.h>

#define N_TTY_BUF_SIZE		4096	/* a power of two */
#define TTY_FLIPBUF_SIZE	4096	/* a power of two */

struct tty_struct;
struct file;
struct iov_iter;

struct tty_operations {
	/* Sends count bytes, N_TTY's output processing done; may sleep. */
	void (*write)(struct tty_struct *tty, const u8 *buf, size_t count);
	/*
	 * The device writes '\n' as "\r\n" itself (the console does, for
	 * printk's sake): ONLCR then passes '\n' through, not "\r\n".
	 */
	bool lf_is_crlf;
};

/*
 * The driver's side: the flip buffer between the interrupt and the line
 * discipline.  While no file holds its tty open, the bytes wait here for
 * the kernel's console reader (tty_port_console_read()) instead.
 */
struct tty_port {
	spinlock_t lock;		/* the flip ring; taken in hard irq */
	struct ringbuf flip;
	u8 flip_buf[TTY_FLIPBUF_SIZE];
	unsigned int overruns;		/* bytes lost to a full flip ring */
	struct work_struct work;	/* flush_to_ldisc */
	struct wait_queue_head console_wait;
	struct tty_struct *tty;
};

struct tty_struct {
	char name[16];
	dev_t dev;
	const struct tty_operations *ops;
	struct tty_port *port;		/* NULL: input only by injection */
	struct list_head list;		/* in the registered ttys */
	/*
	 * Serialises N_TTY's buffer, termios, the window size, the job
	 * control fields, the open count and output.
	 */
	struct mutex lock;
	struct termios termios;
	struct winsize winsize;
	int count;			/* open files */
	int session;			/* the controlling session; 0: none */
	int pgrp;			/* the foreground group; 0: none */
	struct wait_queue_head read_wait;

	/* N_TTY (Linux's struct n_tty_data), free-running indices. */
	size_t read_head;		/* where the next byte goes */
	size_t canon_head;		/* readable up to here */
	size_t read_tail;		/* the next byte to read */
	bool lnext;			/* the next byte is literal (VLNEXT) */
	u8 read_buf[N_TTY_BUF_SIZE];
	/* A terminator here (line end); with eof_flags, an EOF, no data. */
	unsigned long read_flags[N_TTY_BUF_SIZE / 64];
	unsigned long eof_flags[N_TTY_BUF_SIZE / 64];
};

/* Linux's INIT_C_CC and tty_std_termios. */
extern const struct termios tty_std_termios;

/* ---- the tty core (tty_io.c) ---------------------------------------- */
/*
 * Makes a tty named name on device dev (its chrdev, /dev/NAME node with
 * mode), driven by ops, fed from port (may be NULL).  The first tty
 * registered with console set is /dev/console's.  The tty or NULL.
 */
struct tty_struct *tty_register(const char *name, dev_t dev, umode_t mode,
				const struct tty_operations *ops,
				struct tty_port *port, bool console);

/*
 * Job control, Linux's __tty_check_change(): 0 if current may use tty
 * now (not its controlling tty, or in the foreground group); else sig
 * goes to current's group and -ERESTARTSYS, or -EIO (SIGTTIN ignored,
 * or an orphaned group).
 */
int tty_check_change_sig(struct tty_struct *tty, int sig);
/* send_sig() to every process of group pgrp (> 0). */
void tty_signal_pgrp(int pgrp, int sig);

/* ---- the flip buffer (tty_buffer.c) ---------------------------------- */
void tty_port_init(struct tty_port *port);
/* Any context: queues bytes for the line discipline; the count taken. */
size_t tty_insert_flip_string(struct tty_port *port, const u8 *chars,
			      size_t size);
static inline size_t tty_insert_flip_char(struct tty_port *port, u8 ch)
{
	return tty_insert_flip_string(port, &ch, 1);
}
/* Any context: flush_to_ldisc() will run in an unbound kworker. */
void tty_flip_buffer_push(struct tty_port *port);
/* Drops what waits in the flip buffer (TCFLSH, TCSETSF). */
void tty_buffer_flush(struct tty_port *port);
/*
 * The kernel's console input (the kernel shell, through console_getc()):
 * at least one byte, at most count, while no file holds the port's tty
 * open; sleeps otherwise.  _poll: one byte or -EAGAIN, never sleeps.
 */
int tty_port_console_read(struct tty_port *port, char *s, unsigned int count);
int tty_port_console_poll(struct tty_port *port);

/* ---- N_TTY (n_tty.c), tty->lock held by the caller ------------------- */
/* The input of count bytes, as flush_to_ldisc gives it: bytes taken. */
size_t n_tty_receive_buf(struct tty_struct *tty, const u8 *buf,
			 size_t count);
/* Empties the read buffer (TCFLSH, ISIG, the last close). */
void n_tty_flush_buffer(struct tty_struct *tty);
/* termios changed from old (ICANON on or off moves the line end). */
void n_tty_set_termios(struct tty_struct *tty, const struct termios *old);
/* Bytes a read would return now (FIONREAD). */
size_t n_tty_inq(struct tty_struct *tty);
/* The read and write of a file on tty (no lock held: they take it). */
ssize_t n_tty_read(struct tty_struct *tty, struct file *file,
		   struct iov_iter *to);
ssize_t n_tty_write(struct tty_struct *tty, struct file *file,
		    struct iov_iter *from);
/* OPOST output of count bytes to the driver; tty->lock held. */
void n_tty_process_output(struct tty_struct *tty, const u8 *buf,
			  size_t count);

/*
 * For the ktests: input injected as flush_to_ldisc would give it, under
 * the tty's lock (echo and signals included).
 */
void tty_inject_input(struct tty_struct *tty, const char *buf, size_t n);

#endif /* _IRQLAB_TTY_H */
