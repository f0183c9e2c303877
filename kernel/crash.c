// SPDX-License-Identifier: GPL-2.0
/*
 * Deliberate faults for `crash=TYPE`, as Linux's LKDTM: in task context
 * (kmain's), and in each interrupt context, so that the oops report can
 * be seen naming it ("Fatal exception in interrupt", <IRQ> frames).
 *
 * Each victim is __noipa so that it keeps its own name in the backtrace:
 * the tests check that the report names the function that faulted.
 */
#include <irqlab/init.h>
#include <irqlab/crash.h>
#include <irqlab/cmdline.h>
#include <irqlab/errno.h>
#include <irqlab/interrupt.h>
#include <irqlab/irq.h>
#include <irqlab/kernel.h>
#include <irqlab/preempt.h>
#include <irqlab/smp.h>
#include <irqlab/string.h>
#include <irqlab/timer.h>
#include <irqlab/bottom_half.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/processor.h>

/* ---- in task context ------------------------------------------------ */

__noipa void crash_null_deref(void *unused)
{
	*(volatile int *)0 = 1;
}

__noipa void crash_invalid_opcode(void *unused)
{
	__asm__ __volatile__("ud2");
}

__noipa void crash_divide_error(void *unused)
{
	/* In assembly: C's division by zero is undefined, not a #DE. */
	__asm__ __volatile__("xorl %%ecx, %%ecx\n\t"
			     "movl $1, %%eax\n\t"
			     "xorl %%edx, %%edx\n\t"
			     "divl %%ecx" : : : "eax", "ecx", "edx");
}

__noipa void crash_general_protection(void *unused)
{
	/* Non-canonical: a #GP, not a page fault. */
	*(volatile unsigned long *)0xdead000000000000UL = 1;
}

/* Far deeper than any stack: the compiler must not see the recursion
 * as endless, and the guard page is hit long before the limit. */
static volatile unsigned long overflow_limit = ~0UL;

__noipa void crash_stack_overflow(void *depth)
{
	volatile char pad[512];

	pad[0] = (char)(unsigned long)depth;
	if ((unsigned long)depth < overflow_limit)
		crash_stack_overflow((void *)((unsigned long)depth + 1));
	pad[1] = pad[0];	/* not a tail call: the frame stays */
}

__noipa void crash_panic(void *unused)
{
	panic("crash=panic requested");
}

/* ---- in interrupt context ------------------------------------------- */

/*
 * Where the interrupt comes in: the caller arms it with interrupts off,
 * so it arrives here and nowhere else.  With preemption off, ksoftirqd
 * cannot take the softirqs over on this CPU, so they run on the way out
 * of the interrupt, on the IRQ stack, and the report walks from there
 * back into these frames.
 */
static __noipa void crash_wait_for_interrupt(void)
{
	preempt_disable();
	local_irq_enable();
	for (;;)
		cpu_relax();
}

static void crash_irq_ack(struct irq_data *d)
{
	apic_eoi();
}

static void crash_irq_nop(struct irq_data *d)
{
}

/* An interrupt nothing but a self-IPI raises. */
static struct irq_chip crash_irq_chip = {
	.name		= "crash",
	.irq_mask	= crash_irq_nop,
	.irq_unmask	= crash_irq_nop,
	.irq_ack	= crash_irq_ack,
};

__noipa irqreturn_t crash_irq_handler(int irq, void *dev_id)
{
	*(volatile int *)0 = 1;
	return IRQ_HANDLED;
}

static int crash_free_irq(void)
{
	int irq;

	for (irq = NR_IRQS - 1; irq >= NR_IRQS_LEGACY; irq--)
		if (!irq_to_desc(irq)->irq_data.chip)
			return irq;
	return -ENOSPC;
}

__noipa void crash_hardirq(void *unused)
{
	int irq = crash_free_irq(), vector, err;

	if (irq < 0) {
		pr_err("crash: no free interrupt number: %s\n",
		       strerror(irq));
		return;
	}
	irq_set_chip_and_handler_name(irq, &crash_irq_chip, handle_edge_irq,
				      "edge");
	vector = irq_alloc_vector(irq);
	if (vector < 0) {
		pr_err("crash: no free vector: %s\n", strerror(vector));
		return;
	}
	err = request_irq(irq, crash_irq_handler, 0, "crash", NULL);
	if (err) {
		pr_err("crash: request_irq: %s\n", strerror(err));
		irq_free_vector(vector);
		return;
	}
	local_irq_disable();
	apic_send_IPI_self(vector);
	crash_wait_for_interrupt();
}

