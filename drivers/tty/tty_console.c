// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/console, /dev/tty and /dev/ttyS0: the kernel's console as a
 * character device (5:1, 5:0 and 4:64, Linux's numbers).  Writes go to
 * console_write_user(), which shares printk's serialisation, so a
 * program's line and a kernel line never tear each other.  Reads take
 * bytes from console_getc() through a small line reader: in canonical
 * mode (ICANON, the default) a line at a time with echo, backspace
 * (VERASE), ^U (VKILL) and ^D (VEOF); otherwise (a shell's own line
 * editing) each byte as it comes.  TCGETS/TCSETS keep a termios for
 * those flags, so isatty() is true and raw mode works.
 *
 * This is a stand-in: Linux's tty layer and N_TTY line discipline
 * (drivers/tty/n_tty.c, interrupt-driven input through a flip buffer,
 * signals for ^C, job control) are a later step and will replace it.
 */
#include <irqlab/console.h>
#include <irqlab/fs.h>
#include <irqlab/init.h>
#include <irqlab/mutex.h>
#include <irqlab/string.h>
#include <irqlab/uaccess.h>
#include <irqlab/uio.h>
#include <uapi/linux/termios.h>

#define LINE_MAX	4096	/* N_TTY_BUF_SIZE */

static struct {
	struct mutex read_lock;
	struct termios termios;
	struct winsize winsize;
	char line[LINE_MAX];
	size_t len;		/* bytes in line */
	size_t ready;		/* of which a finished line, not yet read */
} con = {
	.read_lock = __MUTEX_INITIALIZER(con.read_lock),
	.termios = {
		.c_iflag = ICRNL | IXON,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = B38400 | CS8 | CREAD | HUPCL,
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL |
			   ECHOKE | IEXTEN,
		/* Linux's INIT_C_CC */
		.c_cc = "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0",
	},
	.winsize = { .ws_row = 24, .ws_col = 80 },
};

static void echo(const char *s, size_t n)
{
	if (con.termios.c_lflag & ECHO)
		console_write_user(s, n);
}

static void echo_char(char c)
{
	char ctl[2] = { '^', c ^ 0100 };

	/* ECHOCTL: a control character shows as ^X. */
	if ((con.termios.c_lflag & ECHOCTL) && (u8)c < ' ' && c != '\n' &&
	    c != '\t')
		echo(ctl, 2);
	else
		echo(&c, 1);
}

#define SKIP	-1	/* a byte the termios drops */

/* The next input byte, SKIP, or -ENODEV without an input console. */
static int get_char(void)
{
	int c = console_getc();

	if (c < 0)
		return c;
	if (c == '\r' && (con.termios.c_iflag & IGNCR))
		return SKIP;
	if (c == '\r' && (con.termios.c_iflag & ICRNL))
		c = '\n';
	return c;
}

/* Canonical mode: 1 when a line is finished (ready), 0 at EOF, -errno. */
static int read_line(void)
{
	const cc_t *cc = con.termios.c_cc;

	while (!con.ready) {
		int c = get_char();

		if (c == SKIP)
			continue;
		if (c < 0)
			return c;
		if (c == cc[VERASE] || c == '\b') {
			if (con.len) {
				con.len--;
				echo("\b \b", 3);
			}
		} else if (c == cc[VKILL]) {
			for (; con.len; con.len--)
				echo("\b \b", 3);
		} else if (c == cc[VEOF]) {
			if (!con.len)
				return 0;
			con.ready = con.len;
		} else if (c == cc[VINTR] && (con.termios.c_lflag & ISIG)) {
			/* No signals yet: ^C drops the line. */
			echo_char(c);
			echo("\n", 1);
			con.len = 0;
		} else if (con.len < LINE_MAX - 1 || c == '\n') {
			con.line[con.len++] = c;
			echo_char(c);
			if (c == '\n')
				con.ready = con.len;
		}
	}
	return 1;
}

/* Raw mode: one byte at least, then whatever else is waiting. */
static int read_raw(size_t want)
{
	int c;

	do {
		c = get_char();
	} while (c == SKIP);
	if (c < 0)
		return c;
	con.line[con.len++] = c;
	echo_char(c);
	while (con.len < want && con.len < LINE_MAX &&
	       (c = console_poll_char()) >= 0) {
		if (c == '\r' && (con.termios.c_iflag & ICRNL))
			c = '\n';
		con.line[con.len++] = c;
		echo_char(c);
	}
	con.ready = con.len;
	return 1;
}

static ssize_t tty_read_iter(struct file *file, struct iov_iter *to,
			     loff_t *pos)
{
	int ret = 1;
	size_t n;

	mutex_lock(&con.read_lock);
	if (!con.ready) {
		if (con.termios.c_lflag & ICANON) {
			ret = read_line();
		} else {
			con.len = 0;
			ret = read_raw(iov_iter_count(to));
		}
	}
	if (ret <= 0) {
		mutex_unlock(&con.read_lock);
		return ret ? -EIO : 0;	/* no input console, or EOF */
	}
	n = copy_to_iter(con.line, min(con.ready, iov_iter_count(to)), to);
	/* What the reader did not take waits for the next read. */
	memmove(con.line, con.line + n, con.len - n);
	con.len -= n;
	con.ready -= n;
	mutex_unlock(&con.read_lock);
	return n ? (ssize_t)n : -EFAULT;
}

static ssize_t tty_write_iter(struct file *file, struct iov_iter *from,
			      loff_t *pos)
{
	size_t done = 0;
	char buf[256];

	while (iov_iter_count(from)) {
		size_t n = min(sizeof(buf), iov_iter_count(from));
		size_t got = copy_from_iter(buf, n, from);

		console_write_user(buf, got);
		done += got;
		if (got < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	struct termios t;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &con.termios, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (copy_from_user(&t, p, sizeof(t)))
			return -EFAULT;
		mutex_lock(&con.read_lock);
		con.termios = t;
		if (cmd == TCSETSF)
			con.len = con.ready = 0;	/* flush the input */
		mutex_unlock(&con.read_lock);
		return 0;
	case TIOCGWINSZ:
		return copy_to_user(p, &con.winsize, sizeof(con.winsize)) ?
		       -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&con.winsize, p, sizeof(con.winsize)) ?
		       -EFAULT : 0;
	default:
		return -ENOTTY;
	}
}

/* A terminal has no position: lseek, pread and pwrite get ESPIPE. */
static int tty_open(struct inode *inode, struct file *file)
{
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.llseek = no_llseek,
	.read_iter = tty_read_iter,
	.write_iter = tty_write_iter,
	.unlocked_ioctl = tty_ioctl,
};

static struct cdev tty_cdev, console_cdev, ttyS_cdev;

static int tty_init(void)
{
	register_chrdev_region(MKDEV(5, 0), 1, "/dev/tty");
	register_chrdev_region(MKDEV(5, 1), 1, "/dev/console");
	register_chrdev_region(MKDEV(4, 64), 1, "ttyS");
	cdev_init(&tty_cdev, &tty_fops);
	cdev_add(&tty_cdev, MKDEV(5, 0), 1);
	cdev_init(&console_cdev, &tty_fops);
	cdev_add(&console_cdev, MKDEV(5, 1), 1);
	cdev_init(&ttyS_cdev, &tty_fops);
	cdev_add(&ttyS_cdev, MKDEV(4, 64), 1);
	/* Linux's devtmpfs modes: tty 0666, console 0600, ttyS0 0660. */
	devtmpfs_create_node("tty", S_IFCHR | 0666, MKDEV(5, 0));
	devtmpfs_create_node("console", S_IFCHR | 0600, MKDEV(5, 1));
	devtmpfs_create_node("ttyS0", S_IFCHR | 0660, MKDEV(4, 64));
	return 0;
}
fs_initcall(tty_init);
