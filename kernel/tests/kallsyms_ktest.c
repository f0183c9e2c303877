// SPDX-License-Identifier: GPL-2.0
/* The embedded symbol table names kernel functions as nm does. */
#include <irqlab/ktest.h>
#include <irqlab/kallsyms.h>
#include <irqlab/crash.h>
#include <irqlab/sprintf.h>

void kmain(u32 magic, unsigned long info);
void crash_invalid_opcode(void *unused);
static int not_text;

static void test_lookup_function_start(struct ktest *t)
{
	unsigned long off, size;
	const char *name;

	KTEST_ASSERT_TRUE(t, kallsyms_lookup((unsigned long)kmain, &name,
					     &off, &size));
	KTEST_EXPECT_STREQ(t, name, "kmain");
	KTEST_EXPECT_EQ(t, off, 0);
	KTEST_EXPECT_GT(t, size, 16);
}

static void test_lookup_inside_function(struct ktest *t)
{
	unsigned long off, size;
	const char *name;

	KTEST_ASSERT_TRUE(t, kallsyms_lookup((unsigned long)kmain + 5, &name,
					     &off, &size));
	KTEST_EXPECT_STREQ(t, name, "kmain");
	KTEST_EXPECT_EQ(t, off, 5);
}

static void test_not_text(struct ktest *t)
{
	unsigned long off, size;
	const char *name;

	KTEST_EXPECT_FALSE(t, kallsyms_lookup((unsigned long)&not_text,
					      &name, &off, &size));
	KTEST_EXPECT_FALSE(t, kallsyms_lookup(0, &name, &off, &size));
}

static void test_sprint_symbol(struct ktest *t)
{
	unsigned long addr = (unsigned long)crash_invalid_opcode;
	char buf[KSYM_SYMBOL_LEN], want[KSYM_SYMBOL_LEN];
	unsigned long off, size;
	const char *name;

	KTEST_ASSERT_TRUE(t, kallsyms_lookup(addr, &name, &off, &size));
	sprint_symbol(buf, addr + 1);
	snprintf(want, sizeof(want), "crash_invalid_opcode+0x1/0x%lx", size);
	KTEST_EXPECT_STREQ(t, buf, want);
	/* A return address at a function's start belongs to the one before. */
	sprint_backtrace(buf, addr);
	KTEST_EXPECT_TRUE(t, strncmp(buf, "crash_invalid_opcode+", 21) != 0);
}

static void test_lookup_name(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("kmain"), (unsigned long)kmain);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("no_such_symbol_here"), 0);
}

static const struct ktest_case kallsyms_cases[] = {
	KTEST_CASE(test_lookup_function_start),
	KTEST_CASE(test_lookup_inside_function),
	KTEST_CASE(test_not_text),
	KTEST_CASE(test_sprint_symbol),
	KTEST_CASE(test_lookup_name),
	{}
};
KTEST_SUITE(kallsyms, kallsyms_cases);
