// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes as man 7 pipe says Linux's behave: end of file once the last
 * writer is gone, EPIPE and SIGPIPE once the last reader is, a blocked
 * read woken by another thread's write, PIPE_BUF-sized writes never
 * interleaved, a long write split as the reader drains, O_NONBLOCK's
 * EAGAIN, a pending signal's -ERESTARTSYS, and the descriptor side:
 * pipe2's flags, fstat's S_IFIFO, F_GETPIPE_SZ, ESPIPE.
 */
#include <irqlab/ktest.h>
#include <irqlab/signal.h>
#include <irqlab/slab.h>
#include <irqlab/syscalls.h>
#include "pipe_test.h"

#define PIPE_SIZE	(PIPE_DEF_BUFFERS * 4096)

static void test_eof_after_last_writer(struct ktest *t)
{
	struct file *p[2], *w2;
	char buf[8] = "";

	KTEST_ASSERT_EQ(t, create_pipe_files(p, O_NONBLOCK), 0);
	w2 = get_file(p[1]);	/* a second writer, as after fork */
	KTEST_EXPECT_EQ(t, pt_write(p[1], "abc", 3), 3);
	fput(p[1]);
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(t, buf, "abc");
	/* A writer is left: empty is "try again", not the end. */
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, sizeof(buf)), -EAGAIN);
	KTEST_EXPECT_EQ(t, pt_write(w2, "de", 2), 2);
	fput(w2);
	/* What was written before the last close is still read... */
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, sizeof(buf)), 2);
	/* ...and then end of file, every time. */
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, sizeof(buf)), 0);
	fput(p[0]);
}

static void test_epipe_and_sigpipe(struct ktest *t)
{
	unsigned int flags = current->flags;
	struct file *p[2];
	u64 pending;
	long n;

	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	KTEST_EXPECT_EQ(t, pt_write(p[1], "x", 1), 1);
	fput(p[0]);
	/*
	 * send_sig() skips kernel threads; for the length of the write the
	 * test's thread passes for a process's, so SIGPIPE is queued.
	 */
	pt_clear_pending(SIGPIPE);
	current->flags &= ~PF_KTHREAD;
	n = pt_write(p[1], "y", 1);
	pending = READ_ONCE(current->signal.pending);
	current->flags = flags;
	pt_clear_pending(SIGPIPE);
	KTEST_EXPECT_EQ(t, n, -EPIPE);
	KTEST_EXPECT_TRUE(t, pending & SIGMASK(SIGPIPE));
	fput(p[1]);
}

static void test_blocking_read_woken_by_write(struct ktest *t)
{
	struct pt_worker w = { .len = 16 };
	char buf[16] = "";
	struct file *p[2];

	w.buf = buf;
	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	KTEST_ASSERT_TRUE(t, pt_worker_start(&w, p[0], pt_job_read));
	msleep(50);
	/* Empty with a writer: the read must still be asleep. */
	KTEST_EXPECT_FALSE(t, completion_done(&w.done));
	KTEST_EXPECT_EQ(t, pt_write(p[1], "hello", 5), 5);
	KTEST_EXPECT_TRUE(t, pt_worker_wait(&w));
	fput(p[1]);	/* unsticks it if the wake-up was lost */
	pt_worker_stop(&w);
	KTEST_EXPECT_EQ(t, w.result, 5);
	KTEST_EXPECT_STREQ(t, buf, "hello");
	fput(p[0]);
}

static void test_read_woken_by_last_close(struct ktest *t)
{
	struct pt_worker w = { .len = 16 };
	char buf[16];
	struct file *p[2];

	w.buf = buf;
	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	KTEST_ASSERT_TRUE(t, pt_worker_start(&w, p[0], pt_job_read));
	msleep(20);
	fput(p[1]);
	KTEST_EXPECT_TRUE(t, pt_worker_wait(&w));
	pt_worker_stop(&w);
	KTEST_EXPECT_EQ(t, w.result, 0);
	fput(p[0]);
}

/*
 * Two threads write records of size bytes, one all 'A', one all 'B',
 * into one pipe at once; the reader takes odd-sized pieces as they come
 * and every record it sees must be one letter throughout.
 */
