// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/loadavg in Linux's format (fs/proc/loadavg.c): the three load
 * averages with two decimals, rounded; running tasks / all tasks but the
 * idle ones; the last pid handed out.  "0.52 0.58 0.59 2/101 4242"
 */
#include <irqlab/shell.h>
#include <irqlab/loadavg.h>
#include <irqlab/sched.h>

static void loadavg_proc_show(void)
{
	unsigned long avnrun[3];

	get_avenrun(avnrun, FIXED_1 / 200, 0);
	sh_printf("%lu.%02lu %lu.%02lu %lu.%02lu %u/%u %d\n",
		  LOAD_INT(avnrun[0]), LOAD_FRAC(avnrun[0]),
		  LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
		  LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]),
		  nr_running(), READ_ONCE(nr_threads), last_pid_allocated());
}
PROC_ENTRY("/proc/loadavg", loadavg_proc_show);
