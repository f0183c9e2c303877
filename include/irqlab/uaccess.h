/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading memory that may not be mapped, as Linux's <linux/uaccess.h>
 * copy_from_kernel_nofault(): for reports about a fault, which must not
 * fault again while reading the code or the data around it.
 */
#ifndef _IRQLAB_UACCESS_H
#define _IRQLAB_UACCESS_H

#include <irqlab/types.h>

/*
 * Copies size bytes from the kernel address src: 0, -ERANGE if src is
 * not a kernel address (the lower half, or non-canonical), -EFAULT if a
 * page of it is not mapped (nothing is copied then).
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);

#endif /* _IRQLAB_UACCESS_H */
