// SPDX-License-Identifier: GPL-2.0
/*
 * Ring 3 without a file system: each case runs a small program of
 * kernel/tests/user_progs.S as a child process (mapped at 0x400000, with
 * a stack), waits for it with kernel_wait4() and checks its wait status.  The code makes
 * system calls through SYSCALL and returns what the kernel answered as
 * its exit status, so each case shows one edge of the ABI: the result
 * register, -EFAULT for a bad pointer (user or kernel half), -ENOSYS, a
 * demand-paged mmap, a fault that becomes SIGSEGV or SIGILL, the tick
 * preempting a user loop so that a signal can end it (its time counted
 * as user time), and SSE registers
 * kept across a context switch.
 */
#include <irqlab/ktest.h>
#include <irqlab/errno.h>
#include <irqlab/gfp.h>
#include <irqlab/kernel_stat.h>
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

#define RUN(t, name)	ktest_run_user(t, PROG(name))

static void exit_status_reaches_the_parent(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, exit42), EXITED(42));
}

static void getpid_returns_the_pid(struct ktest *t)
{
	struct ucode u = { PROG(getpid) };
	int pid = ktest_start_user(t, &u), status = -1;

	KTEST_ASSERT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, EXITED(pid));
}

static void bad_pointers_get_efault(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, efault), EXITED(EFAULT));
	KTEST_EXPECT_EQ(t, RUN(t, kaddr), EXITED(EFAULT));
}

static void unknown_syscall_gets_enosys(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, enosys), EXITED(ENOSYS));
}

static void mmap_is_demand_paged(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, mmap), EXITED(77));
}

static void faults_kill_with_a_signal(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, segv), SIGSEGV);
	KTEST_EXPECT_EQ(t, RUN(t, ud2), SIGILL);
}

static void sse_state_survives_switches(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, sse), EXITED(5));
}

/* Only the tick can take the CPU back from `jmp .`. */
static void a_user_spinner_is_preempted_and_killed(struct ktest *t)
{
	struct ucode u = { PROG(spin) };
	int pid = ktest_start_user(t, &u), status = -1;
	struct task_struct *p = find_get_task_by_vpid(pid);
	struct kernel_cpustat cs;

	KTEST_ASSERT_NOT_NULL(t, p);
	/* Wait until it runs user code (its mm is set by then). */
	while (!READ_ONCE(p->mm) && !READ_ONCE(p->exit_state))
		msleep(1);
	msleep(20);
	KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, WNOHANG), 0);
	/* Its time is user time, for it and for its CPU (%usr). */
	KTEST_EXPECT_GT(t, READ_ONCE(p->utime), 0);
	kcpustat_cpu_fetch(&cs, task_cpu(p));
	KTEST_EXPECT_GT(t, cs.cpustat[CPUTIME_USER], 0);
	KTEST_EXPECT_EQ(t, send_sig(SIGKILL, p), 0);
	put_task_struct(p);
	KTEST_ASSERT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, SIGKILL);
}

/* The child's 0 from fork, its status through wait4 into the stack. */
static void fork_and_wait_in_user_mode(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(t, fork), EXITED(13));
}

/* Processes give back every page: tables, stack, code, the copy. */
static void processes_do_not_leak_pages(struct ktest *t)
{
	unsigned long before;
	int i;

	RUN(t, fork);		/* the first one allocates shared tables */
	before = nr_free_pages();
	for (i = 0; i < 5; i++)
		KTEST_EXPECT_EQ(t, RUN(t, fork), EXITED(13));
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