static void check_records_whole(struct ktest *t, size_t size, int records)
{
	struct pt_worker wa = { .len = size, .count = records };
	struct pt_worker wb = { .len = size, .count = records };
	size_t total = 2 * size * records, got = 0;
	char *a = kmalloc(size, GFP_KERNEL), *b = kmalloc(size, GFP_KERNEL);
	char *all = kmalloc(total + 1, GFP_KERNEL);
	struct file *p[2];
	int i, bad = -1, na = 0, nb = 0, idle = 0;

	KTEST_ASSERT_TRUE(t, a && b && all);
	memset(a, 'A', size);
	memset(b, 'B', size);
	wa.buf = a;
	wb.buf = b;
	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	/* Only the reader polls: the writers block on a full pipe. */
	p[0]->f_flags |= O_NONBLOCK;
	KTEST_ASSERT_TRUE(t, pt_worker_start(&wa, p[1], pt_job_write_n));
	KTEST_ASSERT_TRUE(t, pt_worker_start(&wb, p[1], pt_job_write_n));
	fput(p[1]);	/* the writers' own references are the last */
	while (got < total + 1 && idle < PT_WAIT_MS) {
		long n = pt_read(p[0], all + got,
				 min(total + 1 - got, (size_t)1237));

		if (n == -EAGAIN) {
			msleep(1);
			idle++;
			continue;
		}
		if (n <= 0)
			break;	/* 0: both writers are done */
		got += n;
	}
	pt_worker_stop(&wa);
	pt_worker_stop(&wb);
	fput(p[0]);
	KTEST_EXPECT_EQ(t, wa.result, records * size);
	KTEST_EXPECT_EQ(t, wb.result, records * size);
	KTEST_ASSERT_EQ(t, got, total);
	for (i = 0; i < 2 * records; i++) {
		char *r = all + i * size;
		size_t j;

		for (j = 1; j < size; j++)
			if (r[j] != r[0])
				break;
		if (j < size && bad < 0)
			bad = i;
		na += r[0] == 'A';
		nb += r[0] == 'B';
	}
	KTEST_EXPECT_EQ(t, bad, -1);
	KTEST_EXPECT_EQ(t, na, records);
	KTEST_EXPECT_EQ(t, nb, records);
	kfree(a);
	kfree(b);
	kfree(all);
}

static void test_pipe_buf_writes_are_atomic(struct ktest *t)
{
	check_records_whole(t, PIPE_BUF, 24);
}

/* Shorter records join the last buffer only when they fit whole. */
static void test_short_writes_are_atomic(struct ktest *t)
{
	check_records_whole(t, 1000, 48);
}

static void test_large_write_split_as_reader_drains(struct ktest *t)
{
	const size_t len = 3 * PIPE_SIZE + 1234;
	struct pt_worker w = { .len = len };
	char *src = kmalloc(len, GFP_KERNEL), *dst = kmalloc(len, GFP_KERNEL);
	struct file *p[2];
	size_t i, got = 0;
	int i_wait;

	KTEST_ASSERT_TRUE(t, src && dst);
	for (i = 0; i < len; i++)
		src[i] = (char)(i % 251);
	w.buf = src;
	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	KTEST_ASSERT_TRUE(t, pt_worker_start(&w, p[1], pt_job_write));
	/* It fills the pipe and sleeps: full, and not done. */
	for (i_wait = 0; i_wait < PT_WAIT_MS / 10 &&
	     pt_queued(p[0]) < PIPE_SIZE; i_wait++)
		msleep(10);
	KTEST_EXPECT_EQ(t, pt_queued(p[0]), PIPE_SIZE);
	msleep(20);
	KTEST_EXPECT_FALSE(t, completion_done(&w.done));
	KTEST_EXPECT_EQ(t, pt_queued(p[0]), PIPE_SIZE);
	while (got < len) {
		long n = pt_read(p[0], dst + got, min(len - got, (size_t)5000));

		if (n <= 0)
			break;
		got += n;
	}
	KTEST_EXPECT_EQ(t, got, len);
	KTEST_EXPECT_TRUE(t, pt_worker_wait(&w));
	fput(p[0]);
	pt_worker_stop(&w);
	KTEST_EXPECT_EQ(t, w.result, len);
	KTEST_EXPECT_EQ(t, memcmp(src, dst, len), 0);
	fput(p[1]);
	kfree(src);
	kfree(dst);
}

