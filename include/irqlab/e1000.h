/* SPDX-License-Identifier: GPL-2.0 */
/* The e1000 driver's entry point (drivers/net/e1000/), for kmain. */
#ifndef _IRQLAB_E1000_H
#define _IRQLAB_E1000_H

/* Linux's module_init(e1000_init_module): registers with PCI, probes. */
int e1000_init_module(void);

#endif /* _IRQLAB_E1000_H */
