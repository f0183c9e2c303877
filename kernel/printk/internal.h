/* SPDX-License-Identifier: GPL-2.0 */
/* Between printk and the consoles (kernel/printk/). */
#ifndef _KERNEL_PRINTK_INTERNAL_H
#define _KERNEL_PRINTK_INTERNAL_H

#include <irqlab/types.h>

/*
 * Writes a kernel line, or a piece of one, to every enabled console.
 * Called with the printk CPU lock held.
 */
void console_emit_kernel(const char *s, size_t len);
/* Ends the kernel line on the consoles if one is still open. */
void console_end_kernel_line(void);

/* The log buffer for syslog(2): its capacity, what it holds, clearing. */
size_t log_buf_size(void);
size_t log_buf_len(void);
void log_buf_clear(void);

#endif /* _KERNEL_PRINTK_INTERNAL_H */
