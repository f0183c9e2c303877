// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll, select and pselect6, as Linux's fs/select.c.
 *
 * One pass asks every file's ->poll; on the first pass each file puts a
 * poll_table_entry of ours on each of its wait queues (poll_wait()), so
 * that a wake-up on any of them marks us triggered and wakes us.  If
 * nothing was ready we sleep until then or the deadline, and ask again
 * without registering twice.  A signal ends the wait with
 * -ERESTARTNOHAND, which the signal code turns into EINTR (or a restart)
 * once it exists.  Deadlines are absolute CLOCK_MONOTONIC timespecs.
 *
 * ppoll's and pselect6's signal mask is checked (its size) but cannot
 * be applied: there are no blocked masks yet (no rt_sigprocmask).
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/jiffies.h>
#include <irqlab/kernel.h>
#include <irqlab/poll.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include <irqlab/timekeeping.h>
#include <asm/page.h>

#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_MSEC	1000000L
#define NSEC_PER_USEC	1000L
#define USEC_PER_SEC	1000000L
#define MSEC_PER_SEC	1000L

/* The sigset_t of the system calls: 64 signals. */
#define SIGSET_SIZE	8

__poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

/* ---- the poll table ------------------------------------------------ */

struct poll_table_page {
	struct poll_table_page *next;
	struct poll_table_entry *entry;	/* the next free one */
	struct poll_table_entry entries[];
};

#define POLL_TABLE_FULL(table) \
	((unsigned long)((table)->entry + 1) > \
	 PAGE_SIZE + (unsigned long)(table))

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address,
		       poll_table *p);

void poll_initwait(struct poll_wqueues *pwq)
{
	init_poll_funcptr(&pwq->pt, __pollwait);
	pwq->polling_task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->table = NULL;
	pwq->inline_index = 0;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wait_address, &entry->wait);
	fput(entry->filp);
}

void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *p = pwq->table;
	int i;

	for (i = 0; i < pwq->inline_index; i++)
		free_poll_entry(pwq->inline_entries + i);
	while (p) {
		struct poll_table_entry *entry = p->entry;
		struct poll_table_page *old = p;

		while (entry > p->entries) {
			entry--;
			free_poll_entry(entry);
		}
		p = p->next;
		kfree(old);
	}
}

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *p)
{
	struct poll_table_page *table = p->table;

	if (p->inline_index < N_INLINE_POLL_ENTRIES)
		return p->inline_entries + p->inline_index++;
	if (!table || POLL_TABLE_FULL(table)) {
		struct poll_table_page *new = kmalloc(PAGE_SIZE, GFP_KERNEL);

		if (!new) {
			p->error = -ENOMEM;
			return NULL;
		}
		new->entry = new->entries;
		new->next = table;
		p->table = new;
		table = new;
	}
	return table->entry++;
}

static int pollwake(wait_queue_entry_t *wait, unsigned int mode, int sync,
		    void *key)
{
	struct poll_table_entry *entry =
		container_of(wait, struct poll_table_entry, wait);
	struct poll_wqueues *pwq = entry->wait.private;

	/* Our own key filter: a wake-up that names other events is not ours. */
	if (key && !((unsigned long)key & entry->key))
		return 0;
	/* Seen before the sleeper's next check (poll_schedule_timeout). */
	smp_store_release(&pwq->triggered, 1);
	return default_wake_function(&(wait_queue_entry_t){
		.private = pwq->polling_task }, mode, sync, key);
}

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address,
		       poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry)
		return;
	entry->filp = get_file(filp);
	entry->wait_address = wait_address;
	entry->key = p->_key;
	init_wait_entry(&entry->wait, 0);
	entry->wait.func = pollwake;
	entry->wait.private = pwq;
	add_wait_queue(wait_address, &entry->wait);
}

/* ---- time ---------------------------------------------------------- */

