// SPDX-License-Identifier: GPL-2.0
/*
 * Running a function on other CPUs, as Linux's kernel/smp.c: the caller
 * queues a call_single_data on the target CPU's list and sends it
 * CALL_FUNCTION_VECTOR; the target runs the queue in its interrupt
 * handler.  With wait, the caller spins until the function has run (so
 * the request can live on its stack); without, the target frees it.
 */
#include <irqlab/smp.h>
#include <irqlab/spinlock.h>
#include <irqlab/slab.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/atomic.h>
#include <asm/smp.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>

struct call_single_data {
	struct call_single_data *next;
	smp_call_func_t func;
	void *info;
	bool wait;		/* the caller spins on done */
	volatile bool done;
};

struct call_queue {
	spinlock_t lock;
	struct call_single_data *head, **tail;
};

static DEFINE_PER_CPU(struct call_queue, call_queue);

static struct call_queue *queue_of(int cpu)
{
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);

	/* Per-CPU memory starts zeroed: finish it on first use. */
	if (!q->tail) {
		spin_lock_init(&q->lock);
		q->lock.name = "call_queue";
		q->tail = &q->head;
	}
	return q;
}

void generic_smp_call_function_interrupt(void)
{
	struct call_queue *q = queue_of(smp_processor_id());
	struct call_single_data *csd, *next;

	spin_lock(&q->lock);
	csd = q->head;
	q->head = NULL;
	q->tail = &q->head;
	spin_unlock(&q->lock);

	for (; csd; csd = next) {
		next = csd->next;
		csd->func(csd->info);
		if (csd->wait)
			smp_store_release(&csd->done, true);
		else
			kfree(csd);
	}
}

static void queue_call(int cpu, struct call_single_data *csd)
{
	struct call_queue *q = queue_of(cpu);
	unsigned long flags;

	csd->next = NULL;
	spin_lock_irqsave(&q->lock, flags);
	*q->tail = csd;
	q->tail = &csd->next;
	spin_unlock_irqrestore(&q->lock, flags);
	apic_send_IPI(cpu, CALL_FUNCTION_VECTOR);
}

static struct call_single_data *csd_for(smp_call_func_t func, void *info,
					bool wait, struct call_single_data *on_stack)
{
	struct call_single_data *csd = on_stack;

	if (!wait) {
		csd = kmalloc(sizeof(*csd), GFP_ATOMIC);
		if (!csd)
			return NULL;
	}
	csd->func = func;
	csd->info = info;
	csd->wait = wait;
	csd->done = false;
	return csd;
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     bool wait)
{
	struct call_single_data stack_csd, *csd;
	unsigned long flags;

	if (!cpu_online(cpu))
		return -ENXIO;
	preempt_disable();
	if (cpu == smp_processor_id()) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		preempt_enable();
		return 0;
	}
	/* Waiting with interrupts off could deadlock against a CPU doing
	 * the same to us: Linux warns about it, and so do we. */
	WARN_ON(wait && irqs_disabled());
	csd = csd_for(func, info, wait, &stack_csd);
	if (!csd) {
		preempt_enable();
		return -ENOMEM;
	}
	queue_call(cpu, csd);
	if (wait)
		while (!smp_load_acquire(&csd->done))
			cpu_relax();
	preempt_enable();
	return 0;
}

void smp_call_function_many(unsigned long mask, smp_call_func_t func,
			    void *info, bool wait)
{
	int cpu;

	/* One at a time: few CPUs, and it keeps each request simple. */
	for_each_online_cpu(cpu)
		if ((mask >> cpu) & 1 && cpu != smp_processor_id())
			smp_call_function_single(cpu, func, info, wait);
}

void smp_send_reschedule(int cpu)
{
	if (cpu_online(cpu))
		apic_send_IPI(cpu, RESCHEDULE_VECTOR);
}
