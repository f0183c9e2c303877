// SPDX-License-Identifier: GPL-2.0
/*
 * Tasklets, as the tasklet part of Linux's kernel/softirq.c.
 *
 * Each CPU has two FIFO lists, one drained by TASKLET_SOFTIRQ and one by
 * HI_SOFTIRQ, kept as a head and a pointer to the last next field so that
 * appending is O(1).  A tasklet goes on the list of the CPU that schedules
 * it and so runs there.  Two state bits carry the guarantees:
 *   - SCHED, set by test-and-set when scheduling: only the caller that
 *     flips it queues the tasklet, so a tasklet is on at most one list and
 *     schedules before it runs collapse into one run;
 *   - RUN, a try-lock taken around the call: a tasklet scheduled again
 *     while it runs may be queued on another CPU, and that CPU, failing to
 *     take RUN, puts it back and tries again on its next pass instead of
 *     running it concurrently.
 * SCHED is cleared just before the call, so the callback can schedule its
 * own tasklet again.  A disabled tasklet (count != 0) found on the list
 * is put back too, which keeps it queued until tasklet_enable().
 *
 * tasklet_kill() and tasklet_disable() sleep until the bits change; the
 * softirq side wakes them through a small hash of wait queues keyed by the
 * tasklet's address, as Linux's wait_var_event()/wake_up_var() do.
 */
#include <irqlab/interrupt.h>
#include <irqlab/bottom_half.h>
#include <irqlab/kallsyms.h>
#include <irqlab/percpu.h>
#include <irqlab/printk.h>
#include <irqlab/smp.h>
#include <irqlab/wait.h>
#include <asm/processor.h>

struct tasklet_head {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;	/* &head when empty */
};

static DEFINE_PER_CPU(struct tasklet_head, tasklet_vec);
static DEFINE_PER_CPU(struct tasklet_head, tasklet_hi_vec);

#define TASKLET_WAIT_BITS	4
static struct wait_queue_head tasklet_waitqueues[1 << TASKLET_WAIT_BITS];

static struct wait_queue_head *tasklet_waitqueue(struct tasklet_struct *t)
{
	/* Tasklets are at least 8-byte aligned: drop the bits always 0. */
	unsigned long h = (unsigned long)t >> 3;

	h ^= h >> TASKLET_WAIT_BITS;
	h ^= h >> (2 * TASKLET_WAIT_BITS);
	return &tasklet_waitqueues[h & ((1 << TASKLET_WAIT_BITS) - 1)];
}

/*
 * After a state bit changed.  The atomic bit operation before is a full
 * barrier, so a waiter that queued itself before it tested the bit is
 * seen here, and one that queues later sees the new bit.
 */
static void tasklet_wake_waiters(struct tasklet_struct *t)
{
	struct wait_queue_head *wq = tasklet_waitqueue(t);

	smp_mb();
	if (waitqueue_active(wq))
		wake_up_all(wq);
}

/*
 * This CPU's list.  softirq_init() sets up the boot CPU's; a CPU brought
 * up later starts with a zeroed per-CPU area, so its tail is set on first
 * use.  Interrupts off: only this CPU touches its lists, and only so.
 */
static struct tasklet_head *this_tasklet_head(struct tasklet_head *vec)
{
	struct tasklet_head *head = this_cpu_ptr(vec);

	if (unlikely(!head->tail))
		head->tail = &head->head;
	return head;
}

static void tasklet_append(struct tasklet_head *head, struct tasklet_struct *t)
{
	t->next = NULL;
	*head->tail = t;
	head->tail = &t->next;
}

static void __tasklet_schedule_common(struct tasklet_struct *t,
				      struct tasklet_head *vec,
				      unsigned int softirq_nr)
{
	unsigned long flags;

	local_irq_save(flags);
	tasklet_append(this_tasklet_head(vec), t);
	raise_softirq_irqoff(softirq_nr);
	local_irq_restore(flags);
}

/* The caller set SCHED: t is ours to queue. */
void __tasklet_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, &tasklet_vec, TASKLET_SOFTIRQ);
}

