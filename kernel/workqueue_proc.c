// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/workqueues: each pool and each workqueue, after Linux's
 * tools/workqueue/wq_dump.py (Linux has no such file).
 */
#include "workqueue_internal.h"
#include <irqlab/slab.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/kernel.h>
#include <irqlab/shell.h>

static void show_pool(struct worker_pool *pool)
{
	int nr_workers, nr_idle, nr_running, nr_pending = 0;
	unsigned long processed;
	struct work_struct *work;

	spin_lock_irq(&pool->lock);
	nr_workers = pool->nr_workers;
	nr_idle = pool->nr_idle;
	nr_running = pool->nr_running;
	list_for_each_entry(work, &pool->worklist, entry)
		nr_pending++;
	processed = pool->nr_processed;
	spin_unlock_irq(&pool->lock);

	sh_printf("%4d  %-7s ", pool->id, pool->flags & POOL_BH ? "bh" :
					 pool->cpu >= 0 ? "percpu" : "unbound");
	if (pool->cpu >= 0)
		sh_printf("%3d", pool->cpu);
	else
		sh_printf("%3s", "-");
	sh_printf(" %4d %7d %5d %7d %7d %9lu\n", pool->nice, nr_workers,
		  nr_idle, nr_running, nr_pending, processed);
}

static void format_flags(char *buf, size_t size, unsigned int flags)
{
	static const struct {
		unsigned int flag;
		const char *name;
	} names[] = {
		{ WQ_BH, "BH" }, { WQ_UNBOUND, "UNBOUND" },
		{ WQ_MEM_RECLAIM, "MEM_RECLAIM" }, { WQ_HIGHPRI, "HIGHPRI" },
		{ WQ_CPU_INTENSIVE, "CPU_INTENSIVE" },
		{ __WQ_ORDERED, "ORDERED" },
	};
	size_t len = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (flags & names[i].flag && len < size)
			len += snprintf(buf + len, size - len, "%s%s",
					len ? "|" : "", names[i].name);
	if (!len)
		snprintf(buf, size, "-");
}

/* Copied out under the locks, printed after: printing may sleep. */
struct wq_snapshot {
	char name[24];
	unsigned int flags;
	int max_active, active, inactive;
};

#define WQ_SHOW_MAX	32

static void show_workqueues(void)
{
	struct wq_snapshot *snap;
	struct workqueue_struct *wq;
	int cpu, i, n = 0, more = 0;
	char flags[48];

	sh_printf("pool  type    cpu nice workers  idle running pending processed\n");
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!cpu_online(cpu))
			continue;
		for (i = 0; i < NR_STD_WORKER_POOLS; i++)
			show_pool(&bh_worker_pools[cpu][i]);
		for (i = 0; i < NR_STD_WORKER_POOLS; i++)
			show_pool(&cpu_worker_pools[cpu][i]);
	}
	show_pool(&unbound_pool);

	snap = kcalloc(WQ_SHOW_MAX, sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return;
	spin_lock_irq(&wq_list_lock);
	list_for_each_entry(wq, &workqueues, list) {
		struct pool_workqueue *pwq;
		struct wq_snapshot *s = &snap[n];

		if (n == WQ_SHOW_MAX) {
			more++;
			continue;
		}
		memcpy(s->name, wq->name, sizeof(s->name));
		s->flags = wq->flags;
		s->max_active = wq->saved_max_active;
		list_for_each_entry(pwq, &wq->pwqs, pwqs_node) {
			struct work_struct *work;

			/* wq_list_lock, then a pool's: never the reverse. */
			spin_lock(&pwq->pool->lock);
			s->active += pwq->nr_active;
			list_for_each_entry(work, &pwq->inactive_works, entry)
				s->inactive++;
			spin_unlock(&pwq->pool->lock);
		}
		n++;
	}
	spin_unlock_irq(&wq_list_lock);

	sh_printf("\n%-24s %-24s %10s %6s %8s\n", "workqueue", "flags",
		  "max_active", "active", "inactive");
	for (i = 0; i < n; i++) {
		format_flags(flags, sizeof(flags), snap[i].flags);
		sh_printf("%-24s %-24s ", snap[i].name, flags);
		if (snap[i].flags & WQ_BH)
			sh_printf("%10s", "-");
		else
			sh_printf("%10d", snap[i].max_active);
		sh_printf(" %6d %8d\n", snap[i].active, snap[i].inactive);
	}
	if (more)
		sh_printf("... and %d more\n", more);
	kfree(snap);
}
PROC_ENTRY("/proc/workqueues", show_workqueues);
