// SPDX-License-Identifier: GPL-2.0
/*
 * IDT vectors for device interrupts, from FIRST_DEVICE_VECTOR up to the
 * system vectors.  Vectors are allocated system-wide, so one table serves
 * every CPU; Linux keeps one per CPU (vector_irq) to have more of them.
 */
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <irqlab/errno.h>
#include <irqlab/irq.h>

static int vector_irq[NR_VECTORS];	/* irq + 1; 0 = free */

int irq_alloc_vector(unsigned int irq)
{
	int v;

	for (v = FIRST_DEVICE_VECTOR; v < FIRST_SYSTEM_VECTOR; v++) {
		if (!vector_irq[v]) {
			vector_irq[v] = irq + 1;
			return v;
		}
	}
	return -ENOSPC;
}

void irq_free_vector(int vector)
{
	if (vector >= FIRST_DEVICE_VECTOR && vector < FIRST_SYSTEM_VECTOR)
		vector_irq[vector] = 0;
}

int irq_vector_to_irq(int vector)
{
	if (vector < 0 || vector >= NR_VECTORS)
		return -1;
	return vector_irq[vector] - 1;
}

int irq_to_vector(unsigned int irq)
{
	int v;

	for (v = FIRST_DEVICE_VECTOR; v < FIRST_SYSTEM_VECTOR; v++)
		if (vector_irq[v] == (int)irq + 1)
			return v;
	return -1;
}
