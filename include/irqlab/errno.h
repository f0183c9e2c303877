/* SPDX-License-Identifier: GPL-2.0 */
/* Error numbers: Linux's values, returned negated as Linux does. */
#ifndef _IRQLAB_ERRNO_H
#define _IRQLAB_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define EAGAIN		11
#define ENOMEM		12
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define ERANGE		34
#define ENOSYS		38
#define ETIME		62
#define EMSGSIZE	90
#define EADDRINUSE	98
#define ENETUNREACH	101
#define ENOBUFS		105
#define ETIMEDOUT	110

#endif /* _IRQLAB_ERRNO_H */
