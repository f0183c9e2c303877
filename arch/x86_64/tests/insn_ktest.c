// SPDX-License-Identifier: GPL-2.0
/*
 * The instruction decoder behind the #GP report's address: lengths and
 * effective addresses of encodings gcc emits, against what the CPU
 * computes (checked by hand with objdump).
 */
#include <irqlab/ktest.h>
#include <irqlab/errno.h>
#include <asm/insn.h>
#include <asm/processor.h>

static const struct pt_regs regs = {
	.ax = 0xdead000000000000UL, .bx = 0x1000, .cx = 3, .dx = 0x40,
	.sp = 0xffffc90000007f00UL, .bp = 0xffffc90000007f80UL,
	.r12 = 0xffff888000100000UL, .r13 = 0x200,
	.ip = 0xffffffff80200000UL,
};

struct decode_case {
	const char *what;
	u8 bytes[MAX_INSN_SIZE];
	u8 length, opnd_bytes;
	bool has_addr;
	unsigned long addr;
};

static const struct decode_case cases[] = {
	{ "movq $1, (%rax)", { 0x48, 0xc7, 0x00, 1, 0, 0, 0 }, 7, 8,
	  true, 0xdead000000000000UL },
	{ "mov 0x8(%rsp), %eax", { 0x8b, 0x44, 0x24, 0x08 }, 4, 4,
	  true, 0xffffc90000007f08UL },
	{ "mov 0x100(%rbx,%rcx,8), %rax",
	  { 0x48, 0x8b, 0x84, 0xcb, 0x00, 0x01, 0, 0 }, 8, 8,
	  true, 0x1000 + 3 * 8 + 0x100 },
	{ "mov %ebx, -0x8(%r12)", { 0x41, 0x89, 0x5c, 0x24, 0xf8 }, 5, 4,
	  true, 0xffff888000100000UL - 8 },
	{ "mov (%r12,%r13,1), %al", { 0x43, 0x8a, 0x04, 0x2c }, 4, 4,
	  true, 0xffff888000100000UL + 0x200 },
	{ "mov 0x10(%rip), %rax", { 0x48, 0x8b, 0x05, 0x10, 0, 0, 0 }, 7, 8,
	  true, 0xffffffff80200000UL + 7 + 0x10 },
	/* The immediate after a RIP-relative operand counts too. */
	{ "cmpl $0x12345678, 0x10(%rip)",
	  { 0x81, 0x3d, 0x10, 0, 0, 0, 0x78, 0x56, 0x34, 0x12 }, 10, 4,
	  true, 0xffffffff80200000UL + 10 + 0x10 },
	{ "movzbl 0x1(%rax), %eax", { 0x0f, 0xb6, 0x40, 0x01 }, 4, 4,
	  true, 0xdead000000000001UL },
	{ "mov %ax, (%rbx)", { 0x66, 0x89, 0x03 }, 3, 2, true, 0x1000 },
	{ "mov (%eax), %eax", { 0x67, 0x8b, 0x00 }, 3, 4, true, 0 },
	{ "lock cmpxchg %rcx, 0x40(%rdx)",
	  { 0xf0, 0x48, 0x0f, 0xb1, 0x4a, 0x40 }, 6, 8, true, 0x80 },
	{ "mov %eax, %eax", { 0x89, 0xc0 }, 2, 4, false, 0 },
	{ "ud2", { 0x0f, 0x0b }, 2, 4, false, 0 },
	{ "ret", { 0xc3 }, 1, 4, false, 0 },
};

static void test_decode(struct ktest *t)
{
	unsigned long addr;
	struct insn insn;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct decode_case *c = &cases[i];
		enum ktest_status before = t->status;

		KTEST_EXPECT_EQ(t, insn_decode_kernel(&insn, c->bytes,
						      MAX_INSN_SIZE), 0);
		KTEST_EXPECT_EQ(t, insn.length, c->length);
		KTEST_EXPECT_EQ(t, insn.opnd_bytes, c->opnd_bytes);
		KTEST_EXPECT_EQ(t, insn_get_addr_ref(&insn, &regs, &addr),
				c->has_addr);
		if (c->has_addr)
			KTEST_EXPECT_EQ(t, addr, c->addr);
		if (t->status != before)
			ktest_log(t, "in: %s", c->what);
	}
}

/* A %gs: operand is relative to this CPU's per-CPU area. */
static void test_gs_base(struct ktest *t)
{
	/* mov %gs:0x10, %rax */
	static const u8 bytes[] = { 0x65, 0x48, 0x8b, 0x04, 0x25,
				    0x10, 0, 0, 0 };
	unsigned long addr;
	struct insn insn;

	KTEST_ASSERT_EQ(t, insn_decode_kernel(&insn, bytes, sizeof(bytes)),
			0);
	KTEST_EXPECT_EQ(t, insn.length, sizeof(bytes));
	KTEST_ASSERT_TRUE(t, insn_get_addr_ref(&insn, &regs, &addr));
	KTEST_EXPECT_EQ(t, addr, rdmsr(0xc0000101) + 0x10);
}

static void test_refused(struct ktest *t)
{
	static const u8 vex[] = { 0xc5, 0xf8, 0x77 };	/* vzeroupper */
	static const u8 cut[] = { 0x48, 0xc7, 0x00, 1 };
	static const u8 prefixes_only[] = { 0x66, 0x66, 0x66 };
	struct insn insn;

	KTEST_EXPECT_EQ(t, insn_decode_kernel(&insn, vex, sizeof(vex)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, insn_decode_kernel(&insn, cut, sizeof(cut)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, insn_decode_kernel(&insn, prefixes_only,
					      sizeof(prefixes_only)), -EINVAL);
}

static const struct ktest_case insn_cases[] = {
	KTEST_CASE(test_decode),
	KTEST_CASE(test_gs_base),
	KTEST_CASE(test_refused),
	{}
};
KTEST_SUITE(insn, insn_cases);
