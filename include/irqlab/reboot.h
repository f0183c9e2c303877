/* SPDX-License-Identifier: GPL-2.0 */
/* Restarting and powering off (Linux's <linux/reboot.h>). */
#ifndef _IRQLAB_REBOOT_H
#define _IRQLAB_REBOOT_H

#include <irqlab/compiler.h>

/* arch: reset now, nothing flushed or said (sysrq b). */
void __noreturn machine_emergency_restart(void);
/* kernel/reboot.c: "reboot: Restarting system", then the reset. */
void __noreturn kernel_restart(const char *cmd);
/* "reboot: Power down" and ACPI S5; returns only if that failed. */
void kernel_power_off(void);

#endif /* _IRQLAB_REBOOT_H */
