// SPDX-License-Identifier: GPL-2.0
/*
 * SMEP and SMAP (arch/x86_64/smap.c): with them on, the kernel's own
 * read, write or jump into a user page faults, and the user copies,
 * which open user memory with STAC, still work.  The CPU must have them:
 * QEMU's default model has neither, so test_ktest.py boots once more
 * with -cpu qemu64,+smep,+smap; elsewhere the fault cases skip.
 *
 * The test thread borrows an address space of one user page (as Linux's
 * kthread_use_mm), so that the user half of CR3 is this page alone.
 */
#include <irqlab/ktest.h>
#include <irqlab/gfp.h>
#include <irqlab/mman.h>
#include <irqlab/sched.h>
#include <irqlab/uaccess.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/smap.h>
#include <asm/traps.h>

#define TEST_VA		0x400000UL
#define RET_OPCODE	0xc3

static struct mm_struct *use_test_page(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long page = get_zeroed_page(GFP_KERNEL);

	if (!mm || !page ||
	    mmap_region(mm, TEST_VA, PAGE_SIZE, VM_READ | VM_WRITE | VM_EXEC,
			true, "ktest-smap") < 0 ||
	    map_user_page(mm->pgd, TEST_VA, __pa(page),
			  PAGE_USER_PROT(true, true))) {
		/* Not mapped yet, so mmput() does not free the page. */
		if (page)
			free_page(page);
		if (mm)
			mmput(mm);
		ktest_fail_msg(t, __FILE__, __LINE__, "no memory for the test page");
		return NULL;
	}
	*(u8 *)page = RET_OPCODE;	/* for the SMEP case: a function */
	current->mm = mm;
	switch_mm(mm->pgd);
	return mm;
}

static void unuse_test_page(struct mm_struct *mm)
{
	current->mm = NULL;
	switch_mm(NULL);
	mmput(mm);
}

static __noipa void read_user(void *p)
{
	(void)*(volatile u8 *)p;
}

static __noipa void write_user(void *p)
{
	*(volatile u8 *)p = 1;
}

static __noipa void call_user(void *p)
{
	((void (*)(void))p)();
}

/* Runs fn on the page and checks the fault the CPU refused it with. */
static void expect_refused(struct ktest *t, void (*fn)(void *),
			   unsigned long error_code)
{
	struct mm_struct *mm = use_test_page(t);
	struct fault_info fi;
	bool faulted;

	if (!mm)
		return;
	faulted = call_catching_fault(fn, (void *)TEST_VA, &fi);
	unuse_test_page(mm);
	KTEST_ASSERT_TRUE(t, faulted);
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(t, fi.cr2, TEST_VA);
	KTEST_EXPECT_EQ(t, fi.error_code, error_code);
}

/* What the patched STAC/CLAC sites make possible, SMAP or not. */
static void test_user_copies_pass(struct ktest *t)
{
	struct mm_struct *mm = use_test_page(t);
	char buf[16] = { 0 };
	void __user *u = (void __user *)(TEST_VA + 64);
	unsigned long not_copied[3];
	long len;

	if (!mm)
		return;
	not_copied[0] = copy_to_user(u, "smap", 5);
	not_copied[1] = copy_from_user(buf, u, 5);
	len = strncpy_from_user(buf + 8, u, 8);
	not_copied[2] = clear_user(u, 5);
	unuse_test_page(mm);
	KTEST_EXPECT_EQ(t, not_copied[0], 0);
	KTEST_EXPECT_EQ(t, not_copied[1], 0);
	KTEST_EXPECT_STREQ(t, buf, "smap");
	KTEST_EXPECT_EQ(t, len, 4);
	KTEST_EXPECT_STREQ(t, buf + 8, "smap");
	KTEST_EXPECT_EQ(t, not_copied[2], 0);
	/* A copy leaves user memory closed behind it. */
	KTEST_EXPECT_FALSE(t, local_save_flags() & X86_EFLAGS_AC);
}

static void test_kernel_read_refused(struct ktest *t)
{
	if (!smap_enabled())
		return ktest_skip(t, "the CPU has no SMAP");
	expect_refused(t, read_user, X86_PF_PROT);
}

static void test_kernel_write_refused(struct ktest *t)
{
	if (!smap_enabled())
		return ktest_skip(t, "the CPU has no SMAP");
	expect_refused(t, write_user, X86_PF_PROT | X86_PF_WRITE);
}

static void test_kernel_exec_refused(struct ktest *t)
{
	if (!(read_cr4() & X86_CR4_SMEP))
		return ktest_skip(t, "the CPU has no SMEP");
	expect_refused(t, call_user, X86_PF_PROT | X86_PF_INSTR);
}

static const struct ktest_case smap_cases[] = {
	KTEST_CASE(test_user_copies_pass),
	KTEST_CASE(test_kernel_read_refused),
	KTEST_CASE(test_kernel_write_refused),
	KTEST_CASE(test_kernel_exec_refused),
	{}
};
KTEST_SUITE(smap, smap_cases);
