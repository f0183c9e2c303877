// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel stacks from alloc_kernel_stack(): mapped and writable, unmapped
 * guard pages around them, known to the backtrace and double-fault code;
 * and vmalloc() underneath.
 */
#include <irqlab/ktest.h>
#include <irqlab/gfp.h>
#include <irqlab/vmalloc.h>
#include <asm/desc.h>
#include <asm/traps.h>

static void read_byte(void *addr)
{
	(void)*(volatile u8 *)addr;
}

static void expect_unmapped(struct ktest *t, unsigned long addr)
{
	struct fault_info fi;

	KTEST_ASSERT_TRUE(t, call_catching_fault(read_byte, (void *)addr,
						 &fi));
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(t, fi.cr2, addr);
	KTEST_EXPECT_FALSE(t, fi.error_code & X86_PF_PROT);
}

static void test_stack_writable(struct ktest *t)
{
	unsigned long free0 = nr_free_pages(), i, bad = 0;
	u64 *s = alloc_kernel_stack();

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_TRUE(t, IS_ALIGNED((unsigned long)s, THREAD_SIZE));
	KTEST_EXPECT_GE(t, (unsigned long)s, VMALLOC_START);
	for (i = 0; i < THREAD_SIZE / 8; i++)
		s[i] = i ^ 0x5555;
	for (i = 0; i < THREAD_SIZE / 8; i++)
		bad += s[i] != (i ^ 0x5555);
	KTEST_EXPECT_EQ(t, bad, 0);
	free_kernel_stack(s);
	/* The stack's pages went back; page tables it needed may stay. */
	KTEST_EXPECT_GE(t, nr_free_pages() + 4, free0);
	KTEST_EXPECT_LE(t, nr_free_pages(), free0);
	expect_unmapped(t, (unsigned long)s);
}

static void test_stack_guards(struct ktest *t)
{
	u8 *a = alloc_kernel_stack(), *b = alloc_kernel_stack();

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	expect_unmapped(t, (unsigned long)a - 1);
	expect_unmapped(t, (unsigned long)a - PAGE_SIZE);
	expect_unmapped(t, (unsigned long)a + THREAD_SIZE);
	expect_unmapped(t, (unsigned long)b - 1);
	expect_unmapped(t, (unsigned long)b + THREAD_SIZE);
	KTEST_EXPECT_TRUE(t, a + THREAD_SIZE <= b - PAGE_SIZE ||
			     b + THREAD_SIZE <= a - PAGE_SIZE);
	free_kernel_stack(a);
	free_kernel_stack(b);
}

/* The backtrace and the double-fault report recognise these stacks. */
static void test_stack_known(struct ktest *t)
{
	unsigned long s = (unsigned long)alloc_kernel_stack(), lo, hi;
	const char *name;

	KTEST_ASSERT_NE(t, s, 0);
	KTEST_EXPECT_TRUE(t, get_stack_bounds(s + 100, &lo, &hi, &name));
	KTEST_EXPECT_EQ(t, lo, s);
	KTEST_EXPECT_EQ(t, hi, s + THREAD_SIZE);
	KTEST_EXPECT_STREQ(t, name, "TASK");
	KTEST_EXPECT_TRUE(t, get_stack_bounds(s + THREAD_SIZE - 8, &lo, &hi,
					      &name));
	KTEST_EXPECT_FALSE(t, get_stack_bounds(s + THREAD_SIZE, &lo, &hi,
					       &name));
	KTEST_EXPECT_FALSE(t, get_stack_bounds(s - 8, &lo, &hi, &name));

	lo = hi = 0;
	KTEST_EXPECT_TRUE(t, in_stack_guard(s - 8, &lo, &hi, &name));
	KTEST_EXPECT_EQ(t, lo, s);
	KTEST_EXPECT_EQ(t, hi, s + THREAD_SIZE);
	KTEST_EXPECT_TRUE(t, in_stack_guard(s - PAGE_SIZE, &lo, &hi, &name));
	KTEST_EXPECT_FALSE(t, in_stack_guard(s + 8, &lo, &hi, &name));
	KTEST_EXPECT_FALSE(t, in_stack_guard(s - PAGE_SIZE - 1, &lo, &hi,
					     &name));
	free_kernel_stack((void *)s);
	KTEST_EXPECT_FALSE(t, get_stack_bounds(s + 100, &lo, &hi, &name));
	KTEST_EXPECT_FALSE(t, in_stack_guard(s - 8, &lo, &hi, &name));
}

static void test_vmalloc(struct ktest *t)
{
	unsigned long free0 = nr_free_pages(), i, bad = 0;
	u32 *p = vmalloc(5 * PAGE_SIZE + 1);

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_LE(t, nr_free_pages(), free0 - 6);
	for (i = 0; i < 6 * PAGE_SIZE / 4; i++)
		p[i] = i;
	for (i = 0; i < 6 * PAGE_SIZE / 4; i++)
		bad += p[i] != i;
	KTEST_EXPECT_EQ(t, bad, 0);
	expect_unmapped(t, (unsigned long)p + 6 * PAGE_SIZE);
	vfree(p);
	KTEST_EXPECT_GE(t, nr_free_pages() + 4, free0);
	expect_unmapped(t, (unsigned long)p);
}

static const struct ktest_case kstack_cases[] = {
	KTEST_CASE(test_stack_writable),
	KTEST_CASE(test_stack_guards),
	KTEST_CASE(test_stack_known),
	KTEST_CASE(test_vmalloc),
	{}
};
KTEST_SUITE(kstack, kstack_cases);
