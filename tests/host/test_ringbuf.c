// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/ringbuf.c: edge cases by hand, then random operations
 * against a plain array model.  The ring's storage sits between canaries
 * that no operation may touch.
 */
#include <irqlab/ringbuf.h>
#include <irqlab/string.h>
#include <irqlab/errno.h>
#include <irqlab/compiler.h>

#include "check.h"

#define CANARY		32
#define CANARY_BYTE	0xc3
#define RING_SIZE	16

struct guarded {
	u8 mem[CANARY + RING_SIZE + CANARY];
	struct ringbuf rb;
};

static void guarded_init(struct guarded *g)
{
	memset(g->mem, CANARY_BYTE, sizeof(g->mem));
	CHECK_INT(ringbuf_init(&g->rb, g->mem + CANARY, RING_SIZE), 0);
}

static bool canaries_intact(const struct guarded *g)
{
	size_t i;

	for (i = 0; i < CANARY; i++) {
		if (g->mem[i] != CANARY_BYTE ||
		    g->mem[CANARY + RING_SIZE + i] != CANARY_BYTE)
			return false;
	}
	return true;
}

static void fill_seq(u8 *p, u32 n, u8 start)
{
	u32 i;

	for (i = 0; i < n; i++)
		p[i] = start + i;
}

static void test_init(void)
{
	static const u32 bad[] = {
		0, 1, 3, 5, 6, 7, 12, 100, 1000, 0x80000001, 0xffffffff,
		0xc0000000,
	};
	static const u32 good[] = { 2, 4, 8, 16, 4096, 0x80000000 };
	struct ringbuf rb;
	u8 mem[4];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		if (!CHECK_INT(ringbuf_init(&rb, mem, bad[i]), -EINVAL))
			check_fail(__FILE__, __LINE__, "size %u", bad[i]);
	}
	for (i = 0; i < ARRAY_SIZE(good); i++) {
		memset(&rb, 0xff, sizeof(rb));
		if (!CHECK_INT(ringbuf_init(&rb, mem, good[i]), 0))
			check_fail(__FILE__, __LINE__, "size %u", good[i]);
		CHECK_UINT(rb.size, good[i]);
		CHECK_UINT(ringbuf_len(&rb), 0);
		CHECK_UINT(ringbuf_space(&rb), good[i]);
		CHECK(ringbuf_empty(&rb));
		CHECK(!ringbuf_full(&rb));
	}
}

static void test_full_and_empty(void)
{
	struct guarded g;
	u8 in[RING_SIZE * 2], out[RING_SIZE * 2];
	u8 c;

	guarded_init(&g);
	fill_seq(in, sizeof(in), 1);

	CHECK_UINT(ringbuf_get(&g.rb, out, sizeof(out)), 0);
	CHECK(!ringbuf_get_byte(&g.rb, &c));
	CHECK_UINT(ringbuf_peek(&g.rb, 0, out, 1), 0);

	/* More than fits: only the space is taken. */
	CHECK_UINT(ringbuf_put(&g.rb, in, RING_SIZE + 5), RING_SIZE);
	CHECK(ringbuf_full(&g.rb));
	CHECK(!ringbuf_empty(&g.rb));
	CHECK_UINT(ringbuf_len(&g.rb), RING_SIZE);
	CHECK_UINT(ringbuf_space(&g.rb), 0);

	/* Full: nothing more goes in, and nothing is written anywhere. */
	CHECK_UINT(ringbuf_put(&g.rb, in + 20, 4), 0);
	CHECK_UINT(ringbuf_put(&g.rb, in, 0), 0);
	CHECK(!ringbuf_put_byte(&g.rb, 0xee));
	CHECK(canaries_intact(&g));
	CHECK_MEM(g.mem + CANARY, in, RING_SIZE);

	CHECK_UINT(ringbuf_get(&g.rb, out, sizeof(out)), RING_SIZE);
	CHECK_MEM(out, in, RING_SIZE);
	CHECK(ringbuf_empty(&g.rb));
	CHECK_UINT(ringbuf_space(&g.rb), RING_SIZE);

	/* Byte at a time, to full and back. */
	for (c = 0; c < RING_SIZE; c++)
		CHECK(ringbuf_put_byte(&g.rb, c + 100));
	CHECK(ringbuf_full(&g.rb));
	CHECK(!ringbuf_put_byte(&g.rb, 0));
	for (c = 0; c < RING_SIZE; c++) {
		u8 got = 0;

		CHECK(ringbuf_get_byte(&g.rb, &got));
		CHECK_UINT(got, c + 100u);
	}
	CHECK(ringbuf_empty(&g.rb));
	CHECK(canaries_intact(&g));
}

