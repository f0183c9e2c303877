// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/class/net/DEV/queues/rx-0/rps_cpus (Linux's net/core/net-sysfs.c):
 * the RPS CPU mask as a hex bitmap.  The shell has no file system, so
 * `echo MASK > PATH` is a command that knows the writable paths, and
 * `cat PATH` of eth0's file is a PROC_ENTRY.
 */
#include <irqlab/netdevice.h>
#include <irqlab/errno.h>
#include <irqlab/kstrtox.h>
#include <irqlab/shell.h>
#include <irqlab/smp.h>
#include <irqlab/string.h>

#define RPS_PREFIX	"/sys/class/net/"
#define RPS_SUFFIX	"/queues/rx-0/rps_cpus"

/* %*pb: as many hex digits as nr_cpu_ids needs, e.g. "3" for 2 CPUs. */
static void show_rps_cpus(struct net_device *dev)
{
	unsigned int digits = (num_online_cpus() + 3) / 4;

	sh_printf("%0*lx\n", digits, READ_ONCE(dev->rps_cpus));
}

static struct net_device *rps_path_dev(const char *path)
{
	char name[IFNAMSIZ];
	size_t plen = strlen(RPS_PREFIX), slen = strlen(RPS_SUFFIX);
	size_t len = strlen(path), nlen;

	if (len <= plen + slen || strncmp(path, RPS_PREFIX, plen) ||
	    strcmp(path + len - slen, RPS_SUFFIX))
		return NULL;
	nlen = len - plen - slen;
	if (nlen >= IFNAMSIZ)
		return NULL;
	memcpy(name, path + plen, nlen);
	name[nlen] = '\0';
	return dev_get_by_name(name);
}

static int rps_cpus_store(struct net_device *dev, const char *buf)
{
	unsigned long mask;
	int err;

	err = kstrtoul(buf, 16, &mask);
	if (err)
		return err;
	/* Linux refuses CPUs that are not online with EINVAL. */
	if (mask & ~((1UL << num_online_cpus()) - 1))
		return -EINVAL;
	WRITE_ONCE(dev->rps_cpus, mask);
	return 0;
}

static void proc_eth0_rps_cpus_show(void)
{
	struct net_device *dev = dev_get_by_name("eth0");

	if (dev)
		show_rps_cpus(dev);
}
PROC_ENTRY("/sys/class/net/eth0/queues/rx-0/rps_cpus",
	   proc_eth0_rps_cpus_show);

/* `echo ARGS...` and `echo VALUE > FILE` for the writable /sys files. */
static int cmd_echo(int argc, char **argv)
{
	const char *path = NULL, *value = NULL;
	struct net_device *dev;
	int i, err;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], ">")) {
			path = i + 1 < argc ? argv[i + 1] : NULL;
			if (!path) {
				sh_printf("echo: syntax error near '>'\n");
				return 1;
			}
			break;
		}
		if (argv[i][0] == '>') {
			path = argv[i] + 1;
			break;
		}
	}
	if (!path) {
		for (i = 1; i < argc; i++)
			sh_printf("%s%s", i > 1 ? " " : "", argv[i]);
		sh_printf("\n");
		return 0;
	}
	if (i >= 2)
		value = argv[1];
	dev = rps_path_dev(path);
	if (!dev) {
		sh_printf("echo: %s: No such file or directory\n", path);
		return 1;
	}
	err = value ? rps_cpus_store(dev, value) : -EINVAL;
	if (err) {
		sh_printf("echo: write error: %s\n", strerror(err));
		return 1;
	}
	return 0;
}
SHELL_COMMAND("echo", "echo ARGS | echo MASK > /sys/class/net/DEV/queues/rx-0/rps_cpus",
	      cmd_echo);
