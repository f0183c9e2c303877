// SPDX-License-Identifier: GPL-2.0
/*
 * The tty core (Linux's drivers/tty/tty_io.c, tty_ioctl.c and
 * tty_jobctrl.c): the character devices of the ttys, their opens and
 * closes, the controlling terminal and job control, and the ioctls.
 *
 * /dev/console (5:1) is the console's tty (ttyS0); /dev/tty (5:0) the
 * caller's controlling tty (ENXIO without one).  Opening a tty other than
 * those two without O_NOCTTY makes it the controlling tty of a session
 * leader that has none, if no session has it (Linux's tty_open: the
 * console never becomes one).  The controlling tty is the session's: a
 * process has it while its session is the tty's (Linux keeps a pointer
 * per process, copied by fork; irqlab's fork copies the session).
 * The last close drops the session and the foreground group, as
 * Linux's tty_release (session_clear_tty).
 */
#include <irqlab/errno.h>
#include <irqlab/init.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/sched.h>
#include <irqlab/signal.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/tty.h>
#include <irqlab/uaccess.h>
#include <irqlab/uio.h>

const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		   IEXTEN,
	/* INIT_C_CC: ^C ^\ ^? ^U ^D 0 1 0 ^Q ^S ^Z 0 ^R ^O ^W ^V 0 */
	.c_cc = "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0",
};

static LIST_HEAD(tty_list);		/* under tty_mutex */
static DEFINE_MUTEX(tty_mutex);
static struct tty_struct *console_tty;

static struct tty_struct *tty_lookup(dev_t dev)
{
	struct tty_struct *tty, *found = NULL;

	mutex_lock(&tty_mutex);
	list_for_each_entry(tty, &tty_list, list)
		if (tty->dev == dev)
			found = tty;
	mutex_unlock(&tty_mutex);
	return found;
}

/* The controlling tty of the session sid (> 0), or NULL. */
static struct tty_struct *tty_of_session(int sid)
{
	struct tty_struct *tty, *found = NULL;

	if (sid <= 0)
		return NULL;
	mutex_lock(&tty_mutex);
	list_for_each_entry(tty, &tty_list, list)
		if (READ_ONCE(tty->session) == sid)
			found = tty;
	mutex_unlock(&tty_mutex);
	return found;
}

static bool is_session_leader(void)
{
	return current->session > 0 && current->session == current->pid;
}

/* tty is current's controlling tty (Linux's current->signal->tty). */
static bool is_ctty(struct tty_struct *tty)
{
	return tty->session > 0 && tty->session == current->session;
}

/* ---- job control (tty_jobctrl.c) ------------------------------------- */

void tty_signal_pgrp(int pgrp, int sig)
{
	if (pgrp > 0)
		kill_pgrp(pgrp, sig, 1);
}

/*
 * Linux's will_become_orphaned_pgrp(): no member has a parent in another
 * group of the same session (other than init) that could resume it.
 */
