// SPDX-License-Identifier: GPL-2.0
/*
 * N_TTY and the tty core on a tty of the test's own (/dev/ktest-tty,
 * whose driver keeps what is written: the echo), with input injected as
 * flush_to_ldisc gives it: canonical lines, erase/kill/werase, EOF,
 * VMIN/VTIME, ISIG's signal and flush, the job-control ioctls, termios
 * and the window size, a background read's SIGTTIN or EIO, and the flip
 * buffer's hand-off.  Kernel threads stand for processes: each clears
 * PF_KTHREAD (so that send_sig reaches it), takes a session and a group,
 * and, where an ioctl needs user memory, an address space of one page.
 */
#include <irqlab/ktest.h>
#include <irqlab/completion.h>
#include <irqlab/errno.h>
#include <irqlab/mm_types.h>
#include <irqlab/mman.h>
#include <irqlab/process.h>
#include <irqlab/signal.h>
#include <irqlab/string.h>
#include <irqlab/tty.h>
#include <asm/pgtable.h>

#define KTTY_PATH	"/dev/ktest-tty"
#define KTTY_DEV	MKDEV(240, 0)	/* LANANA's local/experimental */
#define UADDR		0x400000UL
#define sigbit(sig)	(1ULL << ((sig) - 1))

static char cap[1024];
static size_t cap_len;

static void cap_write(struct tty_struct *tty, const u8 *buf, size_t n)
{
	n = min(n, sizeof(cap) - 1 - cap_len);
	memcpy(cap + cap_len, buf, n);
	cap_len += n;
	cap[cap_len] = '\0';
}

static const struct tty_operations cap_ops = { .write = cap_write };
static struct tty_struct *ktty;
static struct tty_port kport;

/* The test tty, back to its defaults; NULL if it cannot be made. */
static struct tty_struct *get_tty(void)
{
	if (!ktty) {
		tty_port_init(&kport);
		ktty = tty_register("ktest-tty", KTTY_DEV, 0600, &cap_ops,
				    &kport, false);
		if (!ktty)
			return NULL;
	}
	mutex_lock(&ktty->lock);
	n_tty_flush_buffer(ktty);
	ktty->termios = tty_std_termios;
	ktty->winsize = (struct winsize){ .ws_row = 24, .ws_col = 80 };
	ktty->session = ktty->pgrp = 0;
	mutex_unlock(&ktty->lock);
	cap_len = 0;
	cap[0] = '\0';
	return ktty;
}

static void inject(const char *s)
{
	tty_inject_input(ktty, s, strlen(s));
}

static struct file *open_tty(int flags)
{
	return filp_open(KTTY_PATH, O_RDWR | flags, 0);
}

static long read_str(struct file *f, char *buf, size_t n)
{
	loff_t pos = 0;
	long r = kernel_read(f, buf, n, &pos);

	buf[r > 0 ? r : 0] = '\0';
	return r;
}

static void set_raw(int vmin, int vtime)
{
	struct termios old;

	mutex_lock(&ktty->lock);
	old = ktty->termios;
	ktty->termios.c_lflag &= ~ICANON;
	ktty->termios.c_cc[VMIN] = vmin;
	ktty->termios.c_cc[VTIME] = vtime;
	n_tty_set_termios(ktty, &old);
	mutex_unlock(&ktty->lock);
}

static void test_canonical_lines(struct ktest *t)
{
	struct file *f;
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	inject("one\rtwo\n");	/* ICRNL: the CR ends a line too */
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(t, buf, "one\n");
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(t, buf, "two\n");
	/* Echoed, each '\n' as "\r\n" (OPOST, ONLCR). */
	KTEST_EXPECT_STREQ(t, cap, "one\r\ntwo\r\n");
	/* A short buffer takes the line in pieces. */
	inject("abcdef\n");
	KTEST_EXPECT_EQ(t, read_str(f, buf, 4), 4);
	KTEST_EXPECT_STREQ(t, buf, "abcd");
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(t, buf, "ef\n");
	/* An unfinished line is not readable: O_NONBLOCK says EAGAIN. */
	inject("half");
	f->f_flags |= O_NONBLOCK;
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), -EAGAIN);
	fput(f);
}