__noipa void crash_timer_fn(struct timer_list *timer)
{
	*(volatile int *)0 = 1;
}

static struct timer_list crash_timer;

__noipa void crash_timer_softirq(void *unused)
{
	timer_setup(&crash_timer, crash_timer_fn, 0);
	local_irq_disable();
	mod_timer(&crash_timer, jiffies + 1);
	crash_wait_for_interrupt();
}

__noipa void crash_tasklet_fn(struct tasklet_struct *t)
{
	*(volatile int *)0 = 1;
}

static DECLARE_TASKLET(crash_tasklet, crash_tasklet_fn);

/* local_bh_enable() runs it on the IRQ stack (do_softirq_own_stack). */
__noipa void crash_tasklet_softirq(void *unused)
{
	local_bh_disable();
	tasklet_schedule(&crash_tasklet);
	local_bh_enable();
}

__noipa void crash_ipi_fn(void *unused)
{
	*(volatile int *)0 = 1;
}

/*
 * A secondary CPU faults in its call-function IPI handler.  The sender
 * runs on CPU 0, so the report always shows the same path (a secondary
 * CPU's idle loop under </IRQ>); otherwise the sender could be migrated
 * between choosing the target and sending, and target itself or CPU 0.
 */
__noipa void crash_ipi(void *unused)
{
	unsigned long old_mask = current->cpus_mask;
	int cpu = cpumask_any_online_but(0);
	int err;

	if (cpu < 0) {
		pr_err("crash: ipi needs a second CPU online\n");
		return;
	}
	set_cpus_allowed_ptr(current, 1UL << 0);
	err = smp_call_function_single(cpu, crash_ipi_fn, NULL, false);
	if (!err)
		crash_wait_for_interrupt();
	set_cpus_allowed_ptr(current, old_mask);
	if (err)
		pr_err("crash: IPI to CPU%d: %s\n", cpu, strerror(err));
}

static const struct crash_type crash_types[] = {
	{ "null",	crash_null_deref,
	  "write through a NULL pointer" },
	{ "ud",		crash_invalid_opcode,
	  "execute ud2 (invalid opcode)" },
	{ "de",		crash_divide_error,	"divide by zero" },
	{ "gp",		crash_general_protection,
	  "access a non-canonical address" },
	{ "overflow",	crash_stack_overflow,
	  "recurse into the stack guard page" },
	{ "panic",	crash_panic,		"call panic()" },
	{ "irq",	crash_hardirq,
	  "write through a NULL pointer in a hard interrupt handler" },
	{ "timer",	crash_timer_softirq,
	  "write through a NULL pointer in a timer callback (softirq)" },
	{ "tasklet",	crash_tasklet_softirq,
	  "write through a NULL pointer in a tasklet (softirq)" },
	{ "ipi",	crash_ipi,
	  "write through a NULL pointer in another CPU's IPI handler" },
};

const struct crash_type *crash_find(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(crash_types); i++)
		if (strcmp(crash_types[i].name, name) == 0)
			return &crash_types[i];
	return NULL;
}

static int crash_from_cmdline(void)
{
	const struct crash_type *c;
	char name[32];
	size_t i;

	if (!cmdline_get("crash", name, sizeof(name)))
		return 0;
	c = crash_find(name);
	if (!c) {
		pr_err("crash: unknown type '%s'; known:", name);
		for (i = 0; i < ARRAY_SIZE(crash_types); i++)
			pr_cont(" %s", crash_types[i].name);
		pr_cont("\n");
		return -EINVAL;
	}
	pr_emerg("crash: %s, as crash=%s asked\n", c->what, c->name);
	c->fn(NULL);
	pr_err("crash: crash=%s returned without crashing\n", c->name);
	return -EFAULT;
}
/* Last of the initcalls: everything a crash kind needs is up. */
late_initcall(crash_from_cmdline);
