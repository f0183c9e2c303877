/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysctl knobs, as Linux's ctl_table: each subsystem declares its own
 * integers with SYSCTL_INT() where it lives (a linker section collects
 * them), and the `sysctl` command (kernel/sysctl.c) reads and writes
 * them by their /proc/sys name, "net.core.netdev_budget" for
 * /proc/sys/net/core/netdev_budget.
 */
#ifndef _IRQLAB_SYSCTL_H
#define _IRQLAB_SYSCTL_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

struct ctl_table {
	const char *procname;	/* dotted path under /proc/sys */
	int *data;
	int minimum, maximum;	/* proc_dointvec_minmax's extra1, extra2 */
	/*
	 * Optional: stores value, or refuses it with -EINVAL and the like
	 * (Linux's proc_handler, for knobs that check one against another).
	 */
	int (*handler)(const struct ctl_table *table, int value);
};

#define SYSCTL_INT_HANDLER(name, var, min, max, fn)			\
	static const struct ctl_table __sysctl_##var			\
	__used __section(".sysctl_table") __aligned(8) = {		\
		.procname = name, .data = (int *)&(var),		\
		.minimum = (min), .maximum = (max), .handler = (fn),	\
	}

#define SYSCTL_INT(name, var, min, max)					\
	SYSCTL_INT_HANDLER(name, var, min, max, NULL)

/* The knob at name (dots, or the slashes procps accepts), or NULL. */
const struct ctl_table *sysctl_find(const char *name);
/* Every knob, in table order: for /proc/sys (fs/proc/proc_sysctl.c). */
const struct ctl_table *sysctl_table_begin(void);
const struct ctl_table *sysctl_table_end(void);
/* Sets it: 0, or -EINVAL out of range, or the handler's error. */
int sysctl_write_int(const struct ctl_table *table, int value);

#endif /* _IRQLAB_SYSCTL_H */
