// SPDX-License-Identifier: GPL-2.0
/*
 * The shell: read a line, split it into words, run the command.  It is
 * the init program, /bin/sh: kernel_init runs it in PID 1 once boot is
 * done, and it sleeps there until console input wakes it.
 */
#include <irqlab/shell.h>
#include <irqlab/errno.h>
#include <irqlab/init.h>
#include <irqlab/string.h>
#include <irqlab/ctype.h>

extern const struct shell_cmd __start_shell_cmds[], __stop_shell_cmds[];
extern const struct proc_entry __start_proc_entries[], __stop_proc_entries[];

const struct proc_entry *proc_find(const char *path)
{
	const struct proc_entry *p;

	for (p = __start_proc_entries; p < __stop_proc_entries; p++)
		if (strcmp(p->path, path) == 0)
			return p;
	return NULL;
}

static int split_args(char *line, char **argv)
{
	int argc = 0;

	for (;;) {
		while (isspace(*line))
			*line++ = '\0';
		if (!*line)
			return argc;
		if (argc == SHELL_ARGS_MAX)
			return -E2BIG;
		argv[argc++] = line;
		while (*line && !isspace(*line))
			line++;
	}
}

static void run_line(char *line)
{
	const struct shell_cmd *c;
	char *argv[SHELL_ARGS_MAX + 1];
	int argc = split_args(line, argv);

	if (argc < 0) {
		sh_printf("sh: too many arguments (max %d)\n", SHELL_ARGS_MAX);
		return;
	}
	if (argc == 0)
		return;
	argv[argc] = NULL;
	for (c = __start_shell_cmds; c < __stop_shell_cmds; c++) {
		if (strcmp(c->name, argv[0]) == 0) {
			c->fn(argc, argv);
			return;
		}
	}
	sh_printf("sh: %s: not found\n", argv[0]);
}

/* Returns only if there is no console to read from. */
static int shell_main(void)
{
	char line[SHELL_LINE_MAX + 1];
	int n;

	for (;;) {
		sh_write(SHELL_PROMPT, sizeof(SHELL_PROMPT) - 1);
		n = sh_readline(line, sizeof(line));
		if (n == -ENODEV)
			return 1;
		if (n == -E2BIG)
			sh_printf("sh: line too long (max %d characters)\n",
				  SHELL_LINE_MAX);
		else if (n > 0)
			run_line(line);
	}
}
INIT_PROGRAM("kshell", shell_main);

static int cmd_help(int argc, char **argv)
{
	const struct shell_cmd *c;
	const struct proc_entry *p;

	sh_printf("Commands:\n");
	for (c = __start_shell_cmds; c < __stop_shell_cmds; c++)
		sh_printf("  %-10s %s\n", c->name, c->usage);
	sh_printf("Files for cat:\n");
	for (p = __start_proc_entries; p < __stop_proc_entries; p++)
		sh_printf("  %s\n", p->path);
	return 0;
}
SHELL_COMMAND("help", "list commands and files", cmd_help);