static void test_erase_kill_werase(struct ktest *t)
{
	struct file *f;
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	inject("abx\177c\n");			/* VERASE */
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(t, buf, "abc\n");
	KTEST_EXPECT_STREQ(t, cap, "abx\b \bc\r\n");	/* ECHOE */
	inject("junk\025ok\n");			/* VKILL */
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(t, buf, "ok\n");
	inject("foo bar  \027baz\n");		/* VWERASE */
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 8);
	KTEST_EXPECT_STREQ(t, buf, "foo baz\n");
	/* Erase stops at the line's start: the last line is not edited. */
	inject("x\n\177\177y\n");
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "x\n");
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "y\n");
	fput(f);
}

static void test_eof(struct ktest *t)
{
	struct file *f;
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	inject("\004");				/* at a line's start: EOF */
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 0);
	inject("par\004");			/* mid-line: the line so far */
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(t, buf, "par");
	/* VEOL ends a line and is data. */
	mutex_lock(&ktty->lock);
	ktty->termios.c_cc[VEOL] = ';';
	mutex_unlock(&ktty->lock);
	inject("a;b\n");
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "a;");
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 2);
	fput(f);
}

static void test_input_flags(struct ktest *t)
{
	struct file *f;
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	mutex_lock(&ktty->lock);
	ktty->termios.c_iflag = IGNCR;
	ktty->termios.c_lflag &= ~ECHO;
	mutex_unlock(&ktty->lock);
	inject("a\rb\n");
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(t, buf, "ab\n");
	KTEST_EXPECT_EQ(t, cap_len, 0);		/* no ECHO */
	mutex_lock(&ktty->lock);
	ktty->termios.c_iflag = INLCR;
	ktty->termios.c_lflag |= ECHONL;
	ktty->termios.c_cc[VEOL] = '\r';
	mutex_unlock(&ktty->lock);
	inject("c\n");				/* INLCR: the LF is a CR */
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "c\r");
	inject("d\177\n");			/* ECHONL without ECHO */
	fput(f);
}

static void test_noncanonical_vmin1(struct ktest *t)
{
	struct file *f;
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	set_raw(1, 0);
	inject("x");
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 1);
	KTEST_EXPECT_STREQ(t, buf, "x");
	inject("\177\025z");			/* no editing without ICANON */
	KTEST_EXPECT_EQ(t, read_str(f, buf, 1), 1);
	KTEST_EXPECT_EQ(t, buf[0], '\177');
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "\025z");
	/* ECHOCTL shows what was typed. */
	KTEST_EXPECT_STREQ(t, cap, "x^?^Uz");
	f->f_flags |= O_NONBLOCK;
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), -EAGAIN);
	fput(f);
}

static void test_noncanonical_vtime_times_out(struct ktest *t)
{
	struct file *f;
	char buf[8];

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	set_raw(0, 1);
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 0);
	set_raw(0, 0);				/* a poll */
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 0);
	inject("k");
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 1);
	fput(f);
}

