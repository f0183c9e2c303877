// SPDX-License-Identifier: GPL-2.0
/*
 * poll and select on kernel arrays (do_sys_poll_kernel, do_select): a
 * pipe's POLLIN, POLLOUT, POLLHUP and POLLERR, POLLNVAL for a bad fd,
 * EINVAL above RLIMIT_NOFILE, a zero timeout that does not wait, one
 * that expires (no sooner than asked), a sleep on many files' queues at
 * once woken by a write to one of them, -ERESTARTNOHAND for a pending
 * signal, and select's EBADF.
 */
#include <irqlab/ktest.h>
#include <irqlab/poll.h>
#include <irqlab/signal.h>
#include <irqlab/slab.h>
#include <irqlab/syscalls.h>
#include <irqlab/timekeeping.h>
#include "pipe_test.h"

static struct timespec64 *timeout_ms(struct timespec64 *ts, long ms)
{
	poll_select_set_timeout(ts, ms / 1000, (ms % 1000) * 1000000L);
	return ts;
}

/* poll with a timeout in ms (negative: forever), as poll(2) takes it. */
static int kpoll(struct pollfd *fds, unsigned int n, long ms)
{
	struct timespec64 ts;

	return do_sys_poll_kernel(fds, n, ms < 0 ? NULL : timeout_ms(&ts, ms));
}

static void test_poll_on_a_pipe(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	static char page[4096];
	struct pollfd fds[2];
	struct file *r, *w;
	int fd[2], i;

	KTEST_ASSERT_EQ(t, do_pipe_flags(fd, O_NONBLOCK), 0);
	r = fget(fd[0]);
	w = fget(fd[1]);
	KTEST_ASSERT_TRUE(t, r && w);
	fds[0] = (struct pollfd){ .fd = fd[0], .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = fd[1], .events = POLLOUT };
	/* Empty: only the write end is ready. */
	KTEST_EXPECT_EQ(t, kpoll(fds, 2, 0), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, 0);
	KTEST_EXPECT_EQ(t, fds[1].revents, POLLOUT);
	KTEST_EXPECT_EQ(t, pt_write(w, "x", 1), 1);
	KTEST_EXPECT_EQ(t, kpoll(fds, 2, 0), 2);
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLIN);
	/* Asked for the NORM bits too, they come as well. */
	fds[0].events = POLLIN | POLLRDNORM;
	KTEST_EXPECT_EQ(t, kpoll(fds, 1, 0), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLIN | POLLRDNORM);
	/* Full: no POLLOUT; one page read: POLLOUT again. */
	for (i = 0; i < PIPE_DEF_BUFFERS; i++)
		pt_write(w, page, sizeof(page));
	KTEST_EXPECT_EQ(t, pt_write(w, "y", 1), -EAGAIN);
	KTEST_EXPECT_EQ(t, kpoll(&fds[1], 1, 0), 0);
	KTEST_EXPECT_EQ(t, fds[1].revents, 0);
	KTEST_EXPECT_EQ(t, pt_read(r, page, 1), 1);
	KTEST_EXPECT_EQ(t, pt_read(r, page, sizeof(page)), sizeof(page));
	KTEST_EXPECT_EQ(t, kpoll(&fds[1], 1, 0), 1);
	KTEST_EXPECT_EQ(t, fds[1].revents, POLLOUT);
	/* Writer gone: POLLHUP, asked for or not, data or not. */
	fput(w);
	KTEST_ASSERT_EQ(t, close_fd(fd[1]), 0);
	fds[0].events = POLLIN;
	KTEST_EXPECT_EQ(t, kpoll(fds, 1, 0), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLIN | POLLHUP);
	while (pt_read(r, page, sizeof(page)) > 0)
		;
	KTEST_EXPECT_EQ(t, kpoll(fds, 1, 0), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLHUP);
	fput(r);
	fst_files_end(saved);
}

