// SPDX-License-Identifier: GPL-2.0
/* The irq_desc table: one per interrupt number, as Linux's irqdesc.c. */
#include <irqlab/irq.h>
#include <irqlab/kernel.h>
#include <irqlab/errno.h>

static struct irq_desc irq_desc[NR_IRQS];

/* Every CPU, as Linux's without irqaffinity=. */
unsigned long irq_default_affinity = ~0UL;

struct irq_desc *irq_to_desc(unsigned int irq)
{
	if (irq >= NR_IRQS)
		return NULL;
	return &irq_desc[irq];
}

void irq_set_chip_and_handler_name(unsigned int irq, struct irq_chip *chip,
				   irq_flow_handler_t handle, const char *name)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc)
		return;
	if (!desc->irq_data.chip) {
		spin_lock_init(&desc->lock);
		desc->lock.name = "irq_desc";
		init_waitqueue_head(&desc->wait_for_threads);
		mutex_init(&desc->request_mutex);
	}
	desc->irq_data.irq = irq;
	desc->irq_data.chip = chip;
	desc->handle_irq = handle;
	desc->name = name;
	desc->depth = 1;		/* disabled until requested */
	irqd_set(&desc->irq_data, IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED);
	/* Linux's: any CPU may take it, and the chip starts on CPU 0. */
	desc->irq_data.affinity = irq_default_affinity;
	desc->irq_data.effective_affinity = 1;
}

int generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc || !desc->handle_irq)
		return -EINVAL;
	desc->handle_irq(desc);
	return 0;
}

unsigned int kstat_irqs(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned int sum = 0;
	int cpu;

	if (!desc)
		return 0;
	for_each_online_cpu(cpu)
		sum += desc->kstat_irqs[cpu];
	return sum;
}

unsigned long kstat_irqs_total(void)
{
	unsigned long sum = 0;
	unsigned int irq;

	for (irq = 0; irq < NR_IRQS; irq++)
		sum += kstat_irqs(irq);
	return sum;
}
