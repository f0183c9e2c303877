/* SPDX-License-Identifier: GPL-2.0 */
/* Magic SysRq (drivers/tty/sysrq.c), Linux's <linux/sysrq.h>. */
#ifndef _IRQLAB_SYSRQ_H
#define _IRQLAB_SYSRQ_H

#include <irqlab/types.h>

/* A key from a console (the serial BREAK): if kernel.sysrq allows it. */
void handle_sysrq(int key);
/* Any key, checked against kernel.sysrq or not (/proc/sysrq-trigger). */
void __handle_sysrq(int key, bool check_mask);

#endif /* _IRQLAB_SYSRQ_H */
