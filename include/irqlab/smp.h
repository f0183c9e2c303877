/* SPDX-License-Identifier: GPL-2.0 */
/* CPU numbering, online CPUs and cross-CPU calls, Linux's names. */
#ifndef _IRQLAB_SMP_H
#define _IRQLAB_SMP_H

#include <irqlab/percpu.h>

static __always_inline int smp_processor_id(void)
{
	int cpu;

	__asm__ __volatile__("movl %%gs:%c1, %0" : "=r"(cpu)
			     : "i"(PCPU_HOT(cpu_number)));
	return cpu;
}
#define raw_smp_processor_id()	smp_processor_id()

/* Bit n set: CPU n is online (takes interrupts and runs tasks). */
extern volatile unsigned long cpu_online_mask;
extern unsigned int nr_cpu_ids;		/* CPUs the MADT allows */

/* Set bits in w (no POPCNT in the baseline x86-64 ISA, so no builtin). */
static inline unsigned int hweight_long(unsigned long w)
{
	unsigned int n = 0;

	for (; w; w &= w - 1)
		n++;
	return n;
}

/* The CPUs the MADT allows, as a mask (Linux's cpu_possible_mask). */
static inline unsigned long cpu_possible_bits(void)
{
	return nr_cpu_ids < BITS_PER_LONG ? (1UL << nr_cpu_ids) - 1 : ~0UL;
}

static inline unsigned int num_online_cpus(void)
{
	return hweight_long(cpu_online_mask);
}

static inline bool cpu_online(int cpu)
{
	return cpu >= 0 && cpu < NR_CPUS && (cpu_online_mask >> cpu) & 1;
}

#define for_each_online_cpu(cpu)					\
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)			\
		if (cpu_online(cpu))

/* An online CPU other than cpu, -1 if there is none (Linux's
 * cpumask_any_but(cpu_online_mask, cpu), which says so with nr_cpu_ids). */
static inline int cpumask_any_online_but(int cpu)
{
	int c;

	for_each_online_cpu(c)
		if (c != cpu)
			return c;
	return -1;
}

typedef void (*smp_call_func_t)(void *info);

/*
 * A request to run func(info) on another CPU (Linux's call_single_data_t).
 * An object that sends calls from interrupt context embeds one, so that
 * sending never needs memory: CSD_FLAG_LOCK is set from the send until
 * the target has taken it, and the target clears it before calling func,
 * so func may send it again.
 */
struct __call_single_data {
	struct __call_single_data *next;
	unsigned int flags;		/* CSD_FLAG_LOCK, CSD_TYPE_SYNC */
	smp_call_func_t func;
	void *info;
};
typedef struct __call_single_data call_single_data_t;

#define CSD_FLAG_LOCK	0x01	/* queued, not yet taken by the target */
#define CSD_TYPE_SYNC	0x10	/* the sender waits: unlock after func */

#define CSD_INIT(_func, _info)	{ .func = (_func), .info = (_info) }
#define INIT_CSD(csd, _func, _info)					\
	do {								\
		*(csd) = (call_single_data_t)CSD_INIT(_func, _info);	\
	} while (0)

/* Runs func(info) on cpu (here too, if it is this one); with wait, returns
 * once it has run.  0, or -ENXIO if the CPU is not online.  Never fails
 * for memory: without wait it reuses this CPU's one request, waiting for
 * its previous call to be taken first. */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     bool wait);
/* Sends csd (INIT_CSD) to cpu without waiting; safe in any context.
 * -EBUSY if csd is still queued from the last send, -ENXIO if cpu is
 * not online. */
int smp_call_function_single_async(int cpu, call_single_data_t *csd);
/* The same on every online CPU in mask except this one. */
void smp_call_function_many(unsigned long mask, smp_call_func_t func,
			    void *info, bool wait);
/* Asks cpu to look at need_resched (RESCHEDULE_VECTOR). */
void smp_send_reschedule(int cpu);
/* Halts every other CPU, for panic: through NMI, so even one spinning
 * with interrupts off stops. */
void smp_send_stop(void);

/* Brings up every enabled CPU of the MADT. */
void smp_init(void);

/* Hooks the scheduler provides (kernel/sched). */
void scheduler_ipi(void);
void scheduler_tick(void);
void preempt_schedule_irq(void);
void sched_init(void);
void sched_init_cpu(int cpu);
void __noreturn cpu_startup_entry(void);
/* For reports: the running task's pid and name. */
int current_pid(void);
const char *current_comm(void);

#endif /* _IRQLAB_SMP_H */
