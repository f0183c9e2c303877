/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the kernel does on every way back to user mode (Linux's
 * <linux/entry-common.h>, kernel/entry/common.c): reschedule if asked,
 * act on a pending signal, then return with interrupts off for the final
 * register restore.
 */
#ifndef _IRQLAB_ENTRY_COMMON_H
#define _IRQLAB_ENTRY_COMMON_H

#include <asm/ptrace.h>

void exit_to_user_mode(struct pt_regs *regs);
/* An unknown system call: -ENOSYS, logged once per number. */
long sys_ni_syscall(unsigned long nr);
/* ret_from_fork, when a kernel thread's function returned ret. */
void ret_from_kernel_thread(long ret);

#endif /* _IRQLAB_ENTRY_COMMON_H */