static void test_icanon_switch_makes_line_readable(struct ktest *t)
{
	struct file *f;
	char buf[16];

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	inject("pend");
	set_raw(1, 0);
	KTEST_EXPECT_EQ(t, read_str(f, buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(t, buf, "pend");
	fput(f);
}

/* ---- processes ------------------------------------------------------ */

struct proc {
	int (*fn)(struct proc *p);
	struct completion ready, go;
	struct file *file;
	int pgrp;		/* 0: its own; else join this group */
	int session;		/* 0: a session of its own */
	bool user_page;		/* an address space with UADDR mapped */
	long ret[8];
	u64 pending;
	int pid;
};

static int proc_main(void *data)
{
	struct proc *p = data;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	current->session = p->session ? p->session : current->pid;
	current->pgrp = p->pgrp ? p->pgrp : current->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (p->user_page) {
		struct mm_struct *mm = mm_alloc();

		if (!mm || mmap_region(mm, UADDR, 4096, VM_READ | VM_WRITE,
				       true, "ktest-tty") < 0) {
			if (mm)
				mmput(mm);
			ret = -ENOMEM;
			p->user_page = false;
		} else {
			current->mm = mm;
			switch_mm(mm->pgd);
		}
	}
	complete(&p->ready);
	if (!ret && p->fn)
		ret = p->fn(p);
	p->pending = READ_ONCE(current->signal.pending);
	current->signal.pending = 0;
	do_exit(ret & 0xff);
}

/* Starts p as a child process of the current task; its pid. */
static int proc_start(struct proc *p)
{
	struct task_struct *task;

	init_completion(&p->ready);
	init_completion(&p->go);
	task = create_task(proc_main, p, "ktest-tty");
	if (!task)
		return -ENOMEM;
	task->flags &= ~PF_KTHREAD;
	link_child(task);
	p->pid = task->pid;
	wake_up_process(task);
	wait_for_completion(&p->ready);
	return p->pid;
}

static int proc_wait(struct proc *p)
{
	int status = -1;

	complete(&p->go);
	return kernel_wait4(p->pid, &status, 0) == p->pid ? status : -1;
}

static int sleep_for_go(struct proc *p)
{
	wait_for_completion(&p->go);
	return 0;
}

static void test_isig_signals_foreground_and_flushes(struct ktest *t)
{
	struct proc fg = { .fn = sleep_for_go };
	struct proc bg = { .fn = sleep_for_go };
	struct file *f;

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_ASSERT_GT(t, proc_start(&fg), 0);
	KTEST_ASSERT_GT(t, proc_start(&bg), 0);
	mutex_lock(&ktty->lock);
	ktty->session = fg.pid;
	ktty->pgrp = fg.pid;
	mutex_unlock(&ktty->lock);
	inject("typed\003");
	KTEST_EXPECT_EQ(t, n_tty_inq(ktty), 0);
	KTEST_EXPECT_EQ(t, ktty->read_head, ktty->read_tail);	/* flushed */
	KTEST_EXPECT_STREQ(t, cap, "typed^C");
	inject("\034");
	mutex_lock(&ktty->lock);
	ktty->termios.c_lflag |= NOFLSH;
	mutex_unlock(&ktty->lock);
	inject("kept\032");
	KTEST_EXPECT_EQ(t, ktty->read_head - ktty->read_tail, 4);
	KTEST_EXPECT_EQ(t, proc_wait(&fg), 0);
	KTEST_EXPECT_EQ(t, proc_wait(&bg), 0);
	KTEST_EXPECT_TRUE(t, fg.pending & sigbit(SIGINT));
	KTEST_EXPECT_TRUE(t, fg.pending & sigbit(SIGQUIT));
	KTEST_EXPECT_TRUE(t, fg.pending & sigbit(SIGTSTP));
	/* Only the foreground group. */
	KTEST_EXPECT_EQ(t, bg.pending, 0);
	fput(f);
}

/* In a session leader with a user page: the job-control ioctls. */
struct ioctl_results {
	long open_ctty, dev_tty, gpgrp, spgrp, gpgrp2, esrch, eperm, gsid;
	long tcsets, tcgets, termios_same, winsz, rows, cols, inq, inq_n;
	long sctty_again, notty;
};
static struct ioctl_results ir;
static int other_session_pgrp;

static int leader_ioctls(struct proc *p)
{
	int __user *up = (int __user *)UADDR;
	struct termios t = tty_std_termios, back;
	struct winsize ws;
	struct file *f = open_tty(0), *t2;
	int v = 0;

	if (IS_ERR(f))
		return 1;
	ir.open_ctty = READ_ONCE(ktty->session) == current->pid;
	t2 = filp_open("/dev/tty", O_RDWR, 0);
	ir.dev_tty = !IS_ERR(t2) && t2->private_data == ktty;
	if (!IS_ERR(t2))
		fput(t2);
	ir.gpgrp = vfs_ioctl(f, TIOCGPGRP, UADDR);
	get_user(v, up);
	ir.gpgrp = ir.gpgrp ? ir.gpgrp : v;
	put_user(current->pid, up);
	ir.spgrp = vfs_ioctl(f, TIOCSPGRP, UADDR);
	put_user(0, up);
	vfs_ioctl(f, TIOCGPGRP, UADDR);
	get_user(v, up);
	ir.gpgrp2 = v;
	put_user(999999, up);
	ir.esrch = vfs_ioctl(f, TIOCSPGRP, UADDR);
	put_user(other_session_pgrp, up);
	ir.eperm = vfs_ioctl(f, TIOCSPGRP, UADDR);
	ir.gsid = vfs_ioctl(f, TIOCGSID, UADDR);
	get_user(v, up);
	ir.gsid = ir.gsid ? ir.gsid : v;

	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 3;
	copy_to_user((void __user *)UADDR, &t, sizeof(t));
	ir.tcsets = vfs_ioctl(f, TCSETS, UADDR);
	ir.tcgets = vfs_ioctl(f, TCGETS, UADDR + 512);
	copy_from_user(&back, (void __user *)(UADDR + 512), sizeof(back));
	ir.termios_same = !memcmp(&t, &back, sizeof(t));
	ir.winsz = vfs_ioctl(f, TIOCGWINSZ, UADDR + 1024);
	copy_from_user(&ws, (void __user *)(UADDR + 1024), sizeof(ws));
	ir.rows = ws.ws_row;
	ir.cols = ws.ws_col;
	inject("abcde");
	ir.inq = vfs_ioctl(f, FIONREAD, UADDR);
	get_user(v, up);
	ir.inq_n = v;
	ir.sctty_again = vfs_ioctl(f, TIOCSCTTY, 0);
	ir.notty = vfs_ioctl(f, TIOCNOTTY, 0);
	fput(f);
	return 0;
}

static void test_job_control_ioctls(struct ktest *t)
{
	struct proc other = { .fn = sleep_for_go };
	struct proc leader = { .fn = leader_ioctls, .user_page = true };
	struct file *f;

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	memset(&ir, 0, sizeof(ir));
	KTEST_ASSERT_GT(t, proc_start(&other), 0);
	other_session_pgrp = other.pid;
	KTEST_ASSERT_GT(t, proc_start(&leader), 0);
	KTEST_EXPECT_EQ(t, proc_wait(&leader), 0);
	KTEST_EXPECT_EQ(t, proc_wait(&other), 0);
	KTEST_EXPECT_TRUE(t, leader.user_page);
	KTEST_EXPECT_EQ(t, ir.open_ctty, 1);	/* a leader's open: its ctty */
	KTEST_EXPECT_EQ(t, ir.dev_tty, 1);	/* /dev/tty reaches it */
	KTEST_EXPECT_EQ(t, ir.gpgrp, leader.pid);
	KTEST_EXPECT_EQ(t, ir.spgrp, 0);
	KTEST_EXPECT_EQ(t, ir.gpgrp2, leader.pid);
	KTEST_EXPECT_EQ(t, ir.esrch, -ESRCH);
	KTEST_EXPECT_EQ(t, ir.eperm, -EPERM);	/* another session's group */
	KTEST_EXPECT_EQ(t, ir.gsid, leader.pid);
	KTEST_EXPECT_EQ(t, ir.tcsets, 0);
	KTEST_EXPECT_EQ(t, ir.tcgets, 0);
	KTEST_EXPECT_EQ(t, ir.termios_same, 1);
	KTEST_EXPECT_EQ(t, ir.winsz, 0);
	KTEST_EXPECT_EQ(t, ir.rows, 24);
	KTEST_EXPECT_EQ(t, ir.cols, 80);
	KTEST_EXPECT_EQ(t, ir.inq, 0);
	KTEST_EXPECT_EQ(t, ir.inq_n, 5);
	KTEST_EXPECT_EQ(t, ir.sctty_again, 0);
	KTEST_EXPECT_EQ(t, ir.notty, 0);
	KTEST_EXPECT_EQ(t, ktty->session, 0);	/* the leader gave it up */

	/* Not the caller's controlling tty: ENOTTY; unknown: ENOTTY. */
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCGPGRP, UADDR), -ENOTTY);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCGSID, UADDR), -ENOTTY);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCGPTN, UADDR), -ENOTTY);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, 0x5499, 0), -ENOTTY);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCFLSH, 7), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCFLSH, TCIFLUSH), 0);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCXONC, TCOON), 0);
	/* Not a session leader (a kernel thread): no ctty, no /dev/tty. */
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCSCTTY, 0), -EPERM);
	KTEST_EXPECT_TRUE(t, IS_ERR(filp_open("/dev/tty", O_RDWR, 0)));
	fput(f);
}

