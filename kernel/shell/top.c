// SPDX-License-Identifier: GPL-2.0
/*
 * top -b -n 1: procps top's batch output, one frame.  %CPU is each task's
 * share of one CPU over the last second (measured: the command samples
 * every task's runtime, sleeps a second, samples again), sorted by it.
 */
#include "taskview.h"
#include <irqlab/shell.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/timer.h>
#include <irqlab/timekeeping.h>
#include <irqlab/kernel_stat.h>
#include <irqlab/mm.h>
#include <irqlab/loadavg.h>

#define SAMPLE_MS	1000

struct top_row {
	const struct task_snap *s;
	u64 delta;		/* ns on a CPU during the sample */
};

/* Hundredths as "12.34"-style text, since the kernel has no floats. */
static void print_fixed(unsigned int width, u64 hundredths)
{
	sh_printf("%*lu.%01lu", width - 2, hundredths / 100,
		  hundredths / 10 % 10);
}

static u64 pct(u64 part, u64 whole)
{
	return whole ? part * 10000 / whole : 0;
}

static void print_cpu_summary(const struct kernel_cpustat *a,
			      const struct kernel_cpustat *b)
{
	static const struct {
		enum cpu_usage_stat s;
		const char *name;
	} cols[] = {
		{ CPUTIME_USER, "us" }, { CPUTIME_SYSTEM, "sy" },
		{ CPUTIME_NICE, "ni" }, { CPUTIME_IDLE, "id" },
		{ CPUTIME_IOWAIT, "wa" }, { CPUTIME_IRQ, "hi" },
		{ CPUTIME_SOFTIRQ, "si" }, { CPUTIME_STEAL, "st" },
	};
	u64 total = 0;
	unsigned int i;

	for (i = 0; i < NR_STATS; i++)
		total += b->cpustat[i] - a->cpustat[i];
	sh_printf("%%Cpu(s):");
	for (i = 0; i < ARRAY_SIZE(cols); i++) {
		print_fixed(5, pct(b->cpustat[cols[i].s] - a->cpustat[cols[i].s],
				   total));
		sh_printf(" %s%s", cols[i].name,
			  i + 1 < ARRAY_SIZE(cols) ? "," : "\n");
	}
}

static void sum_cpustat(struct kernel_cpustat *sum)
{
	struct kernel_cpustat k;
	unsigned int i;
	int cpu;

	memset(sum, 0, sizeof(*sum));
	for_each_online_cpu(cpu) {
		kcpustat_cpu_fetch(&k, cpu);
		for (i = 0; i < NR_STATS; i++)
			sum->cpustat[i] += k.cpustat[i];
	}
}

static void sort_rows(struct top_row *rows, int n)
{
	struct top_row tmp;
	int i, j;

	/* Insertion sort: a few dozen tasks. */
	for (i = 1; i < n; i++) {
		tmp = rows[i];
		for (j = i; j > 0 && rows[j - 1].delta < tmp.delta; j--)
			rows[j] = rows[j - 1];
		rows[j] = tmp;
	}
}

static void print_header(int n, const struct top_row *rows)
{
	u64 now = ktime_get_real_seconds(), up = ktime_get_ns() / 1000000000;
	unsigned long avnrun[3];
	int running = 0, i;

	for (i = 0; i < n; i++)
		running += rows[i].s->state == 'R';
	/* As /proc/loadavg rounds them, which is what procps reads. */
	get_avenrun(avnrun, FIXED_1 / 200, 0);
	sh_printf("top - %02lu:%02lu:%02lu up %lu min,  0 users,  load average: %lu.%02lu, %lu.%02lu, %lu.%02lu\n",
		  now / 3600 % 24, now / 60 % 60, now % 60, up / 60,
		  LOAD_INT(avnrun[0]), LOAD_FRAC(avnrun[0]),
		  LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
		  LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]));
	sh_printf("Tasks: %3d total, %3d running, %3d sleeping,   0 stopped,   0 zombie\n",
		  n, running, n - running);
}