static bool pgrp_is_orphaned(int pgrp)
{
	struct task_struct *p;
	unsigned long flags;
	bool orphaned = true;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		struct task_struct *parent = p->real_parent;

		if (p->pgrp != pgrp || p->exit_state || !parent)
			continue;
		if (parent->pgrp != pgrp && parent->session == p->session &&
		    parent->pid != 1) {
			orphaned = false;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return orphaned;
}

/* Whether current ignores or blocks sig (Linux's is_ignored()). */
static bool tty_sig_is_ignored(int sig)
{
	const struct task_signal *s = &current->signal;

	return (READ_ONCE(s->blocked) & sigmask(sig)) ||
	       READ_ONCE(s->action[sig - 1].sa_handler) == SIG_IGN;
}

int tty_check_change_sig(struct tty_struct *tty, int sig)
{
	int tty_pgrp = READ_ONCE(tty->pgrp);

	if (!is_ctty(tty))
		return 0;
	if (!tty_pgrp || current->pgrp == tty_pgrp)
		return 0;
	if (tty_sig_is_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (pgrp_is_orphaned(current->pgrp))
		return -EIO;
	tty_signal_pgrp(current->pgrp, sig);
	return -ERESTARTSYS;
}

static int tty_check_change(struct tty_struct *tty)
{
	return tty_check_change_sig(tty, SIGTTOU);
}

/* Under tty->lock: the tty becomes the controlling tty of current's. */
static void proc_set_tty(struct tty_struct *tty)
{
	tty->session = current->session;
	tty->pgrp = current->pgrp;
}

/* Linux's disassociate_ctty for the tty's session: SIGHUP, SIGCONT. */
static void tty_disassociate(struct tty_struct *tty, bool hangup)
{
	int pgrp = tty->pgrp;

	tty->session = 0;
	tty->pgrp = 0;
	if (hangup && pgrp) {
		tty_signal_pgrp(pgrp, SIGHUP);
		tty_signal_pgrp(pgrp, SIGCONT);
	}
}

/* A group of current's session with pgid pgrp: 0, -ESRCH or -EPERM. */
static int pgrp_in_session(int pgrp, int session)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (p->pgrp != pgrp || p->exit_state || !pgrp)
			continue;
		ret = p->session == session ? 0 : -EPERM;
		break;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* ---- the file operations --------------------------------------------- */

static struct tty_struct *file_tty(struct file *file)
{
	return file->private_data;
}

static int tty_open(struct inode *inode, struct file *file)
{
	dev_t dev = inode->i_rdev;
	struct tty_struct *tty;
	bool noctty = (file->f_flags & O_NOCTTY) || dev == MKDEV(5, 1) ||
		      dev == MKDEV(5, 0);

	if (dev == MKDEV(5, 0)) {
		tty = tty_of_session(current->session);
		if (!tty)
			return -ENXIO;
	} else if (dev == MKDEV(5, 1)) {
		tty = console_tty;
	} else {
		tty = tty_lookup(dev);
	}
	if (!tty)
		return -ENODEV;
	/* A terminal has no position: lseek, pread and pwrite get ESPIPE. */
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	file->private_data = tty;
	mutex_lock(&tty->lock);
	tty->count++;
	if (!noctty && is_session_leader() && !tty->session &&
	    !tty_of_session(current->session))
		proc_set_tty(tty);
	mutex_unlock(&tty->lock);
	/* Typed-ahead bytes now belong to the line discipline. */
	if (tty->port)
		tty_flip_buffer_push(tty->port);
	return 0;
}

static int tty_release(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = file_tty(file);

	mutex_lock(&tty->lock);
	if (--tty->count == 0) {
		/* n_tty_close: what was not read goes; so does the session. */
		n_tty_flush_buffer(tty);
		tty_disassociate(tty, false);
	}
	mutex_unlock(&tty->lock);
	if (!tty->count && tty->port)
		wake_up_interruptible(&tty->port->console_wait);
	return 0;
}

static ssize_t tty_read_iter(struct file *file, struct iov_iter *to,
			     loff_t *pos)
{
	return n_tty_read(file_tty(file), file, to);
}

static ssize_t tty_write_iter(struct file *file, struct iov_iter *from,
			      loff_t *pos)
{
	return n_tty_write(file_tty(file), file, from);
}

/* Linux's set_termios: TCSETSF flushes the input first. */
static int set_termios(struct tty_struct *tty, void __user *p, int cmd)
{
	struct termios t, old;
	int ret = tty_check_change(tty);

	if (ret)
		return ret;
	if (copy_from_user(&t, p, sizeof(t)))
		return -EFAULT;
	mutex_lock(&tty->lock);
	if (cmd == TCSETSF) {
		n_tty_flush_buffer(tty);
		if (tty->port)
			tty_buffer_flush(tty->port);
	}
	old = tty->termios;
	tty->termios = t;
	n_tty_set_termios(tty, &old);
	mutex_unlock(&tty->lock);
	return 0;
}

static int tiocswinsz(struct tty_struct *tty, void __user *p)
{
	struct winsize ws;
	int pgrp = 0;

	if (copy_from_user(&ws, p, sizeof(ws)))
		return -EFAULT;
	mutex_lock(&tty->lock);
	if (memcmp(&ws, &tty->winsize, sizeof(ws))) {
		tty->winsize = ws;
		pgrp = tty->pgrp;
	}
	mutex_unlock(&tty->lock);
	if (pgrp)
		tty_signal_pgrp(pgrp, SIGWINCH);
	return 0;
}

static int tiocsctty(struct tty_struct *tty, struct file *file, int arg)
{
	int ret = 0;

	mutex_lock(&tty->lock);
	if (is_session_leader() && tty->session == current->session)
		goto out;	/* already ours */
	if (!is_session_leader() || tty_of_session(current->session)) {
		ret = -EPERM;
		goto out;
	}
	if (tty->session) {
		/* Another session's: only stolen with arg 1 (and root). */
		if (arg != 1) {
			ret = -EPERM;
			goto out;
		}
		tty_disassociate(tty, false);
	}
	if (!(file->f_mode & FMODE_READ) && arg != 1) {
		ret = -EPERM;
		goto out;
	}
	proc_set_tty(tty);
out:
	mutex_unlock(&tty->lock);
	return ret;
}

static int tiocspgrp(struct tty_struct *tty, int __user *p)
{
	int pgrp, ret = tty_check_change(tty);

	if (ret == -EIO)
		return -ENOTTY;
	if (ret)
		return ret;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	mutex_lock(&tty->lock);
	if (!is_ctty(tty)) {
		ret = -ENOTTY;
	} else {
		ret = pgrp_in_session(pgrp, current->session);
		if (!ret)
			tty->pgrp = pgrp;
	}
	mutex_unlock(&tty->lock);
	return ret;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(file);
	void __user *p = (void __user *)arg;
	struct termios t;
	int ret, n;

	switch (cmd) {
	case TCGETS:
		mutex_lock(&tty->lock);
		t = tty->termios;
		mutex_unlock(&tty->lock);
		return copy_to_user(p, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:	/* output is written synchronously: drained */
	case TCSETSF:
		return set_termios(tty, p, cmd);
	case TIOCGWINSZ:
		return copy_to_user(p, &tty->winsize, sizeof(tty->winsize)) ?
		       -EFAULT : 0;
	case TIOCSWINSZ:
		return tiocswinsz(tty, p);
	case TIOCGPGRP:
		if (!is_ctty(tty))
			return -ENOTTY;
		return put_user(READ_ONCE(tty->pgrp), (int __user *)p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (!is_ctty(tty))
			return -ENOTTY;
		return put_user(READ_ONCE(tty->session), (int __user *)p);
	case TIOCSCTTY:
		return tiocsctty(tty, file, (int)arg);
	case TIOCNOTTY:
		if (!is_ctty(tty))
			return -ENOTTY;
		/*
		 * The leader gives it up for the session (SIGHUP and SIGCONT
		 * to the foreground group); a member's is the session's too,
		 * so it keeps it (Linux's would clear only its own).
		 */
		if (is_session_leader()) {
			mutex_lock(&tty->lock);
			tty_disassociate(tty, true);
			mutex_unlock(&tty->lock);
		}
		return 0;
	case FIONREAD:
		mutex_lock(&tty->lock);
		n = n_tty_inq(tty);
		mutex_unlock(&tty->lock);
		return put_user(n, (int __user *)p);
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);	/* sent already */
	case TCFLSH:
		ret = tty_check_change(tty);
		if (ret)
			return ret;
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH) {
			mutex_lock(&tty->lock);
			n_tty_flush_buffer(tty);
			if (tty->port)
				tty_buffer_flush(tty->port);
			mutex_unlock(&tty->lock);
		}
		return 0;
	case TCXONC:
		ret = tty_check_change(tty);
		if (ret)
			return ret;
		return arg > TCION ? -EINVAL : 0;	/* no flow control */
	case TCSBRK:
	case TCSBRKP:
		/* tcdrain() and breaks: the output is out already. */
		return tty_check_change(tty);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.llseek = no_llseek,
	.read_iter = tty_read_iter,
	.write_iter = tty_write_iter,
	.unlocked_ioctl = tty_ioctl,
	.release = tty_release,
};

/* ---- registration ---------------------------------------------------- */

struct tty_struct *tty_register(const char *name, dev_t dev, umode_t mode,
				const struct tty_operations *ops,
				struct tty_port *port, bool console)
{
	struct tty_struct *tty = kzalloc(sizeof(*tty), GFP_KERNEL);
	struct cdev *cdev = kzalloc(sizeof(*cdev), GFP_KERNEL);

	if (!tty || !cdev) {
		kfree(tty);
		kfree(cdev);
		return NULL;
	}
	strscpy(tty->name, name, sizeof(tty->name));
	tty->dev = dev;
	tty->ops = ops;
	tty->port = port;
	mutex_init(&tty->lock);
	tty->termios = tty_std_termios;
	tty->winsize.ws_row = 24;
	tty->winsize.ws_col = 80;
	init_waitqueue_head(&tty->read_wait);
	if (port)
		port->tty = tty;
	mutex_lock(&tty_mutex);
	list_add_tail(&tty->list, &tty_list);
	if (console && !console_tty)
		console_tty = tty;
	mutex_unlock(&tty_mutex);
	cdev_init(cdev, &tty_fops);
	cdev_add(cdev, dev, 1);
	devtmpfs_create_node(name, S_IFCHR | mode, dev);
	return tty;
}

static struct cdev tty_cdev, console_cdev;

static int tty_init(void)
{
	register_chrdev_region(MKDEV(5, 0), 1, "/dev/tty");
	register_chrdev_region(MKDEV(5, 1), 1, "/dev/console");
	cdev_init(&tty_cdev, &tty_fops);
	cdev_add(&tty_cdev, MKDEV(5, 0), 1);
	cdev_init(&console_cdev, &tty_fops);
	cdev_add(&console_cdev, MKDEV(5, 1), 1);
	/* Linux's devtmpfs modes: tty 0666, console 0600. */
	devtmpfs_create_node("tty", S_IFCHR | 0666, MKDEV(5, 0));
	devtmpfs_create_node("console", S_IFCHR | 0600, MKDEV(5, 1));
	return 0;
}
fs_initcall(tty_init);