void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, &tasklet_hi_vec, HI_SOFTIRQ);
}

/*
 * False if SCHED was not set: a tasklet on a list always has it, so
 * something cleared it behind the list's back.  Linux warns and skips
 * the run; so do we.
 */
static bool tasklet_clear_sched(struct tasklet_struct *t)
{
	char sym[KSYM_SYMBOL_LEN];

	if (test_and_clear_bit(TASKLET_STATE_SCHED, &t->state)) {
		tasklet_wake_waiters(t);
		return true;
	}
	sprint_symbol(sym, t->use_callback ? (unsigned long)t->callback :
					     (unsigned long)t->func);
	pr_err("tasklet SCHED state not set: %s %s\n",
	       t->use_callback ? "callback" : "func", sym);
	return false;
}

static void tasklet_action_common(struct tasklet_head *vec,
				  unsigned int softirq_nr)
{
	struct tasklet_struct *list;
	struct tasklet_head *head;

	/* Take the whole list: what gets scheduled now waits for a pass. */
	local_irq_disable();
	head = this_tasklet_head(vec);
	list = head->head;
	head->head = NULL;
	head->tail = &head->head;
	local_irq_enable();

	while (list) {
		struct tasklet_struct *t = list;

		list = list->next;
		if (tasklet_trylock(t)) {
			if (!atomic_read(&t->count)) {
				if (tasklet_clear_sched(t)) {
					if (t->use_callback)
						t->callback(t);
					else
						t->func(t->data);
				}
				tasklet_unlock(t);
				continue;
			}
			tasklet_unlock(t);
		}
		/*
		 * Running on another CPU, or disabled: still SCHED, so it
		 * goes back on this CPU's list for the next pass.
		 */
		local_irq_disable();
		tasklet_append(this_tasklet_head(vec), t);
		__raise_softirq_irqoff(softirq_nr);
		local_irq_enable();
	}
}

/* BH workqueues' items run first, as in Linux 6.9's tasklet_action(). */
static void tasklet_action(void)
{
	workqueue_softirq_action(false);
	tasklet_action_common(&tasklet_vec, TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(void)
{
	workqueue_softirq_action(true);
	tasklet_action_common(&tasklet_hi_vec, HI_SOFTIRQ);
}

void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->callback = callback;
	t->use_callback = true;
	t->data = 0;
}

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->use_callback = false;
	t->data = data;
}

void tasklet_unlock(struct tasklet_struct *t)
{
	clear_bit(TASKLET_STATE_RUN, &t->state);
	tasklet_wake_waiters(t);
}

void tasklet_unlock_wait(struct tasklet_struct *t)
{
	wait_event(*tasklet_waitqueue(t),
		   !test_bit(TASKLET_STATE_RUN, &t->state));
}

/*
 * Taking SCHED ourselves is what keeps t off every list from then on: a
 * tasklet_schedule() racing with us finds it set and does nothing.  If it
 * is set, t is queued somewhere and will clear it when it runs (or it is
 * disabled, and this waits until someone enables it, as in Linux).
 */
void tasklet_kill(struct tasklet_struct *t)
{
	if (in_interrupt())
		pr_notice("Attempt to kill tasklet from interrupt\n");

	wait_event(*tasklet_waitqueue(t),
		   !test_and_set_bit(TASKLET_STATE_SCHED, &t->state));
	tasklet_unlock_wait(t);
	tasklet_clear_sched(t);
}

void softirq_init(void)
{
	unsigned int i;
	int cpu;

	for (i = 0; i < ARRAY_SIZE(tasklet_waitqueues); i++)
		init_waitqueue_head(&tasklet_waitqueues[i]);
	for_each_online_cpu(cpu) {
		struct tasklet_head *lo = per_cpu_ptr(&tasklet_vec, cpu);
		struct tasklet_head *hi = per_cpu_ptr(&tasklet_hi_vec, cpu);

		lo->tail = &lo->head;
		hi->tail = &hi->head;
	}
	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}
