/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel command line: GRUB's, then QEMU's fw_cfg file
 * opt/irqlab/cmdline.  Parameters are "name" or "name=value"; a value may
 * be double-quoted to hold spaces; the last occurrence of a name wins.
 */
#ifndef _IRQLAB_CMDLINE_H
#define _IRQLAB_CMDLINE_H

#include <irqlab/types.h>

/* Appends QEMU's fw_cfg part to boot_info.cmdline. */
void cmdline_init(void);

/*
 * Looks name up in the command line.  Returns true if present and copies
 * its value ("" for a bare name) into val when val is not NULL.
 */
bool cmdline_get(const char *name, char *val, size_t len);

/* The same, on any string: the parser, exposed for ktest. */
bool cmdline_find(const char *cmdline, const char *name, char *val,
		  size_t len);

#endif /* _IRQLAB_CMDLINE_H */
