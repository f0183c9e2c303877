// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions are delivered, decoded and survivable when a test asks: each
 * case provokes one fault through call_catching_fault() and checks what
 * the CPU reported.  Also checks the page protections paging.c sets up.
 */
#include <irqlab/ktest.h>
#include <irqlab/crash.h>
#include <irqlab/kallsyms.h>
#include <asm/traps.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <asm/nmi.h>
#include <asm/hardirq.h>
#include <irqlab/preempt.h>
#include <irqlab/jiffies.h>
#include <irqlab/smp.h>
#include <irqlab/uaccess.h>
#include <irqlab/errno.h>

extern u8 init_stack_guard[];
void kmain(u32 magic, unsigned long info);

/* The faulting instruction must lie in the function that executed it. */
static void expect_ip_in(struct ktest *t, u64 ip, const char *func)
{
	unsigned long off, size;
	const char *name;

	KTEST_ASSERT_TRUE(t, kallsyms_lookup(ip, &name, &off, &size));
	KTEST_EXPECT_STREQ(t, name, func);
}

static void run_crash(struct ktest *t, const char *type,
		      struct fault_info *fi)
{
	const struct crash_type *c = crash_find(type);

	KTEST_ASSERT_NOT_NULL(t, c);
	KTEST_ASSERT_TRUE(t, call_catching_fault(c->fn, NULL, fi));
}

static void test_invalid_opcode(struct ktest *t)
{
	struct fault_info fi;

	run_crash(t, "ud", &fi);
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_UD);
	expect_ip_in(t, fi.ip, "crash_invalid_opcode");
}

static void test_null_write(struct ktest *t)
{
	struct fault_info fi;

	run_crash(t, "null", &fi);
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(t, fi.cr2, 0);
	/* A write to a page that is not present, from the kernel. */
	KTEST_EXPECT_EQ(t, fi.error_code, X86_PF_WRITE);
	expect_ip_in(t, fi.ip, "crash_null_deref");
}

/* Through a variable, so the compiler cannot see the address is bogus. */
static volatile unsigned long low_address = 0x10;

static void read_low_page(void *unused)
{
	(void)*(volatile int *)low_address;
}

static void test_null_read(struct ktest *t)
{
	struct fault_info fi;

	KTEST_ASSERT_TRUE(t, call_catching_fault(read_low_page, NULL, &fi));
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(t, fi.cr2, 0x10);
	KTEST_EXPECT_EQ(t, fi.error_code, 0);
}

static void test_divide_error(struct ktest *t)
{
	struct fault_info fi;

	run_crash(t, "de", &fi);
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_DE);
	expect_ip_in(t, fi.ip, "crash_divide_error");
}

static void test_general_protection(struct ktest *t)
{
	struct fault_info fi;

	run_crash(t, "gp", &fi);
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_GP);
	KTEST_EXPECT_EQ(t, fi.error_code, 0);
	expect_ip_in(t, fi.ip, "crash_general_protection");
}

static void read_guard(void *unused)
{
	(void)*(volatile u8 *)init_stack_guard;
}

/* The page below the boot stack must not be mapped, or overflows pass. */
static void test_stack_guard_unmapped(struct ktest *t)
{
	struct fault_info fi;

	KTEST_ASSERT_TRUE(t, call_catching_fault(read_guard, NULL, &fi));
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(t, fi.cr2, (u64)init_stack_guard);
	KTEST_EXPECT_FALSE(t, fi.error_code & X86_PF_PROT);
}

static void write_text(void *unused)
{
	*(volatile u8 *)kmain = 0xcc;
}

