// SPDX-License-Identifier: GPL-2.0
/*
 * Ring 3 without a file system: each case runs a few bytes of machine
 * code as a child process (mapped at 0x400000, with a stack), waits for
 * it with kernel_wait4() and checks its wait status.  The code makes
 * system calls through SYSCALL and returns what the kernel answered as
 * its exit status, so each case shows one edge of the ABI: the result
 * register, -EFAULT for a bad pointer (user or kernel half), -ENOSYS, a
 * demand-paged mmap, a fault that becomes SIGSEGV or SIGILL, the tick
 * preempting a user loop so that a signal can end it, and SSE registers
 * kept across a context switch.
 */
#include <irqlab/ktest.h>
#include <irqlab/errno.h>
#include <irqlab/gfp.h>
#include <irqlab/mman.h>
#include <irqlab/process.h>
#include <irqlab/signal.h>
#include <irqlab/string.h>
#include <irqlab/timer.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include "user_progs.h"

#define CODE_VA		0x400000UL
#define STACK_END	0x800000UL
#define STACK_PAGES	4

static int become_user(void *arg)
{
	struct ucode *u = arg;
	struct mm_struct *mm = mm_alloc();
	unsigned long page;

	if (!mm)
		return -ENOMEM;
	page = get_zeroed_page(GFP_KERNEL);
	if (!page || mmap_region(mm, CODE_VA, PAGE_SIZE, VM_READ | VM_EXEC,
				 true, "ktest-user") < 0 ||
	    mmap_region(mm, STACK_END - STACK_PAGES * PAGE_SIZE,
			STACK_PAGES * PAGE_SIZE, VM_READ | VM_WRITE, true,
			"[stack]") < 0 ||
	    map_user_page(mm->pgd, CODE_VA, __pa(page),
			  PAGE_USER_PROT(false, true)) ||
	    fpu_clone(current, NULL)) {
		mmput(mm);
		return -ENOMEM;
	}
	memcpy((void *)page, u->code, u->len);
	current->mm = mm;
	switch_mm(mm->pgd);
	current->flags &= ~PF_KTHREAD;
	start_thread(task_pt_regs(current), CODE_VA, STACK_END);
	return 0;	/* ret_from_fork goes to user mode */
}

int ktest_start_user(struct ktest *t, struct ucode *u)
{
	struct task_struct *p = create_task(become_user, u, "ktest-user");

	KTEST_ASSERT_NOT_NULL(t, p);
	link_child(p);
	wake_up_process(p);
	return p->pid;
}

int ktest_run_user(struct ktest *t, const u8 *code, size_t len)
{
	struct ucode u = { code, len };
	int pid = ktest_start_user(t, &u), status = -1;

	KTEST_ASSERT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	return status;
}

#define RUN(t, code)	ktest_run_user(t, code, sizeof(code))

/* mov $231,%eax; mov $42,%edi; syscall (exit_group(42)) */
static const u8 p_exit42[] = {
	0xb8, 0xe7, 0x00, 0x00, 0x00, 0xbf, 0x2a, 0x00, 0x00, 0x00, 0x0f, 0x05
};
/* exit_group(getpid()) */
static const u8 p_getpid[] = {
	0xb8, 0x27, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x89, 0xc7, 0xb8, 0xe7,
	0x00, 0x00, 0x00, 0x0f, 0x05
};
/* exit_group(-uname((void *)1)) */
static const u8 p_efault[] = {
	0xb8, 0x3f, 0x00, 0x00, 0x00, 0xbf, 0x01, 0x00, 0x00, 0x00, 0x0f,
	0x05, 0xf7, 0xd8, 0x89, 0xc7, 0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05
};
/* exit_group(-uname((void *)0xffffffff80000000)): the kernel's image */
static const u8 p_kaddr[] = {
	0xb8, 0x3f, 0x00, 0x00, 0x00, 0x48, 0xbf, 0x00, 0x00, 0x00, 0x80,
	0xff, 0xff, 0xff, 0xff, 0x0f, 0x05, 0xf7, 0xd8, 0x89, 0xc7, 0xb8,
	0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05
};
/* exit_group(-syscall(1000)) */
static const u8 p_enosys[] = {
	0xb8, 0xe8, 0x03, 0x00, 0x00, 0x0f, 0x05, 0xf7, 0xd8, 0x89, 0xc7,
	0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05
};
/* xor %eax,%eax; mov (%rax),%rax */
static const u8 p_segv[] = { 0x31, 0xc0, 0x48, 0x8b, 0x00, 0x0f, 0x0b };
/* p = mmap(0, 8192, RW, PRIVATE|ANON, -1, 0); p[4096] = 77;
 * exit_group(p[4096]) */
