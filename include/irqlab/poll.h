/* SPDX-License-Identifier: GPL-2.0 */
/*
 * poll and select, as Linux's <linux/poll.h> and <uapi/asm-generic/
 * poll.h>: a file's ->poll says which events are ready now and, through
 * poll_wait(), names the wait queues a change would be announced on.
 * The caller (fs/select.c) registers itself on all of them at once with
 * one poll_table, sleeps until any is woken or the time runs out, and
 * asks again.  Bits and layouts are Linux's x86_64 ones.
 */
#ifndef _IRQLAB_POLL_H
#define _IRQLAB_POLL_H

#include <irqlab/types.h>
#include <irqlab/time.h>
#include <irqlab/wait.h>

typedef unsigned int __poll_t;

#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200
#define POLLMSG		0x0400
#define POLLREMOVE	0x1000
#define POLLRDHUP	0x2000

#define EPOLLIN		POLLIN
#define EPOLLPRI	POLLPRI
#define EPOLLOUT	POLLOUT
#define EPOLLERR	POLLERR
#define EPOLLHUP	POLLHUP
#define EPOLLNVAL	POLLNVAL
#define EPOLLRDNORM	POLLRDNORM
#define EPOLLRDBAND	POLLRDBAND
#define EPOLLWRNORM	POLLWRNORM
#define EPOLLWRBAND	POLLWRBAND
#define EPOLLMSG	POLLMSG
#define EPOLLRDHUP	POLLRDHUP

/* What a file without ->poll is: always ready both ways (Linux's). */
#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

/* struct pollfd, as user space lays it out. */
struct pollfd {
	int fd;
	short events;
	short revents;
};

struct file;
struct poll_table_struct;

typedef void (*poll_queue_proc)(struct file *, wait_queue_head_t *,
				struct poll_table_struct *);

/*
 * _qproc is NULL once the caller is on every queue (the passes after the
 * first only ask); _key is the events it wants.
 */
typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address,
			     poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key = ~(__poll_t)0;
}

/* file's ready events (DEFAULT_POLLMASK without ->poll); fs/select.c. */
__poll_t vfs_poll(struct file *file, struct poll_table_struct *pt);

/* One registration: a wait queue entry on one file's queue. */
struct poll_table_entry {
	struct file *filp;
	__poll_t key;
	wait_queue_entry_t wait;
	wait_queue_head_t *wait_address;
};

struct poll_table_page;

#define N_INLINE_POLL_ENTRIES	16

/* What poll or select sleeps with: every entry it put on a queue. */
struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;	/* more entries, a page at a time */
	struct task_struct *polling_task;
	int triggered;			/* a queue was woken since we looked */
	int error;			/* -ENOMEM: an entry could not be had */
	int inline_index;
	struct poll_table_entry inline_entries[N_INLINE_POLL_ENTRIES];
};

void poll_initwait(struct poll_wqueues *pwq);
void poll_freewait(struct poll_wqueues *pwq);

/*
 * Timeouts are absolute CLOCK_MONOTONIC times (ktime_get_ns()), {0, 0}
 * meaning "do not wait", as Linux's end_time; NULL waits forever.
 * -EINVAL for a negative or unnormalised time.
 */
int poll_select_set_timeout(struct timespec64 *to, time64_t sec, long nsec);

/*
 * The kernel halves of poll and select, on kernel memory (the system
 * calls copy in and out around them): the ready count or -errno
 * (-ERESTARTNOHAND when a signal came first).
 */
int do_sys_poll_kernel(struct pollfd *fds, unsigned int nfds,
		       struct timespec64 *end_time);

/* select's six bitmaps: in, out, ex and their results, n bits each. */
typedef struct {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
} fd_set_bits;

int do_select(int n, fd_set_bits *fds, struct timespec64 *end_time);

#endif /* _IRQLAB_POLL_H */
