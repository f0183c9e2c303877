/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error numbers: Linux's x86_64 values (asm-generic/errno-base.h and
 * errno.h), returned negated as Linux does.  strerror() gives the C
 * library's message for one, errname() its name (lib/strerror.c).
 */
#ifndef _IRQLAB_ERRNO_H
#define _IRQLAB_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define ENOEXEC		8
#define EBADF		9
#define ECHILD		10
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define ENOTBLK		15
#define EBUSY		16
#define EEXIST		17
#define EXDEV		18
#define ENODEV		19
#define ENOTDIR		20
#define EISDIR		21
#define EINVAL		22
#define ENFILE		23
#define EMFILE		24
#define ENOTTY		25
#define ETXTBSY		26
#define EFBIG		27
#define ENOSPC		28
#define ESPIPE		29
#define EROFS		30
#define EMLINK		31
#define EPIPE		32
#define EDOM		33
#define ERANGE		34
#define EDEADLK		35
#define ENAMETOOLONG	36
#define ENOLCK		37
#define ENOSYS		38
#define ENOTEMPTY	39
#define ELOOP		40
#define ENOMSG		42
#define EIDRM		43
#define ENODATA		61
#define ETIME		62
#define EPROTO		71
#define EOVERFLOW	75
#define ELIBBAD		80
#define EILSEQ		84
#define ENOTSOCK	88
#define EDESTADDRREQ	89
#define EMSGSIZE	90
#define EPROTOTYPE	91
#define ENOPROTOOPT	92
#define EPROTONOSUPPORT	93
#define ESOCKTNOSUPPORT	94
#define EOPNOTSUPP	95
#define EPFNOSUPPORT	96
#define EAFNOSUPPORT	97
#define EADDRINUSE	98
#define EADDRNOTAVAIL	99
#define ENETDOWN	100
#define ENETUNREACH	101
#define ENETRESET	102
#define ECONNABORTED	103
#define ECONNRESET	104
#define ENOBUFS		105
#define EISCONN		106
#define ENOTCONN	107
#define ETIMEDOUT	110
#define ECONNREFUSED	111
#define EHOSTDOWN	112
#define EHOSTUNREACH	113
#define EALREADY	114
#define EINPROGRESS	115
#define ECANCELED	125
/* The ERESTART* never reach user space: the way out restarts the call or
 * makes it EINTR (kernel/signal_deliver.c), as Linux's. */
#define ERESTARTSYS	512	/* restart if SA_RESTART, else EINTR */
#define ERESTARTNOINTR	513	/* always restart */
#define ERESTARTNOHAND	514	/* restart if no handler ran, else EINTR */
#define ENOIOCTLCMD	515	/* no such ioctl: ENOTTY for the caller */
#define ERESTART_RESTARTBLOCK 516	/* restart through restart_block */
#define ENOTSUPP	524

#ifndef __ASSEMBLY__
/* "Invalid argument" for EINVAL or -EINVAL; "Unknown error" otherwise. */
const char *strerror(int err);
/* "EINVAL" for EINVAL or -EINVAL; NULL if it has no name here. */
const char *errname(int err);
#endif

#endif /* _IRQLAB_ERRNO_H */
