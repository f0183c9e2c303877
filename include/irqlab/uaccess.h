/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reaching memory the kernel does not trust, as Linux's
 * <linux/uaccess.h>:
 *
 *  - a user pointer (__user) is checked against the user half first
 *    (access_ok) and then read or written by code whose faults are
 *    expected: a page fault there ends the copy instead of the kernel
 *    (arch/x86_64/usercopy.S and its exception table).  A page of the
 *    process's address space that is not yet populated is faulted in, as
 *    for the program itself.
 *  - copy_from_kernel_nofault(): for reports about a fault, which must not
 *    fault again while reading the code or the data around it.
 */
#ifndef _IRQLAB_UACCESS_H
#define _IRQLAB_UACCESS_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

#ifndef __user
#define __user
#endif

/* The top of the user half: the last page below it stays unmapped, as
 * on Linux (a SYSRET to a non-canonical address must never happen). */
#define TASK_SIZE_MAX	((1UL << 47) - 4096)
#define TASK_SIZE	TASK_SIZE_MAX

/* The whole range [addr, addr + size) is in the user half. */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

/* Both return the number of bytes NOT copied: 0 is success. */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n);
/* Zeroes n user bytes; returns the number not zeroed. */
unsigned long clear_user(void __user *to, unsigned long n);
/*
 * Copies a NUL-terminated string of at most count bytes: its length
 * (without the NUL; count if it did not end within count bytes, then
 * dst is not terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* The length of a user string, NUL included; 0 on a fault; more than n
 * if it does not end within n bytes. */
long strnlen_user(const char __user *src, long n);

/* One value of a scalar type: 0 or -EFAULT. */
#define get_user(x, ptr)						\
	({								\
		/* Bytes, so a const target type can still be filled. */ \
		union {							\
			__typeof__(*(ptr)) v;				\
			unsigned char b[sizeof(*(ptr))];		\
		} __gu;							\
		int __gu_err = copy_from_user(__gu.b, (ptr),		\
					      sizeof(__gu.b)) ?		\
			       -EFAULT : 0;				\
		(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu.v;	\
		__gu_err;						\
	})
#define put_user(x, ptr)						\
	({								\
		__typeof__(*(ptr)) __pu_val = (x);			\
		copy_to_user((ptr), &__pu_val, sizeof(__pu_val)) ?	\
			-EFAULT : 0;					\
	})

/*
 * Copies size bytes from the kernel address src: 0, -ERANGE if src is
 * not a kernel address (the lower half, or non-canonical), -EFAULT if a
 * page of it is not mapped (nothing is copied then).
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);

#endif /* _IRQLAB_UACCESS_H */
