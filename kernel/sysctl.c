// SPDX-License-Identifier: GPL-2.0
/*
 * The `sysctl` command over every SYSCTL_INT() of the kernel, with
 * procps's output and messages: `sysctl -a`, `sysctl NAME...`,
 * `sysctl [-w] NAME=VALUE...`.
 */
#include <irqlab/sysctl.h>
#include <irqlab/errno.h>
#include <irqlab/kstrtox.h>
#include <irqlab/shell.h>
#include <irqlab/string.h>

extern const struct ctl_table __start_sysctl_table[], __stop_sysctl_table[];

#define for_each_sysctl(t)						\
	for ((t) = __start_sysctl_table; (t) < __stop_sysctl_table; (t)++)

const struct ctl_table *sysctl_find(const char *name)
{
	const struct ctl_table *t;

	/* procps accepts '/' for '.' too. */
	for_each_sysctl(t) {
		const char *a = t->procname, *b = name;

		while (*a && (*a == *b || (*a == '.' && *b == '/'))) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return t;
	}
	return NULL;
}

const struct ctl_table *sysctl_table_begin(void)
{
	return __start_sysctl_table;
}

const struct ctl_table *sysctl_table_end(void)
{
	return __stop_sysctl_table;
}

int sysctl_write_int(const struct ctl_table *table, int value)
{
	if (value < table->minimum || value > table->maximum)
		return -EINVAL;
	if (table->handler)
		return table->handler(table, value);
	WRITE_ONCE(*table->data, value);
	return 0;
}

/* procps's complaint: the key as the path under /proc/sys it looked at. */
static void sysctl_no_such_key(const char *name)
{
	sh_printf("sysctl: cannot stat /proc/sys/");
	for (; *name; name++)
		sh_printf("%c", *name == '.' ? '/' : *name);
	sh_printf(": No such file or directory\n");
}

static int sysctl_write(char *arg)
{
	char *eq = strchr(arg, '=');
	const struct ctl_table *t;
	int v, err;

	if (!eq) {
		sh_printf("sysctl: \"%s\" must be of the form name=value\n", arg);
		return 1;
	}
	*eq = '\0';
	t = sysctl_find(arg);
	if (!t) {
		sysctl_no_such_key(arg);
		return 1;
	}
	err = kstrtoint(eq + 1, 10, &v);
	if (!err)
		err = sysctl_write_int(t, v);
	if (err) {
		sh_printf("sysctl: setting key \"%s\": %s\n", t->procname,
			  strerror(err));
		return 1;
	}
	sh_printf("%s = %d\n", t->procname, v);
	return 0;
}

static int cmd_sysctl(int argc, char **argv)
{
	const struct ctl_table *t;
	int i, ret = 0;

	if (argc < 2) {
		sh_printf("usage: sysctl -a | sysctl NAME... | sysctl -w NAME=VALUE...\n");
		return 1;
	}
	if (!strcmp(argv[1], "-a")) {
		for_each_sysctl(t)
			sh_printf("%s = %d\n", t->procname, READ_ONCE(*t->data));
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-w"))
			continue;
		if (strchr(argv[i], '=')) {
			ret |= sysctl_write(argv[i]);
			continue;
		}
		t = sysctl_find(argv[i]);
		if (!t) {
			sysctl_no_such_key(argv[i]);
			ret = 1;
			continue;
		}
		sh_printf("%s = %d\n", t->procname, READ_ONCE(*t->data));
	}
	return ret;
}
SHELL_COMMAND("sysctl", "sysctl -a | NAME | -w NAME=VALUE: kernel knobs",
	      cmd_sysctl);
