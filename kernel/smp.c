// SPDX-License-Identifier: GPL-2.0
/*
 * Running a function on other CPUs, as Linux's kernel/smp.c: the caller
 * queues a call_single_data on the target CPU's list and sends it
 * CALL_FUNCTION_VECTOR; the target runs the queue in its interrupt
 * handler.
 *
 * Nothing here allocates, so no call is ever lost for want of memory:
 * a waiting caller's request lives on its stack; one that does not wait
 * uses this CPU's own csd_data (or cfd_data's slot for the target), and
 * first waits for that slot's previous call to have been taken (csd_lock,
 * as Linux).  Objects that must send a call from interrupt context, where
 * even that wait could deadlock, embed their own call_single_data and use
 * smp_call_function_single_async(), which refuses with -EBUSY while that
 * csd is still queued.
 */
#include <irqlab/bitmap.h>
#include <irqlab/shell.h>
#include <irqlab/smp.h>
#include <irqlab/spinlock.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <irqlab/atomic.h>
#include <asm/smp.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>

struct call_queue {
	spinlock_t lock;
	call_single_data_t *head, **tail;
};

static DEFINE_PER_CPU(struct call_queue, call_queue);
/* The request of a call that does not wait (Linux's csd_data). */
static DEFINE_PER_CPU(call_single_data_t, csd_data);
/* One request per target for smp_call_function_many (Linux's cfd_data). */
static DEFINE_PER_CPU(call_single_data_t, cfd_data[NR_CPUS]);

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

static void csd_lock_wait(call_single_data_t *csd)
{
	while (smp_load_acquire(&csd->flags) & CSD_FLAG_LOCK)
		cpu_relax();
}

/* Waits for the previous call on csd to be taken, then owns it. */
static void csd_lock(call_single_data_t *csd, unsigned int type)
{
	csd_lock_wait(csd);
	csd->flags = CSD_FLAG_LOCK | type;
	smp_mb();
}

static void csd_unlock(call_single_data_t *csd)
{
	smp_store_release(&csd->flags, csd->flags & ~CSD_FLAG_LOCK);
}

void generic_smp_call_function_interrupt(void)
{
	struct call_queue *q = queue_of(smp_processor_id());
	call_single_data_t *csd, *next;
	smp_call_func_t func;
	void *info;

	spin_lock(&q->lock);
	csd = q->head;
	q->head = NULL;
	q->tail = &q->head;
	spin_unlock(&q->lock);

	for (; csd; csd = next) {
		next = csd->next;
		if (csd->flags & CSD_TYPE_SYNC) {
			/* The caller spins on the lock bit: unlock after. */
			csd->func(csd->info);
			csd_unlock(csd);
		} else {
			/* Free before the call, so func may queue it again. */
			func = csd->func;
			info = csd->info;
			csd_unlock(csd);
			func(info);
		}
	}
}

static void queue_call(int cpu, call_single_data_t *csd)
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

/* Runs csd's function on cpu, or here at once if cpu is this CPU. */
static void generic_exec_single(int cpu, call_single_data_t *csd)
{
	smp_call_func_t func = csd->func;
	void *info = csd->info;
	unsigned long flags;

	if (cpu == smp_processor_id()) {
		csd_unlock(csd);
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		return;
	}
	queue_call(cpu, csd);
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     bool wait)
{
	call_single_data_t stack_csd = { .flags = CSD_FLAG_LOCK | CSD_TYPE_SYNC };
	call_single_data_t *csd = &stack_csd;

	if (!cpu_online(cpu))
		return -ENXIO;
	preempt_disable();
	/* Waiting with interrupts off could deadlock against a CPU doing
	 * the same to us: Linux warns about it, and so do we. */
	WARN_ON(wait && irqs_disabled() && cpu != smp_processor_id());
	if (!wait) {
		csd = this_cpu_ptr(&csd_data);
		csd_lock(csd, 0);
	}
	csd->func = func;
	csd->info = info;
	generic_exec_single(cpu, csd);
	if (wait)
		csd_lock_wait(csd);
	preempt_enable();
	return 0;
}

int smp_call_function_single_async(int cpu, call_single_data_t *csd)
{
	int err = 0;

	preempt_disable();
	if (!cpu_online(cpu)) {
		err = -ENXIO;
	} else if (csd->flags & CSD_FLAG_LOCK) {
		err = -EBUSY;	/* still queued from the last time */
	} else {
		csd->flags = CSD_FLAG_LOCK;
		smp_wmb();
		generic_exec_single(cpu, csd);
	}
	preempt_enable();
	return err;
}

void smp_call_function_many(unsigned long mask, smp_call_func_t func,
			    void *info, bool wait)
{
	int this_cpu, cpu;

	preempt_disable();
	this_cpu = smp_processor_id();
	WARN_ON(wait && irqs_disabled());
	for_each_online_cpu(cpu) {
		call_single_data_t *csd = this_cpu_ptr(&cfd_data[cpu]);

		if (!((mask >> cpu) & 1) || cpu == this_cpu)
			continue;
		csd_lock(csd, wait ? CSD_TYPE_SYNC : 0);
		csd->func = func;
		csd->info = info;
		queue_call(cpu, csd);
	}
	if (wait)
		for_each_online_cpu(cpu)
			if ((mask >> cpu) & 1 && cpu != this_cpu)
				csd_lock_wait(this_cpu_ptr(&cfd_data[cpu]));
	preempt_enable();
}

void smp_send_reschedule(int cpu)
{
	if (cpu_online(cpu))
		apic_send_IPI(cpu, RESCHEDULE_VECTOR);
}

/* /sys/devices/system/cpu/{online,possible,present}, as lists ("0-1"). */
static void show_cpu_list(unsigned long mask)
{
	char buf[200];

	bitmap_print_list(buf, sizeof(buf), mask);
	sh_printf("%s\n", buf);
}

static void cpu_online_show(void)
{
	show_cpu_list(cpu_online_mask);
}
PROC_ENTRY("/sys/devices/system/cpu/online", cpu_online_show);

/* Every CPU the MADT lists may come online; irqlab has no hotplug. */
static void cpu_possible_show(void)
{
	show_cpu_list(cpu_possible_bits());
}
PROC_ENTRY("/sys/devices/system/cpu/possible", cpu_possible_show);

static void cpu_present_show(void)
{
	cpu_possible_show();
}
PROC_ENTRY("/sys/devices/system/cpu/present", cpu_present_show);
