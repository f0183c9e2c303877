// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/interrupts and /proc/irq/.
 *
 * /proc/interrupts in Linux's exact layout (kernel/irq/proc.c
 * show_interrupts), so scripts written for Linux parse it unchanged:
 *
 *            CPU0       CPU1
 *   0:         36          0   IO-APIC   2-edge      timer
 *   4:        417          0   IO-APIC   4-edge      ttyS0
 * LOC:      12345      12340   Local timer interrupts
 */
#include <irqlab/bitmap.h>
#include <irqlab/errno.h>
#include <irqlab/init.h>
#include <irqlab/irq.h>
#include <irqlab/jiffies.h>
#include <irqlab/mutex.h>
#include <irqlab/proc_fs.h>
#include <irqlab/shell.h>
#include <irqlab/smp.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <asm/hardirq.h>
#include "internals.h"

/* Columns for the IRQ number: 3 while there are fewer than 1000. */
static int irq_prec(void)
{
	int prec = 3, j;

	for (j = 1000; prec < 10 && j <= NR_IRQS; prec++)
		j *= 10;
	return prec;
}

static void show_irq(unsigned int irq, struct irq_desc *desc, int prec)
{
	struct irqaction *action;
	int cpu;

	if (!desc->action && !kstat_irqs(irq))
		return;
	sh_printf("%*u: ", prec, irq);
	for_each_online_cpu(cpu)
		sh_printf("%10u ", desc->kstat_irqs[cpu]);
	sh_printf(" %8s", desc->irq_data.chip->name);
	sh_printf(" %*lu", prec, desc->irq_data.hwirq);
	sh_printf("-%-8s", desc->name);
	action = desc->action;
	if (action) {
		sh_printf("  %s", action->name);
		while ((action = action->next) != NULL)
			sh_printf(", %s", action->name);
	}
	sh_printf("\n");
}

static void proc_interrupts_show(void)
{
	struct irq_desc *desc;
	unsigned int irq;
	int prec = irq_prec(), cpu;

	sh_printf("%*s", prec + 8, "");
	for_each_online_cpu(cpu)
		sh_printf("CPU%-8d", cpu);
	sh_printf("\n");
	for_each_irq_desc(irq, desc)
		show_irq(irq, desc, prec);
	arch_show_interrupts(prec);
}
PROC_ENTRY("/proc/interrupts", proc_interrupts_show);

/*
 * /proc/irq (Linux's register_irq_proc and friends): a directory per
 * interrupt that has a chip, made at boot, and one per handler in it
 * (/proc/irq/11/eth0), made and removed with the handler:
 *
 *   smp_affinity, smp_affinity_list	where it may go, as a mask and
 *					as a list; root may write either
 *   effective_affinity(_list)		where the chip sends it now
 *   affinity_hint, node, spurious	as Linux prints them
 *
 * plus /proc/irq/default_smp_affinity.  Masks are nr_cpu_ids bits wide.
 */
enum { AFFINITY, AFFINITY_LIST, EFFECTIVE, EFFECTIVE_LIST };

static struct proc_dir_entry *root_irq_dir;
static DEFINE_MUTEX(register_lock);

/* A mask and its newline, as Linux's "%*pb\n" or "%*pbl\n". */
static void seq_cpumask_nl(struct seq_file *m, unsigned long mask, bool list)
{
	seq_cpumask(m, mask, list);
	seq_puts(m, "\n");
}

static unsigned int seq_irq(struct seq_file *m)
{
	return (unsigned long)m->private;
}

static int show_irq_affinity(struct seq_file *m, int type)
{
	struct irq_data *d = &irq_to_desc(seq_irq(m))->irq_data;

	seq_cpumask_nl(m, type <= AFFINITY_LIST ? READ_ONCE(d->affinity) :
		    READ_ONCE(d->effective_affinity),
		    type == AFFINITY_LIST || type == EFFECTIVE_LIST);
	return 0;
}

static int irq_affinity_show(struct seq_file *m)
{
	return show_irq_affinity(m, AFFINITY);
}

static int irq_affinity_list_show(struct seq_file *m)
{
	return show_irq_affinity(m, AFFINITY_LIST);
}

static int irq_effective_show(struct seq_file *m)
{
	return show_irq_affinity(m, EFFECTIVE);
}

static int irq_effective_list_show(struct seq_file *m)
{
	return show_irq_affinity(m, EFFECTIVE_LIST);
}

/* No driver gives irqlab a hint: an empty mask, as Linux's default. */
static int irq_affinity_hint_show(struct seq_file *m)
{
	seq_cpumask_nl(m, 0, false);
	return 0;
}

/* One memory node. */
static int irq_node_show(struct seq_file *m)
{
	seq_puts(m, "0\n");
	return 0;
}

static int irq_spurious_show(struct seq_file *m)
{
	struct irq_desc *desc = irq_to_desc(seq_irq(m));

	seq_printf(m, "count %u\nunhandled %u\nlast_unhandled %u ms\n",
		   desc->irq_count, desc->irqs_unhandled,
		   jiffies_to_msecs(desc->last_unhandled));
	return 0;
}

bool irq_can_set_affinity_usr(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc && desc->irq_data.chip &&
	       desc->irq_data.chip->irq_set_affinity &&
	       !(desc->irq_data.state_use_accessors & IRQD_NO_BALANCING);
}