static u64 timespec64_to_ns_sat(const struct timespec64 *ts)
{
	if ((u64)ts->tv_sec >= ULLONG_MAX / NSEC_PER_SEC - 1)
		return ULLONG_MAX;
	return (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

int poll_select_set_timeout(struct timespec64 *to, time64_t sec, long nsec)
{
	u64 now, ns;

	if (sec < 0 || nsec < 0 || nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (!sec && !nsec) {
		to->tv_sec = to->tv_nsec = 0;
		return 0;
	}
	now = ktime_get_ns();
	/* timespec64_add_safe(): a far deadline is forever, not a wrap. */
	if ((u64)sec >= (ULLONG_MAX - now) / NSEC_PER_SEC - 1) {
		to->tv_sec = LLONG_MAX;
		to->tv_nsec = 0;
		return 0;
	}
	ns = now + (u64)sec * NSEC_PER_SEC + nsec;
	to->tv_sec = ns / NSEC_PER_SEC;
	to->tv_nsec = ns % NSEC_PER_SEC;
	return 0;
}

/*
 * Sleeps until woken through the table or the deadline (ULLONG_MAX: none).
 * Returns 0 once the deadline has passed.
 */
static int poll_schedule_timeout(struct poll_wqueues *pwq, u64 expire)
{
	int rc = -EINTR;

	set_current_state(TASK_INTERRUPTIBLE);
	if (!smp_load_acquire(&pwq->triggered)) {
		if (expire == ULLONG_MAX) {
			schedule();
		} else {
			u64 now = ktime_get_ns();
			u64 left = expire > now ? expire - now : 0;
			/* Rounded up: never wake before the deadline. */
			unsigned long j = left / (NSEC_PER_SEC / HZ) + 1;

			if (!left) {
				__set_current_state(TASK_RUNNING);
				return 0;
			}
			schedule_timeout(j);
			if (ktime_get_ns() >= expire)
				rc = 0;
		}
	}
	__set_current_state(TASK_RUNNING);
	/* The next pass looks at every file again: forget this wake-up. */
	WRITE_ONCE(pwq->triggered, 0);
	return rc;
}

static u64 end_time_ns(struct timespec64 *end_time, bool *timed_out)
{
	*timed_out = false;
	if (!end_time)
		return ULLONG_MAX;
	if (!end_time->tv_sec && !end_time->tv_nsec) {
		*timed_out = true;
		return 0;
	}
	return timespec64_to_ns_sat(end_time);
}

/* ---- poll ---------------------------------------------------------- */

static __poll_t do_pollfd(struct pollfd *pollfd, poll_table *pwait)
{
	int fd = pollfd->fd;
	__poll_t mask, filter;
	struct file *f;

	if (fd < 0)
		return 0;
	f = fget(fd);
	if (!f)
		return EPOLLNVAL;
	/* POLLERR and POLLHUP are reported whether asked for or not. */
	filter = (__poll_t)(u16)pollfd->events | EPOLLERR | EPOLLHUP;
	pwait->_key = filter;
	mask = (f->f_mode & FMODE_PATH) ? EPOLLNVAL : vfs_poll(f, pwait);
	fput(f);
	return mask & (filter | EPOLLNVAL);
}

int do_sys_poll_kernel(struct pollfd *fds, unsigned int nfds,
		       struct timespec64 *end_time)
{
	struct poll_wqueues table;
	poll_table *pt;
	bool timed_out;
	u64 expire = end_time_ns(end_time, &timed_out);
	int count = 0;
	unsigned int i;

	if (nfds > RLIMIT_NOFILE_CUR)
		return -EINVAL;
	poll_initwait(&table);
	pt = &table.pt;
	if (timed_out)
		pt->_qproc = NULL;	/* no sleep, so no queues */
	for (;;) {
		for (i = 0; i < nfds; i++) {
			fds[i].revents = (short)do_pollfd(&fds[i], pt);
			if (fds[i].revents) {
				count++;
				pt->_qproc = NULL;
			}
		}
		/* Registered once: the next passes only ask. */
		pt->_qproc = NULL;
		if (!count) {
			count = table.error;
			if (signal_pending(current))
				count = -ERESTARTNOHAND;
		}
		if (count || timed_out)
			break;
		if (!poll_schedule_timeout(&table, expire))
			timed_out = true;
	}
	poll_freewait(&table);
	return count;
}

/* ppoll and pselect6 write back the time left, as Linux does. */
static void remaining_time(const struct timespec64 *end_time,
			   struct timespec64 *rts)
{
	u64 now = ktime_get_ns(), end = timespec64_to_ns_sat(end_time);
	u64 left = end > now ? end - now : 0;

	rts->tv_sec = left / NSEC_PER_SEC;
	rts->tv_nsec = left % NSEC_PER_SEC;
}

static int sys_poll_user(struct pollfd __user *ufds, unsigned int nfds,
			 struct timespec64 *end_time)
{
	struct pollfd *fds;
	unsigned int i;
	int ret;

	if (nfds > RLIMIT_NOFILE_CUR)
		return -EINVAL;
	fds = kmalloc_array(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds))) {
		kfree(fds);
		return -EFAULT;
	}
	ret = do_sys_poll_kernel(fds, nfds, end_time);
	/* Every revents goes back, whatever the result. */
	for (i = 0; i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents)) {
			ret = -EFAULT;
			break;
		}
	kfree(fds);
	return ret;
}

/* ---- select -------------------------------------------------------- */

#define FDS_BITPERLONG	(8 * sizeof(long))
#define FDS_LONGS(nr)	(((nr) + FDS_BITPERLONG - 1) / FDS_BITPERLONG)
#define FDS_BYTES(nr)	(FDS_LONGS(nr) * sizeof(long))

