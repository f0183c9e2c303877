/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A byte ring buffer over caller-provided storage, for the kernel log and
 * the serial driver.
 *
 * head and tail run freely and wrap at 2^32; only accesses are masked
 * with size - 1.  So head - tail is always the number of bytes held, and
 * a full buffer is told apart from an empty one without a wasted slot.
 * There is no locking inside: callers serialise access themselves.
 */
#ifndef _IRQLAB_RINGBUF_H
#define _IRQLAB_RINGBUF_H

#include <irqlab/types.h>

struct ringbuf {
	u8 *buf;
	u32 size;	/* a power of two */
	u32 head;	/* where the next byte is written */
	u32 tail;	/* where the oldest byte is read */
};

/* Returns -EINVAL unless size is a power of two >= 2. */
int ringbuf_init(struct ringbuf *rb, void *buf, u32 size);

u32 ringbuf_len(const struct ringbuf *rb);
u32 ringbuf_space(const struct ringbuf *rb);
bool ringbuf_empty(const struct ringbuf *rb);
bool ringbuf_full(const struct ringbuf *rb);

/* Copies in as much of data as fits; returns the count copied. */
u32 ringbuf_put(struct ringbuf *rb, const void *data, u32 len);

/* Removes up to len of the oldest bytes into data; returns the count. */
u32 ringbuf_get(struct ringbuf *rb, void *data, u32 len);

/*
 * Copies up to len bytes starting offset bytes past the oldest, leaving
 * them in place; returns the count, 0 if offset >= ringbuf_len().
 */
u32 ringbuf_peek(const struct ringbuf *rb, u32 offset, void *data, u32 len);

/* Discards up to len of the oldest bytes. */
void ringbuf_drop(struct ringbuf *rb, u32 len);

/* False when full, or empty, respectively. */
bool ringbuf_put_byte(struct ringbuf *rb, u8 c);
bool ringbuf_get_byte(struct ringbuf *rb, u8 *c);

#endif /* _IRQLAB_RINGBUF_H */
