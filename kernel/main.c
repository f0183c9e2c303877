// SPDX-License-Identifier: GPL-2.0
/*
 * kmain, irqlab's start_kernel, and kernel_init, as Linux's init/main.c.
 *
 * head.S calls kmain on the boot stack, in long mode, interrupts off,
 * with the multiboot2 magic and information pointer.  kmain brings up
 * the core in a fixed order, each step needing the ones before it (the
 * comments say why each is where it is), then starts kernel_init, PID 1,
 * and becomes CPU 0's idle task.  kernel_init runs the initcalls, with
 * which every subsystem and driver registers itself (include/irqlab/
 * init.h): as a thread it may sleep, so a probe may too.  Then it runs
 * the tests ktest= asks for, and the init program: the shell.
 */
#include <irqlab/kernel.h>
#include <irqlab/init.h>
#include <irqlab/bootinfo.h>
#include <irqlab/cmdline.h>
#include <irqlab/console.h>
#include <irqlab/acpi.h>
#include <irqlab/dmi.h>
#include <irqlab/errno.h>
#include <irqlab/kallsyms.h>
#include <irqlab/fs.h>
#include <uapi/linux/fcntl.h>
#include <irqlab/process.h>
#include <irqlab/mm.h>
#include <irqlab/ktest.h>
#include <irqlab/workqueue.h>
#include <irqlab/string.h>
#include <irqlab/sprintf.h>
#include <irqlab/timekeeping.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <asm/madt.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <irqlab/timekeeping.h>
#include <asm/time.h>
#include <irqlab/percpu.h>
#include <irqlab/preempt.h>
#include <irqlab/smp.h>
#include <irqlab/kthread.h>
#include <irqlab/interrupt.h>
#include <irqlab/timer.h>

bool initcall_debug;

static void print_memory_map(void)
{
	int i;

	pr_info("BIOS-provided physical RAM map:\n");
	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mem_region *r = &boot_info.mmap[i];

		pr_info("BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n",
			(unsigned long long)r->addr,
			(unsigned long long)(r->addr + r->len - 1),
			e820_type_name(r->type));
	}
	if (boot_info.mmap_truncated)
		pr_warn("e820: more than %d regions, the rest ignored\n",
			BOOT_MMAP_MAX);
}

/* ---- initcalls ------------------------------------------------------- */

extern const initcall_t __initcall_start[], __initcall0_start[],
	__initcall1_start[], __initcall2_start[], __initcall3_start[],
	__initcall4_start[], __initcall5_start[], __initcall6_start[],
	__initcall7_start[], __initcall_end[];

static const initcall_t *const initcall_levels[] = {
	__initcall0_start, __initcall1_start, __initcall2_start,
	__initcall3_start, __initcall4_start, __initcall5_start,
	__initcall6_start, __initcall7_start, __initcall_end,
};

int do_one_initcall(initcall_t fn)
{
	unsigned long count = preempt_count();
	char sym[KSYM_SYMBOL_LEN], msgbuf[64];
	u64 calltime = 0;
	int ret, n = 0;

	sprint_symbol(sym, (unsigned long)fn);
	if (initcall_debug) {
		printk(KERN_DEBUG "calling  %s @ %d\n", sym, current_pid());
		calltime = ktime_get_ns();
	}
	ret = fn();
	if (initcall_debug)
		printk(KERN_DEBUG "initcall %s returned %d after %llu usecs\n",
		       sym, ret,
		       (unsigned long long)(ktime_get_ns() - calltime) >> 10);
	else if (ret && ret != -ENODEV)
		/* -ENODEV: no such hardware here, which is no failure. */
		pr_warn("initcall %s returned %d\n", sym, ret);

	if (preempt_count() != count) {
		n += scnprintf(msgbuf + n, sizeof(msgbuf) - n,
			       "preemption imbalance ");
		preempt_count_set(count);
	}
	if (irqs_disabled()) {
		n += scnprintf(msgbuf + n, sizeof(msgbuf) - n,
			       "disabled interrupts ");
		local_irq_enable();
	}
	if (n) {
		pr_warn("initcall %s returned with %s\n", sym, msgbuf);
		WARN_ON(true);
	}
	return ret;
}

static void do_initcall_level(int level)
{
	const initcall_t *fn;

	for (fn = initcall_levels[level]; fn < initcall_levels[level + 1]; fn++)
		do_one_initcall(*fn);
}

static void do_initcalls(void)
{
	int level;

	for (level = 0; level < (int)ARRAY_SIZE(initcall_levels) - 1; level++)
		do_initcall_level(level);
}

/*
 * Linux runs these before it brings the other CPUs up; irqlab has them
 * up already (smp_init in kmain), and no CPU hotplug to start per-CPU
 * threads later, so an early initcall sees every CPU.
 */
static void do_pre_smp_initcalls(void)
{
	const initcall_t *fn;

	for (fn = __initcall_start; fn < __initcall0_start; fn++)
		do_one_initcall(*fn);
}

/* ---- the init program ---------------------------------------------------- */

extern const struct init_program __start_init_programs[],
	__stop_init_programs[];

