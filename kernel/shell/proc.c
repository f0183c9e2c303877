// SPDX-License-Identifier: GPL-2.0
/* The /proc files of the boot subsystems, in Linux's formats. */
#include <irqlab/shell.h>
#include <irqlab/bootinfo.h>
#include <irqlab/mm.h>
#include <irqlab/string.h>

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
	static const char *const zero_kb[] = {
		"Buffers:", "Cached:", "SwapCached:", "Active:", "Inactive:",
		"Active(anon):", "Inactive(anon):", "Active(file):",
		"Inactive(file):", "Unevictable:", "Mlocked:", "SwapTotal:",
		"SwapFree:", "Zswap:", "Zswapped:", "Dirty:", "Writeback:",
		"AnonPages:", "Mapped:", "Shmem:", "KReclaimable:", "Slab:",
		"SReclaimable:", "SUnreclaim:", "KernelStack:", "PageTables:",
		"NFS_Unstable:", "Bounce:", "WritebackTmp:", "CommitLimit:",
		"Committed_AS:", "VmallocTotal:", "VmallocUsed:",
		"VmallocChunk:", "Percpu:",
		"AnonHugePages:", "ShmemHugePages:", "ShmemPmdMapped:",
		"FileHugePages:", "FilePmdMapped:",
	};
	struct sysinfo i;
	unsigned int n;

	si_meminfo(&i);
	show_val_kb("MemTotal:", i.totalram);
	show_val_kb("MemFree:", i.freeram);
	show_val_kb("MemAvailable:", i.freeram);
	/*
	 * The rest of Linux's lines, in its order, for free and top: irqlab
	 * has no page cache, swap, slab accounting or huge pages yet.
	 */
	for (n = 0; n < ARRAY_SIZE(zero_kb); n++) {
		show_val_kb(zero_kb[n], 0);
		/* Linux gives this one its own width. */
		if (!strcmp(zero_kb[n], "Percpu:"))
			sh_printf("HardwareCorrupted: %5lu kB\n", 0UL);
	}
	sh_printf("HugePages_Total:       0\nHugePages_Free:        0\n"
		  "HugePages_Rsvd:        0\nHugePages_Surp:        0\n");
	show_val_kb("Hugepagesize:", 2048 << 10);
	show_val_kb("Hugetlb:", 0);
}
PROC_ENTRY("/proc/meminfo", proc_meminfo_show);
