// SPDX-License-Identifier: GPL-2.0
/*
 * logflood: make the kernel log while someone types, to see how the
 * console keeps the two apart.  `logflood COUNT [MS]` starts a kernel
 * thread that printk()s COUNT numbered lines of a fixed text, MS
 * milliseconds apart (default 1), then "logflood: done"; the prompt comes
 * back at once.  tests/test_console.py types over it and checks that every
 * kernel line arrives whole.
 */
#include <irqlab/shell.h>
#include <irqlab/kthread.h>
#include <irqlab/kstrtox.h>
#include <irqlab/printk.h>
#include <irqlab/timer.h>
#include <irqlab/errno.h>

#define LOGFLOOD_MAX	100000
#define LOGFLOOD_TEXT	\
	"the quick brown fox jumps over the lazy dog 0123456789"

static unsigned int flood_count, flood_ms;
static bool flooding;

static int logflood_fn(void *unused)
{
	unsigned int i;

	for (i = 1; i <= flood_count; i++) {
		pr_info("logflood: line %u of %u: %s\n", i, flood_count,
			LOGFLOOD_TEXT);
		if (flood_ms)
			msleep(flood_ms);
		else
			cond_resched();
	}
	pr_info("logflood: done, %u lines\n", flood_count);
	WRITE_ONCE(flooding, false);
	return 0;
}

static int cmd_logflood(int argc, char **argv)
{
	unsigned int count, ms = 1;

	if (argc < 2 || argc > 3 || kstrtouint(argv[1], 10, &count) ||
	    !count || count > LOGFLOOD_MAX ||
	    (argc == 3 && kstrtouint(argv[2], 10, &ms))) {
		sh_printf("usage: logflood COUNT [MS] (COUNT 1-%d)\n",
			  LOGFLOOD_MAX);
		return 1;
	}
	if (READ_ONCE(flooding)) {
		sh_printf("logflood: %s\n", strerror(-EBUSY));
		return 1;
	}
	flood_count = count;
	flood_ms = ms;
	WRITE_ONCE(flooding, true);
	if (!kthread_run(logflood_fn, NULL, "logflood")) {
		WRITE_ONCE(flooding, false);
		sh_printf("logflood: %s\n", strerror(-ENOMEM));
		return 1;
	}
	return 0;
}
SHELL_COMMAND("logflood", "logflood COUNT [MS]: a thread logs COUNT lines",
	      cmd_logflood);