/* A background group's read: SIGTTIN, or EIO for an orphaned group. */
struct bg_results {
	long child_read, parent_read;
	u64 child_pending;
};
static struct bg_results br;

static int bg_child(struct proc *p)
{
	char buf[8];

	br.child_read = read_str(p->file, buf, sizeof(buf));
	return 0;
}

static int bg_leader(struct proc *p)
{
	struct proc child = { .fn = bg_child };
	char buf[8];

	p->file = open_tty(0);
	if (IS_ERR(p->file))
		return 1;
	child.file = p->file;
	child.session = current->session;
	child.pgrp = 0;				/* a group of its own */
	if (proc_start(&child) < 0)
		return 2;
	/* The child's group is the foreground: the leader's is not. */
	mutex_lock(&ktty->lock);
	ktty->pgrp = current->pgrp;
	mutex_unlock(&ktty->lock);
	proc_wait(&child);
	br.child_pending = child.pending;
	mutex_lock(&ktty->lock);
	ktty->pgrp = child.pid;
	mutex_unlock(&ktty->lock);
	/* Its parent is init: the leader's group is orphaned, EIO. */
	br.parent_read = read_str(p->file, buf, sizeof(buf));
	fput(p->file);
	return 0;
}

static void test_background_read(struct ktest *t)
{
	struct proc leader = { .fn = bg_leader };

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	memset(&br, 0, sizeof(br));
	KTEST_ASSERT_GT(t, proc_start(&leader), 0);
	KTEST_EXPECT_EQ(t, proc_wait(&leader), 0);
	/* The child's group is in the background (the leader's is fg). */
	KTEST_EXPECT_EQ(t, br.child_read, -ERESTARTSYS);
	KTEST_EXPECT_TRUE(t, br.child_pending & sigbit(SIGTTIN));
	KTEST_EXPECT_EQ(t, br.parent_read, -EIO);
}

