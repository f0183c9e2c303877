/* SPDX-License-Identifier: GPL-2.0 */
/* readv(2) and writev(2)'s vectors, as Linux's <linux/uio.h>. */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H

#include <irqlab/types.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV	1024

#endif /* _UAPI_LINUX_UIO_H */
