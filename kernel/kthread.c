// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads (Linux's kernel/kthread.c, without kthreadd: the
 * creator builds the task itself, which is possible here because every
 * task is a kernel thread and creating one never sleeps for long).
 */
#include <irqlab/kthread.h>
#include <irqlab/completion.h>
#include <irqlab/slab.h>
#include <irqlab/sprintf.h>
#include <irqlab/errno.h>

#include <irqlab/kernel.h>
#include <stdarg.h>

struct kthread {
	int (*threadfn)(void *data);
	void *data;
	int result;
	bool should_stop;
	struct completion exited;
};

/* Every kthread's entry: the function, unless stopped before it ran. */
static int kthread(void *arg)
{
	struct kthread *self = arg;

	if (READ_ONCE(self->should_stop))
		return -EINTR;
	return self->threadfn(self->data);
}

static struct task_struct *kthread_create_vfmt(int (*threadfn)(void *),
					       void *data,
					       const char *namefmt,
					       va_list args)
{
	char comm[TASK_COMM_LEN];
	struct task_struct *p;
	struct kthread *kt;

	kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	if (!kt)
		return NULL;
	kt->threadfn = threadfn;
	kt->data = data;
	init_completion(&kt->exited);
	vsnprintf(comm, sizeof(comm), namefmt, args);
	p = create_task(kthread, kt, comm);
	if (!p) {
		kfree(kt);
		return NULL;
	}
	p->kthread = kt;
	return p;
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct task_struct *p;
	va_list args;

	va_start(args, namefmt);
	p = kthread_create_vfmt(threadfn, data, namefmt, args);
	va_end(args);
	return p;
}

static struct task_struct *kthread_create_cpu_fmt(int (*threadfn)(void *),
						  void *data,
						  const char *namefmt, ...)
{
	struct task_struct *p;
	va_list args;

	va_start(args, namefmt);
	p = kthread_create_vfmt(threadfn, data, namefmt, args);
	va_end(args);
	return p;
}

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, unsigned int cpu,
					  const char *namefmt)
{
	struct task_struct *p;

	/* The format is the caller's: one %u, the CPU, as in Linux. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	p = kthread_create_cpu_fmt(threadfn, data, namefmt, cpu);
#pragma GCC diagnostic pop
	if (p)
		kthread_bind(p, cpu);
	return p;
}

void kthread_bind_mask(struct task_struct *p, unsigned long mask)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	if (WARN_ON(READ_ONCE(p->__state) != TASK_NEW)) {
		spin_unlock_irqrestore(&p->pi_lock, flags);
		return;
	}
	p->cpus_mask = mask;
	p->nr_cpus_allowed = hweight_long(mask);
	/* Never run, on no queue: its cpu is just a number yet. */
	p->cpu = __builtin_ctzl(mask);
	p->flags |= PF_NO_SETAFFINITY;
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

void kthread_bind(struct task_struct *p, unsigned int cpu)
{
	kthread_bind_mask(p, 1UL << cpu);
}

bool kthread_should_stop(void)
{
	struct kthread *kt = current->kthread;

	return kt && READ_ONCE(kt->should_stop);
}

void *kthread_data(struct task_struct *k)
{
	return k->kthread ? k->kthread->data : NULL;
}

void kthread_exit_notify(struct task_struct *k, long code)
{
	k->kthread->result = code;
	complete_all(&k->kthread->exited);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int ret;

	might_sleep();
	get_task_struct(k);
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}
