// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU's isa-debug-exit device: the kernel's verdict for the host.  It
 * registers on the panic notifier chain and on ktest's, as a Linux
 * driver that must act on a panic does; the kernel does not know it is
 * there.  Without the device the write does nothing and boot goes on.
 * Console writes wait until the UART has sent everything, so the last
 * line is out before QEMU exits.
 */
#include <irqlab/debugexit.h>
#include <irqlab/init.h>
#include <irqlab/ktest.h>
#include <irqlab/panic_notifier.h>
#include <asm/io.h>

#define DEBUG_EXIT_PORT	0xf4

static void debug_exit(u8 code)
{
	outb(code, DEBUG_EXIT_PORT);
}

static int debug_exit_panic(struct notifier_block *nb, unsigned long action,
			    void *msg)
{
	debug_exit(DEBUG_EXIT_PANIC);
	return NOTIFY_DONE;
}

/* action: how many suites failed. */
static int debug_exit_ktest(struct notifier_block *nb, unsigned long failed,
			    void *unused)
{
	debug_exit(failed ? DEBUG_EXIT_KTEST_FAIL : DEBUG_EXIT_KTEST_PASS);
	return NOTIFY_DONE;
}

static struct notifier_block panic_nb = {
	.notifier_call = debug_exit_panic,
	/* Last: other notifiers still run, QEMU exits after them. */
	.priority = -1000,
};

static struct notifier_block ktest_nb = {
	.notifier_call = debug_exit_ktest,
	.priority = -1000,
};

static int debug_exit_init(void)
{
	atomic_notifier_chain_register(&panic_notifier_list, &panic_nb);
	atomic_notifier_chain_register(&ktest_notifier_list, &ktest_nb);
	return 0;
}
/* As early as initcalls go: a panic in a later one still exits QEMU. */
early_initcall(debug_exit_init);
