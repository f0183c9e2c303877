// SPDX-License-Identifier: GPL-2.0
/*
 * Error numbers as text: the C library's strerror() messages, so that a
 * shell command fails with the words a Linux user knows ("ethtool: ...:
 * Operation not supported"), and Linux's errname() for logs.
 */
#include <irqlab/errno.h>
#include <irqlab/compiler.h>
#include <irqlab/types.h>

struct errtext {
	int err;
	const char *name;
	const char *msg;
};

#define ERR(e, m)	{ e, #e, m }

static const struct errtext errtexts[] = {
	ERR(EPERM, "Operation not permitted"),
	ERR(ENOENT, "No such file or directory"),
	ERR(ESRCH, "No such process"),
	ERR(EINTR, "Interrupted system call"),
	ERR(EIO, "Input/output error"),
	ERR(ENXIO, "No such device or address"),
	ERR(E2BIG, "Argument list too long"),
	ERR(ENOEXEC, "Exec format error"),
	ERR(EBADF, "Bad file descriptor"),
	ERR(ECHILD, "No child processes"),
	ERR(EAGAIN, "Resource temporarily unavailable"),
	ERR(ENOMEM, "Cannot allocate memory"),
	ERR(EACCES, "Permission denied"),
	ERR(EFAULT, "Bad address"),
	ERR(ENOTBLK, "Block device required"),
	ERR(EBUSY, "Device or resource busy"),
	ERR(EEXIST, "File exists"),
	ERR(EXDEV, "Invalid cross-device link"),
	ERR(ENODEV, "No such device"),
	ERR(ENOTDIR, "Not a directory"),
	ERR(EISDIR, "Is a directory"),
	ERR(EINVAL, "Invalid argument"),
	ERR(ENFILE, "Too many open files in system"),
	ERR(EMFILE, "Too many open files"),
	ERR(ENOTTY, "Inappropriate ioctl for device"),
	ERR(ETXTBSY, "Text file busy"),
	ERR(EFBIG, "File too large"),
	ERR(ENOSPC, "No space left on device"),
	ERR(ESPIPE, "Illegal seek"),
	ERR(EROFS, "Read-only file system"),
	ERR(EMLINK, "Too many links"),
	ERR(EPIPE, "Broken pipe"),
	ERR(EDOM, "Numerical argument out of domain"),
	ERR(ERANGE, "Numerical result out of range"),
	ERR(EDEADLK, "Resource deadlock avoided"),
	ERR(ENAMETOOLONG, "File name too long"),
	ERR(ENOLCK, "No locks available"),
	ERR(ENOSYS, "Function not implemented"),
	ERR(ENOTEMPTY, "Directory not empty"),
	ERR(ELOOP, "Too many levels of symbolic links"),
	ERR(ENOMSG, "No message of desired type"),
	ERR(EIDRM, "Identifier removed"),
	ERR(ENODATA, "No data available"),
	ERR(ETIME, "Timer expired"),
	ERR(EPROTO, "Protocol error"),
	ERR(EOVERFLOW, "Value too large for defined data type"),
	ERR(ELIBBAD, "Accessing a corrupted shared library"),
	ERR(EILSEQ, "Invalid or incomplete multibyte or wide character"),
	ERR(ENOTSOCK, "Socket operation on non-socket"),
	ERR(EDESTADDRREQ, "Destination address required"),
	ERR(EMSGSIZE, "Message too long"),
	ERR(EPROTOTYPE, "Protocol wrong type for socket"),
	ERR(ENOPROTOOPT, "Protocol not available"),
	ERR(EPROTONOSUPPORT, "Protocol not supported"),
	ERR(ESOCKTNOSUPPORT, "Socket type not supported"),
	ERR(EOPNOTSUPP, "Operation not supported"),
	ERR(EPFNOSUPPORT, "Protocol family not supported"),
	ERR(EAFNOSUPPORT, "Address family not supported by protocol"),
	ERR(EADDRINUSE, "Address already in use"),
	ERR(EADDRNOTAVAIL, "Cannot assign requested address"),
	ERR(ENETDOWN, "Network is down"),
	ERR(ENETUNREACH, "Network is unreachable"),
	ERR(ENETRESET, "Network dropped connection on reset"),
	ERR(ECONNABORTED, "Software caused connection abort"),
	ERR(ECONNRESET, "Connection reset by peer"),
	ERR(ENOBUFS, "No buffer space available"),
	ERR(EISCONN, "Transport endpoint is already connected"),
	ERR(ENOTCONN, "Transport endpoint is not connected"),
	ERR(ETIMEDOUT, "Connection timed out"),
	ERR(ECONNREFUSED, "Connection refused"),
	ERR(EHOSTDOWN, "Host is down"),
	ERR(EHOSTUNREACH, "No route to host"),
	ERR(EALREADY, "Operation already in progress"),
	ERR(EINPROGRESS, "Operation now in progress"),
	ERR(ECANCELED, "Operation canceled"),
	ERR(ENOTSUPP, "Unknown error 524"),
};

static const struct errtext *errtext(int err)
{
	unsigned int i;

	if (err < 0)
		err = -err;
	for (i = 0; i < ARRAY_SIZE(errtexts); i++)
		if (errtexts[i].err == err)
			return &errtexts[i];
	return NULL;
}

const char *strerror(int err)
{
	const struct errtext *e = errtext(err);

	return e ? e->msg : "Unknown error";
}

const char *errname(int err)
{
	const struct errtext *e = errtext(err);

	return e ? e->name : NULL;
}
