/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic IRQ layer's insides, as Linux's <linux/irq.h>,
 * <linux/irqdesc.h> and kernel/irq/internals.h: one irq_desc per
 * interrupt number, an irq_chip that knows how to mask and acknowledge
 * it, and a flow handler (edge or fasteoi) that runs the actions.
 */
#ifndef _IRQLAB_IRQ_H
#define _IRQLAB_IRQ_H

#include <irqlab/interrupt.h>
#include <irqlab/smp.h>
#include <irqlab/spinlock.h>
#include <irqlab/wait.h>
#include <irqlab/mutex.h>

#define NR_IRQS		64

struct irq_desc;
struct proc_dir_entry;

/*
 * irq_data.state_use_accessors, Linux's IRQD_* bits (the ones irqlab
 * has), read and written through the irqd_*() helpers below.
 */
enum {
	/* No moving it: the affinity files are read-only (the timer). */
	IRQD_NO_BALANCING		= 1 << 10,
	/* Someone chose its CPUs: a new handler keeps them. */
	IRQD_AFFINITY_SET		= 1 << 12,
	IRQD_IRQ_DISABLED		= 1 << 16,	/* depth > 0 */
	IRQD_IRQ_MASKED			= 1 << 17,	/* masked at the chip */
	IRQD_IRQ_INPROGRESS		= 1 << 18,	/* handlers running */
	/*
	 * A fasteoi interrupt that arrives while its handler still runs on
	 * another CPU is lost unless it is sent again (Linux sets it for
	 * the GICv3 ITS; no x86 chip needs it).
	 */
	IRQD_RESEND_WHEN_IN_PROGRESS	= 1U << 31,
};

struct irq_data {
	unsigned int irq;
	unsigned long hwirq;		/* IOAPIC pin (GSI) */
	struct irq_chip *chip;
	void *chip_data;
	bool level;			/* level-triggered */
	unsigned long affinity;		/* CPU mask asked for */
	unsigned long effective_affinity;	/* where the chip sends it */
	unsigned int state_use_accessors;	/* IRQD_* */
};

static inline bool irqd_irq_disabled(struct irq_data *d)
{
	return d->state_use_accessors & IRQD_IRQ_DISABLED;
}

static inline bool irqd_irq_masked(struct irq_data *d)
{
	return d->state_use_accessors & IRQD_IRQ_MASKED;
}

static inline bool irqd_irq_inprogress(struct irq_data *d)
{
	return READ_ONCE(d->state_use_accessors) & IRQD_IRQ_INPROGRESS;
}

static inline void irqd_set(struct irq_data *d, unsigned int mask)
{
	WRITE_ONCE(d->state_use_accessors, d->state_use_accessors | mask);
}

static inline void irqd_clear(struct irq_data *d, unsigned int mask)
{
	WRITE_ONCE(d->state_use_accessors, d->state_use_accessors & ~mask);
}

static inline void irqd_set_resend_when_in_progress(struct irq_data *d)
{
	irqd_set(d, IRQD_RESEND_WHEN_IN_PROGRESS);
}

static inline bool irqd_needs_resend_when_in_progress(struct irq_data *d)
{
	return d->state_use_accessors & IRQD_RESEND_WHEN_IN_PROGRESS;
}

struct irq_chip {
	const char *name;
	void (*irq_mask)(struct irq_data *d);
	void (*irq_unmask)(struct irq_data *d);
	void (*irq_ack)(struct irq_data *d);	/* edge: before the handler */
	void (*irq_eoi)(struct irq_data *d);	/* fasteoi: after it */
	int (*irq_set_affinity)(struct irq_data *d, unsigned long mask);
	void (*irq_retrigger)(struct irq_data *d);	/* resend an edge */
};

typedef void (*irq_flow_handler_t)(struct irq_desc *desc);

