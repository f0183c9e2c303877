/* SPDX-License-Identifier: GPL-2.0 */
/* Linux's panic notifier chain: called by panic() with its message. */
#ifndef _IRQLAB_PANIC_NOTIFIER_H
#define _IRQLAB_PANIC_NOTIFIER_H

#include <irqlab/notifier.h>

extern struct atomic_notifier_head panic_notifier_list;

#endif /* _IRQLAB_PANIC_NOTIFIER_H */