static void print_mem(void)
{
	struct sysinfo si;

	si_meminfo(&si);
	sh_printf("MiB Mem : %7lu.%lu total, %7lu.%lu free, %7lu.%lu used, %7lu.%lu buff/cache\n",
		  si.totalram >> 20, (si.totalram >> 10) % 1024 * 10 / 1024,
		  si.freeram >> 20, (si.freeram >> 10) % 1024 * 10 / 1024,
		  (si.totalram - si.freeram) >> 20,
		  ((si.totalram - si.freeram) >> 10) % 1024 * 10 / 1024, 0UL, 0UL);
	sh_printf("MiB Swap: %7lu.%lu total, %7lu.%lu free, %7lu.%lu used. %7lu.%lu avail Mem\n",
		  0UL, 0UL, 0UL, 0UL, 0UL, 0UL, si.freeram >> 20,
		  (si.freeram >> 10) % 1024 * 10 / 1024);
}

static int cmd_top(int argc, char **argv)
{
	struct task_snap *before, *after;
	struct kernel_cpustat k0, k1;
	struct top_row *rows;
	u64 t0, wall;
	int n0, n, nrows, i;

	if (argc != 4 || strcmp(argv[1], "-b") || strcmp(argv[2], "-n") ||
	    strcmp(argv[3], "1")) {
		sh_printf("usage: top -b -n 1\n");
		return 1;
	}
	before = kmalloc_array(TASKVIEW_MAX, sizeof(*before), GFP_KERNEL);
	after = kmalloc_array(TASKVIEW_MAX, sizeof(*after), GFP_KERNEL);
	rows = kmalloc_array(TASKVIEW_MAX, sizeof(*rows), GFP_KERNEL);
	if (!before || !after || !rows) {
		sh_printf("top: out of memory\n");
		goto out;
	}
	/* The wall time spans both snapshots: no task runs longer. */
	t0 = ktime_get_ns();
	n0 = min(taskview_snapshot(before, TASKVIEW_MAX), TASKVIEW_MAX);
	sum_cpustat(&k0);
	msleep(SAMPLE_MS);
	sum_cpustat(&k1);
	n = min(taskview_snapshot(after, TASKVIEW_MAX), TASKVIEW_MAX);
	wall = ktime_get_ns() - t0;

	/* The idle tasks are not processes: top does not list them. */
	for (i = 0, nrows = 0; i < n; i++) {
		const struct task_snap *b = taskview_find(before, n0,
							  &after[i]);

		if (after[i].pid == 0)
			continue;
		rows[nrows].s = &after[i];
		rows[nrows++].delta = after[i].runtime - (b ? b->runtime : 0);
	}
	sort_rows(rows, nrows);

	print_header(nrows, rows);
	print_cpu_summary(&k0, &k1);
	print_mem();
	sh_printf("\n    PID USER      PR  NI    VIRT    RES    SHR S  %%CPU  %%MEM     TIME+ COMMAND\n");
	for (i = 0; i < nrows; i++) {
		const struct task_snap *s = rows[i].s;
		u64 cs = s->runtime / 10000000;	/* hundredths of a second */

		sh_printf("%7d root      ", s->pid);
		if (s->policy == SCHED_FIFO)
			sh_printf("%3d", -1 - (int)s->rt_priority);
		else
			sh_printf("%3d", 20 + s->nice);
		sh_printf(" %3d       0      0      0 %c ", s->nice, s->state);
		print_fixed(5, pct(rows[i].delta, wall));
		sh_printf("   0.0 %5lu:%02lu.%02lu %s\n", cs / 6000,
			  cs / 100 % 60, cs % 100, s->comm);
	}
out:
	kfree(before);
	kfree(after);
	kfree(rows);
	return 0;
}
SHELL_COMMAND("top", "top -b -n 1: tasks by %CPU over the last second",
	      cmd_top);
