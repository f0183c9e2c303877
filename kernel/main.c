// SPDX-License-Identifier: GPL-2.0
/*
 * kmain: irqlab's start_kernel.  head.S calls it on the boot stack, in long
 * mode, interrupts off, with the multiboot2 magic and information pointer.
 * The order matters: the boot information is read while head.S's identity
 * map still covers it; the command line is complete (fw_cfg appended)
 * before the banner prints it; the exception handlers are in place before
 * anything can fault.
 */
#include <irqlab/kernel.h>
#include <irqlab/bootinfo.h>
#include <irqlab/cmdline.h>
#include <irqlab/netdevice.h>
#include <irqlab/serial.h>
#include <irqlab/acpi.h>
#include <irqlab/mm.h>
#include <irqlab/ktest.h>
#include <irqlab/pci.h>
#include <irqlab/e1000.h>
#include <irqlab/workqueue.h>
#include <irqlab/crash.h>
#include <irqlab/shell.h>
#include <irqlab/debugexit.h>
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
#include <irqlab/smp.h>
#include <irqlab/kthread.h>
#include <irqlab/interrupt.h>
#include <irqlab/timer.h>

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

static char ktest_list[256];

/*
 * The shell runs in a kernel thread, as a user's shell would in its
 * process.  With ktest= it first runs the tests (which may sleep), then
 * exits QEMU through isa-debug-exit, or carries on without the device.
 */
static int shell_thread(void *unused)
{
	int failed;

	if (ktest_list[0]) {
		failed = ktest_run(ktest_list);
		debug_exit(failed ? DEBUG_EXIT_KTEST_FAIL :
				    DEBUG_EXIT_KTEST_PASS);
		pr_info("ktest: %s; no isa-debug-exit device to report it to\n",
			failed ? "FAILED" : "all passed");
	}
	shell_run();
}

void __noreturn kmain(u32 magic, unsigned long info)
{
	setup_boot_percpu();
	tsc_mark_boot();
	serial_init();
	if (!multiboot2_parse(magic, info)) {
		pr_emerg("irqlab: bad multiboot2 information at 0x%lx\n", info);
		halt_forever();
	}
	cmdline_init();
	printk_setup();

	pr_notice("irqlab version %s (gcc %s) #1 SMP\n", IRQLAB_VERSION,
		  __VERSION__);
	pr_info("Firmware: %s, loaded by %s\n",
		boot_info.firmware == FIRMWARE_UEFI ? "UEFI" : "BIOS",
		boot_info.loader_name[0] ? boot_info.loader_name : "unknown");
	pr_notice("Command line: %s\n", boot_info.cmdline);
	print_memory_map();

	paging_init();
	mm_init();
	gdt_init();
	idt_init();
	tsc_init();
	timekeeping_init();
	acpi_table_init();
	mem_init();

	/* Deferred work, ready before the first interrupt can raise it. */
	softirq_init();
	init_timers();

	/* Interrupt controllers, then the devices that interrupt. */
	madt_init();
	legacy_pic_disable();
	lapic_init();
	ioapic_init();
	time_init();
	/* Pools for every CPU of the MADT, before the serial IRQ queues work. */
	workqueue_init_early();
	serial_irq_init();
	local_irq_enable();
	lapic_timer_init();
	sched_init();
	smp_init();
	spawn_ksoftirqd();
	workqueue_init();
	/* Softnet for every online CPU, then the drivers that feed it. */
	net_dev_init();
	/* Devices after deferred work and softnet: probes queue work, NAPI. */
	pci_init();
	e1000_init_module();

	crash_from_cmdline();
	cmdline_get("ktest", ktest_list, sizeof(ktest_list));
	/* Before the shell's prompt, which may come at once on another CPU. */
	pr_info("irqlab: boot complete\n");
	if (!kthread_run(shell_thread, NULL, "sh"))
		panic("cannot start the shell thread");

	/* kmain is CPU 0's idle task from here on, as Linux's rest_init. */
	cpu_startup_entry();
}