static void test_signal_interrupts_read(struct ktest *t)
{
	struct proc r = { .fn = bg_child };

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	r.file = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(r.file));
	memset(&br, 0, sizeof(br));
	KTEST_ASSERT_GT(t, proc_start(&r), 0);
	/* The reader is asleep on an empty line; a signal ends its read. */
	mutex_lock(&ktty->lock);
	ktty->pgrp = r.pid;
	mutex_unlock(&ktty->lock);
	inject("\003");
	KTEST_EXPECT_EQ(t, proc_wait(&r), 0);
	KTEST_EXPECT_EQ(t, br.child_read, -ERESTARTSYS);
	KTEST_EXPECT_TRUE(t, r.pending & sigbit(SIGINT));
	fput(r.file);
}

static void test_flip_buffer_feeds_ldisc_while_open(struct ktest *t)
{
	struct file *f;
	char c[4];

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	/* Nobody holds it open: the bytes wait for the kernel's reader. */
	KTEST_EXPECT_EQ(t, tty_insert_flip_string(&kport, (const u8 *)"q", 1),
			1);
	tty_flip_buffer_push(&kport);
	flush_work(&kport.work);
	KTEST_EXPECT_EQ(t, tty_port_console_poll(&kport), 'q');
	KTEST_EXPECT_EQ(t, tty_port_console_poll(&kport), -EAGAIN);
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	tty_insert_flip_string(&kport, (const u8 *)"ls\r", 3);
	tty_flip_buffer_push(&kport);
	flush_work(&kport.work);
	/* Open: N_TTY has them, and the kernel's reader gets nothing. */
	KTEST_EXPECT_EQ(t, tty_port_console_poll(&kport), -EAGAIN);
	KTEST_EXPECT_EQ(t, read_str(f, c, sizeof(c)), 3);
	KTEST_EXPECT_STREQ(t, c, "ls\n");
	fput(f);
	KTEST_EXPECT_EQ(t, ktty->count, 0);
}

