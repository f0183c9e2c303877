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

void __noreturn shell_run(void);
const struct proc_entry *proc_find(const char *path);

/* Output of commands: straight to the console, not the kernel log. */
void __printf(1, 2) sh_printf(const char *fmt, ...);
void sh_write(const char *s, size_t len);

/* Reads one edited line; see readline.c for the return values. */
int sh_readline(char *buf, size_t size);
#define SH_LINE_TOO_LONG	(-1)
#define SH_LINE_INTERRUPTED	(-2)

#endif /* _IRQLAB_SHELL_H */
