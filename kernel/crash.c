// SPDX-License-Identifier: GPL-2.0
/*
 * Each victim is __noipa so that it keeps its own name in the backtrace:
 * the tests check that the report names the function that faulted.
 */
#include <irqlab/init.h>
#include <irqlab/errno.h>
#include <irqlab/crash.h>
#include <irqlab/cmdline.h>
#include <irqlab/kernel.h>
#include <irqlab/string.h>

__noipa void crash_null_deref(void *unused)
{
	*(volatile int *)0 = 1;
}

__noipa void crash_invalid_opcode(void *unused)
{
	__asm__ __volatile__("ud2");
}

__noipa void crash_divide_error(void *unused)
{
	/* In assembly: C's division by zero is undefined, not a #DE. */
	__asm__ __volatile__("xorl %%ecx, %%ecx\n\t"
			     "movl $1, %%eax\n\t"
			     "xorl %%edx, %%edx\n\t"
			     "divl %%ecx" : : : "eax", "ecx", "edx");
}

__noipa void crash_general_protection(void *unused)
{
	/* Non-canonical: a #GP, not a page fault. */
	*(volatile unsigned long *)0xdead000000000000UL = 1;
}

/* Far deeper than any stack: the compiler must not see the recursion
 * as endless, and the guard page is hit long before the limit. */
static volatile unsigned long overflow_limit = ~0UL;

__noipa void crash_stack_overflow(void *depth)
{
	volatile char pad[512];

	pad[0] = (char)(unsigned long)depth;
	if ((unsigned long)depth < overflow_limit)
		crash_stack_overflow((void *)((unsigned long)depth + 1));
	pad[1] = pad[0];	/* not a tail call: the frame stays */
}

__noipa void crash_panic(void *unused)
{
	panic("crash=panic requested");
}

static const struct crash_type crash_types[] = {
	{ "null",	crash_null_deref,	"write through a NULL pointer" },
	{ "ud",		crash_invalid_opcode,	"execute ud2 (invalid opcode)" },
	{ "de",		crash_divide_error,	"divide by zero" },
	{ "gp",		crash_general_protection, "access a non-canonical address" },
	{ "overflow",	crash_stack_overflow,	"recurse into the stack guard page" },
	{ "panic",	crash_panic,		"call panic()" },
};

const struct crash_type *crash_find(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(crash_types); i++)
		if (strcmp(crash_types[i].name, name) == 0)
			return &crash_types[i];
	return NULL;
}

static int crash_from_cmdline(void)
{
	const struct crash_type *c;
	char name[32];
	size_t i;

	if (!cmdline_get("crash", name, sizeof(name)))
		return 0;
	c = crash_find(name);
	if (!c) {
		pr_err("crash: unknown type '%s'; known:", name);
		for (i = 0; i < ARRAY_SIZE(crash_types); i++)
			pr_cont(" %s", crash_types[i].name);
		pr_cont("\n");
		return -EINVAL;
	}
	pr_emerg("crash: %s, as crash=%s asked\n", c->what, c->name);
	c->fn(NULL);
	return 0;
}
/* Last of the initcalls: everything a crash kind needs is up. */
late_initcall(crash_from_cmdline);
