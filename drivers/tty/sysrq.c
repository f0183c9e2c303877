// SPDX-License-Identifier: GPL-2.0
/*
 * Magic SysRq (Linux's drivers/tty/sysrq.c): one key that the kernel
 * answers whatever user space is doing, the way to look inside a machine
 * whose shell is stuck.  Two ways in, as on Linux:
 *
 *   echo t > /proc/sysrq-trigger	root, always allowed
 *   a serial BREAK, then the key	within 5 s (drivers/serial.c), if
 *					kernel.sysrq allows that key's group
 *
 * The keys irqlab has, with Linux's messages ("sysrq: Show State"):
 * 0-9 console loglevel, b reset now, c crash (a panic), l every CPU's
 * backtrace (by NMI), m memory, o power off, p the interrupted registers
 * (only from the serial BREAK: a write to the file interrupts nothing),
 * t every task's state and backtrace, w the blocked (D) ones.  Any other
 * key prints the help line.
 */
#include <asm/irq_regs.h>
#include <asm/traps.h>
#include <irqlab/gfp.h>
#include <irqlab/init.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/proc_fs.h>
#include <irqlab/reboot.h>
#include <irqlab/sched.h>
#include <irqlab/sysctl.h>
#include <irqlab/sysrq.h>
#include <irqlab/workqueue.h>

/* kernel.sysrq: Debian's CONFIG_MAGIC_SYSRQ_DEFAULT_ENABLE, 0x1b6. */
static int sysrq_enabled = 0x1b6;
SYSCTL_INT("kernel.sysrq", sysrq_enabled, 0, 0x1ff);

/* Linux's groups of keys in kernel.sysrq's mask. */
#define SYSRQ_ENABLE_LOG	0x0002
#define SYSRQ_ENABLE_DUMP	0x0008
#define SYSRQ_ENABLE_BOOT	0x0080

struct sysrq_key_op {
	void (*handler)(int key);
	const char *help_msg;
	const char *action_msg;
	int enable_mask;
};

static void sysrq_handle_loglevel(int key)
{
	int level = key - '0';

	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	pr_info("sysrq: Loglevel set to %d\n", level);
	console_loglevel = level;
}

static void sysrq_handle_reboot(int key)
{
	machine_emergency_restart();
}

static void sysrq_handle_crash(int key)
{
	panic("sysrq triggered crash\n");
}

static void sysrq_handle_showallcpus(int key)
{
	trigger_all_cpu_backtrace();
}

static void sysrq_handle_showmem(int key)
{
	show_mem();
}

/* From a work item, as Linux's: not in the interrupt that asked. */
static void do_poweroff(struct work_struct *work)
{
	kernel_power_off();
}
static DECLARE_WORK(poweroff_work, do_poweroff);

static void sysrq_handle_poweroff(int key)
{
	schedule_work(&poweroff_work);
}

static void sysrq_handle_showregs(int key)
{
	struct pt_regs *regs = in_hardirq() ? get_irq_regs() : NULL;

	if (regs)
		show_regs(regs);
}

static void sysrq_handle_showstate(int key)
{
	show_state_filter(0);
}

static void sysrq_handle_showstate_blocked(int key)
{
	show_state_filter(TASK_UNINTERRUPTIBLE);
}

static const struct sysrq_key_op sysrq_loglevel_op = {
	sysrq_handle_loglevel, "loglevel(0-9)", "Changing Loglevel",
	SYSRQ_ENABLE_LOG,
};

/* In Linux's key order, which is also the help line's. */
static const struct {
	char key;
	struct sysrq_key_op op;
} sysrq_key_table[] = {
	{ 'b', { sysrq_handle_reboot, "reboot(b)", "Resetting",
		 SYSRQ_ENABLE_BOOT } },
	{ 'c', { sysrq_handle_crash, "crash(c)", "Trigger a crash",
		 SYSRQ_ENABLE_DUMP } },
	{ 'l', { sysrq_handle_showallcpus,
		 "show-backtrace-all-active-cpus(l)",
		 "Show backtrace of all active CPUs", SYSRQ_ENABLE_DUMP } },
	{ 'm', { sysrq_handle_showmem, "show-memory-usage(m)", "Show Memory",
		 SYSRQ_ENABLE_DUMP } },
	{ 'o', { sysrq_handle_poweroff, "poweroff(o)", "Power Off",
		 SYSRQ_ENABLE_BOOT } },
	{ 'p', { sysrq_handle_showregs, "show-registers(p)", "Show Regs",
		 SYSRQ_ENABLE_DUMP } },
	{ 't', { sysrq_handle_showstate, "show-task-states(t)", "Show State",
		 SYSRQ_ENABLE_DUMP } },
	{ 'w', { sysrq_handle_showstate_blocked, "show-blocked-tasks(w)",
		 "Show Blocked State", SYSRQ_ENABLE_DUMP } },
};

static const struct sysrq_key_op *sysrq_get_key_op(int key)
{
	size_t i;

	if (key >= '0' && key <= '9')
		return &sysrq_loglevel_op;
	for (i = 0; i < ARRAY_SIZE(sysrq_key_table); i++)
		if (sysrq_key_table[i].key == key)
			return &sysrq_key_table[i].op;
	return NULL;
}

static bool sysrq_on_mask(int mask)
{
	int enabled = READ_ONCE(sysrq_enabled);

	return enabled == 1 || (enabled & mask);
}

/*
 * Linux's __handle_sysrq: the action's name at the default console
 * level (so that it shows whatever loglevel says), then the action.
 */
void __handle_sysrq(int key, bool check_mask)
{
	const struct sysrq_key_op *op = sysrq_get_key_op(key);
	int orig_log_level = console_loglevel;
	size_t i;

	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	if (op && (!check_mask || sysrq_on_mask(op->enable_mask))) {
		pr_info("sysrq: %s\n", op->action_msg);
		console_loglevel = orig_log_level;
		op->handler(key);
		return;
	}
	if (op) {
		pr_info("sysrq: This sysrq operation is disabled.\n");
	} else {
		pr_info("sysrq: HELP : %s ", sysrq_loglevel_op.help_msg);
		for (i = 0; i < ARRAY_SIZE(sysrq_key_table); i++)
			pr_cont("%s ", sysrq_key_table[i].op.help_msg);
		pr_cont("\n");
	}
	console_loglevel = orig_log_level;
}

void handle_sysrq(int key)
{
	if (READ_ONCE(sysrq_enabled))
		__handle_sysrq(key, true);
}

/* Linux 6.1's write_sysrq_trigger: the first byte is the key. */
static ssize_t write_sysrq_trigger(struct file *file, char *buf, size_t count)
{
	if (count)
		__handle_sysrq(buf[0], false);
	return count;
}

static const struct proc_ops sysrq_trigger_proc_ops = {
	.proc_write = write_sysrq_trigger,
};

static int sysrq_init(void)
{
	return proc_create_data("sysrq-trigger", 0200, NULL,
				&sysrq_trigger_proc_ops, NULL) ? 0 : -ENOMEM;
}
fs_initcall_sync(sysrq_init);
