/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel threads, Linux's <linux/kthread.h>: created stopped, started by
 * wake_up_process() (or kthread_run), stopped by kthread_stop(), which
 * the thread notices through kthread_should_stop().  Names are printf
 * formats, cut to 15 characters like Linux's comm.  On failure the
 * creators return NULL (Linux returns an ERR_PTR).
 */
#ifndef _IRQLAB_KTHREAD_H
#define _IRQLAB_KTHREAD_H

#include <irqlab/sched.h>

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
	__printf(3, 4);
/* namefmt may hold one %u, which becomes cpu ("ksoftirqd/%u"). */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, unsigned int cpu,
					  const char *namefmt);

#define kthread_run(threadfn, data, namefmt, ...)			\
	({								\
		struct task_struct *__k =				\
			kthread_create(threadfn, data, namefmt,		\
				       ##__VA_ARGS__);			\
		if (__k)						\
			wake_up_process(__k);				\
		__k;							\
	})

/* Before the first wake-up only: it will run on cpu (or mask) alone. */
void kthread_bind(struct task_struct *k, unsigned int cpu);
void kthread_bind_mask(struct task_struct *k, unsigned long mask);

/* Asks k to stop, waits for it to exit, returns what threadfn returned
 * (-EINTR if it never ran). */
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void *kthread_data(struct task_struct *k);

/* do_exit()'s: records the code and releases kthread_stop(). */
void kthread_exit_notify(struct task_struct *k, long code);

#endif /* _IRQLAB_KTHREAD_H */