/* irq_desc.istate, Linux's IRQS_* (internals.h): the core's own state. */
enum {
	IRQS_SPURIOUS_DISABLED	= 0x00000002,	/* by the nobody-cared rule */
	IRQS_POLL_INPROGRESS	= 0x00000008,	/* the poller runs it */
	IRQS_ONESHOT		= 0x00000020,	/* the actions are ONESHOT */
	IRQS_REPLAY		= 0x00000040,	/* resent, not yet arrived */
	IRQS_PENDING		= 0x00000200,	/* arrived and not handled */
};

/* irqaction.thread_flags, Linux's IRQTF_* bits. */
enum {
	IRQTF_RUNTHREAD,	/* the hard handler asked for thread_fn */
	IRQTF_WARNED,		/* IRQ_WAKE_THREAD without a thread: said */
};

struct irq_desc {
	spinlock_t lock;
	struct irq_data irq_data;
	irq_flow_handler_t handle_irq;
	const char *name;		/* the flow: "edge" or "fasteoi" */
	struct irqaction *action;
	unsigned int istate;		/* IRQS_* */
	unsigned int depth;		/* disable_irq nesting */
	/* The ONESHOT actions whose thread holds the line masked. */
	unsigned long threads_oneshot;
	/* Thread runs asked for and not finished: synchronize_irq(). */
	atomic_t threads_active;
	struct wait_queue_head wait_for_threads;
	struct mutex request_mutex;	/* request_irq() against free_irq() */
	/* spurious.c's bookkeeping, as Linux's. */
	unsigned int irq_count;		/* since the first unhandled one */
	unsigned int irqs_unhandled;
	unsigned long last_unhandled;	/* jiffies */
	atomic_t threads_handled;	/* thread_fn runs that said HANDLED */
	unsigned int threads_handled_last;	/* and SPURIOUS_DEFERRED */
	unsigned int kstat_irqs[NR_CPUS];
	struct proc_dir_entry *dir;	/* /proc/irq/N */
};

/* New interrupts' affinity (/proc/irq/default_smp_affinity). */
extern unsigned long irq_default_affinity;
/* Whether user space may move irq (smp_affinity is writable). */
bool irq_can_set_affinity_usr(unsigned int irq);

struct irq_desc *irq_to_desc(unsigned int irq);
/* The interrupt numbers that have a chip, for iterating. */
#define for_each_irq_desc(irq, desc)					\
	for ((irq) = 0; (irq) < NR_IRQS; (irq)++)			\
		if (((desc) = irq_to_desc(irq))->irq_data.chip)

void irq_set_chip_and_handler_name(unsigned int irq, struct irq_chip *chip,
				   irq_flow_handler_t handle,
				   const char *name);
void handle_edge_irq(struct irq_desc *desc);
void handle_fasteoi_irq(struct irq_desc *desc);
/* Runs the flow handler of an interrupt number (arch entry code). */
int generic_handle_irq(unsigned int irq);

irqreturn_t handle_irq_event(struct irq_desc *desc);
/* Asks action's thread to run thread_fn; from the hard handler. */
void __irq_wake_thread(struct irq_desc *desc, struct irqaction *action);
/* A thread run is over: wakes synchronize_irq() after the last one. */
void wake_threads_waitq(struct irq_desc *desc);
/* The unhandled-interrupt rule; with desc->lock held. */
void note_interrupt(struct irq_desc *desc, irqreturn_t action_ret);
/* A real interrupt found the spurious poller running the line. */
bool irq_wait_for_poll(struct irq_desc *desc);

/*
 * Sends an interrupt that was kept (IRQS_PENDING) again, through the
 * chip's irq_retrigger; with desc->lock held.  Not for level lines,
 * which the device asserts again by itself (-EINVAL); -EBUSY while one
 * resend has not arrived yet.  inject sends it even if not pending.
 */
int check_irq_resend(struct irq_desc *desc, bool inject);

void mask_irq(struct irq_desc *desc);
void unmask_irq(struct irq_desc *desc);
/* depth 0 <-> 1: the line's disabled state and its mask together. */
void irq_enable(struct irq_desc *desc);
void irq_disable(struct irq_desc *desc);

unsigned int kstat_irqs(unsigned int irq);
unsigned long kstat_irqs_total(void);

#endif /* _IRQLAB_IRQ_H */
