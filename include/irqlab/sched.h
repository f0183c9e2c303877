/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks and the scheduler's API, Linux's names and values
 * (<linux/sched.h>, <uapi/linux/sched.h>).  Every task is a kernel
 * thread; kernel/sched/ schedules them, docs/scheduler.md explains how.
 */
#ifndef _IRQLAB_SCHED_H
#define _IRQLAB_SCHED_H

#include <irqlab/types.h>
#include <irqlab/list.h>
#include <irqlab/atomic.h>
#include <irqlab/spinlock.h>
#include <irqlab/smp.h>
#include <irqlab/uaccess.h>
#include <irqlab/signal_types.h>

#define TASK_COMM_LEN		16

/* task->__state, Linux's bits. */
#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001
#define TASK_UNINTERRUPTIBLE	0x00000002
#define TASK_STOPPED		0x00000004	/* job control: ps's T */
#define TASK_DEAD		0x00000080
#define TASK_NOLOAD		0x00000400	/* not in the load average */
#define TASK_NEW		0x00000800
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
/* A kernel thread with nothing to do: D for signals, not for the load. */
#define TASK_IDLE		(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)

/* task->flags */
#define PF_IDLE			0x00000002	/* an idle task */
#define PF_EXITING		0x00000004
#define PF_WQ_WORKER		0x00000020	/* a kworker */
#define PF_KTHREAD		0x00200000
#define PF_NO_SETAFFINITY	0x04000000	/* kthread_bind()'s pin */

/* Policies, Linux's values. */
#define SCHED_NORMAL		0
#define SCHED_FIFO		1

#define MAX_RT_PRIO		100
#define MAX_NICE		19
#define MIN_NICE		(-20)
#define NICE_WIDTH		(MAX_NICE - MIN_NICE + 1)
#define MAX_PRIO		(MAX_RT_PRIO + NICE_WIDTH)
#define DEFAULT_PRIO		(MAX_RT_PRIO + NICE_WIDTH / 2)
#define NICE_TO_PRIO(nice)	((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio)	((prio) - DEFAULT_PRIO)

#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

/* thread_info.flags bits */
#define TIF_NEED_RESCHED	3

struct sched_param {
	int sched_priority;
};

struct load_weight {
	unsigned long weight;
};

/* Its load average (kernel/sched/pelt.c, Linux's struct sched_avg). */
struct sched_avg {
	u64 last_update_time;		/* rq clock, ns */
	unsigned long load_avg;		/* weight x recent runnable share */
};

/* The fair class's view of a task. */
struct sched_entity {
	struct load_weight load;
	struct list_head run_node;	/* in cfs_rq->tasks, by vruntime */
	bool on_rq;
	u64 exec_start;			/* rq clock when last charged */
	u64 sum_exec_runtime;		/* ns on a CPU, any class */
	u64 prev_sum_exec_runtime;	/* sum_exec_runtime when picked */
	u64 vruntime;			/* ns * NICE_0_LOAD / weight */
	u64 exec_max;			/* longest single charge (schedstat) */
	struct sched_avg avg;
};

/* The FIFO class's. */
struct sched_rt_entity {
	struct list_head run_list;	/* in rt_rq->queue[prio] */
};

struct sched_class;
struct kthread;
struct mm_struct;
struct files_struct;
struct fs_struct;
struct seq_file;

struct task_struct {
	/* Offsets 0 and 8 are arch/x86_64/switch_to.S's (asm/switch_to.h). */
	struct {
		unsigned long flags;	/* TIF_* */
	} thread_info;
	struct {
		unsigned long sp;	/* saved RSP while switched out */
		unsigned long fsbase;	/* user TLS (arch_prctl) */
		unsigned long gsbase;
		void *fpu;		/* FXSAVE area; user tasks only */
	} thread;

	volatile unsigned int __state;	/* TASK_* */
	unsigned int flags;		/* PF_* */
	int pid;
	char comm[TASK_COMM_LEN];
	atomic_t usage;			/* references; freed at zero */
	void *stack;			/* THREAD_SIZE; NULL: boot stack */

	/* Scheduling */
	int on_cpu;			/* its stack is in use on a CPU */
	int on_rq;			/* TASK_ON_RQ_* */
	int cpu;			/* the run queue it is (or was) on */
	int prio, static_prio, normal_prio;
	unsigned int rt_priority;	/* 1..99 for SCHED_FIFO */
	unsigned int policy;
	const struct sched_class *sched_class;
	struct sched_entity se;
	struct sched_rt_entity rt;
	unsigned long cpus_mask;	/* CPUs it may run on */
	int nr_cpus_allowed;
	bool migrate_pending;		/* push it off this CPU once out */
	/* Went to sleep counted in its rq's nr_uninterruptible. */
	bool sched_contributes_to_load;
	spinlock_t pi_lock;		/* serialises wake-ups, affinity */

	/* Accounting: /proc/stat per CPU comes later; these feed ps. */
	u64 utime, stime;		/* ns; kernel threads have no utime */
	unsigned long nvcsw, nivcsw;	/* (in)voluntary switches */
	u64 start_time;			/* ktime ns at creation */

	struct list_head tasks;		/* on the global task list */
	struct kthread *kthread;	/* kernel/kthread.c's data */
	int exit_code;
	unsigned int make_it_fail;	/* fault injection's task filter */
	int (*threadfn)(void *data);	/* what ret_from_fork calls */
	void *threadfn_data;

