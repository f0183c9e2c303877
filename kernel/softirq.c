// SPDX-License-Identifier: GPL-2.0
/*
 * Softirqs, as Linux's kernel/softirq.c: a per-CPU bitmask of pending
 * vectors, run lowest bit first
 *   - by irq_exit(), on leaving the outermost hard interrupt, on the IRQ
 *     stack it is already on;
 *   - by local_bh_enable() and do_softirq() from task context, moved to
 *     the IRQ stack so a thread's stack never carries them;
 *   - by ksoftirqd/N, this CPU's thread, when there is too much: a pass
 *     that keeps finding new work stops after 2 ms, after 10 restarts or
 *     when a reschedule is wanted, and hands the rest to the thread, so
 *     softirqs cannot starve tasks.
 * A softirq raised from task context also wakes ksoftirqd, since no
 * interrupt exit may come soon to run it.
 *
 * The preempt count tells the contexts apart: serving a softirq adds
 * SOFTIRQ_OFFSET (odd count), local_bh_disable() adds twice that (even),
 * so in_serving_softirq() and in_softirq() differ.
 */
#include <irqlab/init.h>
#include <irqlab/interrupt.h>
#include <irqlab/bottom_half.h>
#include <irqlab/kernel_stat.h>
#include <irqlab/kthread.h>
#include <irqlab/sched.h>
#include <irqlab/printk.h>
#include <irqlab/kernel.h>
#include <irqlab/kallsyms.h>
#include <irqlab/jiffies.h>
#include <irqlab/smp.h>
#include <asm/hardirq.h>
#include <asm/processor.h>

/* Linux's limits for one pass of handle_softirqs(). */
#define MAX_SOFTIRQ_TIME	msecs_to_jiffies(2)
#define MAX_SOFTIRQ_RESTART	10

const char *const softirq_to_name[NR_SOFTIRQS] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL",
	"TASKLET", "SCHED", "HRTIMER", "RCU"
};

struct softirq_stat {
	unsigned int count[NR_SOFTIRQS];	/* handler runs */
};

static DEFINE_PER_CPU(u32, softirq_pending);
static DEFINE_PER_CPU(struct softirq_stat, softirq_stat);
DEFINE_PER_CPU(struct task_struct *, ksoftirqd);

/* A vector nobody opened still runs (and counts) when raised. */
static void softirq_nop(void)
{
}

static struct softirq_action softirq_vec[NR_SOFTIRQS] = {
	[0 ... NR_SOFTIRQS - 1] = { softirq_nop },
};

void open_softirq(int nr, void (*action)(void))
{
	softirq_vec[nr].action = action;
}

u32 local_softirq_pending(void)
{
	return READ_ONCE(this_cpu_read(softirq_pending));
}

static void set_softirq_pending(u32 pending)
{
	this_cpu_write(softirq_pending, pending);
}

unsigned int kstat_softirqs_cpu(unsigned int nr, int cpu)
{
	return READ_ONCE(per_cpu(softirq_stat, cpu).count[nr]);
}

static void wakeup_softirqd(void)
{
	struct task_struct *tsk = this_cpu_read(ksoftirqd);

	if (tsk)
		wake_up_process(tsk);
}

/* Interrupts off: nothing else on this CPU changes the mask meanwhile. */
void __raise_softirq_irqoff(unsigned int nr)
{
	*this_cpu_ptr(&softirq_pending) |= 1U << nr;
}

void raise_softirq_irqoff(unsigned int nr)
{
	__raise_softirq_irqoff(nr);
	/*
	 * In interrupt context irq_exit() or local_bh_enable() runs it
	 * soon; from a task nothing would, so the thread must.
	 */
	if (!in_interrupt())
		wakeup_softirqd();
}

void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/* Linux's words, and the count put back so the CPU can go on. */
static void softirq_count_mismatch(unsigned int nr, unsigned long prev_count)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, (unsigned long)softirq_vec[nr].action);
	pr_err("huh, entered softirq %u %s %s with preempt_count %08lx, exited with %08lx?\n",
	       nr, softirq_to_name[nr], sym, prev_count, preempt_count());
	preempt_count_set(prev_count);
}