static void test_output_processing(struct ktest *t)
{
	struct file *f;
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(t, get_tty());
	f = open_tty(O_NOCTTY);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "a\nb\r", 4, &pos), 4);
	KTEST_EXPECT_STREQ(t, cap, "a\r\nb\r");
	cap_len = 0;
	mutex_lock(&ktty->lock);
	ktty->termios.c_oflag = 0;		/* no OPOST: as it is */
	mutex_unlock(&ktty->lock);
	KTEST_EXPECT_EQ(t, kernel_write(f, "c\n", 2, &pos), 2);
	KTEST_EXPECT_EQ(t, cap_len, 2);
	KTEST_EXPECT_EQ(t, memcmp(cap, "c\n", 2), 0);
	fput(f);
}

/* /dev/console is ttyS0's tty, and never becomes a controlling tty. */
struct console_results {
	long same_tty, console_session, ttys0_session, dev_tty;
	char name[16];
};
static struct console_results cr;

static int leader_opens_console(struct proc *p)
{
	struct file *c = filp_open("/dev/console", O_RDWR, 0);
	struct file *s, *t;
	struct tty_struct *tty;

	if (IS_ERR(c))
		return 1;
	tty = c->private_data;
	strscpy(cr.name, tty->name, sizeof(cr.name));
	cr.console_session = READ_ONCE(tty->session);
	s = filp_open("/dev/ttyS0", O_RDWR, 0);
	if (!IS_ERR(s)) {
		cr.same_tty = s->private_data == tty;
		/* ttyS0 without O_NOCTTY: the leader's controlling tty. */
		cr.ttys0_session = READ_ONCE(tty->session);
		t = filp_open("/dev/tty", O_RDWR, 0);
		cr.dev_tty = !IS_ERR(t) && t->private_data == tty;
		if (!IS_ERR(t))
			fput(t);
		fput(s);
	}
	fput(c);
	/* The last close gave the session up. */
	return READ_ONCE(tty->session) ? 2 : 0;
}

static void test_console_is_ttyS0_never_a_ctty(struct ktest *t)
{
	struct proc leader = { .fn = leader_opens_console };

	memset(&cr, 0, sizeof(cr));
	KTEST_ASSERT_GT(t, proc_start(&leader), 0);
	KTEST_EXPECT_EQ(t, proc_wait(&leader), 0);
	KTEST_EXPECT_STREQ(t, cr.name, "ttyS0");
	KTEST_EXPECT_EQ(t, cr.console_session, 0);
	KTEST_EXPECT_EQ(t, cr.same_tty, 1);
	KTEST_EXPECT_EQ(t, cr.ttys0_session, leader.pid);
	KTEST_EXPECT_EQ(t, cr.dev_tty, 1);
}

static const struct ktest_case n_tty_cases[] = {
	KTEST_CASE(test_canonical_lines),
	KTEST_CASE(test_erase_kill_werase),
	KTEST_CASE(test_eof),
	KTEST_CASE(test_input_flags),
	KTEST_CASE(test_noncanonical_vmin1),
	KTEST_CASE(test_noncanonical_vtime_times_out),
	KTEST_CASE(test_icanon_switch_makes_line_readable),
	KTEST_CASE(test_isig_signals_foreground_and_flushes),
	KTEST_CASE(test_job_control_ioctls),
	KTEST_CASE(test_background_read),
	KTEST_CASE(test_signal_interrupts_read),
	KTEST_CASE(test_flip_buffer_feeds_ldisc_while_open),
	KTEST_CASE(test_output_processing),
	KTEST_CASE(test_console_is_ttyS0_never_a_ctty),
	{}
};
KTEST_SUITE(n_tty, n_tty_cases);