static void test_wrap(void)
{
	struct guarded g;
	u8 in[RING_SIZE], out[RING_SIZE];
	u32 start, n;

	/* Every start position and length, so every split is crossed. */
	for (start = 0; start < RING_SIZE; start++) {
		for (n = 1; n <= RING_SIZE; n++) {
			guarded_init(&g);
			/* Advance both indices to start. */
			memset(out, 0, sizeof(out));
			ringbuf_put(&g.rb, out, start);
			ringbuf_drop(&g.rb, start);

			fill_seq(in, n, (u8)(start * 16 + n));
			CHECK_UINT(ringbuf_put(&g.rb, in, n), n);
			CHECK_UINT(ringbuf_len(&g.rb), n);
			memset(out, 0, sizeof(out));
			CHECK_UINT(ringbuf_peek(&g.rb, 0, out, n), n);
			CHECK_MEM(out, in, n);
			memset(out, 0, sizeof(out));
			CHECK_UINT(ringbuf_get(&g.rb, out, n), n);
			if (!CHECK_MEM(out, in, n) ||
			    !CHECK(canaries_intact(&g)))
				check_fail(__FILE__, __LINE__,
					   "start %u len %u", start, n);
			CHECK(ringbuf_empty(&g.rb));
		}
	}
}

/* The free-running indices wrap at 2^32, and nothing may notice. */
static void test_index_wrap(void)
{
	struct guarded g;
	u8 in[RING_SIZE], out[RING_SIZE];
	u32 i;

	guarded_init(&g);
	g.rb.head = g.rb.tail = 0xfffffff8u;
	fill_seq(in, sizeof(in), 50);

	CHECK_UINT(ringbuf_put(&g.rb, in, 12), 12);
	CHECK_UINT(g.rb.head, 4);	/* wrapped */
	CHECK_UINT(ringbuf_len(&g.rb), 12);
	CHECK_UINT(ringbuf_space(&g.rb), RING_SIZE - 12);
	CHECK_UINT(ringbuf_put(&g.rb, in + 12, 8), 4);
	CHECK(ringbuf_full(&g.rb));
	CHECK(!ringbuf_put_byte(&g.rb, 1));

	CHECK_UINT(ringbuf_peek(&g.rb, 10, out, 10), 6);
	CHECK_MEM(out, in + 10, 6);
	CHECK_UINT(ringbuf_get(&g.rb, out, 5), 5);
	CHECK_MEM(out, in, 5);
	CHECK_UINT(ringbuf_len(&g.rb), RING_SIZE - 5);
	for (i = 5; i < RING_SIZE; i++) {
		u8 c = 0;

		CHECK(ringbuf_get_byte(&g.rb, &c));
		CHECK_UINT(c, in[i]);
	}
	CHECK(ringbuf_empty(&g.rb));
	CHECK_UINT(g.rb.tail, 8);
	CHECK(canaries_intact(&g));
}

