// SPDX-License-Identifier: GPL-2.0
/*
 * Restart and power off (Linux's kernel/reboot.c), for reboot(2) and
 * sysrq.  irqlab has no device to shut down and nothing to write back,
 * so what Linux's kernel_restart_prepare() does is nothing here.
 */
#include <irqlab/acpi.h>
#include <irqlab/printk.h>
#include <irqlab/reboot.h>

void kernel_restart(const char *cmd)
{
	if (cmd)
		pr_emerg("reboot: Restarting system with command '%s'\n", cmd);
	else
		pr_emerg("reboot: Restarting system\n");
	machine_emergency_restart();
}

void kernel_power_off(void)
{
	acpi_power_off();
}
