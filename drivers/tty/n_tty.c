// SPDX-License-Identifier: GPL-2.0
/*
 * N_TTY, the default line discipline (Linux's drivers/tty/n_tty.c), for
 * the ttys of tty_io.c.  Input comes from flush_to_ldisc (tty_buffer.c)
 * or a ktest's injection, under tty->lock:
 *
 *  - input flags: ISTRIP, INLCR, IGNCR, ICRNL.  IXON is ignored: ^S and
 *    ^Q are data, output never stops (the console cannot be held back);
 *  - ISIG: VINTR, VQUIT, VSUSP send SIGINT, SIGQUIT, SIGTSTP to the
 *    foreground group, flush the input unless NOFLSH, and echo (^C);
 *  - ICANON: lines, ended by '\n', VEOL, VEOL2 (IEXTEN) or VEOF (which
 *    is not data: at a line start, a read of 0, EOF); VERASE (ECHOE:
 *    "\b \b"), VKILL (ECHOKE erases the line, ECHOK echoes a newline),
 *    VWERASE and VLNEXT (IEXTEN);
 *  - echo: ECHO, ECHONL, ECHOCTL (^X for a control character);
 *  - non-canonical reads by VMIN and VTIME, as Linux's n_tty_read;
 *  - output: OPOST with ONLCR and OCRNL.
 *
 * A cell of the buffer is a byte; read_flags marks the terminators of
 * lines, eof_flags those that are an EOF (a cell, never copied out).
 */
#include <irqlab/ctype.h>
#include <irqlab/errno.h>
#include <irqlab/jiffies.h>
#include <irqlab/kernel.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/string.h>
#include <irqlab/tty.h>
#include <irqlab/uio.h>

#define MASK(x)		((x) & (N_TTY_BUF_SIZE - 1))
#define T(tty)		(&(tty)->termios)
#define L(tty, f)	(T(tty)->c_lflag & (f))
#define I(tty, f)	(T(tty)->c_iflag & (f))
#define O(tty, f)	(T(tty)->c_oflag & (f))
#define CC(tty, v)	(T(tty)->c_cc[v])

static bool test_flag(const unsigned long *map, size_t i)
{
	i = MASK(i);
	return map[i / 64] & (1UL << (i % 64));
}

static void set_flag(unsigned long *map, size_t i, bool on)
{
	i = MASK(i);
	if (on)
		map[i / 64] |= 1UL << (i % 64);
	else
		map[i / 64] &= ~(1UL << (i % 64));
}

static size_t read_cnt(struct tty_struct *tty)
{
	return tty->read_head - tty->read_tail;
}

/* A control character that is set (0 is _POSIX_VDISABLE). */
static bool is_cc(struct tty_struct *tty, u8 c, int v)
{
	return CC(tty, v) != _POSIX_VDISABLE && c == CC(tty, v);
}

/* ---- output ---------------------------------------------------------- */

void n_tty_process_output(struct tty_struct *tty, const u8 *buf,
			  size_t count)
{
	u8 out[256];
	size_t n = 0, i;

	if (!O(tty, OPOST)) {
		tty->ops->write(tty, buf, count);
		return;
	}
	for (i = 0; i < count; i++) {
		u8 c = buf[i];

		if (n > sizeof(out) - 2) {
			tty->ops->write(tty, out, n);
			n = 0;
		}
		if (c == '\n' && O(tty, ONLCR)) {
			/* The console makes "\r\n" of '\n' itself. */
			if (!tty->ops->lf_is_crlf)
				out[n++] = '\r';
		} else if (c == '\r' && O(tty, OCRNL)) {
			c = '\n';
		}
		out[n++] = c;
	}
	if (n)
		tty->ops->write(tty, out, n);
}

static void echo_raw(struct tty_struct *tty, const char *s, size_t n)
{
	n_tty_process_output(tty, (const u8 *)s, n);
}