static void test_pollerr_without_reader(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct pollfd pfd;
	int fd[2];

	KTEST_ASSERT_EQ(t, do_pipe_flags(fd, 0), 0);
	KTEST_ASSERT_EQ(t, close_fd(fd[0]), 0);
	pfd = (struct pollfd){ .fd = fd[1], .events = 0 };
	KTEST_EXPECT_EQ(t, kpoll(&pfd, 1, 0), 1);
	KTEST_EXPECT_EQ(t, pfd.revents, POLLERR);
	pfd.events = POLLOUT;
	KTEST_EXPECT_EQ(t, kpoll(&pfd, 1, 0), 1);
	KTEST_EXPECT_EQ(t, pfd.revents, POLLOUT | POLLERR);
	fst_files_end(saved);
}

static void test_poll_bad_fds(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct pollfd fds[3];
	struct pollfd *many;
	int fd[2];

	KTEST_ASSERT_EQ(t, do_pipe_flags(fd, 0), 0);
	fds[0] = (struct pollfd){ .fd = 77, .events = POLLIN, .revents = 9 };
	fds[1] = (struct pollfd){ .fd = -1, .events = POLLIN, .revents = 9 };
	fds[2] = (struct pollfd){ .fd = fd[1], .events = POLLIN };
	/* Not open: POLLNVAL and counted; negative: ignored, revents 0. */
	KTEST_EXPECT_EQ(t, kpoll(fds, 3, 0), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLNVAL);
	KTEST_EXPECT_EQ(t, fds[1].revents, 0);
	KTEST_EXPECT_EQ(t, fds[2].revents, 0);
	many = kcalloc(1025, sizeof(*many), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, many);
	memset(many, 0xff, 1025 * sizeof(*many));	/* fd -1 each */
	KTEST_EXPECT_EQ(t, kpoll(many, 1025, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, kpoll(many, 1024, 0), 0);
	kfree(many);
	/* A regular file has no ->poll: always ready both ways. */
	fst_write("/ktest-poll-f", "z", 1);
	fds[0].fd = do_sys_open(AT_FDCWD, "/ktest-poll-f", O_RDWR, 0);
	KTEST_ASSERT_GE(t, fds[0].fd, 0);
	fds[0].events = POLLIN | POLLOUT | POLLPRI;
	KTEST_EXPECT_EQ(t, kpoll(fds, 1, -1), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLIN | POLLOUT);
	do_unlinkat(AT_FDCWD, "/ktest-poll-f");
	fst_files_end(saved);
}

static void test_poll_timeouts(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct pollfd pfd;
	u64 t0, elapsed;
	int fd[2];

	KTEST_ASSERT_EQ(t, do_pipe_flags(fd, 0), 0);
	pfd = (struct pollfd){ .fd = fd[0], .events = POLLIN };
	/* Zero: an answer, no wait (no wake-up would ever come). */
	KTEST_EXPECT_EQ(t, kpoll(&pfd, 1, 0), 0);
	/* A timeout that expires: 0, and not before its time. */
	t0 = ktime_get_ns();
	KTEST_EXPECT_EQ(t, kpoll(&pfd, 1, 30), 0);
	elapsed = ktime_get_ns() - t0;
	KTEST_EXPECT_GE(t, elapsed, 30 * 1000000ULL);
	KTEST_EXPECT_EQ(t, pfd.revents, 0);
	/* No fds at all: poll is a sleep. */
	t0 = ktime_get_ns();
	KTEST_EXPECT_EQ(t, kpoll(NULL, 0, 20), 0);
	KTEST_EXPECT_GE(t, ktime_get_ns() - t0, 20 * 1000000ULL);
	fst_files_end(saved);
}

#define NPIPES	20	/* 40 queue entries: past the inline ones */

static void test_poll_sleeps_on_every_queue(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct pollfd fds[NPIPES];
	struct pt_worker wk = { .len = 3, .delay_ms = 30 };
	int fd[NPIPES][2], i, n;
	struct file *w;
	u64 t0;

	for (i = 0; i < NPIPES; i++) {
		KTEST_ASSERT_EQ(t, do_pipe_flags(fd[i], 0), 0);
		fds[i] = (struct pollfd){ .fd = fd[i][0], .events = POLLIN };
	}
	/* The last pipe's writer writes once we sleep. */
	w = fget(fd[NPIPES - 1][1]);
	KTEST_ASSERT_NOT_NULL(t, w);
	wk.buf = (void *)"abc";
	KTEST_ASSERT_TRUE(t, pt_worker_start(&wk, w, pt_job_write));
	fput(w);
	t0 = ktime_get_ns();
	n = kpoll(fds, NPIPES, PT_WAIT_MS);
	/*
	 * Woken by the write, not found by the last look after the
	 * timeout: that would take all of PT_WAIT_MS.
	 */
	KTEST_EXPECT_LT(t, ktime_get_ns() - t0, PT_WAIT_MS * 1000000ULL);
	KTEST_EXPECT_EQ(t, n, 1);
	for (i = 0; i < NPIPES - 1; i++)
		KTEST_EXPECT_EQ(t, fds[i].revents, 0);
	KTEST_EXPECT_EQ(t, fds[NPIPES - 1].revents, POLLIN);
	pt_worker_stop(&wk);
	KTEST_EXPECT_EQ(t, wk.result, 3);
	fst_files_end(saved);
}

static void test_poll_interrupted(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct pollfd pfd;
	int fd[2];

	KTEST_ASSERT_EQ(t, do_pipe_flags(fd, 0), 0);
	pfd = (struct pollfd){ .fd = fd[0], .events = POLLIN };
	pt_set_pending(SIGUSR1);
	KTEST_EXPECT_EQ(t, kpoll(&pfd, 1, -1), -ERESTARTNOHAND);
	/* Something ready: the answer, not the interruption. */
	pfd.fd = fd[1];
	pfd.events = POLLOUT;
	KTEST_EXPECT_EQ(t, kpoll(&pfd, 1, -1), 1);
	pt_clear_pending(SIGUSR1);
	fst_files_end(saved);
}

/* select's six sets, one word each (fds below 64). */
struct ksel {
	unsigned long in, out, ex, rin, rout, rex;
	fd_set_bits b;
};

static fd_set_bits *ksel_init(struct ksel *s, unsigned long in,
			      unsigned long out)
{
	memset(s, 0, sizeof(*s));
	s->in = in;
	s->out = out;
	s->b = (fd_set_bits){ &s->in, &s->out, &s->ex,
			      &s->rin, &s->rout, &s->rex };
	return &s->b;
}

static void test_select(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct timespec64 ts;
	struct ksel s;
	struct file *w;
	u64 t0;
	int fd[2];

	KTEST_ASSERT_EQ(t, do_pipe_flags(fd, 0), 0);
	KTEST_ASSERT_EQ(t, fd[0], 0);
	KTEST_ASSERT_EQ(t, fd[1], 1);
	/* A set bit for a closed fd: EBADF, whatever else is ready. */
	KTEST_EXPECT_EQ(t, do_select(8, ksel_init(&s, 1UL << 5, 1UL << 1),
				     timeout_ms(&ts, 0)), -EBADF);
	/* ...but only below n. */
	KTEST_EXPECT_EQ(t, do_select(2, ksel_init(&s, 1UL << 5, 1UL << 1),
				     timeout_ms(&ts, 0)), 1);
	KTEST_EXPECT_EQ(t, s.rout, 1UL << 1);
	KTEST_EXPECT_EQ(t, s.rin, 0);
	/* Nothing to read: times out, not early. */
	t0 = ktime_get_ns();
	KTEST_EXPECT_EQ(t, do_select(2, ksel_init(&s, 1UL << 0, 0),
				     timeout_ms(&ts, 25)), 0);
	KTEST_EXPECT_GE(t, ktime_get_ns() - t0, 25 * 1000000ULL);
	KTEST_EXPECT_EQ(t, s.rin, 0);
	w = fget(fd[1]);
	KTEST_ASSERT_NOT_NULL(t, w);
	KTEST_EXPECT_EQ(t, pt_write(w, "x", 1), 1);
	fput(w);
	/* Readable and writable count once each. */
	KTEST_EXPECT_EQ(t, do_select(2, ksel_init(&s, 3, 3), NULL), 2);
	KTEST_EXPECT_EQ(t, s.rin, 1UL << 0);
	KTEST_EXPECT_EQ(t, s.rout, 1UL << 1);
	/* A hung-up pipe is readable (end of file). */
	KTEST_ASSERT_EQ(t, close_fd(fd[1]), 0);
	KTEST_EXPECT_EQ(t, do_select(1, ksel_init(&s, 1, 0), NULL), 1);
	KTEST_EXPECT_EQ(t, s.rin, 1UL);
	fst_files_end(saved);
}

static void test_poll_select_set_timeout(struct ktest *t)
{
	struct timespec64 ts;

	KTEST_EXPECT_EQ(t, poll_select_set_timeout(&ts, -1, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, poll_select_set_timeout(&ts, 0, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, poll_select_set_timeout(&ts, 0, 1000000000L),
			-EINVAL);
	KTEST_EXPECT_EQ(t, poll_select_set_timeout(&ts, 0, 0), 0);
	KTEST_EXPECT_EQ(t, ts.tv_sec, 0);
	KTEST_EXPECT_EQ(t, ts.tv_nsec, 0);
	KTEST_EXPECT_EQ(t, poll_select_set_timeout(&ts, 1, 0), 0);
	KTEST_EXPECT_GT(t, ts.tv_sec * 1000000000ULL + ts.tv_nsec,
			ktime_get_ns());
	/* Far away: forever, not a wrap into the past. */
	KTEST_EXPECT_EQ(t, poll_select_set_timeout(&ts, LLONG_MAX / 2, 0), 0);
	KTEST_EXPECT_GT(t, ts.tv_sec, 1000000000LL);
}

long __x64_sys_poll(const struct pt_regs *regs);
long __x64_sys_ppoll(const struct pt_regs *regs);
long __x64_sys_select(const struct pt_regs *regs);
long __x64_sys_pselect6(const struct pt_regs *regs);

#define USER_ADDR	0x1000UL	/* user half, unmapped */

static long sys5(long (*fn)(const struct pt_regs *), unsigned long a,
		 unsigned long b, unsigned long c, unsigned long d,
		 unsigned long e)
{
	struct pt_regs regs = { .di = a, .si = b, .dx = c, .r10 = d, .r8 = e };

	return fn(&regs);
}

static void test_syscall_errors(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();

	KTEST_EXPECT_EQ(t, sys5(__x64_sys_poll, 0, 1025, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sys5(__x64_sys_poll, USER_ADDR, 1, 0, 0, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys5(__x64_sys_poll, 0, 0, 0, 0, 0), 0);
	/* ppoll: the timespec first, then the mask's size, then it. */
	KTEST_EXPECT_EQ(t, sys5(__x64_sys_ppoll, 0, 0, USER_ADDR, 0, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys5(__x64_sys_ppoll, 0, 0, 0, USER_ADDR, 7),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys5(__x64_sys_ppoll, 0, 0, 0, USER_ADDR, 8),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys5(__x64_sys_select, -1, 0, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sys5(__x64_sys_select, 1, 0, 0, 0, USER_ADDR),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys5(__x64_sys_select, 1, USER_ADDR, 0, 0, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys5(__x64_sys_pselect6, 1, 0, 0, 0, USER_ADDR),
			-EFAULT);
	fst_files_end(saved);
}

static const struct ktest_case poll_cases[] = {
	KTEST_CASE(test_poll_on_a_pipe),
	KTEST_CASE(test_pollerr_without_reader),
	KTEST_CASE(test_poll_bad_fds),
	KTEST_CASE(test_poll_timeouts),
	KTEST_CASE(test_poll_sleeps_on_every_queue),
	KTEST_CASE(test_poll_interrupted),
	KTEST_CASE(test_select),
	KTEST_CASE(test_poll_select_set_timeout),
	KTEST_CASE(test_syscall_errors),
	{}
};
KTEST_SUITE(poll, poll_cases);
