/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the pipe and poll ktests share: a kernel thread that does one
 * job on pipe files and reports it through a completion, so that a test
 * can wait for it with a generous timeout instead of hanging when a
 * wake-up is lost.
 */
#ifndef _FS_TESTS_PIPE_TEST_H
#define _FS_TESTS_PIPE_TEST_H

#include <irqlab/completion.h>
#include <irqlab/kthread.h>
#include <irqlab/pipe_fs_i.h>
#include <irqlab/timer.h>
#include "fs_test.h"

/* Whatever a loaded host takes: a lost wake-up, not slowness, fails. */
#define PT_WAIT_MS	20000

struct pt_worker {
	struct task_struct *task;
	struct completion done;
	long (*job)(struct pt_worker *w);
	struct file *file;		/* the worker's own reference */
	void *buf;
	size_t len;
	int count;			/* writes, for pt_job_write_n */
	unsigned int delay_ms;		/* before the job */
	long result;
};

static inline int pt_worker_fn(void *data)
{
	struct pt_worker *w = data;

	if (w->delay_ms)
		msleep(w->delay_ms);
	w->result = w->job(w);
	fput(w->file);
	w->file = NULL;
	complete_all(&w->done);	/* every wait sees it, however many */
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/* Starts job on its own reference to file: false if it could not. */
static inline bool pt_worker_start(struct pt_worker *w, struct file *file,
				   long (*job)(struct pt_worker *w))
{
	init_completion(&w->done);
	w->job = job;
	w->file = get_file(file);
	w->task = kthread_run(pt_worker_fn, w, "pipe-ktest");
	if (!w->task) {
		fput(file);
		return false;
	}
	get_task_struct(w->task);
	return true;
}

/* Whether the job finished within PT_WAIT_MS. */
static inline bool pt_worker_wait(struct pt_worker *w)
{
	return wait_for_completion_timeout(&w->done,
					   msecs_to_jiffies(PT_WAIT_MS)) != 0;
}

/* Waits for the job (it must be unstuck by now) and reaps the thread. */
static inline void pt_worker_stop(struct pt_worker *w)
{
	wait_for_completion(&w->done);
	kthread_stop(w->task);
	put_task_struct(w->task);
}

static inline long pt_job_read(struct pt_worker *w)
{
	loff_t pos = 0;

	return kernel_read(w->file, w->buf, w->len, &pos);
}

static inline long pt_job_write(struct pt_worker *w)
{
	loff_t pos = 0;

	return kernel_write(w->file, w->buf, w->len, &pos);
}

/* count writes of len bytes each: the bytes written, or the error. */
static inline long pt_job_write_n(struct pt_worker *w)
{
	long total = 0;
	int i;

	for (i = 0; i < w->count; i++) {
		loff_t pos = 0;
		long n = kernel_write(w->file, w->buf, w->len, &pos);

		if (n < 0)
			return n;
		total += n;
	}
	return total;
}

static inline long pt_read(struct file *f, void *buf, size_t len)
{
	loff_t pos = 0;

	return kernel_read(f, buf, len, &pos);
}

static inline long pt_write(struct file *f, const void *buf, size_t len)
{
	loff_t pos = 0;

	return kernel_write(f, buf, len, &pos);
}

/* Bytes queued in the pipe of file (what FIONREAD reports). */
static inline unsigned int pt_queued(struct file *f)
{
	struct pipe_inode_info *pipe = get_pipe_info(f);
	unsigned int i, n = 0;

	mutex_lock(&pipe->mutex);
	for (i = pipe->tail; i != pipe->head; i++)
		n += pipe->bufs[i & (pipe->ring_size - 1)].len;
	mutex_unlock(&pipe->mutex);
	return n;
}

#define SIGMASK(sig)	(1ULL << ((sig) - 1))

/* A signal pending on the test's own thread, which send_sig() skips. */
static inline void pt_set_pending(int sig)
{
	__atomic_or_fetch(&current->signal.pending, SIGMASK(sig),
			  __ATOMIC_SEQ_CST);
}

static inline void pt_clear_pending(int sig)
{
	__atomic_and_fetch(&current->signal.pending, ~SIGMASK(sig),
			   __ATOMIC_SEQ_CST);
}

#endif /* _FS_TESTS_PIPE_TEST_H */
