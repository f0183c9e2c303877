// SPDX-License-Identifier: GPL-2.0
/*
 * ktest suite "ringbuf": lib/ringbuf.c in the kernel.
 */
#include <irqlab/ktest.h>
#include <irqlab/ringbuf.h>
#include <irqlab/string.h>
#include <irqlab/errno.h>

#define CANARY	0xc3

/* An 8-byte ring with a canary byte on each side. */
struct guarded_ring {
	u8 mem[1 + 8 + 1];
	struct ringbuf rb;
};

static void guarded_init(struct ktest *t, struct guarded_ring *g)
{
	memset(g->mem, CANARY, sizeof(g->mem));
	KTEST_ASSERT_EQ(t, ringbuf_init(&g->rb, g->mem + 1, 8), 0);
}

static void init_test(struct ktest *t)
{
	struct ringbuf rb;
	u8 mem[8];

	KTEST_EXPECT_EQ(t, ringbuf_init(&rb, mem, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ringbuf_init(&rb, mem, 1), -EINVAL);
	KTEST_EXPECT_EQ(t, ringbuf_init(&rb, mem, 3), -EINVAL);
	KTEST_EXPECT_EQ(t, ringbuf_init(&rb, mem, 6), -EINVAL);
	KTEST_EXPECT_EQ(t, ringbuf_init(&rb, mem, 0x80000001U), -EINVAL);
	KTEST_EXPECT_EQ(t, ringbuf_init(&rb, mem, 2), 0);
	KTEST_EXPECT_EQ(t, ringbuf_init(&rb, mem, 8), 0);
	KTEST_EXPECT_TRUE(t, ringbuf_empty(&rb));
	KTEST_EXPECT_FALSE(t, ringbuf_full(&rb));
	KTEST_EXPECT_EQ(t, ringbuf_len(&rb), 0);
	KTEST_EXPECT_EQ(t, ringbuf_space(&rb), 8);
}

static void full_empty_test(struct ktest *t)
{
	struct guarded_ring g;
	u8 out[12];

	guarded_init(t, &g);
	KTEST_EXPECT_EQ(t, ringbuf_get(&g.rb, out, sizeof(out)), 0);
	KTEST_EXPECT_EQ(t, ringbuf_put(&g.rb, "0123456789", 10), 8);
	KTEST_EXPECT_TRUE(t, ringbuf_full(&g.rb));
	KTEST_EXPECT_EQ(t, ringbuf_space(&g.rb), 0);
	/* Full: nothing goes in, and nothing is written past the ends. */
	KTEST_EXPECT_EQ(t, ringbuf_put(&g.rb, "xy", 2), 0);
	KTEST_EXPECT_FALSE(t, ringbuf_put_byte(&g.rb, 'z'));
	KTEST_EXPECT_EQ(t, g.mem[0], CANARY);
	KTEST_EXPECT_EQ(t, g.mem[9], CANARY);

	KTEST_EXPECT_EQ(t, ringbuf_get(&g.rb, out, sizeof(out)), 8);
	KTEST_EXPECT_EQ(t, memcmp(out, "01234567", 8), 0);
	KTEST_EXPECT_TRUE(t, ringbuf_empty(&g.rb));
}

static void wrap_test(struct ktest *t)
{
	struct guarded_ring g;
	u8 out[8];

	guarded_init(t, &g);
	KTEST_EXPECT_EQ(t, ringbuf_put(&g.rb, "abcdef", 6), 6);
	KTEST_EXPECT_EQ(t, ringbuf_get(&g.rb, out, 5), 5);
	/* Six bytes from index 6: two before the end, four after. */
	KTEST_EXPECT_EQ(t, ringbuf_put(&g.rb, "ghijkl", 6), 6);
	KTEST_EXPECT_EQ(t, ringbuf_len(&g.rb), 7);
	KTEST_EXPECT_EQ(t, ringbuf_get(&g.rb, out, 8), 7);
	KTEST_EXPECT_EQ(t, memcmp(out, "fghijkl", 7), 0);
	KTEST_EXPECT_EQ(t, g.mem[0], CANARY);
	KTEST_EXPECT_EQ(t, g.mem[9], CANARY);
}

static void index_wrap_test(struct ktest *t)
{
	struct guarded_ring g;
	u8 out[8];

	guarded_init(t, &g);
	/* The free-running indices wrap at 2^32 without anyone noticing. */
	g.rb.head = 0xfffffffdU;
	g.rb.tail = 0xfffffffdU;
	KTEST_EXPECT_EQ(t, ringbuf_put(&g.rb, "ABCDEF", 6), 6);
	KTEST_EXPECT_EQ(t, g.rb.head, 3);
	KTEST_EXPECT_EQ(t, ringbuf_len(&g.rb), 6);
	KTEST_EXPECT_EQ(t, ringbuf_space(&g.rb), 2);
	KTEST_EXPECT_EQ(t, ringbuf_get(&g.rb, out, 8), 6);
	KTEST_EXPECT_EQ(t, memcmp(out, "ABCDEF", 6), 0);
	KTEST_EXPECT_TRUE(t, ringbuf_empty(&g.rb));
}

static void peek_drop_test(struct ktest *t)
{
	struct guarded_ring g;
	u8 out[8];

	guarded_init(t, &g);
	ringbuf_put(&g.rb, "xxxxx", 5);
	ringbuf_drop(&g.rb, 5);
	KTEST_EXPECT_EQ(t, ringbuf_put(&g.rb, "abcdef", 6), 6);

	KTEST_EXPECT_EQ(t, ringbuf_peek(&g.rb, 2, out, 3), 3);
	KTEST_EXPECT_EQ(t, memcmp(out, "cde", 3), 0);
	KTEST_EXPECT_EQ(t, ringbuf_peek(&g.rb, 4, out, 8), 2);
	KTEST_EXPECT_EQ(t, memcmp(out, "ef", 2), 0);
	KTEST_EXPECT_EQ(t, ringbuf_peek(&g.rb, 6, out, 8), 0);
	KTEST_EXPECT_EQ(t, ringbuf_peek(&g.rb, 100, out, 8), 0);
	KTEST_EXPECT_EQ(t, ringbuf_len(&g.rb), 6);

	ringbuf_drop(&g.rb, 4);
	KTEST_EXPECT_EQ(t, ringbuf_len(&g.rb), 2);
	KTEST_EXPECT_EQ(t, ringbuf_peek(&g.rb, 0, out, 8), 2);
	KTEST_EXPECT_EQ(t, memcmp(out, "ef", 2), 0);
	ringbuf_drop(&g.rb, 100);
	KTEST_EXPECT_TRUE(t, ringbuf_empty(&g.rb));
	KTEST_EXPECT_EQ(t, g.rb.head, g.rb.tail);
}

static void byte_test(struct ktest *t)
{
	struct guarded_ring g;
	u8 c = 0;
	int i;

	guarded_init(t, &g);
	KTEST_EXPECT_FALSE(t, ringbuf_get_byte(&g.rb, &c));
	for (i = 0; i < 8; i++)
		KTEST_EXPECT_TRUE(t, ringbuf_put_byte(&g.rb, 'a' + i));
	KTEST_EXPECT_FALSE(t, ringbuf_put_byte(&g.rb, 'z'));
	for (i = 0; i < 8; i++) {
		KTEST_EXPECT_TRUE(t, ringbuf_get_byte(&g.rb, &c));
		KTEST_EXPECT_EQ(t, c, 'a' + i);
	}
	KTEST_EXPECT_FALSE(t, ringbuf_get_byte(&g.rb, &c));
	KTEST_EXPECT_EQ(t, g.mem[0], CANARY);
	KTEST_EXPECT_EQ(t, g.mem[9], CANARY);
}

static const struct ktest_case ringbuf_cases[] = {
	KTEST_CASE(init_test),
	KTEST_CASE(full_empty_test),
	KTEST_CASE(wrap_test),
	KTEST_CASE(index_wrap_test),
	KTEST_CASE(peek_drop_test),
	KTEST_CASE(byte_test),
	{}
};

KTEST_SUITE(ringbuf, ringbuf_cases);