static int parse_cpumask(char *buf, size_t count, bool list,
			 unsigned long *mask)
{
	return list ? bitmap_parselist(buf, mask, nr_cpu_ids) :
		      bitmap_parse(buf, count, mask, nr_cpu_ids);
}

/*
 * Linux's write_irq_affinity (6.1): EIO for an interrupt that may not
 * move, the parser's error, and EINVAL for a mask without an online
 * CPU ("Do not allow disabling IRQs completely").
 */
static ssize_t write_irq_affinity(struct file *file, char *buf, size_t count,
				  bool list)
{
	unsigned int irq = (unsigned long)pde_data(file->f_inode);
	unsigned long mask;
	int err;

	if (!irq_can_set_affinity_usr(irq))
		return -EIO;
	err = parse_cpumask(buf, count, list, &mask);
	if (err)
		return err;
	if (!(mask & cpu_online_mask))
		return -EINVAL;
	err = irq_set_affinity(irq, mask);
	return err ? err : (ssize_t)count;
}

static ssize_t irq_affinity_write(struct file *file, char *buf, size_t count)
{
	return write_irq_affinity(file, buf, count, false);
}

static ssize_t irq_affinity_list_write(struct file *file, char *buf,
				       size_t count)
{
	return write_irq_affinity(file, buf, count, true);
}

static const struct proc_ops irq_affinity_proc_ops = {
	.proc_show = irq_affinity_show,
	.proc_write = irq_affinity_write,
};

static const struct proc_ops irq_affinity_list_proc_ops = {
	.proc_show = irq_affinity_list_show,
	.proc_write = irq_affinity_list_write,
};

static int default_affinity_show(struct seq_file *m)
{
	seq_cpumask_nl(m, READ_ONCE(irq_default_affinity), false);
	return 0;
}

static ssize_t default_affinity_write(struct file *file, char *buf,
				      size_t count)
{
	unsigned long mask;
	int err = parse_cpumask(buf, count, false, &mask);

	if (err)
		return err;
	if (!(mask & cpu_online_mask))
		return -EINVAL;
	WRITE_ONCE(irq_default_affinity, mask);
	return count;
}

static const struct proc_ops default_affinity_proc_ops = {
	.proc_show = default_affinity_show,
	.proc_write = default_affinity_write,
};

void register_irq_proc(unsigned int irq, struct irq_desc *desc)
{
	void *irqp = (void *)(unsigned long)irq;
	umode_t mode = 0444;
	char name[12];

	if (!root_irq_dir || !desc->irq_data.chip)
		return;
	mutex_lock(&register_lock);
	if (desc->dir)
		goto out;
	snprintf(name, sizeof(name), "%u", irq);
	desc->dir = proc_mkdir(name, root_irq_dir);
	if (!desc->dir)
		goto out;
	if (irq_can_set_affinity_usr(irq))
		mode |= 0200;
	proc_create_data("smp_affinity", mode, desc->dir,
			 &irq_affinity_proc_ops, irqp);
	proc_create_single_data("affinity_hint", 0444, desc->dir,
				irq_affinity_hint_show, irqp);
	proc_create_data("smp_affinity_list", mode, desc->dir,
			 &irq_affinity_list_proc_ops, irqp);
	proc_create_single_data("node", 0444, desc->dir, irq_node_show, irqp);
	proc_create_single_data("effective_affinity", 0444, desc->dir,
				irq_effective_show, irqp);
	proc_create_single_data("effective_affinity_list", 0444, desc->dir,
				irq_effective_list_show, irqp);
	proc_create_single_data("spurious", 0444, desc->dir,
				irq_spurious_show, irqp);
out:
	mutex_unlock(&register_lock);
}

/* /proc/irq/N/NAME, an empty directory, unless a sibling has the name. */
void register_handler_proc(unsigned int irq, struct irqaction *action)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *a;

	if (!desc->dir || action->dir || !action->name)
		return;
	for (a = desc->action; a; a = a->next)
		if (a != action && a->name && !strcmp(a->name, action->name))
			return;
	action->dir = proc_mkdir(action->name, desc->dir);
}

void unregister_handler_proc(unsigned int irq, struct irqaction *action)
{
	proc_remove(action->dir);
	action->dir = NULL;
}

/*
 * Linux calls init_irq_proc() before the initcalls; irqlab's procfs is
 * built by an fs_initcall, so this runs right after it, and a handler
 * requested earlier gets its directory here.
 */
static int init_irq_proc(void)
{
	struct irq_desc *desc;
	unsigned int irq;

	root_irq_dir = proc_mkdir("irq", NULL);
	if (!root_irq_dir)
		return -ENOMEM;
	proc_create_data("default_smp_affinity", 0644, root_irq_dir,
			 &default_affinity_proc_ops, NULL);
	for_each_irq_desc(irq, desc) {
		struct irqaction *action;

		register_irq_proc(irq, desc);
		mutex_lock(&desc->request_mutex);
		for (action = desc->action; action; action = action->next)
			register_handler_proc(irq, action);
		mutex_unlock(&desc->request_mutex);
	}
	return 0;
}
fs_initcall_sync(init_irq_proc);
