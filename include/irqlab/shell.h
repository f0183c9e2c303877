/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The serial shell.  Commands and /proc files register themselves with
 * SHELL_COMMAND() and PROC_ENTRY() (linker sections), so a subsystem adds
 * its command in its own file and nothing else changes.
 */
#ifndef _IRQLAB_SHELL_H
#define _IRQLAB_SHELL_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>
#include <irqlab/console.h>

#define SHELL_PROMPT	"irqlab# "
#define SHELL_LINE_MAX	255	/* characters in one command line */
#define SHELL_ARGS_MAX	16

struct shell_cmd {
	const char *name;
	const char *usage;	/* one line for `help` */
	int (*fn)(int argc, char **argv);	/* 0 on success */
};

#define SHELL_COMMAND(cname, cusage, cfn)				\
	static const struct shell_cmd __shell_cmd_##cfn			\
	__used __section(".shell_cmds") __aligned(8) = {		\
		.name = cname, .usage = cusage, .fn = cfn,		\
	}

/* A /proc file: show() writes its whole content with sh_printf(). */
struct proc_entry {
	const char *path;
	void (*show)(void);
};

#define PROC_ENTRY(ppath, pshow)					\
	static const struct proc_entry __proc_entry_##pshow		\
	__used __section(".proc_entries") __aligned(8) = {		\
		.path = ppath, .show = pshow,				\
	}

const struct proc_entry *proc_find(const char *path);

/*
 * Output of commands and /proc files: to the terminal, not the kernel
 * log, through the console layer, so it never tears a kernel line.
 */
#define sh_printf	console_printf_user
#define sh_write	console_write_user

/* Reads one edited line; see readline.c for the return values. */
int sh_readline(char *buf, size_t size);
/*
 * True if ^C was typed (it and the input before it are consumed): how a
 * long-running command such as mpstat learns to stop.
 */
bool sh_interrupted(void);

#endif /* _IRQLAB_SHELL_H */
