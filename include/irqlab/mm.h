/* SPDX-License-Identifier: GPL-2.0 */
/* Memory totals, as Linux's si_meminfo() reports them. */
#ifndef _IRQLAB_MM_H
#define _IRQLAB_MM_H

#include <irqlab/types.h>

struct sysinfo {
	unsigned long totalram;	/* bytes the kernel may use */
	unsigned long freeram;	/* of which nobody uses yet */
};

void mem_init(void);
void si_meminfo(struct sysinfo *val);

#endif /* _IRQLAB_MM_H */
