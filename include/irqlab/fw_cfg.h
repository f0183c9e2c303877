/* SPDX-License-Identifier: GPL-2.0 */
/* QEMU's firmware configuration device (fw_cfg), I/O port interface. */
#ifndef _IRQLAB_FW_CFG_H
#define _IRQLAB_FW_CFG_H

#include <irqlab/types.h>

bool fw_cfg_present(void);
/*
 * Copies up to len bytes of the named fw_cfg file (e.g. "opt/irqlab/cmdline")
 * into buf.  Returns the file's full size, or -ENOENT / -ENODEV.
 */
long fw_cfg_read_file(const char *name, void *buf, size_t len);

#endif /* _IRQLAB_FW_CFG_H */
