// SPDX-License-Identifier: GPL-2.0
/*
 * Byte ring buffer with free-running indices.
 */
#include <irqlab/ringbuf.h>
#include <irqlab/string.h>
#include <irqlab/errno.h>
#include <irqlab/compiler.h>

int ringbuf_init(struct ringbuf *rb, void *buf, u32 size)
{
	/* Masking the free-running indices needs a power of two. */
	if (size < 2 || (size & (size - 1)))
		return -EINVAL;
	rb->buf = buf;
	rb->size = size;
	rb->head = 0;
	rb->tail = 0;
	return 0;
}

u32 ringbuf_len(const struct ringbuf *rb)
{
	return rb->head - rb->tail;
}

u32 ringbuf_space(const struct ringbuf *rb)
{
	return rb->size - ringbuf_len(rb);
}

bool ringbuf_empty(const struct ringbuf *rb)
{
	return rb->head == rb->tail;
}

bool ringbuf_full(const struct ringbuf *rb)
{
	return ringbuf_len(rb) == rb->size;
}

/* Copies len bytes into the ring at index pos, in two parts if it wraps. */
static void copy_in(struct ringbuf *rb, u32 pos, const u8 *data, u32 len)
{
	u32 off = pos & (rb->size - 1);
	u32 first = min(len, rb->size - off);

	memcpy(rb->buf + off, data, first);
	memcpy(rb->buf, data + first, len - first);
}

static void copy_out(const struct ringbuf *rb, u32 pos, u8 *data, u32 len)
{
	u32 off = pos & (rb->size - 1);
	u32 first = min(len, rb->size - off);

	memcpy(data, rb->buf + off, first);
	memcpy(data + first, rb->buf, len - first);
}

u32 ringbuf_put(struct ringbuf *rb, const void *data, u32 len)
{
	len = min(len, ringbuf_space(rb));
	copy_in(rb, rb->head, data, len);
	rb->head += len;
	return len;
}

u32 ringbuf_get(struct ringbuf *rb, void *data, u32 len)
{
	len = ringbuf_peek(rb, 0, data, len);
	rb->tail += len;
	return len;
}

u32 ringbuf_peek(const struct ringbuf *rb, u32 offset, void *data, u32 len)
{
	u32 used = ringbuf_len(rb);

	if (offset >= used)
		return 0;
	len = min(len, used - offset);
	copy_out(rb, rb->tail + offset, data, len);
	return len;
}

void ringbuf_drop(struct ringbuf *rb, u32 len)
{
	rb->tail += min(len, ringbuf_len(rb));
}

bool ringbuf_put_byte(struct ringbuf *rb, u8 c)
{
	if (ringbuf_full(rb))
		return false;
	rb->buf[rb->head++ & (rb->size - 1)] = c;
	return true;
}

bool ringbuf_get_byte(struct ringbuf *rb, u8 *c)
{
	if (ringbuf_empty(rb))
		return false;
	*c = rb->buf[rb->tail++ & (rb->size - 1)];
	return true;
}
