// SPDX-License-Identifier: GPL-2.0
/*
 * procfs's own top-level files, in Linux's formats: uptime
 * (fs/proc/uptime.c), mounts (fs/proc_namespace.c show_vfsmnt),
 * filesystems (fs/filesystems.c), cpuinfo (arch/x86/kernel/cpu/proc.c,
 * the fields irqlab can give).
 */
#include "internal.h"
#include <irqlab/fdtable.h>
#include <irqlab/kernel_stat.h>
#include <irqlab/slab.h>
#include <irqlab/smp.h>
#include <irqlab/string.h>
#include <irqlab/timekeeping.h>
#include <asm/processor.h>
#include <asm/tsc.h>

/* "%lu.%02lu %lu.%02lu\n": since boot, and idle summed over the CPUs. */
static int uptime_show(struct seq_file *m)
{
	struct kernel_cpustat k;
	u64 up = ktime_get_ns(), idle = 0;
	int cpu;

	for_each_online_cpu(cpu) {
		kcpustat_cpu_fetch(&k, cpu);
		idle += k.cpustat[CPUTIME_IDLE];
	}
	seq_printf(m, "%lu.%02lu %lu.%02lu\n",
		   (unsigned long)(up / 1000000000),
		   (unsigned long)(up % 1000000000 / 10000000),
		   (unsigned long)(idle / 1000000000),
		   (unsigned long)(idle % 1000000000 / 10000000));
	return 0;
}

#define MOUNTS_MAX	64

/* "rootfs / rootfs rw 0 0": device, mount point, type, options. */
static int mounts_show(struct seq_file *m)
{
	struct vfsmount **mnts, *mnt;
	struct path root;
	char *buf;
	int n = 0, i;

	mnts = kmalloc_array(MOUNTS_MAX, sizeof(*mnts), GFP_KERNEL);
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!mnts || !buf) {
		kfree(mnts);
		kfree(buf);
		return -ENOMEM;
	}
	/* vfsmounts are never freed (umount is lazy): a snapshot is safe. */
	mutex_lock(&dcache_lock);
	list_for_each_entry(mnt, &mount_list, mnt_list)
		if (n < MOUNTS_MAX)
			mnts[n++] = mnt;
	mutex_unlock(&dcache_lock);
	get_fs_root(&root);
	for (i = 0; i < n; i++) {
		struct path mp = { mnts[i], mnts[i]->mnt_root };
		int fl = mnts[i]->mnt_flags;
		char *p = d_path_root(&mp, &root, buf, PATH_MAX);

		if (IS_ERR(p))
			continue;
		seq_printf(m, "%s %s %s %s%s%s%s%s 0 0\n", mnts[i]->mnt_devname,
			   p, mnts[i]->mnt_sb->s_type->name,
			   fl & MS_RDONLY ? "ro" : "rw",
			   fl & MS_NOSUID ? ",nosuid" : "",
			   fl & MS_NODEV ? ",nodev" : "",
			   fl & MS_NOEXEC ? ",noexec" : "",
			   fl & MS_NOATIME ? ",noatime" : ",relatime");
	}
	path_put(&root);
	kfree(buf);
	kfree(mnts);
	return 0;
}

/*
 * fs/filesystems.c keeps its list to itself: these are the types irqlab
 * has, asked for by name, in registration order.  None has a device.
 */
static const char *const fs_names[] = {
	"rootfs", "ramfs", "tmpfs", "devtmpfs", "proc", "sysfs",
};

static int filesystems_show(struct seq_file *m)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fs_names); i++)
		if (get_fs_type(fs_names[i]))
			seq_printf(m, "nodev\t%s\n", fs_names[i]);
	return 0;
}

/* CPUID's feature bits, Linux's names (arch/x86/include/asm/cpufeatures.h). */
static const char *const edx_flags[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce",
	"cx8", "apic", NULL, "sep", "mtrr", "pge", "mca", "cmov",
	"pat", "pse36", "pn", "clflush", NULL, "dts", "acpi", "mmx",
	"fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe",
};
static const char *const ecx_flags[32] = {
	"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est",
	"tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm",
	NULL, "pcid", "dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt",
	"tsc_deadline_timer", "aes", "xsave", NULL, "avx", "f16c", "rdrand",
	"hypervisor",
};

static int cpuinfo_show(struct seq_file *m)
{
	u32 a, b, c, d, x, y, z, level, max, vendor[4] = { 0 };
	u32 name[13] = { 0 };
	unsigned int family, model, stepping, i;
	int cpu;

	cpuid(0, &level, &vendor[0], &vendor[2], &vendor[1]);
	cpuid(1, &a, &b, &c, &d);
	family = (a >> 8) & 0xf;
	model = (a >> 4) & 0xf;
	stepping = a & 0xf;
	if (family == 0xf)
		family += (a >> 20) & 0xff;
	if (family >= 6)
		model += ((a >> 16) & 0xf) << 4;
	cpuid(0x80000000, &max, &x, &y, &z);
	if (max >= 0x80000004)
		for (i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &name[4 * i], &name[4 * i + 1],
			      &name[4 * i + 2], &name[4 * i + 3]);
	for_each_online_cpu(cpu) {
		const char *n = (const char *)name;

		while (*n == ' ')
			n++;
		seq_printf(m, "processor\t: %d\n", cpu);
		seq_printf(m, "vendor_id\t: %s\n", (const char *)vendor);
		seq_printf(m, "cpu family\t: %u\nmodel\t\t: %u\n", family,
			   model);
		seq_printf(m, "model name\t: %s\n", *n ? n : "unknown");
		seq_printf(m, "stepping\t: %u\n", stepping);
		seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000,
			   tsc_khz % 1000);
		seq_printf(m, "physical id\t: 0\nsiblings\t: %u\n",
			   num_online_cpus());
		seq_printf(m, "core id\t\t: %d\ncpu cores\t: %u\n", cpu,
			   num_online_cpus());
		seq_printf(m, "apicid\t\t: %d\ninitial apicid\t: %d\n", cpu,
			   cpu);
		seq_puts(m, "fpu\t\t: yes\nfpu_exception\t: yes\n");
		seq_printf(m, "cpuid level\t: %u\nwp\t\t: yes\n", level);
		seq_puts(m, "flags\t\t:");
		for (i = 0; i < 32; i++)
			if ((d & (1U << i)) && edx_flags[i])
				seq_printf(m, " %s", edx_flags[i]);
		for (i = 0; i < 32; i++)
			if ((c & (1U << i)) && ecx_flags[i])
				seq_printf(m, " %s", ecx_flags[i]);
		seq_puts(m, "\n");
		seq_printf(m, "bogomips\t: %lu.%02lu\n", tsc_khz / 500,
			   tsc_khz / 5 % 100);
		seq_puts(m, "clflush size\t: 64\ncache_alignment\t: 64\n");
		seq_puts(m, "address sizes\t: 48 bits physical, "
			    "48 bits virtual\n");
		seq_puts(m, "power management:\n\n");
	}
	return 0;
}

int proc_misc_init(struct dentry *root)
{
	static const struct {
		const char *name;
		int (*show)(struct seq_file *m);
	} files[] = {
		{ "uptime", uptime_show },
		{ "mounts", mounts_show },
		{ "filesystems", filesystems_show },
		{ "cpuinfo", cpuinfo_show },
	};
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		err = proc_create(root, files[i].name, S_IFREG | 0444,
				  files[i].show, NULL, 0, NULL);
		if (err)
			return err;
	}
	return 0;
}