static const u8 p_mmap[] = {
	0xb8, 0x09, 0x00, 0x00, 0x00, 0x31, 0xff, 0xbe, 0x00, 0x20, 0x00,
	0x00, 0xba, 0x03, 0x00, 0x00, 0x00, 0x41, 0xba, 0x22, 0x00, 0x00,
	0x00, 0x49, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff, 0x45, 0x31, 0xc9,
	0x0f, 0x05, 0xc6, 0x80, 0x00, 0x10, 0x00, 0x00, 0x4d, 0x0f, 0xb6,
	0xb8, 0x00, 0x10, 0x00, 0x00, 0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05
};
static const u8 p_ud2[] = { 0x0f, 0x0b };
static const u8 p_spin[] = { 0xeb, 0xfe };	/* 1: jmp 1b */
/* %xmm3 = 5; sched_yield(); sched_yield(); exit_group(%xmm3) */
static const u8 p_sse[] = {
	0xb8, 0x05, 0x00, 0x00, 0x00, 0x66, 0x48, 0x0f, 0x6e, 0xd8, 0xb8,
	0x18, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xb8, 0x18, 0x00, 0x00, 0x00,
	0x0f, 0x05, 0x66, 0x48, 0x0f, 0x7e, 0xdf, 0xb8, 0xe7, 0x00, 0x00,
	0x00, 0x0f, 0x05
};

/* if (!fork()) exit_group(3); wait4(-1, &st, 0, 0); exit_group(st/256+10) */
static const u8 p_fork[] = {
	0xb8, 0x39, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x85, 0xc0, 0x75, 0x0c, 0xb8,
	0xe7, 0x00, 0x00, 0x00, 0xbf, 0x03, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x48,
	0x83, 0xec, 0x10, 0xb8, 0x3d, 0x00, 0x00, 0x00, 0xbf, 0xff, 0xff, 0xff,
	0xff, 0x48, 0x89, 0xe6, 0x31, 0xd2, 0x45, 0x31, 0xd2, 0x0f, 0x05, 0x8b,
	0x3c, 0x24, 0xc1, 0xef, 0x08, 0x83, 0xc7, 0x0a, 0xb8, 0xe7, 0x00, 0x00,
	0x00, 0x0f, 0x05
};

static void exit_status_reaches_the_parent(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, p_exit42), EXITED(42));
}

static void getpid_returns_the_pid(struct ktest *t)
{
	struct ucode u = { p_getpid, sizeof(p_getpid) };
	int pid = ktest_start_user(t, &u), status = -1;

	KTEST_ASSERT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, EXITED(pid));
}

static void bad_pointers_get_efault(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, p_efault), EXITED(EFAULT));
	KTEST_EXPECT_EQ(t, RUN(t, p_kaddr), EXITED(EFAULT));
}

static void unknown_syscall_gets_enosys(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, p_enosys), EXITED(ENOSYS));
}

static void mmap_is_demand_paged(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, p_mmap), EXITED(77));
}

static void faults_kill_with_a_signal(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, p_segv), SIGSEGV);
	KTEST_EXPECT_EQ(t, RUN(t, p_ud2), SIGILL);
}

static void sse_state_survives_switches(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, p_sse), EXITED(5));
}

/* Only the tick can take the CPU back from `jmp .`. */
static void a_user_spinner_is_preempted_and_killed(struct ktest *t)
{
	struct ucode u = { p_spin, sizeof(p_spin) };
	int pid = ktest_start_user(t, &u), status = -1;
	struct task_struct *p = find_get_task_by_vpid(pid);

	KTEST_ASSERT_NOT_NULL(t, p);
	/* Wait until it runs user code (its mm is set by then). */
	while (!READ_ONCE(p->mm) && !READ_ONCE(p->exit_state))
		msleep(1);
	msleep(20);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, WNOHANG), 0);
	KTEST_EXPECT_EQ(t, send_sig(SIGKILL, p), 0);
	put_task_struct(p);
	KTEST_ASSERT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, SIGKILL);
}

/* The child's 0 from fork, its status through wait4 into the stack. */
static void fork_and_wait_in_user_mode(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, p_fork), EXITED(13));
}

/* Processes give back every page: tables, stack, code, the copy. */
static void processes_do_not_leak_pages(struct ktest *t)
{
	unsigned long before;
	int i;

	RUN(t, p_fork);		/* the first one allocates shared tables */
	before = nr_free_pages();
	for (i = 0; i < 5; i++)
		KTEST_EXPECT_EQ(t, RUN(t, p_fork), EXITED(13));
	/* Slab pages come and go with their caches: a few pages of slack. */
	KTEST_EXPECT_GE(t, nr_free_pages() + 8, before);
}

static void wait_without_children_is_echild(struct ktest *t)
{
	int status;

	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &status, 0), -ECHILD);
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &status, 0x100), -EINVAL);
}

static const struct ktest_case user_cases[] = {
	KTEST_CASE(exit_status_reaches_the_parent),
	KTEST_CASE(getpid_returns_the_pid),
	KTEST_CASE(bad_pointers_get_efault),
	KTEST_CASE(unknown_syscall_gets_enosys),
	KTEST_CASE(mmap_is_demand_paged),
	KTEST_CASE(faults_kill_with_a_signal),
	KTEST_CASE(sse_state_survives_switches),
	KTEST_CASE(a_user_spinner_is_preempted_and_killed),
	KTEST_CASE(fork_and_wait_in_user_mode),
	KTEST_CASE(processes_do_not_leak_pages),
	KTEST_CASE(wait_without_children_is_echild),
	{}
};
KTEST_SUITE(user, user_cases);
