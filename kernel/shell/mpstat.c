// SPDX-License-Identifier: GPL-2.0
/*
 * mpstat -P ALL [INTERVAL [COUNT]]: sysstat's per-CPU utilisation report,
 * from the measured CPU time (kernel/cputime.c), every INTERVAL seconds,
 * COUNT times or until ^C, then the Average lines.
 */
#include <irqlab/shell.h>
#include <irqlab/kernel_stat.h>
#include <irqlab/string.h>
#include <irqlab/kstrtox.h>
#include <irqlab/timer.h>
#include <irqlab/timekeeping.h>
#include <irqlab/slab.h>
#include <irqlab/sprintf.h>
#include <irqlab/smp.h>

/* sysstat's column order. */
static const enum cpu_usage_stat cols[] = {
	CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_IOWAIT,
	CPUTIME_IRQ, CPUTIME_SOFTIRQ, CPUTIME_STEAL, CPUTIME_GUEST,
	CPUTIME_GUEST_NICE, CPUTIME_IDLE,
};

#define ALL	NR_CPUS		/* the "all" row's slot */

static void timestamp(char *buf, size_t len)
{
	struct tm tm;

	time64_to_tm(ktime_get_real_seconds(), 0, &tm);
	snprintf(buf, len, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void fetch_all(struct kernel_cpustat *k)
{
	unsigned int i;
	int cpu;

	memset(&k[ALL], 0, sizeof(k[ALL]));
	for_each_online_cpu(cpu) {
		kcpustat_cpu_fetch(&k[cpu], cpu);
		for (i = 0; i < NR_STATS; i++)
			k[ALL].cpustat[i] += k[cpu].cpustat[i];
	}
}

static void print_row(const char *label, int cpu,
		      const struct kernel_cpustat *a,
		      const struct kernel_cpustat *b)
{
	u64 d[NR_STATS], total = 0, v;
	unsigned int i;

	for (i = 0; i < NR_STATS; i++)
		total += d[i] = b->cpustat[i] - a->cpustat[i];
	sh_printf("%-11s", label);
	if (cpu == ALL)
		sh_printf("  all");
	else
		sh_printf(" %4d", cpu);
	for (i = 0; i < ARRAY_SIZE(cols); i++) {
		v = total ? d[cols[i]] * 10000 / total : 0;
		sh_printf("%5lu.%02lu", v / 100, v % 100);
	}
	sh_printf("\n");
}

static void print_header(const char *label)
{
	sh_printf("\n%-11s  CPU    %%usr   %%nice    %%sys %%iowait    %%irq   %%soft  %%steal  %%guest  %%gnice   %%idle\n",
		  label);
}

static void print_rows(const char *label, const struct kernel_cpustat *a,
		       const struct kernel_cpustat *b)
{
	int cpu;

	print_row(label, ALL, &a[ALL], &b[ALL]);
	for_each_online_cpu(cpu)
		print_row(label, cpu, &a[cpu], &b[cpu]);
}

static int cmd_mpstat(int argc, char **argv)
{
	struct kernel_cpustat *first, *prev, *cur;
	unsigned int interval = 1, count = 0, n;
	char ts[16];
	struct tm tm;

	if (argc < 3 || strcmp(argv[1], "-P") || strcmp(argv[2], "ALL") ||
	    argc > 5 ||
	    (argc > 3 && (kstrtouint(argv[3], 10, &interval) || !interval)) ||
	    (argc > 4 && (kstrtouint(argv[4], 10, &count) || !count))) {
		sh_printf("usage: mpstat -P ALL [INTERVAL [COUNT]]\n");
		return 1;
	}
	first = kcalloc(3 * (NR_CPUS + 1), sizeof(*first), GFP_KERNEL);
	if (!first) {
		sh_printf("mpstat: out of memory\n");
		return 1;
	}
	prev = first + NR_CPUS + 1;
	cur = prev + NR_CPUS + 1;

	time64_to_tm(ktime_get_real_seconds(), 0, &tm);
	sh_printf("irqlab %s (irqlab) \t%02d/%02d/%04ld \t_x86_64_\t(%u CPU)\n",
		  IRQLAB_VERSION, tm.tm_mon + 1, tm.tm_mday, tm.tm_year + 1900,
		  num_online_cpus());
	fetch_all(first);
	memcpy(prev, first, (NR_CPUS + 1) * sizeof(*first));
	timestamp(ts, sizeof(ts));
	print_header(ts);
	for (n = 0; !count || n < count; n++) {
		msleep(interval * 1000);
		fetch_all(cur);
		timestamp(ts, sizeof(ts));
		print_rows(ts, prev, cur);
		memcpy(prev, cur, (NR_CPUS + 1) * sizeof(*cur));
		if (sh_interrupted())
			break;
	}
	print_header("Average:");
	print_rows("Average:", first, cur);
	kfree(first);
	return 0;
}
SHELL_COMMAND("mpstat", "mpstat -P ALL [INTERVAL [COUNT]]: CPU time by kind",
	      cmd_mpstat);
