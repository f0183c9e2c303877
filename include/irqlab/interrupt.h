/* SPDX-License-Identifier: GPL-2.0 */
/* The driver's view of interrupts, as Linux's <linux/interrupt.h>. */
#ifndef _IRQLAB_INTERRUPT_H
#define _IRQLAB_INTERRUPT_H

#include <irqlab/types.h>
#include <irqlab/hardirq.h>
#include <irqlab/percpu.h>
#include <irqlab/atomic.h>
#include <irqlab/compiler.h>

enum irqreturn {
	IRQ_NONE		= 0,		/* not our device */
	IRQ_HANDLED		= 1 << 0,
	IRQ_WAKE_THREAD		= 1 << 1,	/* run the thread_fn */
};
typedef enum irqreturn irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

struct task_struct;
struct proc_dir_entry;

/* request_irq() flags: Linux's values. */
#define IRQF_TRIGGER_RISING	0x00000001
#define IRQF_TRIGGER_FALLING	0x00000002
#define IRQF_TRIGGER_HIGH	0x00000004
#define IRQF_TRIGGER_LOW	0x00000008
#define IRQF_SHARED		0x00000080
#define IRQF_ONESHOT		0x00002000
#define IRQF_NO_THREAD		0x00010000
#define __IRQF_TIMER		0x00000200
#define IRQF_NOBALANCING	0x00000800	/* not to be moved between CPUs */
#define IRQF_TIMER		(__IRQF_TIMER | IRQF_NO_THREAD)

struct irqaction {
	irq_handler_t handler;
	irq_handler_t thread_fn;
	void *dev_id;
	struct irqaction *next;
	unsigned int irq;
	unsigned int flags;
	const char *name;
	struct task_struct *thread;	/* irq/N-name, for thread_fn */
	unsigned long thread_flags;	/* IRQTF_* (<irqlab/irq.h>) */
	/* ONESHOT: its bit in desc->threads_oneshot, else 0. */
	unsigned long thread_mask;
	struct proc_dir_entry *dir;	/* /proc/irq/N/NAME */
};

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev_id);

static inline int request_irq(unsigned int irq, irq_handler_t handler,
			      unsigned long flags, const char *name,
			      void *dev_id)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev_id);
}

const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
/* Waits for the hard handlers and the threads: may sleep. */
void synchronize_irq(unsigned int irq);
/* Only the hard handlers; false if a thread is still active. */
bool synchronize_hardirq(unsigned int irq);
int irq_set_affinity(unsigned int irq, unsigned long cpumask);
/* Runs dev_id's thread_fn as if its hard handler had asked for it. */
void irq_wake_thread(unsigned int irq, void *dev_id);

/*
 * Softirqs (kernel/softirq.c): Linux's ten vectors, in its order; a lower
 * number runs first in each pass.  The names are /proc/softirqs' rows.
 */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

extern const char *const softirq_to_name[NR_SOFTIRQS];

struct softirq_action {
	void (*action)(void);
};

void open_softirq(int nr, void (*action)(void));
/* Sets the pending bit only: for hard-irq context, interrupts off. */
void __raise_softirq_irqoff(unsigned int nr);
/* Also wakes ksoftirqd when not in interrupt context. */
void raise_softirq_irqoff(unsigned int nr);
void raise_softirq(unsigned int nr);
/* Runs what is pending on this CPU now, unless in interrupt context. */
void do_softirq(void);
u32 local_softirq_pending(void);

/* Handler runs of vector nr on cpu: /proc/softirqs and /proc/stat. */
unsigned int kstat_softirqs_cpu(unsigned int nr, int cpu);

DECLARE_PER_CPU(struct task_struct *, ksoftirqd);
/* Starts ksoftirqd/N on every online CPU (from kmain, after SMP). */

/*
 * Tasklets (kernel/tasklet.c), Linux's: a function run from a softirq
 * (TASKLET_SOFTIRQ, or HI_SOFTIRQ for tasklet_hi_schedule) on the CPU that
 * scheduled it, never on two CPUs at once.  Scheduling an already
 * scheduled tasklet does nothing, so schedules before a run collapse into
 * one; a tasklet scheduled while it runs runs again after.
 */
struct tasklet_struct {
	struct tasklet_struct *next;	/* this CPU's list */
	unsigned long state;		/* TASKLET_STATE_* bits */
	atomic_t count;			/* disable depth: runs at 0 */
	bool use_callback;		/* callback, else func(data) */
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

#define DECLARE_TASKLET(name, _callback)				\
	struct tasklet_struct name = {					\
		.count = ATOMIC_INIT(0),				\
		.use_callback = true,					\
		.callback = _callback,					\
	}

#define DECLARE_TASKLET_DISABLED(name, _callback)			\
	struct tasklet_struct name = {					\
		.count = ATOMIC_INIT(1),				\
		.use_callback = true,					\
		.callback = _callback,					\
	}

/* The structure a callback's tasklet is embedded in. */
#define from_tasklet(var, callback_tasklet, tasklet_fieldname)		\
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

enum {
	TASKLET_STATE_SCHED,	/* on a CPU's list, waiting to run */
	TASKLET_STATE_RUN,	/* running on some CPU (the lock) */
};

/* RUN is the lock that keeps a tasklet off a second CPU. */
static inline bool tasklet_trylock(struct tasklet_struct *t)
{
	return !test_and_set_bit(TASKLET_STATE_RUN, &t->state);
}

void tasklet_unlock(struct tasklet_struct *t);
/* Sleeps until t is not running anywhere: task context only. */
void tasklet_unlock_wait(struct tasklet_struct *t);

void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_hi_schedule(t);
}

/* Keeps t from starting; one already running may still be running. */
static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
}

/* Keeps t from starting and waits for a running one: may sleep. */
static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
	smp_mb();
}

static inline void tasklet_enable(struct tasklet_struct *t)
{
	atomic_dec(&t->count);
}

/*
 * Waits until t is neither scheduled nor running and leaves it
 * unscheduled.  Sleeps: never from interrupt context.  A tasklet that
 * keeps rescheduling itself must be stopped by its owner first.
 */
void tasklet_kill(struct tasklet_struct *t);
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data);
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *));

/* Opens HI_SOFTIRQ and TASKLET_SOFTIRQ: from kmain, before sched_init. */
void softirq_init(void);

/*
 * BH workqueues' hook, run first by the tasklet softirqs (highpri for
 * HI_SOFTIRQ) as in Linux 6.9+; kernel/workqueue.c provides it.
 */
void workqueue_softirq_action(bool highpri);

#endif /* _IRQLAB_INTERRUPT_H */
