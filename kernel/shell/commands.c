// SPDX-License-Identifier: GPL-2.0
/* The basic commands: the ones Linux's userland would give. */
#include <irqlab/shell.h>
#include <irqlab/printk.h>
#include <irqlab/acpi.h>
#include <irqlab/string.h>

static int cmd_cat(int argc, char **argv)
{
	const struct proc_entry *p;
	int i, err = 0;

	if (argc < 2) {
		sh_printf("usage: cat FILE...\n");
		return 1;
	}
	for (i = 1; i < argc; i++) {
		p = proc_find(argv[i]);
		if (!p) {
			sh_printf("cat: %s: No such file or directory\n",
				  argv[i]);
			err = 1;
			continue;
		}
		p->show();
	}
	return err;
}
SHELL_COMMAND("cat", "cat FILE...: show a /proc file", cmd_cat);

static int cmd_dmesg(int argc, char **argv)
{
	log_buf_dump(sh_write);
	return 0;
}
SHELL_COMMAND("dmesg", "the kernel log", cmd_dmesg);

/* uname -a prints every field, as coreutils' does. */
static int cmd_uname(int argc, char **argv)
{
	if (argc == 1 || strcmp(argv[1], "-s") == 0) {
		sh_printf("irqlab\n");
	} else if (strcmp(argv[1], "-r") == 0) {
		sh_printf("%s\n", IRQLAB_VERSION);
	} else if (strcmp(argv[1], "-a") == 0) {
		sh_printf("irqlab irqlab %s #1 SMP x86_64 irqlab\n",
			  IRQLAB_VERSION);
	} else {
		sh_printf("uname: invalid option '%s' (try -a, -s, -r)\n",
			  argv[1]);
		return 1;
	}
	return 0;
}
SHELL_COMMAND("uname", "uname [-a|-s|-r]: system name", cmd_uname);

static int cmd_poweroff(int argc, char **argv)
{
	acpi_power_off();
	sh_printf("poweroff: failed\n");
	return 1;
}
SHELL_COMMAND("poweroff", "power the machine off (ACPI S5)", cmd_poweroff);