static void test_text_read_only(struct ktest *t)
{
	struct fault_info fi;

	KTEST_ASSERT_TRUE(t, call_catching_fault(write_text, NULL, &fi));
	KTEST_EXPECT_EQ(t, fi.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(t, fi.error_code, X86_PF_PROT | X86_PF_WRITE);
	KTEST_EXPECT_EQ(t, fi.cr2, (u64)kmain);
}

static int ran;

static void harmless(void *arg)
{
	ran = *(int *)arg;
}

static void test_no_fault(struct ktest *t)
{
	struct fault_info fi = { .vector = -1 };
	int v = 42;

	ran = 0;
	KTEST_EXPECT_FALSE(t, call_catching_fault(harmless, &v, &fi));
	KTEST_EXPECT_EQ(t, ran, 42);
	KTEST_EXPECT_EQ(t, fi.vector, -1);
}

/* Catching restores the interrupt flag the caller had. */
static void test_flags_restored(struct ktest *t)
{
	struct fault_info fi;
	unsigned long before = local_save_flags();

	run_crash(t, "ud", &fi);
	KTEST_EXPECT_EQ(t, local_save_flags() & X86_EFLAGS_IF,
			before & X86_EFLAGS_IF);
}

/* What reports read around a fault must never fault itself. */
static void test_copy_from_kernel_nofault(struct ktest *t)
{
	unsigned long below;
	unsigned int level;
	u8 buf[16];

	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(buf, kmain, sizeof(buf)),
			0);
	KTEST_EXPECT_EQ(t, memcmp(buf, kmain, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(buf, init_stack_guard,
						    1), -EFAULT);
	/* From the mapped data below the guard page into it: all or
	 * nothing. */
	below = (unsigned long)init_stack_guard - 8;
	KTEST_ASSERT_NOT_NULL(t, lookup_address(below, &level));
	memset(buf, 0x5a, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(buf, (void *)below,
						    sizeof(buf)), -EFAULT);
	KTEST_EXPECT_EQ(t, buf[0], 0x5a);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(buf, NULL, 1), -ERANGE);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(buf,
			(void *)0xdead000000000000UL, 1), -ERANGE);
	KTEST_EXPECT_EQ(t, copy_from_kernel_nofault(buf, (void *)-8UL, 16),
			-ERANGE);
}

static struct {
	int calls;
	bool in_nmi, in_hardirq;
	unsigned long preempt;
} nmi_seen;

static int record_nmi(unsigned int type, struct pt_regs *regs)
{
	nmi_seen.in_nmi = in_nmi();
	nmi_seen.in_hardirq = in_hardirq();
	nmi_seen.preempt = preempt_count();
	WRITE_ONCE(nmi_seen.calls, nmi_seen.calls + 1);
	return NMI_HANDLED;
}

/*
 * A self-NMI through the local APIC: its handler runs between
 * nmi_enter() and nmi_exit(), so in_nmi() (and in_hardirq(), as Linux's
 * __nmi_enter adds NMI_OFFSET + HARDIRQ_OFFSET) holds there, and
 * nowhere after.
 */
static void test_nmi_context(struct ktest *t)
{
	unsigned int count0;
	unsigned long base, deadline;

	memset(&nmi_seen, 0, sizeof(nmi_seen));
	KTEST_ASSERT_EQ(t, register_nmi_handler(NMI_LOCAL, record_nmi, 0,
						"traps_ktest"), 0);
	preempt_disable();
	base = preempt_count();
	count0 = this_cpu_ptr(&irq_stat)->__nmi_count;
	apic_send_NMI(smp_processor_id());
	deadline = jiffies + HZ;
	while (!READ_ONCE(nmi_seen.calls) && time_before(jiffies, deadline))
		cpu_relax();
	KTEST_EXPECT_EQ(t, this_cpu_ptr(&irq_stat)->__nmi_count, count0 + 1);
	KTEST_EXPECT_FALSE(t, in_nmi());
	KTEST_EXPECT_EQ(t, preempt_count(), base);
	preempt_enable();
	unregister_nmi_handler(NMI_LOCAL, "traps_ktest");

	KTEST_EXPECT_EQ(t, nmi_seen.calls, 1);
	KTEST_EXPECT_TRUE(t, nmi_seen.in_nmi);
	KTEST_EXPECT_TRUE(t, nmi_seen.in_hardirq);
	KTEST_EXPECT_EQ(t, nmi_seen.preempt,
			base + NMI_OFFSET + HARDIRQ_OFFSET);
}

static const struct ktest_case traps_cases[] = {
	KTEST_CASE(test_invalid_opcode),
	KTEST_CASE(test_null_write),
	KTEST_CASE(test_null_read),
	KTEST_CASE(test_divide_error),
	KTEST_CASE(test_general_protection),
	KTEST_CASE(test_stack_guard_unmapped),
	KTEST_CASE(test_text_read_only),
	KTEST_CASE(test_no_fault),
	KTEST_CASE(test_flags_restored),
	KTEST_CASE(test_copy_from_kernel_nofault),
	KTEST_CASE(test_nmi_context),
	{}
};
KTEST_SUITE(traps, traps_cases);
