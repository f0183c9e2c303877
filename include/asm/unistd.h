/* SPDX-License-Identifier: GPL-2.0 */
/*
 * __NR_read and the rest, from the table in <asm/syscalls_64.h>, and
 * NR_syscalls: one past the highest number.
 */
#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

enum {
#define __SYSCALL(nr, name)	__NR_##name = (nr),
#include <asm/syscalls_64.h>
#undef __SYSCALL
	__NR_syscall_max_plus_one
};

#define NR_syscalls	451

#endif /* _ASM_UNISTD_H */
