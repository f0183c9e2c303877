/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel symbols, for backtraces: tools/kallsyms.sh embeds the ELF's text
 * symbols into the image at build time, as Linux's scripts/kallsyms does.
 */
#ifndef _IRQLAB_KALLSYMS_H
#define _IRQLAB_KALLSYMS_H

#include <irqlab/types.h>

#define KSYM_NAME_LEN	128
#define KSYM_SYMBOL_LEN	(KSYM_NAME_LEN + 40)

/* The function containing addr; false if it is not kernel text. */
bool kallsyms_lookup(unsigned long addr, const char **name,
		     unsigned long *offset, unsigned long *size);
unsigned long kallsyms_lookup_name(const char *name);

/* "name+0xoff/0xsize", or the bare address if it is not kernel text. */
int sprint_symbol(char *buf, unsigned long addr);
/* The same for a return address, which may lie just past its caller. */
int sprint_backtrace(char *buf, unsigned long addr);

#endif /* _IRQLAB_KALLSYMS_H */
