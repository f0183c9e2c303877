/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux's module_init() and module_driver() for code that is always built
 * in: module_init(fn) is a device_initcall, and there is no module_exit
 * since nothing is ever unloaded.
 */
#ifndef _IRQLAB_MODULE_H
#define _IRQLAB_MODULE_H

#include <irqlab/init.h>

#define module_init(fn)		__initcall(fn)

/*
 * Registers __driver at device_initcall time with __register (as
 * include/linux/device/driver.h); module_pci_driver() is this with
 * pci_register_driver.
 */
#define module_driver(__driver, __register, __unregister, ...)		\
	static int __driver##_init(void)				\
	{								\
		return __register(&(__driver), ##__VA_ARGS__);		\
	}								\
	module_init(__driver##_init)

#endif /* _IRQLAB_MODULE_H */
