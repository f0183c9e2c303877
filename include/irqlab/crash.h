/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deliberate faults, for testing the oops path (Linux has LKDTM for this).
 * `crash=TYPE` on the command line triggers one after boot.
 */
#ifndef _IRQLAB_CRASH_H
#define _IRQLAB_CRASH_H

#include <irqlab/types.h>

struct crash_type {
	const char *name;
	void (*fn)(void *unused);
	const char *what;
};

/* crash=TYPE triggers one at late_initcall time (kernel/crash.c). */
const struct crash_type *crash_find(const char *name);

#endif /* _IRQLAB_CRASH_H */