/* ECHOCTL shows a control character as ^X; tab and newline as they are. */
static void echo_char(struct tty_struct *tty, u8 c)
{
	char ctl[2] = { '^', c ^ 0100 };

	if (L(tty, ECHOCTL) && iscntrl(c) && c != '\t')
		echo_raw(tty, ctl, 2);
	else
		echo_raw(tty, (const char *)&c, 1);
}

/* Columns the echo of c took: 2 for ^X, 1 otherwise (tabs count 1). */
static int echo_width(struct tty_struct *tty, u8 c)
{
	return L(tty, ECHOCTL) && iscntrl(c) && c != '\t' ? 2 : 1;
}

/* ---- input ----------------------------------------------------------- */

static void put_tty_queue(struct tty_struct *tty, u8 c, bool end, bool eof)
{
	size_t i = tty->read_head;

	tty->read_buf[MASK(i)] = c;
	set_flag(tty->read_flags, i, end);
	set_flag(tty->eof_flags, i, eof);
	tty->read_head++;
}

void n_tty_flush_buffer(struct tty_struct *tty)
{
	tty->read_head = tty->canon_head = tty->read_tail = 0;
	tty->lnext = false;
	wake_up_interruptible(&tty->read_wait);
}

/* VERASE, VWERASE, VKILL: take bytes back from the unfinished line. */
enum erase_kind { ERASE, WERASE, KILL };

static void eraser(struct tty_struct *tty, enum erase_kind kind)
{
	bool seen_alnum = false;

	if (tty->read_head == tty->canon_head)
		return;
	if (kind == KILL && (!L(tty, ECHO) || !L(tty, ECHOK) ||
			     !L(tty, ECHOKE) || !L(tty, ECHOE))) {
		tty->read_head = tty->canon_head;
		if (L(tty, ECHO)) {
			echo_char(tty, CC(tty, VKILL));
			if (L(tty, ECHOK))
				echo_raw(tty, "\n", 1);
		}
		return;
	}
	while (tty->read_head != tty->canon_head) {
		u8 c = tty->read_buf[MASK(tty->read_head - 1)];
		int w;

		if (kind == WERASE) {
			/* Spaces, then the word (Linux: alnum and '_'). */
			if (isalnum(c) || c == '_')
				seen_alnum = true;
			else if (seen_alnum)
				break;
		}
		tty->read_head--;
		if (L(tty, ECHO)) {
			if (!L(tty, ECHOE)) {
				echo_char(tty, CC(tty, VERASE));
			} else {
				for (w = echo_width(tty, c); w; w--)
					echo_raw(tty, "\b \b", 3);
			}
		}
		if (kind == ERASE)
			break;
	}
}

static void isig(struct tty_struct *tty, int sig, u8 c)
{
	if (!L(tty, NOFLSH))
		n_tty_flush_buffer(tty);
	if (L(tty, ECHO))
		echo_char(tty, c);
	if (tty->pgrp > 0)
		tty_signal_pgrp(tty->pgrp, sig);
}

/* A finished line (or everything, non-canonical) becomes readable. */
static void commit(struct tty_struct *tty)
{
	tty->canon_head = tty->read_head;
	wake_up_interruptible(&tty->read_wait);
}

