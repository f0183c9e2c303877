/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device memory (kernel/mm/ioremap.c): ioremap() maps physical MMIO
 * uncached into the vmalloc range, whatever the direct map says about the
 * same addresses; readl()/writel() access it.
 */
#ifndef _ASM_IO_MAP_H
#define _ASM_IO_MAP_H

#include <irqlab/types.h>

#ifndef __iomem
#define __iomem		/* sparse's marker; nothing to the compiler */
#endif

/* NULL if no virtual space or page-table memory is left. */
void __iomem *ioremap(phys_addr_t phys, unsigned long size);
void iounmap(volatile void __iomem *addr);

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel(u32 v, volatile void __iomem *addr)
{
	*(volatile u32 *)addr = v;
}

#endif /* _ASM_IO_MAP_H */