static void test_nonblock_eagain(struct ktest *t)
{
	char *buf = kzalloc(PIPE_SIZE + 8192, GFP_KERNEL);
	struct file *p[2];

	KTEST_ASSERT_NOT_NULL(t, buf);
	KTEST_ASSERT_EQ(t, create_pipe_files(p, O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, 1), -EAGAIN);
	/* A long write takes what fits: a partial count. */
	KTEST_EXPECT_EQ(t, pt_write(p[1], buf, PIPE_SIZE + 8192), PIPE_SIZE);
	KTEST_EXPECT_EQ(t, pt_write(p[1], buf, 1), -EAGAIN);
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, 100), 100);
	/* The first buffer is not free yet: still no room. */
	KTEST_EXPECT_EQ(t, pt_write(p[1], buf, 1), -EAGAIN);
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, 3996), 3996);
	KTEST_EXPECT_EQ(t, pt_write(p[1], buf, 4000), 4000);
	/* 96 bytes left in that buffer, every slot used: 100 is refused
	 * whole rather than split (PIPE_BUF), 96 fits. */
	KTEST_EXPECT_EQ(t, pt_write(p[1], buf, 100), -EAGAIN);
	KTEST_EXPECT_EQ(t, pt_write(p[1], buf, 96), 96);
	KTEST_EXPECT_EQ(t, pt_queued(p[0]), PIPE_SIZE);
	fput(p[0]);
	fput(p[1]);
	kfree(buf);
}

static void test_pending_signal_interrupts(struct ktest *t)
{
	char *buf = kzalloc(PIPE_SIZE, GFP_KERNEL);
	struct file *p[2];

	KTEST_ASSERT_NOT_NULL(t, buf);
	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	pt_set_pending(SIGUSR1);
	/* Would sleep: interrupted with nothing done. */
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, 1), -ERESTARTSYS);
	/* Room there: no sleep, no interruption. */
	KTEST_EXPECT_EQ(t, pt_write(p[1], buf, PIPE_SIZE - 4096),
			PIPE_SIZE - 4096);
	/* Some went in before it would sleep: the partial count. */
	KTEST_EXPECT_EQ(t, pt_write(p[1], buf, 8192), 4096);
	KTEST_EXPECT_EQ(t, pt_write(p[1], buf, 1), -ERESTARTSYS);
	KTEST_EXPECT_EQ(t, pt_read(p[0], buf, PIPE_SIZE), PIPE_SIZE);
	pt_clear_pending(SIGUSR1);
	fput(p[0]);
	fput(p[1]);
	kfree(buf);
}

