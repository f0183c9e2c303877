// SPDX-License-Identifier: GPL-2.0
/*
 * syslog(2), what dmesg reads the kernel's log with (Linux's
 * kernel/printk/printk.c do_syslog): the whole buffer, its size, or
 * clearing it.  The lines are as the console shows them ("[    1.234567]
 * message"); Linux's also start with "<level>", which irqlab's log does
 * not keep, so `dmesg -r` shows no levels.
 */
#include <irqlab/errno.h>
#include <irqlab/printk.h>
#include <irqlab/slab.h>
#include <irqlab/syscalls.h>
#include "internal.h"

#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

/* The last len bytes of the log, from a line's start: bytes copied. */
static long syslog_read_all(char __user *buf, int len, bool clear)
{
	size_t size = log_buf_size();
	char *k = kmalloc(size + 1, GFP_KERNEL);
	size_t n, start = 0;
	long ret;

	if (!k)
		return -ENOMEM;
	n = log_buf_copy(k, size + 1);
	if (n > (size_t)len) {
		start = n - len;
		while (start < n && k[start - 1] != '\n')
			start++;
	}
	ret = copy_to_user(buf, k + start, n - start) ? -EFAULT :
	      (long)(n - start);
	kfree(k);
	if (clear && ret >= 0)
		log_buf_clear();
	return ret;
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		return syslog_read_all(buf, len,
				       type == SYSLOG_ACTION_READ_CLEAR);
	case SYSLOG_ACTION_CLEAR:
		log_buf_clear();
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
	case SYSLOG_ACTION_CONSOLE_ON:
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = len;
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD:
		return log_buf_len();
	case SYSLOG_ACTION_SIZE_BUFFER:
		return log_buf_size();
	}
	return -EINVAL;
}
