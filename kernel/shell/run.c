// SPDX-License-Identifier: GPL-2.0
/*
 * `run PATH [ARG...]`: runs a program from the root file system as a
 * child process of the shell, on the serial line, and waits for it, as a
 * Unix shell's fork + exec + wait.  The child starts a session (setsid)
 * and opens /dev/ttyS0 as fds 0, 1 and 2, so the tty is its controlling
 * terminal and its group the foreground one: ^C sends it SIGINT
 * (docs/tty.md).  While it has the tty open, the keyboard is its.
 * What the program's end was is printed the way ash reports it: nothing
 * for status 0, "exit N" otherwise, the signal's name if one killed it.
 */
#include <irqlab/errno.h>
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <uapi/linux/fcntl.h>
#include <irqlab/process.h>
#include <irqlab/shell.h>
#include <irqlab/signal.h>
#include <irqlab/string.h>

#define RUN_MAX_ARGS	16

struct run_args {
	const char *argv[RUN_MAX_ARGS + 1];
	int err;
};

static const char *const run_envp[] = {
	"HOME=/", "PATH=/sbin:/usr/sbin:/bin:/usr/bin", "TERM=linux", NULL
};

/* fds 0, 1 and 2 on the serial tty: 0, or the error of the open. */
static int open_tty_fds(void)
{
	long fd;

	fd = do_sys_open(AT_FDCWD, "/dev/ttyS0", O_RDWR, 0);
	if (fd < 0)
		return fd;
	if (fd != 0 || ksys_dup3(0, 1, 0) != 1 || ksys_dup3(0, 2, 0) != 2)
		return -EBADF;
	return 0;
}

static int run_child(void *data)
{
	struct run_args *a = data;
	struct task_struct *p = current;

	/* setsid(): a new session and group, led by the child. */
	p->session = p->pgrp = p->pid;
	if (!p->files)
		p->files = files_alloc();
	if (!p->files) {
		a->err = -ENOMEM;
		return a->err;
	}
	a->err = open_tty_fds();
	if (!a->err)
		a->err = kernel_execve(a->argv[0], a->argv, run_envp);
	return a->err;	/* 0: off to user mode as the program */
}

static const char *signal_name(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "Hangup", [SIGINT] = "Interrupt",
		[SIGQUIT] = "Quit", [SIGILL] = "Illegal instruction",
		[SIGTRAP] = "Trace/breakpoint trap", [SIGABRT] = "Aborted",
		[SIGBUS] = "Bus error", [SIGFPE] = "Floating point exception",
		[SIGKILL] = "Killed", [SIGSEGV] = "Segmentation fault",
		[SIGPIPE] = "Broken pipe", [SIGTERM] = "Terminated",
	};

	if (sig < (int)(sizeof(names) / sizeof(names[0])) && names[sig])
		return names[sig];
	return "Signal";
}

static int cmd_run(int argc, char **argv)
{
	struct run_args a = { .err = 0 };
	struct task_struct *p;
	int i, pid, status = 0;

	if (argc < 2 || argc - 1 > RUN_MAX_ARGS) {
		sh_printf("usage: run PATH [ARG...] (at most %d)\n",
			  RUN_MAX_ARGS);
		return 1;
	}
	for (i = 1; i < argc; i++)
		a.argv[i - 1] = argv[i];
	p = create_task(run_child, &a, argv[1]);
	if (!p) {
		sh_printf("run: %s\n", strerror(ENOMEM));
		return 1;
	}
	link_child(p);
	pid = p->pid;
	wake_up_process(p);
	if (kernel_wait4(pid, &status, 0) != pid) {
		sh_printf("run: wait: %s\n", strerror(ECHILD));
		return 1;
	}
	if (a.err) {
		sh_printf("run: %s: %s\n", argv[1], strerror(-a.err));
		return 127;
	}
	if ((status & 0x7f) == 0) {
		if (status >> 8)
			sh_printf("exit %d\n", (status >> 8) & 0xff);
		return (status >> 8) & 0xff;
	}
	sh_printf("%s\n", signal_name(status & 0x7f));
	return 128 + (status & 0x7f);
}
SHELL_COMMAND("run", "run PATH [ARG...]: run a program, wait for it", cmd_run);