#define POLLIN_SET	(EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | \
			 EPOLLERR)
#define POLLOUT_SET	(EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET	(EPOLLPRI)

/* Every fd named in the sets must be open: else EBADF, as Linux's. */
static int max_select_fd(unsigned long n, fd_set_bits *fds)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		unsigned long w = i / FDS_BITPERLONG;
		unsigned long b = 1UL << (i % FDS_BITPERLONG);
		struct file *f;

		if (!((fds->in[w] | fds->out[w] | fds->ex[w]) & b))
			continue;
		f = fget(i);
		if (!f)
			return -EBADF;
		fput(f);
	}
	return n;
}

static bool fd_isset(const unsigned long *set, unsigned long i)
{
	return set[i / FDS_BITPERLONG] & (1UL << (i % FDS_BITPERLONG));
}

static void fd_set_bit(unsigned long *set, unsigned long i)
{
	set[i / FDS_BITPERLONG] |= 1UL << (i % FDS_BITPERLONG);
}

int do_select(int n, fd_set_bits *fds, struct timespec64 *end_time)
{
	struct poll_wqueues table;
	poll_table *wait;
	bool timed_out;
	u64 expire = end_time_ns(end_time, &timed_out);
	int retval, i;

	retval = max_select_fd(n, fds);
	if (retval < 0)
		return retval;
	n = retval;
	memset(fds->res_in, 0, FDS_BYTES(n));
	memset(fds->res_out, 0, FDS_BYTES(n));
	memset(fds->res_ex, 0, FDS_BYTES(n));

	poll_initwait(&table);
	wait = &table.pt;
	if (timed_out)
		wait->_qproc = NULL;
	retval = 0;
	for (;;) {
		for (i = 0; i < n; i++) {
			bool in = fd_isset(fds->in, i);
			bool out = fd_isset(fds->out, i);
			bool ex = fd_isset(fds->ex, i);
			struct file *f;
			__poll_t mask;

			if (!in && !out && !ex)
				continue;
			f = fget(i);
			if (!f)
				continue;	/* closed since: skipped */
			wait->_key = (in ? POLLIN_SET : 0) |
				     (out ? POLLOUT_SET : 0) |
				     (ex ? POLLEX_SET : 0);
			mask = vfs_poll(f, wait);
			fput(f);
			if (in && (mask & POLLIN_SET)) {
				fd_set_bit(fds->res_in, i);
				retval++;
				wait->_qproc = NULL;
			}
			if (out && (mask & POLLOUT_SET)) {
				fd_set_bit(fds->res_out, i);
				retval++;
				wait->_qproc = NULL;
			}
			if (ex && (mask & POLLEX_SET)) {
				fd_set_bit(fds->res_ex, i);
				retval++;
				wait->_qproc = NULL;
			}
		}
		wait->_qproc = NULL;
		if (retval || timed_out)
			break;
		if (table.error) {
			retval = table.error;
			break;
		}
		if (signal_pending(current)) {
			retval = -ERESTARTNOHAND;
			break;
		}
		if (!poll_schedule_timeout(&table, expire))
			timed_out = true;
	}
	poll_freewait(&table);
	return retval;
}