/* One byte; false if there is no room for it (non-canonical: stop). */
static bool receive_char(struct tty_struct *tty, u8 c)
{
	bool canon = L(tty, ICANON);

	if (I(tty, ISTRIP))
		c &= 0x7f;
	if (tty->lnext) {
		tty->lnext = false;
		goto normal;
	}
	if (c == '\r') {
		if (I(tty, IGNCR))
			return true;
		if (I(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(tty, INLCR)) {
		c = '\r';
	}
	if (L(tty, ISIG)) {
		if (is_cc(tty, c, VINTR)) {
			isig(tty, SIGINT, c);
			return true;
		}
		if (is_cc(tty, c, VQUIT)) {
			isig(tty, SIGQUIT, c);
			return true;
		}
		if (is_cc(tty, c, VSUSP)) {
			isig(tty, SIGTSTP, c);
			return true;
		}
	}
	if (canon) {
		if (is_cc(tty, c, VERASE)) {
			eraser(tty, ERASE);
			return true;
		}
		if (is_cc(tty, c, VKILL)) {
			eraser(tty, KILL);
			return true;
		}
		if (L(tty, IEXTEN) && is_cc(tty, c, VWERASE)) {
			eraser(tty, WERASE);
			return true;
		}
		if (L(tty, IEXTEN) && is_cc(tty, c, VLNEXT)) {
			tty->lnext = true;
			if (L(tty, ECHO) && L(tty, ECHOCTL))
				echo_raw(tty, "^\b", 2);
			return true;
		}
		if (read_cnt(tty) >= N_TTY_BUF_SIZE)
			return true;	/* full: dropped, as Linux's */
		if (is_cc(tty, c, VEOF)) {
			put_tty_queue(tty, 0, true, true);
			commit(tty);
			return true;
		}
		if (c == '\n' || is_cc(tty, c, VEOL) ||
		    (L(tty, IEXTEN) && is_cc(tty, c, VEOL2))) {
			if (c == '\n' && L(tty, ECHO | ECHONL))
				echo_raw(tty, "\n", 1);
			else if (c != '\n' && L(tty, ECHO))
				echo_char(tty, c);
			put_tty_queue(tty, c, true, false);
			commit(tty);
			return true;
		}
		/* Keep one cell for the line's end. */
		if (read_cnt(tty) >= N_TTY_BUF_SIZE - 1)
			return true;
	}
normal:
	if (read_cnt(tty) >= N_TTY_BUF_SIZE) {
		if (canon)
			return true;
		return false;
	}
	if (L(tty, ECHO))
		echo_char(tty, c);
	put_tty_queue(tty, c, false, false);
	if (!canon)
		commit(tty);
	return true;
}

size_t n_tty_receive_buf(struct tty_struct *tty, const u8 *buf,
			 size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (!receive_char(tty, buf[i]))
			break;
	return i;
}

void tty_inject_input(struct tty_struct *tty, const char *buf, size_t n)
{
	mutex_lock(&tty->lock);
	n_tty_receive_buf(tty, (const u8 *)buf, n);
	mutex_unlock(&tty->lock);
}

void n_tty_set_termios(struct tty_struct *tty, const struct termios *old)
{
	bool was = old->c_lflag & ICANON, is = L(tty, ICANON);

	if (was == is)
		return;
	tty->lnext = false;
	/* Either way what is in the buffer becomes readable (Linux's push). */
	if (is && read_cnt(tty))
		set_flag(tty->read_flags, tty->read_head - 1, true);
	commit(tty);
}

/* Bytes in complete lines, EOFs not counted; all of them raw. */
size_t n_tty_inq(struct tty_struct *tty)
{
	size_t i, n = 0;

	if (!L(tty, ICANON))
		return tty->canon_head - tty->read_tail;
	for (i = tty->read_tail; i != tty->canon_head; i++)
		n += !test_flag(tty->eof_flags, i);
	return n;
}

/* ---- reading --------------------------------------------------------- */

/*
 * Canonical: copies from the first line, its terminator included (but
 * not an EOF's cell); the line's rest, if the buffer is short, stays.
 * Returns the bytes copied; *eof when the line ended with an EOF.
 */
static size_t canon_copy(struct tty_struct *tty, u8 *kbuf, size_t nr,
			 bool *done)
{
	size_t n = 0;

	*done = false;
	while (tty->read_tail != tty->canon_head && n < nr) {
		size_t i = tty->read_tail++;
		bool end = test_flag(tty->read_flags, i);

		if (!test_flag(tty->eof_flags, i))
			kbuf[n++] = tty->read_buf[MASK(i)];
		if (end) {
			*done = true;
			break;
		}
	}
	/* A line end right after a full buffer ends this read too. */
	if (!*done && n == nr && tty->read_tail != tty->canon_head &&
	    test_flag(tty->eof_flags, tty->read_tail) &&
	    test_flag(tty->read_flags, tty->read_tail)) {
		tty->read_tail++;
		*done = true;
	}
	return n;
}

static size_t raw_copy(struct tty_struct *tty, u8 *kbuf, size_t nr)
{
	size_t n = 0;

	while (tty->read_tail != tty->canon_head && n < nr)
		kbuf[n++] = tty->read_buf[MASK(tty->read_tail++)];
	return n;
}

static bool input_available(struct tty_struct *tty, size_t amt)
{
	return READ_ONCE(tty->canon_head) - READ_ONCE(tty->read_tail) >= amt;
}

ssize_t n_tty_read(struct tty_struct *tty, struct file *file,
		   struct iov_iter *to)
{
	size_t nr = iov_iter_count(to), total = 0, minimum = 1;
	long timeout = MAX_SCHEDULE_TIMEOUT, time = 0;
	bool canon, nonblock = file && (file->f_flags & O_NONBLOCK);
	u8 kbuf[256];
	int ret;

	if (!nr)
		return 0;
	ret = tty_check_change_sig(tty, SIGTTIN);
	if (ret)
		return ret;
	mutex_lock(&tty->lock);
	canon = L(tty, ICANON);
	if (!canon) {
		minimum = min((size_t)CC(tty, VMIN), nr);
		time = (CC(tty, VTIME) * HZ + 9) / 10;
		if (!CC(tty, VMIN)) {
			/* VTIME is the wait for the first byte; 0: none. */
			if (time)
				timeout = time;
			else
				timeout = 0;
			minimum = 1;
		}
	}
	for (;;) {
		size_t n;
		bool done = false;

		n = canon ? canon_copy(tty, kbuf, min(nr - total, sizeof(kbuf)),
				       &done) :
			    raw_copy(tty, kbuf, min(nr - total, sizeof(kbuf)));
		if (n || done) {
			mutex_unlock(&tty->lock);
			if (n && copy_to_iter(kbuf, n, to) != n) {
				if (tty->port)
					tty_flip_buffer_push(tty->port);
				return total ? (ssize_t)total : -EFAULT;
			}
			total += n;
			mutex_lock(&tty->lock);
			if (canon && done)
				break;
			if (total >= nr)
				break;
			/* Canonical: the rest of the line, if any is left. */
			if (canon)
				continue;
			if (total >= minimum && !input_available(tty, 1))
				break;
			/* VMIN > 0, VTIME > 0: an inter-byte timer now. */
			if (CC(tty, VMIN) && time)
				timeout = time;
			continue;
		}
		if (!canon && total >= minimum)
			break;
		if (!timeout)
			break;
		if (nonblock) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		mutex_unlock(&tty->lock);
		/* More room: what waits in the flip buffer may come in. */
		if (tty->port)
			tty_flip_buffer_push(tty->port);
		timeout = wait_event_interruptible_timeout(tty->read_wait,
				input_available(tty, 1) ||
				signal_pending(current), timeout);
		mutex_lock(&tty->lock);
	}
	mutex_unlock(&tty->lock);
	if (tty->port)
		tty_flip_buffer_push(tty->port);
	if (total)
		return total;
	return ret;
}

/* ---- writing --------------------------------------------------------- */

ssize_t n_tty_write(struct tty_struct *tty, struct file *file,
		    struct iov_iter *from)
{
	size_t done = 0;
	u8 buf[256];
	int ret;

	if (L(tty, TOSTOP)) {
		ret = tty_check_change_sig(tty, SIGTTOU);
		if (ret)
			return ret;
	}
	while (iov_iter_count(from)) {
		size_t n = min(sizeof(buf), iov_iter_count(from));
		size_t got = copy_from_iter(buf, n, from);

		mutex_lock(&tty->lock);
		n_tty_process_output(tty, buf, got);
		mutex_unlock(&tty->lock);
		done += got;
		if (got < n)
			return done ? (ssize_t)done : -EFAULT;
		if (signal_pending(current) && iov_iter_count(from))
			break;
	}
	return done;
}
