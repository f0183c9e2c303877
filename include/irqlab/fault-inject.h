/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault injection, as Linux's <linux/fault-inject.h>: make allocations
 * fail on purpose, so that tests can walk the error paths (a ring resize
 * that finds no memory, a cross-CPU call that must not need any).
 *
 * Linux's attributes, fewer of them: probability (percent; 0 is off),
 * times (failures left, -1 for no limit) and task_filter (fail only in
 * tasks whose make_it_fail is set).  Linux's interval, space, gfp and
 * order filters and stack filters are not here.
 */
#ifndef _IRQLAB_FAULT_INJECT_H
#define _IRQLAB_FAULT_INJECT_H

#include <irqlab/atomic.h>
#include <irqlab/gfp.h>

struct fault_attr {
	const char *name;
	unsigned long probability;	/* percent */
	atomic_t times;			/* failures left; -1: no limit */
	bool task_filter;		/* only current->make_it_fail */
	bool verbose;			/* report each forced failure */
	unsigned long count;		/* failures forced so far */
};

#define FAULT_ATTR_INITIALIZER(_name) {					\
		.name = (_name),					\
		.times = ATOMIC_INIT(1),				\
	}

/* True if this call should fail; counts it and uses one of times. */
bool should_fail(struct fault_attr *attr, unsigned long size);

extern struct fault_attr failslab;		/* kmalloc, kmem_cache_alloc */
extern struct fault_attr fail_page_alloc;	/* alloc_pages */

struct kmem_cache;
bool should_failslab(struct kmem_cache *s, gfp_t gfp);
bool should_fail_alloc_page(gfp_t gfp, unsigned int order);

/*
 * For tests: from now on every allocation the calling task makes fails
 * (on), or none is made to (off).  Other tasks and interrupts are not
 * affected (task_filter).
 */
void fault_inject_current_allocs(bool on);

#endif /* _IRQLAB_FAULT_INJECT_H */
