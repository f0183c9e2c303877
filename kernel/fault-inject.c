// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection: Linux's lib/fault-inject.c, mm/failslab.c and
 * mm/fail_page_alloc.c in one small file (see <irqlab/fault-inject.h>).
 */
#include <irqlab/fault-inject.h>
#include <irqlab/kernel.h>
#include <irqlab/sched.h>
#include <irqlab/preempt.h>

struct fault_attr failslab = FAULT_ATTR_INITIALIZER("failslab");
struct fault_attr fail_page_alloc = FAULT_ATTR_INITIALIZER("fail_page_alloc");

/* A cheap generator is enough to pick which calls fail (xorshift64). */
static u64 fault_seed = 0x9e3779b97f4a7c15ull;

static unsigned long fault_random_percent(void)
{
	u64 x = READ_ONCE(fault_seed);

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	WRITE_ONCE(fault_seed, x);
	return x % 100;
}

static bool fail_task(struct fault_attr *attr)
{
	return in_task() && current->make_it_fail;
}

bool should_fail(struct fault_attr *attr, unsigned long size)
{
	int times;

	if (!READ_ONCE(attr->probability))
		return false;
	if (attr->task_filter && !fail_task(attr))
		return false;
	times = atomic_read(&attr->times);
	if (!times)
		return false;
	if (attr->probability < 100 &&
	    fault_random_percent() >= attr->probability)
		return false;
	if (times != -1)
		atomic_dec(&attr->times);
	__atomic_add_fetch(&attr->count, 1, __ATOMIC_RELAXED);
	if (attr->verbose) {
		pr_notice("FAULT_INJECTION: forcing a failure.\n"
			  "name %s, interval 1, probability %lu, space 0, times %d\n",
			  attr->name, attr->probability, times);
		dump_stack();
	}
	return true;
}

bool should_failslab(struct kmem_cache *s, gfp_t gfp)
{
	return should_fail(&failslab, 0);
}

bool should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	return should_fail(&fail_page_alloc, PAGE_SIZE << order);
}

void fault_inject_current_allocs(bool on)
{
	struct fault_attr *attrs[] = { &failslab, &fail_page_alloc };
	unsigned int i;

	current->make_it_fail = on;
	for (i = 0; i < ARRAY_SIZE(attrs); i++) {
		attrs[i]->task_filter = true;
		atomic_set(&attrs[i]->times, on ? -1 : 0);
		WRITE_ONCE(attrs[i]->probability, on ? 100 : 0);
	}
}
