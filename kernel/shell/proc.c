// SPDX-License-Identifier: GPL-2.0
/* The /proc files of the boot subsystems, in Linux's formats. */
#include <irqlab/shell.h>
#include <irqlab/bootinfo.h>
#include <irqlab/mm.h>

static void proc_cmdline_show(void)
{
	sh_printf("%s\n", boot_info.cmdline);
}
PROC_ENTRY("/proc/cmdline", proc_cmdline_show);

static void proc_version_show(void)
{
	sh_printf("irqlab version %s (gcc %s) #1 SMP\n", IRQLAB_VERSION,
		  __VERSION__);
}
PROC_ENTRY("/proc/version", proc_version_show);

/* fs/proc/meminfo.c: the label padded to 16 columns, 8-wide kB values. */
static void show_val_kb(const char *label, unsigned long bytes)
{
	sh_printf("%-16s%8lu kB\n", label, bytes >> 10);
}

static void proc_meminfo_show(void)
{
	struct sysinfo i;

	si_meminfo(&i);
	show_val_kb("MemTotal:", i.totalram);
	show_val_kb("MemFree:", i.freeram);
	show_val_kb("MemAvailable:", i.freeram);
}
PROC_ENTRY("/proc/meminfo", proc_meminfo_show);
