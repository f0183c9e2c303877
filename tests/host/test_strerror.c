// SPDX-License-Identifier: GPL-2.0
/*
 * lib/strerror.c against the C library: every error number irqlab names
 * has glibc's value and glibc's message, with either sign.
 */
#include <irqlab/errno.h>

#include "check.h"

#define ERRNO_CASE(e)	{ e, #e }

static const struct {
	int err;
	const char *name;
} cases[] = {
	ERRNO_CASE(EPERM), ERRNO_CASE(ENOENT), ERRNO_CASE(EINTR),
	ERRNO_CASE(EIO), ERRNO_CASE(ENXIO), ERRNO_CASE(EBADF),
	ERRNO_CASE(EAGAIN), ERRNO_CASE(ENOMEM), ERRNO_CASE(EFAULT),
	ERRNO_CASE(EBUSY), ERRNO_CASE(EEXIST), ERRNO_CASE(ENODEV),
	ERRNO_CASE(EINVAL), ERRNO_CASE(ENOTTY), ERRNO_CASE(ENOSPC),
	ERRNO_CASE(EPIPE), ERRNO_CASE(ERANGE), ERRNO_CASE(ENOSYS),
	ERRNO_CASE(ENODATA), ERRNO_CASE(ETIME), ERRNO_CASE(EMSGSIZE),
	ERRNO_CASE(EOPNOTSUPP), ERRNO_CASE(EAFNOSUPPORT),
	ERRNO_CASE(EADDRINUSE), ERRNO_CASE(ENETUNREACH),
	ERRNO_CASE(ENOBUFS), ERRNO_CASE(ETIMEDOUT), ERRNO_CASE(ECANCELED),
};

void test_strerror(void)
{
	unsigned int i;
	int e;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_INT(cases[i].err, ref_errno_value(cases[i].name));
		CHECK_STR(strerror(cases[i].err), ref_strerror(cases[i].err));
		CHECK_STR(strerror(-cases[i].err), ref_strerror(cases[i].err));
		CHECK_STR(errname(-cases[i].err), cases[i].name);
	}
	/* Every number the table knows reads as the C library's text. */
	for (e = 1; e < 134; e++)
		if (errname(e))
			CHECK_STR(strerror(e), ref_strerror(e));
	CHECK_STR(strerror(0), "Unknown error");
	CHECK_STR(strerror(4000), "Unknown error");
	CHECK_PTR(errname(4000), NULL);
}