static int get_fd_set(unsigned long n, void __user *ufdset,
		      unsigned long *fdset)
{
	if (!ufdset) {
		memset(fdset, 0, FDS_BYTES(n));
		return 0;
	}
	return copy_from_user(fdset, ufdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

static int set_fd_set(unsigned long n, void __user *ufdset,
		      unsigned long *fdset)
{
	if (!ufdset)
		return 0;
	return copy_to_user(ufdset, fdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

/* select's core on user sets, as Linux's core_sys_select(). */
static int core_sys_select(int n, void __user *inp, void __user *outp,
			   void __user *exp, struct timespec64 *end_time)
{
	fd_set_bits fds;
	unsigned long *bits;
	size_t size;
	int ret;

	if (n < 0)
		return -EINVAL;
	/* More than the table holds is no error: the rest cannot be open. */
	if (n > RLIMIT_NOFILE_CUR)
		n = RLIMIT_NOFILE_CUR;
	size = FDS_BYTES(n);
	bits = kmalloc(6 * size + sizeof(long), GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	fds.in = bits;
	fds.out = (void *)((char *)bits + size);
	fds.ex = (void *)((char *)bits + 2 * size);
	fds.res_in = (void *)((char *)bits + 3 * size);
	fds.res_out = (void *)((char *)bits + 4 * size);
	fds.res_ex = (void *)((char *)bits + 5 * size);
	ret = get_fd_set(n, inp, fds.in);
	if (!ret)
		ret = get_fd_set(n, outp, fds.out);
	if (!ret)
		ret = get_fd_set(n, exp, fds.ex);
	if (ret)
		goto out;
	ret = do_select(n, &fds, end_time);
	if (ret < 0)
		goto out;
	if (!ret) {
		ret = -ERESTARTNOHAND;
		if (signal_pending(current))
			goto out;
		ret = 0;
	}
	if (set_fd_set(n, inp, fds.res_in) ||
	    set_fd_set(n, outp, fds.res_out) ||
	    set_fd_set(n, exp, fds.res_ex))
		ret = -EFAULT;
out:
	kfree(bits);
	return ret;
}

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

/*
 * The time left goes back to the caller's timeval or timespec, as
 * Linux's poll_select_finish(); a failed copy-out is ignored unless the
 * call was interrupted (then EINTR: it cannot be restarted correctly).
 */
static int poll_select_finish(struct timespec64 *end_time, void __user *p,
			      bool timeval, int ret)
{
	struct timespec64 rts;
	unsigned long fail;

	if (!p || !end_time)
		return ret;
	if (!end_time->tv_sec && !end_time->tv_nsec)
		return ret;
	remaining_time(end_time, &rts);
	if (timeval) {
		struct __kernel_old_timeval rtv = {
			.tv_sec = rts.tv_sec,
			.tv_usec = rts.tv_nsec / NSEC_PER_USEC,
		};

		fail = copy_to_user(p, &rtv, sizeof(rtv));
	} else {
		struct __kernel_timespec ts = {
			.tv_sec = rts.tv_sec,
			.tv_nsec = rts.tv_nsec,
		};

		fail = copy_to_user(p, &ts, sizeof(ts));
	}
	if (fail && ret == -ERESTARTNOHAND)
		ret = -EINTR;
	return ret;
}

static int kern_select(int n, void __user *inp, void __user *outp,
		       void __user *exp,
		       struct __kernel_old_timeval __user *tvp)
{
	struct timespec64 end_time, *to = NULL;
	struct __kernel_old_timeval tv;
	int ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		to = &end_time;
		if (poll_select_set_timeout(to,
				tv.tv_sec + tv.tv_usec / USEC_PER_SEC,
				(tv.tv_usec % USEC_PER_SEC) * NSEC_PER_USEC))
			return -EINVAL;
	}
	ret = core_sys_select(n, inp, outp, exp, to);
	return poll_select_finish(&end_time, tvp, true, ret);
}

SYSCALL_DEFINE5(select, int, n, void __user *, inp, void __user *, outp,
		void __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	return kern_select(n, inp, outp, exp, tvp);
}

/* The mask is only checked: nothing blocks signals yet. */
static int check_user_sigmask(const void __user *umask, size_t sigsetsize)
{
	u64 mask;

	if (!umask)
		return 0;
	if (sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	return 0;
}

static int get_timespec(struct timespec64 *to,
			const struct __kernel_timespec __user *tsp)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, tsp, sizeof(ts)))
		return -EFAULT;
	return poll_select_set_timeout(to, ts.tv_sec, ts.tv_nsec);
}

/* pselect6's sixth argument: the mask and its size, as one struct. */
struct sigset_argpack {
	const void __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, void __user *, inp, void __user *, outp,
		void __user *, exp, struct __kernel_timespec __user *, tsp,
		void __user *, sig)
{
	struct timespec64 end_time, *to = NULL;
	struct sigset_argpack x = { NULL, 0 };
	int ret;

	if (sig && copy_from_user(&x, sig, sizeof(x)))
		return -EFAULT;
	if (tsp) {
		to = &end_time;
		ret = get_timespec(to, tsp);
		if (ret)
			return ret;
	}
	ret = check_user_sigmask(x.p, x.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, to);
	return poll_select_finish(&end_time, tsp, false, ret);
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds,
		int, timeout_msecs)
{
	struct timespec64 end_time, *to = NULL;

	if (timeout_msecs >= 0) {
		to = &end_time;
		poll_select_set_timeout(to, timeout_msecs / MSEC_PER_SEC,
					NSEC_PER_MSEC *
					(timeout_msecs % MSEC_PER_SEC));
	}
	/* Linux restarts through restart_block; EINTR-or-restart here. */
	return sys_poll_user(ufds, nfds, to);
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp,
		const void __user *, sigmask, size_t, sigsetsize)
{
	struct timespec64 end_time, *to = NULL;
	int ret;

	if (tsp) {
		to = &end_time;
		ret = get_timespec(to, tsp);
		if (ret)
			return ret;
	}
	ret = check_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = sys_poll_user(ufds, nfds, to);
	return poll_select_finish(&end_time, tsp, false, ret);
}
