/* SPDX-License-Identifier: GPL-2.0 */
/*
 * QEMU's isa-debug-exit device (iobase 0xf4): writing v makes QEMU exit
 * with status (v << 1) | 1.  Without the device the write does nothing.
 * drivers/debugexit.c writes these on a panic and after a ktest run.
 */
#ifndef _IRQLAB_DEBUGEXIT_H
#define _IRQLAB_DEBUGEXIT_H

#define DEBUG_EXIT_KTEST_PASS	0x10	/* QEMU exits 33 */
#define DEBUG_EXIT_KTEST_FAIL	0x11	/* QEMU exits 35 */
#define DEBUG_EXIT_PANIC	0x12	/* QEMU exits 37 */

#endif /* _IRQLAB_DEBUGEXIT_H */
