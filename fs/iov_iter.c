// SPDX-License-Identifier: GPL-2.0
/*
 * Moving bytes between a file system and the buffer of a read or write:
 * a user buffer goes through copy_to_user()/copy_from_user(), whose
 * faults end the copy short instead of oopsing; a kernel one is a
 * memcpy.  As Linux's lib/iov_iter.c for one ITER_UBUF or ITER_KVEC.
 */
#include <irqlab/uio.h>
#include <irqlab/uaccess.h>
#include <irqlab/string.h>

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = bytes < i->count ? bytes : i->count;

	if (i->user)
		n -= copy_to_user((void __user *)i->buf, addr, n);
	else
		memcpy(i->buf, addr, n);
	i->buf += n;
	i->count -= n;
	return n;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = bytes < i->count ? bytes : i->count;

	if (i->user)
		n -= copy_from_user(addr, (const void __user *)i->buf, n);
	else
		memcpy(addr, i->buf, n);
	i->buf += n;
	i->count -= n;
	return n;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	size_t n = bytes < i->count ? bytes : i->count;

	if (i->user)
		n -= clear_user((void __user *)i->buf, n);
	else
		memset(i->buf, 0, n);
	i->buf += n;
	i->count -= n;
	return n;
}
