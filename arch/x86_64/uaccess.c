// SPDX-License-Identifier: GPL-2.0
/*
 * The user-access API of <irqlab/uaccess.h> over usercopy.S, and the
 * exception-table lookup the fault handler uses.  Every range is checked
 * against the user half before any byte moves, so a user pointer into
 * the kernel gets -EFAULT without a fault.
 */
#include <asm/extable.h>
#include <irqlab/errno.h>
#include <irqlab/string.h>
#include <irqlab/uaccess.h>

unsigned long __copy_user(void *to, const void *from, unsigned long n);
unsigned long __clear_user(void *to, unsigned long n);
long __strncpy_from_user(char *dst, const char *src, long count);

extern const struct exception_table_entry __start___ex_table[],
	__stop___ex_table[];

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == regs->ip) {
			regs->ip = e->fixup;
			return true;
		}
	return false;
}

/* As Linux's: what could not be copied is zeroed, never left stale. */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = __copy_user(to, (const void *)from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user((void *)to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __clear_user((void *)to, n);
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long a = (unsigned long)src, max;
	long ret;

	if (count <= 0)
		return 0;
	if (a >= TASK_SIZE_MAX)
		return -EFAULT;
	max = TASK_SIZE_MAX - a;
	ret = __strncpy_from_user(dst, (const char *)src,
				  (unsigned long)count < max ? count : (long)max);
	/* Ran into the end of the user half without a NUL. */
	if (ret >= 0 && (unsigned long)ret == max && (unsigned long)count > max)
		return -EFAULT;
	return ret;
}

long strnlen_user(const char __user *src, long n)
{
	char buf[64];
	long total = 0;

	while (total < n) {
		long chunk = n - total < (long)sizeof(buf) ? n - total :
			     (long)sizeof(buf);
		long r = strncpy_from_user(buf, src + total, chunk);

		if (r < 0)
			return 0;
		if (r < chunk)
			return total + r + 1;
		total += chunk;
	}
	return n + 1;
}