static void test_peek_and_drop(void)
{
	struct guarded g;
	u8 in[RING_SIZE], out[RING_SIZE + 4];
	u32 off, len, want;

	guarded_init(&g);
	fill_seq(in, sizeof(in), 200);
	/* Start near the end so that peeks straddle it. */
	ringbuf_put(&g.rb, in, 11);
	ringbuf_drop(&g.rb, 11);
	CHECK_UINT(ringbuf_put(&g.rb, in, 10), 10);

	for (off = 0; off <= 12; off++) {
		for (len = 0; len <= 12; len++) {
			want = off >= 10 ? 0 : min(len, 10 - off);
			memset(out, 0, sizeof(out));
			if (!CHECK_UINT(ringbuf_peek(&g.rb, off, out, len),
					want) ||
			    !CHECK_MEM(out, in + off, want))
				check_fail(__FILE__, __LINE__,
					   "offset %u len %u", off, len);
		}
	}
	/* Peeking consumes nothing. */
	CHECK_UINT(ringbuf_len(&g.rb), 10);
	CHECK_UINT(ringbuf_peek(&g.rb, 0xffffffffu, out, 5), 0);

	ringbuf_drop(&g.rb, 0);
	CHECK_UINT(ringbuf_len(&g.rb), 10);
	ringbuf_drop(&g.rb, 3);
	CHECK_UINT(ringbuf_len(&g.rb), 7);
	CHECK_UINT(ringbuf_get(&g.rb, out, 2), 2);
	CHECK_MEM(out, in + 3, 2);
	/* More than held empties it, and no further. */
	ringbuf_drop(&g.rb, 100);
	CHECK(ringbuf_empty(&g.rb));
	CHECK_UINT(ringbuf_len(&g.rb), 0);
	CHECK_UINT(g.rb.head, g.rb.tail);
	ringbuf_drop(&g.rb, 1);
	CHECK(ringbuf_empty(&g.rb));
	CHECK(canaries_intact(&g));
}

/* Random operations against a linear array holding what the ring should. */
static void test_random_model(void)
{
	struct guarded g;
	u8 model[RING_SIZE], in[RING_SIZE + 8], out[RING_SIZE + 8];
	u32 mlen = 0, n, off, want, got;
	u64 seed = 12345;
	u8 next = 0, c;
	int i, op;
	bool ok = true;

	guarded_init(&g);
	/* Start just short of the index wrap to cross it on the way. */
	g.rb.head = g.rb.tail = 0xffffff00u;

	for (i = 0; i < 20000 && ok; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		op = (seed >> 33) % 6;
		n = (seed >> 40) % (RING_SIZE + 6);
		off = (seed >> 50) % (RING_SIZE + 2);

		switch (op) {
		case 0:
			fill_seq(in, n, next);
			want = min(n, RING_SIZE - mlen);
			got = ringbuf_put(&g.rb, in, n);
			ok = CHECK_UINT(got, want);
			memcpy(model + mlen, in, want);
			mlen += want;
			next += want;
			break;
		case 1:
			want = min(n, mlen);
			got = ringbuf_get(&g.rb, out, n);
			ok = CHECK_UINT(got, want) &&
			     CHECK_MEM(out, model, want);
			memmove(model, model + want, mlen - want);
			mlen -= want;
			break;
		case 2:
			want = off >= mlen ? 0 : min(n, mlen - off);
			got = ringbuf_peek(&g.rb, off, out, n);
			ok = CHECK_UINT(got, want) &&
			     CHECK_MEM(out, model + (want ? off : 0), want);
			break;
		case 3:
			want = min(n, mlen);
			ringbuf_drop(&g.rb, n);
			memmove(model, model + want, mlen - want);
			mlen -= want;
			break;
		case 4:
			ok = CHECK_INT(ringbuf_put_byte(&g.rb, next),
				       mlen < RING_SIZE);
			if (mlen < RING_SIZE)
				model[mlen++] = next++;
			break;
		default:
			c = 0;
			ok = CHECK_INT(ringbuf_get_byte(&g.rb, &c), mlen > 0);
			if (mlen) {
				ok = CHECK_UINT(c, model[0]) && ok;
				memmove(model, model + 1, --mlen);
			}
			break;
		}
		ok = ok && CHECK_UINT(ringbuf_len(&g.rb), mlen) &&
		     CHECK_UINT(ringbuf_space(&g.rb), RING_SIZE - mlen) &&
		     CHECK_INT(ringbuf_empty(&g.rb), mlen == 0) &&
		     CHECK_INT(ringbuf_full(&g.rb), mlen == RING_SIZE) &&
		     CHECK(canaries_intact(&g));
		if (!ok)
			check_fail(__FILE__, __LINE__, "step %d op %d n %u",
				   i, op, n);
	}
}

void test_ringbuf(void)
{
	test_init();
	test_full_and_empty();
	test_wrap();
	test_index_wrap();
	test_peek_and_drop();
	test_random_model();
}
