// SPDX-License-Identifier: GPL-2.0
/*
 * spin: a CPU-bound workload for scheduler experiments.  `spin N` keeps N
 * fair-class kernel threads spin/0..spin/N-1 counting loops as fast as
 * they can (chrt, renice and taskset act on them by PID); `spin` shows
 * each one's loops per second over the last second; `spin 0` stops them.
 */
#include <irqlab/shell.h>
#include <irqlab/sched.h>
#include <irqlab/kthread.h>
#include <irqlab/timer.h>
#include <irqlab/kstrtox.h>
#include <irqlab/timekeeping.h>

#define SPIN_MAX	16

struct spinner {
	struct task_struct *task;
	volatile u64 loops;
};

static struct spinner spinners[SPIN_MAX];
static int nr_spinners;

static int spin_fn(void *data)
{
	struct spinner *s = data;

	/* Preempted by the tick like any fair task: no yield needed. */
	while (!kthread_should_stop())
		s->loops++;
	return 0;
}

static void show_rates(void)
{
	u64 before[SPIN_MAX], t0, ns;
	int i;

	if (!nr_spinners) {
		sh_printf("spin: no spinners (start some with 'spin N')\n");
		return;
	}
	for (i = 0; i < nr_spinners; i++)
		before[i] = spinners[i].loops;
	t0 = ktime_get_ns();
	msleep(1000);
	ns = ktime_get_ns() - t0;
	for (i = 0; i < nr_spinners; i++) {
		struct task_struct *p = spinners[i].task;

		sh_printf("%s: %lu loops/s (pid %d, CPU %d)\n", p->comm,
			  (unsigned long)((spinners[i].loops - before[i]) *
					  1000000000ULL / ns),
			  p->pid, task_cpu(p));
	}
}

static int cmd_spin(int argc, char **argv)
{
	unsigned int n;

	if (argc == 1) {
		show_rates();
		return 0;
	}
	if (argc != 2 || kstrtouint(argv[1], 10, &n) || n > SPIN_MAX) {
		sh_printf("usage: spin [N]  (N from 0 to %d)\n", SPIN_MAX);
		return 1;
	}
	while (nr_spinners > (int)n) {
		struct spinner *s = &spinners[--nr_spinners];

		kthread_stop(s->task);
		s->task = NULL;
	}
	while (nr_spinners < (int)n) {
		struct spinner *s = &spinners[nr_spinners];

		s->loops = 0;
		s->task = kthread_run(spin_fn, s, "spin/%d", nr_spinners);
		if (!s->task) {
			sh_printf("spin: cannot start spin/%d\n", nr_spinners);
			return 1;
		}
		nr_spinners++;
	}
	return 0;
}
SHELL_COMMAND("spin", "spin [N]: N CPU-bound threads; alone: their rates",
	      cmd_spin);
