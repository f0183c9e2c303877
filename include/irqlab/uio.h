/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a read puts its bytes or a write takes them from, as Linux's
 * struct iov_iter (<linux/uio.h>): a user buffer (the system calls) or a
 * kernel one (kernel_read(), the ktests), so that a file system's
 * read_iter and write_iter are written once for both.  One segment:
 * readv and writev go segment by segment.
 */
#ifndef _IRQLAB_UIO_H
#define _IRQLAB_UIO_H

#include <irqlab/types.h>
#include <uapi/linux/uio.h>

#ifndef __user
#define __user
#endif

struct iov_iter {
	bool user;		/* buf is a user address */
	char *buf;		/* the next byte */
	size_t count;		/* bytes left */
};

static inline void iov_iter_init(struct iov_iter *i, bool user, void *buf,
				 size_t count)
{
	i->user = user;
	i->buf = buf;
	i->count = count;
}

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* Each returns the bytes it moved (fewer on a user fault) and advances. */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);

#endif /* _IRQLAB_UIO_H */