	/* A process's resources; a kernel thread has none (NULL). */
	struct mm_struct *mm;		/* its user address space */
	struct files_struct *files;	/* open files (fs/file.c) */
	struct fs_struct *fs;		/* root and working directory */

	/* Processes (kernel/fork.c, exit.c), under tasklist_lock. */
	int tgid;			/* = pid: one thread per process */
	int exit_state;			/* EXIT_ZOMBIE, EXIT_DEAD */
	int exit_signal;		/* sent to the parent: SIGCHLD */
	struct task_struct *real_parent;
	struct list_head children;	/* its children, by sibling */
	struct list_head sibling;
	struct task_signal signal;	/* kernel/signal.c's */
	int __user *set_child_tid;	/* clone's CLONE_CHILD_SETTID */
	int __user *clear_child_tid;	/* set_tid_address(2) */
	struct task_struct *vfork_parent; /* waits for our exec or exit */
	int pgrp, session;
	int pdeath_signal;		/* prctl(PR_SET_PDEATHSIG) */
	/* A procfs file it is generating: its console output goes there. */
	struct seq_file *seq_capture;
};

#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020

static inline bool signal_pending(const struct task_struct *p)
{
	return (READ_ONCE(p->signal.pending) &
		~READ_ONCE(p->signal.blocked)) != 0;
}

static __always_inline struct task_struct *get_current(void)
{
	struct task_struct *t;

	__asm__ __volatile__("movq %%gs:%c1, %0" : "=r"(t)
			     : "i"(PCPU_HOT(current_task)));
	return t;
}
#define current	get_current()

/* Set and read by schedule(); the store is a full barrier, as Linux's
 * smp_store_mb(), so a waker cannot miss it against the wait condition. */
#define __set_current_state(s)	WRITE_ONCE(current->__state, (s))
#define set_current_state(s)						\
	do {								\
		WRITE_ONCE(current->__state, (s));			\
		smp_mb();						\
	} while (0)
#define task_is_running(p)	(READ_ONCE((p)->__state) == TASK_RUNNING)

static inline void set_tsk_need_resched(struct task_struct *p)
{
	set_bit(TIF_NEED_RESCHED, &p->thread_info.flags);
}

static inline void clear_tsk_need_resched(struct task_struct *p)
{
	clear_bit(TIF_NEED_RESCHED, &p->thread_info.flags);
}

static inline bool test_tsk_need_resched(struct task_struct *p)
{
	return test_bit(TIF_NEED_RESCHED, &p->thread_info.flags);
}

static inline int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}

static inline int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}

static inline void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}
void put_task_struct(struct task_struct *p);

/* The global task list, for ps: walk it with tasklist_lock held. */
extern struct list_head task_list;
extern spinlock_t tasklist_lock;
#define for_each_process(p) list_for_each_entry(p, &task_list, tasks)
/* With a reference the caller drops by put_task_struct(); NULL if none. */
struct task_struct *find_get_task_by_vpid(int pid);
/*
 * ps's STAT letter, Linux's task_state_index(): R S D T Z X, and I for
 * TASK_IDLE (an idle kworker).
 */
char task_state_letter(const struct task_struct *p);
/* show_state.c: a task's line and backtrace; those of every task whose
 * state has a bit of state_filter (0: all), as Linux's sysrq t and w. */
void sched_show_task(struct task_struct *p);
void show_state_filter(unsigned int state_filter);

/* A new task that will run fn(arg), stopped (TASK_NEW) until woken. */
struct task_struct *create_task(int (*fn)(void *), void *arg,
				const char *comm);
void __noreturn do_exit(long code);

/* Scheduling */
void schedule(void);
void schedule_idle(void);
void schedule_preempt_disabled(void);
void preempt_schedule_irq(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
int _cond_resched(void);
#define cond_resched()	_cond_resched()
void yield(void);
void resched_curr_cpu(int cpu);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);

/* Policies and affinity */
int sched_setscheduler(struct task_struct *p, int policy,
		       const struct sched_param *param);
int sched_setscheduler_nocheck(struct task_struct *p, int policy,
			       const struct sched_param *param);
void sched_set_fifo(struct task_struct *p);
void sched_set_fifo_low(struct task_struct *p);
void sched_set_normal(struct task_struct *p, int nice);
void set_user_nice(struct task_struct *p, long nice);
int set_cpus_allowed_ptr(struct task_struct *p, unsigned long new_mask);
bool idle_cpu(int cpu);
struct task_struct *idle_task(int cpu);

/* ns p has been on a CPU, the current slice included. */
u64 task_sched_runtime(struct task_struct *p);

/* Counts for /proc (Linux's <linux/sched/stat.h>). */
unsigned int nr_running(void);
u64 nr_context_switches(void);
unsigned long nr_total_forks(void);

/* Set up by kmain (sched_init) and each AP (sched_init_cpu). */
extern bool scheduler_running;
void scheduler_tick(void);
void scheduler_ipi(void);
void sched_init(void);
void sched_init_cpu(int cpu);
void __noreturn cpu_startup_entry(void);

/*
 * might_sleep(): a function that may sleep says so, and a caller in
 * atomic context (preempt_count set, interrupts off) gets Linux's
 * "BUG: sleeping function called from invalid context" report.
 */
void __might_sleep(const char *file, int line);
#define might_sleep()							\
	do {								\
		__might_sleep(__FILE__, __LINE__);			\
		cond_resched();						\
	} while (0)
/* Reports made so far, by might_sleep() and by schedule() in atomic. */
extern unsigned long sleep_in_atomic_reports;

#endif /* _IRQLAB_SCHED_H */
