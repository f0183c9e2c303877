/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Initcalls, as Linux's include/linux/init.h: a subsystem or driver names
 * its init function with one of the macros below and nothing else needs
 * to know about it.  Each macro puts a pointer to the function into the
 * linker section of its level; kernel/main.c calls the levels in order
 * from kernel_init, and the functions of one level in link order (the
 * Makefile links the files sorted by path).
 *
 *   console_initcall  kmain, first thing: consoles for the first messages
 *   early_initcall    kernel_init, before the other levels (per-CPU
 *                     threads such as ksoftirqd)
 *   pure .. late      kernel_init, in this order: pure (0), core (1),
 *                     postcore (2), arch (3), subsys (4), fs (5),
 *                     rootfs (after fs, as Linux's: the initramfs is
 *                     unpacked before any driver probes), device (6),
 *                     late (7)
 *
 * An initcall returns 0 or a negative errno; a failure is reported and
 * boot goes on.  Levels 0-7 and early run in kernel_init (PID 1), a
 * kernel thread, so they may sleep.  `initcall_debug` on the command line
 * logs each call and its result, as Linux does.
 */
#ifndef _IRQLAB_INIT_H
#define _IRQLAB_INIT_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

typedef int (*initcall_t)(void);

#define ___define_initcall(fn, id, __sec)				\
	static const initcall_t __initcall_##fn##id			\
	__used __section(#__sec ".init") __aligned(8) = fn

#define __define_initcall(fn, id) ___define_initcall(fn, id, .initcall##id)

#define early_initcall(fn)		__define_initcall(fn, early)
#define pure_initcall(fn)		__define_initcall(fn, 0)
#define core_initcall(fn)		__define_initcall(fn, 1)
#define postcore_initcall(fn)		__define_initcall(fn, 2)
#define arch_initcall(fn)		__define_initcall(fn, 3)
#define subsys_initcall(fn)		__define_initcall(fn, 4)
#define fs_initcall(fn)			__define_initcall(fn, 5)
/* After every fs_initcall: what needs the file systems built. */
#define fs_initcall_sync(fn)		__define_initcall(fn, 5s)
#define rootfs_initcall(fn)		__define_initcall(fn, rootfs)
#define device_initcall(fn)		__define_initcall(fn, 6)
#define late_initcall(fn)		__define_initcall(fn, 7)

#define __initcall(fn)			device_initcall(fn)

#define console_initcall(fn)	___define_initcall(fn, con, .con_initcall)

/*
 * A program built into the kernel, which kernel_init runs as init when
 * the command line says so: the kernel shell registers itself with
 * INIT_PROGRAM("kshell", shell_main), and the boot option `kshell` picks
 * it instead of the initramfs's /init.
 */
struct init_program {
	const char *path;
	int (*main)(void);	/* its exit code, should it return */
};

#define INIT_PROGRAM(ppath, pmain)					\
	static const struct init_program __init_program_##pmain		\
	__used __section(".init_programs") __aligned(8) = {		\
		.path = ppath, .main = pmain,				\
	}

/*
 * Calls fn as an initcall: logged with initcall_debug, a failure
 * reported.  Returns what fn returned.
 */
int do_one_initcall(initcall_t fn);

/* initcall_debug was on the command line. */
extern bool initcall_debug;

#endif /* _IRQLAB_INIT_H */
