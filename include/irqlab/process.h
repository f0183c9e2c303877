/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User processes' life (kernel/fork.c, kernel/exit.c, fs/exec.c): what
 * the rest of the kernel calls.
 */
#ifndef _IRQLAB_PROCESS_H
#define _IRQLAB_PROCESS_H

#include <irqlab/sched.h>
#include <irqlab/wait.h>

/* wait4's sleepers; woken by every exit, exec of a vfork child, ... */
extern struct wait_queue_head child_wait;

/* Frees a task made by create_task() that never ran. */
void release_new_task(struct task_struct *p);
void fork_child_started(void);
/* Makes p, made by create_task(), a child process of current. */
void link_child(struct task_struct *p);
void mm_release_vfork(void);
void process_exited(void);
/* do_exit()'s part for processes: resources, children, the zombie. */
void exit_process(struct task_struct *tsk);

/* Linux's wait options. */
#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

/* wait4 for kernel callers (the kernel shell's `run`): status in *status. */
long kernel_wait4(int pid, int *status, int options);

/*
 * Replaces the current task's program with the ELF file at path (a
 * kernel thread becomes a process: kernel_init, the kernel shell's `run`);
 * argv and envp are kernel arrays ending in NULL.  0 or a negative errno.
 */
int kernel_execve(const char *path, const char *const *argv,
		  const char *const *envp);

#endif /* _IRQLAB_PROCESS_H */