static void test_pipe2_fds_and_flags(struct ktest *t)
{
	static char big[8192];
	struct files_struct *saved = fst_files_begin();
	struct kstat st, st2;
	struct file *f;
	int fd[2];
	char c;

	KTEST_EXPECT_EQ(t, do_pipe_flags(fd, O_DIRECT), -EINVAL);
	KTEST_EXPECT_EQ(t, do_pipe_flags(fd, O_APPEND), -EINVAL);
	KTEST_EXPECT_NULL(t, fget(0));
	KTEST_ASSERT_EQ(t, do_pipe_flags(fd, 0), 0);
	KTEST_EXPECT_EQ(t, fd[0], 0);
	KTEST_EXPECT_EQ(t, fd[1], 1);
	KTEST_EXPECT_FALSE(t, get_close_on_exec(fd[0]));
	KTEST_EXPECT_EQ(t, do_fcntl(fd[0], F_GETFL, 0), O_RDONLY);
	KTEST_EXPECT_EQ(t, do_fcntl(fd[1], F_GETFL, 0), O_WRONLY);
	KTEST_EXPECT_EQ(t, do_fcntl(fd[0], F_GETPIPE_SZ, 0), 65536);
	KTEST_EXPECT_EQ(t, do_fcntl(fd[1], F_GETPIPE_SZ, 0), 65536);
	KTEST_ASSERT_EQ(t, vfs_fstat(fd[0], &st), 0);
	KTEST_ASSERT_EQ(t, vfs_fstat(fd[1], &st2), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFIFO | 0600);
	KTEST_EXPECT_EQ(t, st.ino, st2.ino);
	KTEST_EXPECT_EQ(t, st.nlink, 1);
	f = fget(fd[0]);
	KTEST_ASSERT_NOT_NULL(t, f);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), -ESPIPE);
	/* The wrong end: EBADF, as for any file opened the other way. */
	KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, &f->f_pos), -EBADF);
	fput(f);
	/* F_SETPIPE_SZ rounds up to pages, a power of two of them. */
	KTEST_EXPECT_EQ(t, do_fcntl(fd[1], F_SETPIPE_SZ, 5000), 8192);
	KTEST_EXPECT_EQ(t, do_fcntl(fd[1], F_GETPIPE_SZ, 0), 8192);
	KTEST_EXPECT_EQ(t, do_fcntl(fd[1], F_SETPIPE_SZ, 0), 4096);
	KTEST_EXPECT_EQ(t, do_fcntl(fd[1], F_SETPIPE_SZ, 8192), 8192);
	f = fget(fd[1]);
	KTEST_ASSERT_NOT_NULL(t, f);
	KTEST_EXPECT_EQ(t, pt_write(f, big, 4097), 4097);
	fput(f);
	/* Two buffers queued do not fit in one: EBUSY, nothing lost. */
	KTEST_EXPECT_EQ(t, do_fcntl(fd[1], F_SETPIPE_SZ, 4096), -EBUSY);
	KTEST_EXPECT_EQ(t, do_fcntl(fd[1], F_GETPIPE_SZ, 0), 8192);
	f = fget(fd[0]);
	KTEST_ASSERT_NOT_NULL(t, f);
	KTEST_EXPECT_EQ(t, pt_read(f, big, 8192), 4097);
	fput(f);
	KTEST_ASSERT_EQ(t, close_fd(fd[0]), 0);
	KTEST_ASSERT_EQ(t, close_fd(fd[1]), 0);

	KTEST_ASSERT_EQ(t, do_pipe_flags(fd, O_CLOEXEC | O_NONBLOCK), 0);
	KTEST_EXPECT_TRUE(t, get_close_on_exec(fd[0]));
	KTEST_EXPECT_TRUE(t, get_close_on_exec(fd[1]));
	KTEST_EXPECT_EQ(t, do_fcntl(fd[0], F_GETFL, 0), O_RDONLY | O_NONBLOCK);
	f = fget(fd[0]);
	KTEST_ASSERT_NOT_NULL(t, f);
	KTEST_EXPECT_EQ(t, kernel_read(f, &c, 1, &f->f_pos), -EAGAIN);
	fput(f);
	/* Not a pipe: F_GETPIPE_SZ is EBADF. */
	fst_write("/ktest-pipe-f", "z", 1);
	fd[0] = do_sys_open(AT_FDCWD, "/ktest-pipe-f", O_RDONLY, 0);
	KTEST_ASSERT_GE(t, fd[0], 0);
	KTEST_EXPECT_EQ(t, do_fcntl(fd[0], F_GETPIPE_SZ, 0), -EBADF);
	do_unlinkat(AT_FDCWD, "/ktest-pipe-f");
	fst_files_end(saved);
}

long __x64_sys_pipe2(const struct pt_regs *regs);
long __x64_sys_pipe(const struct pt_regs *regs);

/* An address in the user half that nothing maps. */
#define USER_ADDR	0x1000UL

static void test_syscall_errors(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct pt_regs regs = { .di = USER_ADDR };
	int fd[2];

	/* The numbers cannot reach user space: nothing stays installed. */
	KTEST_EXPECT_EQ(t, __x64_sys_pipe(&regs), -EFAULT);
	KTEST_EXPECT_EQ(t, __x64_sys_pipe2(&regs), -EFAULT);
	regs.di = (unsigned long)fd;	/* a kernel address */
	KTEST_EXPECT_EQ(t, __x64_sys_pipe2(&regs), -EFAULT);
	KTEST_EXPECT_NULL(t, fget(0));
	KTEST_EXPECT_NULL(t, fget(1));
	regs.si = O_DIRECT;
	KTEST_EXPECT_EQ(t, __x64_sys_pipe2(&regs), -EINVAL);
	KTEST_ASSERT_EQ(t, do_pipe_flags(fd, 0), 0);
	KTEST_EXPECT_EQ(t, fd[0], 0);
	KTEST_EXPECT_EQ(t, fd[1], 1);
	fst_files_end(saved);
}

static const struct ktest_case pipe_cases[] = {
	KTEST_CASE(test_eof_after_last_writer),
	KTEST_CASE(test_epipe_and_sigpipe),
	KTEST_CASE(test_blocking_read_woken_by_write),
	KTEST_CASE(test_read_woken_by_last_close),
	KTEST_CASE(test_pipe_buf_writes_are_atomic),
	KTEST_CASE(test_short_writes_are_atomic),
	KTEST_CASE(test_large_write_split_as_reader_drains),
	KTEST_CASE(test_nonblock_eagain),
	KTEST_CASE(test_pending_signal_interrupts),
	KTEST_CASE(test_pipe2_fds_and_flags),
	KTEST_CASE(test_syscall_errors),
	{}
};
KTEST_SUITE(pipe, pipe_cases);
