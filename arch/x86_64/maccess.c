// SPDX-License-Identifier: GPL-2.0
/*
 * copy_from_kernel_nofault() (<irqlab/uaccess.h>).  Linux reads and lets
 * its exception table catch the fault; irqlab has no exception table, so
 * it asks the page tables first whether every page is mapped.  The
 * kernel's mappings only change under the page-table lock, and the
 * callers are reports that have stopped the other CPUs, or read the
 * running kernel's own text.
 */
#include <irqlab/uaccess.h>
#include <irqlab/errno.h>
#include <irqlab/string.h>
#include <asm/page.h>
#include <asm/pgtable.h>

/* The kernel half of a 48-bit address space: bits 63-47 all set. */
static bool kernel_address(unsigned long a)
{
	return (long)a >> 47 == -1L;
}

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	unsigned long start = (unsigned long)src, end = start + size, page;
	unsigned int level;

	if (!size)
		return 0;
	if (end < start || !kernel_address(start) || !kernel_address(end - 1))
		return -ERANGE;
	for (page = start & PAGE_MASK; page < end; page += PAGE_SIZE)
		if (!lookup_address(page, &level))
			return -EFAULT;
	memcpy(dst, src, size);
	return 0;
}
