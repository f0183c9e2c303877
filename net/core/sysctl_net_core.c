// SPDX-License-Identifier: GPL-2.0
/*
 * `sysctl` for the knobs irqlab has (Linux's net/core/sysctl_net_core.c
 * names and ranges): `sysctl -a`, `sysctl NAME`, `sysctl -w NAME=VALUE`.
 */
#include <irqlab/netdevice.h>
#include <irqlab/kstrtox.h>
#include <irqlab/shell.h>
#include <irqlab/string.h>

struct sysctl_int {
	const char *name;
	int *val;
	int min;
};

static struct sysctl_int sysctls[] = {
	{ "net.core.dev_weight", &dev_rx_weight, 1 },
	{ "net.core.netdev_budget", &netdev_budget, 1 },
	{ "net.core.netdev_budget_usecs", (int *)&netdev_budget_usecs, 0 },
	{ "net.core.netdev_max_backlog", &netdev_max_backlog, 0 },
};

static struct sysctl_int *sysctl_find(const char *name)
{
	unsigned int i;

	/* procps accepts '/' for '.' too. */
	for (i = 0; i < ARRAY_SIZE(sysctls); i++) {
		const char *a = sysctls[i].name, *b = name;

		while (*a && (*a == *b || (*a == '.' && *b == '/'))) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return &sysctls[i];
	}
	return NULL;
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
	struct sysctl_int *s;
	int v;

	if (!eq) {
		sh_printf("sysctl: \"%s\" must be of the form name=value\n", arg);
		return 1;
	}
	*eq = '\0';
	s = sysctl_find(arg);
	if (!s) {
		sysctl_no_such_key(arg);
		return 1;
	}
	if (kstrtoint(eq + 1, 10, &v) || v < s->min) {
		sh_printf("sysctl: setting key \"%s\": Invalid argument\n", arg);
		return 1;
	}
	WRITE_ONCE(*s->val, v);
	sh_printf("%s = %d\n", s->name, v);
	return 0;
}

static int cmd_sysctl(int argc, char **argv)
{
	struct sysctl_int *s;
	unsigned int i;
	int ret = 0;

	if (argc < 2) {
		sh_printf("usage: sysctl -a | sysctl NAME... | sysctl -w NAME=VALUE...\n");
		return 1;
	}
	if (!strcmp(argv[1], "-a")) {
		for (i = 0; i < ARRAY_SIZE(sysctls); i++)
			sh_printf("%s = %d\n", sysctls[i].name,
				  READ_ONCE(*sysctls[i].val));
		return 0;
	}
	for (i = 1; i < (unsigned int)argc; i++) {
		if (!strcmp(argv[i], "-w"))
			continue;
		if (strchr(argv[i], '=')) {
			ret |= sysctl_write(argv[i]);
			continue;
		}
		s = sysctl_find(argv[i]);
		if (!s) {
			sysctl_no_such_key(argv[i]);
			ret = 1;
			continue;
		}
		sh_printf("%s = %d\n", s->name, READ_ONCE(*s->val));
	}
	return ret;
}
SHELL_COMMAND("sysctl", "sysctl -a | NAME | -w NAME=VALUE: net.core knobs",
	      cmd_sysctl);