/*
 * Linux's run_init_process: exec path as PID 1, with fds 0-2 on the
 * console.  A built-in program (INIT_PROGRAM: the kernel shell) runs in
 * PID 1 under its name instead.  Returns only if neither worked: 0 after
 * a successful exec (kernel_init then returns into user mode), or the
 * error.
 */
static int run_init_process(const char *path)
{
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	const char *argv[] = { path, NULL };
	const struct init_program *p;
	const char *base;
	int code;

	for (p = __start_init_programs; p < __stop_init_programs; p++)
		if (strcmp(p->path, path) == 0)
			break;
	if (p == __stop_init_programs) {
		pr_info("Run %s as init process\n", path);
		if (!current->files)
			console_on_rootfs();
		return kernel_execve(path, argv, envp);
	}
	pr_info("Run %s as init process\n", path);
	base = strrchr(path, '/');
	strscpy(current->comm, base ? base + 1 : path, sizeof(current->comm));
	code = p->main();
	panic("Attempted to kill init! exitcode=0x%08x", (code & 0xff) << 8);
}

static int kernel_init(void *unused)
{
	char init[64];
	int ret;

	/* Workers for the work items that initcalls queue. */
	workqueue_init();
	do_pre_smp_initcalls();
	/* Linux's do_basic_setup: every subsystem, then every driver. */
	do_initcalls();
	/* After the drivers, as Linux's kunit_run_all_tests. */
	ktest_run_all_tests();

	/*
	 * irqlab's boot option kshell: the kernel shell is init (the old
	 * tests need its commands until busybox's tools replace them).
	 */
	if (cmdline_get("kshell", NULL, 0) && !run_init_process("kshell"))
		return 0;
	/* Then Linux's order (init/main.c kernel_init). */
	if (!cmdline_get("rdinit", init, sizeof(init)))
		strscpy(init, "/init", sizeof(init));
	if (!strcmp(init, "/init") && do_faccessat(AT_FDCWD, init, 0, 0)) {
		/* No /init in the initramfs: nothing to try. */
	} else {
		ret = run_init_process(init);
		if (!ret)
			return 0;
		pr_err("Failed to execute %s (error %d)\n", init, ret);
	}
	if (cmdline_get("init", init, sizeof(init))) {
		ret = run_init_process(init);
		if (!ret)
			return 0;
		panic("Requested init %s failed (error %d).", init, ret);
	}
	if (!run_init_process("/sbin/init") || !run_init_process("/etc/init") ||
	    !run_init_process("/bin/init") || !run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel. See Linux Documentation/admin-guide/init.rst for guidance.");
}

void __noreturn kmain(u32 magic, unsigned long info)
{
	/* this_cpu data (the GS base): printk and everything after use it. */
	setup_boot_percpu();
	/* The zero of printk's timestamps. */
	tsc_mark_boot();
	/* The consoles, before the first message (console_initcall). */
	console_init();
	/* While head.S's identity map still covers the information. */
	if (!multiboot2_parse(magic, info)) {
		pr_emerg("irqlab: bad multiboot2 information at 0x%lx\n", info);
		halt_forever();
	}
	/* The whole command line (fw_cfg's part too) before it is read. */
	cmdline_init();
	printk_setup();
	initcall_debug = cmdline_get("initcall_debug", NULL, 0);

	pr_notice("irqlab version %s (gcc %s) #1 SMP\n", IRQLAB_VERSION,
		  __VERSION__);
	pr_info("Firmware: %s, loaded by %s\n",
		boot_info.firmware == FIRMWARE_UEFI ? "UEFI" : "BIOS",
		boot_info.loader_name[0] ? boot_info.loader_name : "unknown");
	pr_notice("Command line: %s\n", boot_info.cmdline);
	print_memory_map();

	/* The direct map, then the allocators: everything below allocates. */
	paging_init();
	mm_init();
	/* Segments, the TSS and the IDT: before anything can fault. */
	gdt_init();
	idt_init();
	/* The TSC's rate: delays and the clock need it. */
	tsc_init();
	/* The real time from the CMOS clock, once (read_persistent_clock64). */
	timekeeping_init();
	/* ACPI tables: the MADT below, power off later. */
	acpi_table_init();
	/* SMBIOS: the "Hardware name:" of oops reports. */
	dmi_setup();
	mem_init();

	/* Deferred work, ready before the first interrupt can raise it. */
	softirq_init();
	init_timers();

	/* Interrupt controllers, then the timers that interrupt. */
	madt_init();
	legacy_pic_disable();
	lapic_init();
	ioapic_init();
	/* The PIT as the boot clock event, until the LAPIC timers take over. */
	time_init();
	/* Pools for every CPU of the MADT, before anything queues work. */
	workqueue_init_early();
	local_irq_enable();
	lapic_timer_init();
	/* Run queues, then the other CPUs, which start in their idle tasks. */
	sched_init();
	smp_init();

	/* PID 1, first created, as Linux's rest_init. */
	if (!kthread_run(kernel_init, NULL, "swapper/0"))
		panic("cannot start kernel_init");

	/* kmain is CPU 0's idle task from here on, as Linux's rest_init. */
	cpu_startup_entry();
}
