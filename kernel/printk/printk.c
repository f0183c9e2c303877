// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format, stamp with the time since boot, keep in the log ring
 * (for dmesg) and write to the consoles (console.c) if the level is
 * important enough.
 *
 * Consoles write synchronously and never sleep, so printk works in every
 * context, panic included.  One CPU at a time stores and writes a line,
 * under the printk CPU lock (Linux's printk_cpu_sync_get_irqsave): lines
 * of different CPUs never interleave; a CPU may re-enter (a fault inside
 * printk), and a panic takes the lock from a CPU that stopped holding it.
 */
#include <irqlab/printk.h>
#include <irqlab/sprintf.h>
#include <irqlab/ringbuf.h>
#include <irqlab/string.h>
#include <irqlab/cmdline.h>
#include <irqlab/kstrtox.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <irqlab/smp.h>
#include <irqlab/kernel.h>
#include "internal.h"

#define LOG_BUF_LEN	(64 * 1024)
#define LINE_MAX	1024

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static u8 log_buf[LOG_BUF_LEN];
static struct ringbuf log_ring = {
	.buf = log_buf, .size = LOG_BUF_LEN,
};
/* The last line printed did not end in '\n': KERN_CONT appends to it. */
static bool line_open;
static int line_level;

#define NO_CPU		(-1)
static int printk_cpu_owner = NO_CPU;	/* the CPU holding the lock */
static unsigned int printk_cpu_nested;	/* its nested acquisitions */

bool __printk_cpu_sync_try_get(void)
{
	int this = smp_processor_id(), old = NO_CPU;

	if (READ_ONCE(printk_cpu_owner) == this) {
		/* A printk inside printk: a fault while printing. */
		printk_cpu_nested++;
		return true;
	}
	return __atomic_compare_exchange_n(&printk_cpu_owner, &old, this,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

void __printk_cpu_sync_wait(void)
{
	unsigned long spins = 0;

	while (READ_ONCE(printk_cpu_owner) != NO_CPU) {
		/* The holder was stopped by a panic: take it anyway. */
		if (oops_in_progress && ++spins > 10000000UL) {
			WRITE_ONCE(printk_cpu_owner, NO_CPU);
			printk_cpu_nested = 0;
			return;
		}
		cpu_relax();
	}
}

void __printk_cpu_sync_put(void)
{
	if (printk_cpu_nested) {
		printk_cpu_nested--;
		return;
	}
	__atomic_store_n(&printk_cpu_owner, NO_CPU, __ATOMIC_RELEASE);
}

/* Make room for len bytes by dropping whole lines, oldest first. */
static void log_make_room(u32 len)
{
	char c;

	while (ringbuf_space(&log_ring) < len && !ringbuf_empty(&log_ring)) {
		do {
			if (!ringbuf_get(&log_ring, &c, 1))
				break;
		} while (c != '\n');
	}
}

static void log_store(const char *s, size_t len)
{
	if (len > LOG_BUF_LEN)
		return;
	log_make_room(len);
	ringbuf_put(&log_ring, s, len);
}

void log_buf_dump(void (*out)(const char *s, size_t len))
{
	char chunk[256];
	u32 off = 0, n;

	while ((n = ringbuf_peek(&log_ring, off, chunk, sizeof(chunk))) > 0) {
		out(chunk, n);
		off += n;
	}
}

size_t log_buf_copy(char *buf, size_t size)
{
	unsigned long flags;
	u32 n;

	if (!size)
		return 0;
	printk_cpu_sync_get_irqsave(flags);
	n = ringbuf_peek(&log_ring, 0, buf, size - 1);
	printk_cpu_sync_put_irqrestore(flags);
	buf[n] = '\0';
	return n;
}

size_t log_buf_size(void)
{
	return LOG_BUF_LEN;
}

size_t log_buf_len(void)
{
	return ringbuf_len(&log_ring);
}

void log_buf_clear(void)
{
	unsigned long flags;

	printk_cpu_sync_get_irqsave(flags);
	ringbuf_drop(&log_ring, ringbuf_len(&log_ring));
	printk_cpu_sync_put_irqrestore(flags);
}

/* KERN_CONT's level: the line it continues has one. */
#define LEVEL_CONT	(-1)

/* Strips KERN_SOH and the level; returns the level or LEVEL_CONT. */
static int printk_get_level(const char **text)
{
	const char *s = *text;
	int level = LOGLEVEL_DEFAULT;

	while (s[0] == KERN_SOH[0] && s[1]) {
		if (s[1] >= '0' && s[1] <= '7')
			level = s[1] - '0';
		else if (s[1] == 'c')
			level = LEVEL_CONT;
		s += 2;
	}
	*text = s;
	return level;
}

int vprintk(const char *fmt, va_list args)
{
	char line[LINE_MAX + 32];
	const char *text;
	unsigned long flags;
	size_t len = 0, textlen;
	bool cont;
	int level;
	u64 ns;

	textlen = vscnprintf(line + 32, LINE_MAX, fmt, args);
	text = line + 32;
	level = printk_get_level(&text);
	textlen -= text - (line + 32);

	printk_cpu_sync_get_irqsave(flags);
	cont = level == LEVEL_CONT && line_open;
	if (level == LEVEL_CONT)
		level = cont ? line_level : LOGLEVEL_DEFAULT;
	if (cont) {
		/* A continuation: no new timestamp. */
		memmove(line, text, textlen);
		len = textlen;
	} else {
		if (line_open) {
			/* The last line never ended; end it for the reader. */
			log_store("\n", 1);
			console_end_kernel_line();
		}
		ns = local_clock();
		len = scnprintf(line, 32, "[%5lu.%06lu] ",
				(unsigned long)(ns / 1000000000),
				(unsigned long)(ns % 1000000000 / 1000));
		memmove(line + len, text, textlen);
		len += textlen;
	}
	if (len)
		line_open = line[len - 1] != '\n';
	line_level = level;
	log_store(line, len);
	if (level < console_loglevel)
		console_emit_kernel(line, len);
	printk_cpu_sync_put_irqrestore(flags);
	return textlen;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}

/* loglevel=N and quiet, as Linux's. */
void printk_setup(void)
{
	char val[16];
	unsigned int lvl;

	if (cmdline_get("quiet", NULL, 0))
		console_loglevel = 4;
	if (cmdline_get("loglevel", val, sizeof(val)) &&
	    kstrtouint(val, 10, &lvl) == 0 && lvl <= 8)
		console_loglevel = lvl;
}
