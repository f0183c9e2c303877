// SPDX-License-Identifier: GPL-2.0
#include <irqlab/kallsyms.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>

/* Written by tools/kallsyms.sh, sorted by address. */
extern const u64 kallsyms_num;
extern const u64 kallsyms_addresses[];
extern const char *const kallsyms_names[];
extern const char _text[], _etext[];

bool kallsyms_lookup(unsigned long addr, const char **name,
		     unsigned long *offset, unsigned long *size)
{
	unsigned long lo = 0, hi = kallsyms_num, mid, end;

	if (!kallsyms_num || addr < (unsigned long)_text ||
	    addr < kallsyms_addresses[0] || addr >= (unsigned long)_etext)
		return false;

	/* The last symbol at or below addr. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* Its size runs to the next symbol at a higher address. */
	end = (unsigned long)_etext;
	for (hi = lo + 1; hi < kallsyms_num; hi++) {
		if (kallsyms_addresses[hi] > kallsyms_addresses[lo]) {
			end = kallsyms_addresses[hi];
			break;
		}
	}
	*name = kallsyms_names[lo];
	*offset = addr - kallsyms_addresses[lo];
	*size = end - kallsyms_addresses[lo];
	return true;
}

unsigned long kallsyms_lookup_name(const char *name)
{
	u64 i;

	for (i = 0; i < kallsyms_num; i++)
		if (strcmp(kallsyms_names[i], name) == 0)
			return kallsyms_addresses[i];
	return 0;
}

static int __sprint_symbol(char *buf, unsigned long addr, int adjust)
{
	unsigned long offset, size;
	const char *name;

	if (!kallsyms_lookup(addr - adjust, &name, &offset, &size))
		return sprintf(buf, "0x%lx", addr);
	return sprintf(buf, "%s+0x%lx/0x%lx", name, offset + adjust, size);
}

int sprint_symbol(char *buf, unsigned long addr)
{
	return __sprint_symbol(buf, addr, 0);
}

/*
 * A call to a function that never returns can be the last instruction of
 * its caller, so the return address may already belong to the next
 * function: look up the address before it, as Linux's %pB does.
 */
int sprint_backtrace(char *buf, unsigned long addr)
{
	return __sprint_symbol(buf, addr, 1);
}