/* Interrupts off on entry and on return; enabled while handlers run. */
static void handle_softirqs(void)
{
	unsigned long end = jiffies + MAX_SOFTIRQ_TIME;
	int max_restart = MAX_SOFTIRQ_RESTART;
	struct softirq_stat *stat = this_cpu_ptr(&softirq_stat);
	u32 pending = local_softirq_pending();

	__preempt_count_add(SOFTIRQ_OFFSET);
	account_softirq_enter();
restart:
	/* A bit raised from here on waits for the next pass. */
	set_softirq_pending(0);
	local_irq_enable();
	while (pending) {
		unsigned int nr = __builtin_ctz(pending);
		unsigned long prev_count = preempt_count();

		stat->count[nr]++;
		softirq_vec[nr].action();
		if (unlikely(prev_count != preempt_count()))
			softirq_count_mismatch(nr, prev_count);
		pending &= pending - 1;
	}
	local_irq_disable();

	pending = local_softirq_pending();
	if (pending) {
		if (time_before(jiffies, end) && !need_resched() &&
		    --max_restart)
			goto restart;
		wakeup_softirqd();
	}
	account_softirq_exit();
	__preempt_count_sub(SOFTIRQ_OFFSET);
}

static void handle_softirqs_on_irq_stack(void *unused)
{
	handle_softirqs();
}

void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (local_softirq_pending())
		call_on_irq_stack(handle_softirqs_on_irq_stack, NULL);
	local_irq_restore(flags);
}

void irq_enter(void)
{
	__preempt_count_add(HARDIRQ_OFFSET);
	account_irq_enter();
}

/*
 * Interrupts off.  Only the outermost exit runs softirqs: a nested one,
 * or one that interrupted a softirq or a bh-disabled section, leaves them
 * to the context below, which will see the bit.
 */
void irq_exit(void)
{
	account_irq_exit();
	__preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		handle_softirqs();	/* on the IRQ stack already */
}

void local_bh_disable(void)
{
	__preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
}

/*
 * As Linux's __local_bh_enable_ip(), which warns if called from a hard
 * interrupt or with interrupts disabled (lockdep_assert_irqs_enabled):
 * its callers never do either.  Running the pending softirqs with
 * interrupts disabled would turn them on inside the caller's section
 * (handlers run with them on), so then they wait for the exit of the
 * interrupt that comes as soon as the caller turns interrupts back on.
 */
void local_bh_enable(void)
{
	bool irqs_off = irqs_disabled();

	WARN_ON_ONCE(in_hardirq());
	WARN_ON_ONCE(irqs_off);
	/* Keep preemption off by one while the softirqs run. */
	__preempt_count_sub(SOFTIRQ_DISABLE_OFFSET - PREEMPT_OFFSET);
	if (unlikely(!in_interrupt() && local_softirq_pending() && !irqs_off))
		do_softirq();
	preempt_enable();
}

/*
 * ksoftirqd/N, Linux's smpboot loop around run_ksoftirqd(): sleep until
 * something is pending, run one pass with interrupts off around it, give
 * the CPU away if asked.  A fair task at nice 0, like Linux's.
 */
static int ksoftirqd_fn(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		preempt_disable();
		if (kthread_should_stop()) {
			__set_current_state(TASK_RUNNING);
			preempt_enable();
			return 0;
		}
		if (!local_softirq_pending()) {
			preempt_enable_no_resched();
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		preempt_enable();

		local_irq_disable();
		if (local_softirq_pending())
			handle_softirqs();
		local_irq_enable();
		cond_resched();
	}
}

static int spawn_ksoftirqd(void)
{
	struct task_struct *p;
	int cpu;

	for_each_online_cpu(cpu) {
		p = kthread_create_on_cpu(ksoftirqd_fn, NULL, cpu,
					  "ksoftirqd/%u");
		if (!p) {
			pr_err("softirq: no ksoftirqd/%d: out of memory\n",
			       cpu);
			continue;
		}
		per_cpu(ksoftirqd, cpu) = p;
		wake_up_process(p);
	}
	return 0;
}
early_initcall(spawn_ksoftirqd);
