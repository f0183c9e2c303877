// SPDX-License-Identifier: GPL-2.0
/*
 * The consoles (Linux's register_console() and console_unlock()'s
 * printing, kernel/printk/printk.c) and the terminal they share between
 * the kernel and the shell.
 *
 * Everything written to the consoles goes through here under the printk
 * CPU lock (printk_cpu_sync_get_irqsave): a kernel line is written in one
 * go, and a task's output (console_write_user) in pieces of at most a
 * line, so neither lands inside the other.  A kernel line always starts
 * a line of its own: if the task left its line unfinished (the prompt
 * and what has been typed), the kernel line goes on the next one and the
 * unfinished line is written again after it, as readline redraws a line
 * that output interrupted.  Only a KERN_CONT piece that arrives after a
 * task's output can still start off its own line: printk writes pieces as
 * they come, so that a crash loses none.
 */
#include <irqlab/console.h>
#include <irqlab/init.h>
#include <irqlab/printk.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/errno.h>
#include <irqlab/kernel.h>
#include <asm/processor.h>
#include "internal.h"

/* Registered consoles, in order; the first that can read is CON_CONSDEV. */
static struct console *console_list;

/* Who wrote last on the terminal's current line. */
static enum {
	LINE_EMPTY,	/* at the start of a line */
	LINE_KERNEL,	/* a kernel line that has not ended */
	LINE_USER,	/* a task's unfinished line */
} term_line;

/*
 * The task's unfinished line as the terminal shows it, to write it again:
 * user_buf[0..user_end) with the cursor at user_pos (a backspace moves it
 * left; the shell erases with "\b \b").  user_hidden: a kernel line was
 * written after it and it has not been written again yet.
 */
#define USER_LINE_MAX	512
static char user_buf[USER_LINE_MAX];
static unsigned int user_end, user_pos;
static bool user_overflow, user_hidden;

static void con_write(const char *s, size_t len)
{
	struct console *c;

	for (c = console_list; c; c = c->next)
		if (c->flags & CON_ENABLED)
			c->write(c, s, len);
}

/* Writes the task's unfinished line again, the cursor where it was. */
static void redraw_user_line(void)
{
	unsigned int i;

	user_hidden = false;
	if (!user_end || user_overflow)
		return;
	con_write(user_buf, user_end);
	for (i = user_pos; i < user_end; i++)
		con_write("\b", 1);
	term_line = LINE_USER;
}

void console_emit_kernel(const char *s, size_t len)
{
	if (!len)
		return;
	if (term_line == LINE_USER) {
		con_write("\n", 1);
		user_hidden = true;
	}
	con_write(s, len);
	term_line = s[len - 1] == '\n' ? LINE_EMPTY : LINE_KERNEL;
	if (term_line == LINE_EMPTY && user_hidden)
		redraw_user_line();
}

void console_end_kernel_line(void)
{
	if (term_line == LINE_KERNEL)
		console_emit_kernel("\n", 1);
}

/* Tracks what the terminal shows of the task's line, byte by byte. */
static void user_track(char c)
{
	switch (c) {
	case '\n':
		user_end = user_pos = 0;
		user_overflow = false;
		return;
	case '\r':
		user_pos = 0;
		return;
	case '\b':
		if (user_pos)
			user_pos--;
		return;
	}
	if (user_pos == USER_LINE_MAX) {
		user_overflow = true;	/* too long to write again */
		return;
	}
	user_buf[user_pos++] = c;
	if (user_pos > user_end)
		user_end = user_pos;
}

/* Up to a line and at most this much per hold of the lock. */
#define USER_CHUNK	128

void console_write_user(const char *s, size_t len)
{
	unsigned long flags;
	size_t n, i;

	while (len) {
		for (n = 0; n < len && n < USER_CHUNK; )
			if (s[n++] == '\n')
				break;
		printk_cpu_sync_get_irqsave(flags);
		if (term_line == LINE_KERNEL)
			con_write("\n", 1);	/* end the KERN_CONT line */
		if (user_hidden)
			redraw_user_line();
		con_write(s, n);
		for (i = 0; i < n; i++)
			user_track(s[i]);
		term_line = s[n - 1] == '\n' ? LINE_EMPTY : LINE_USER;
		printk_cpu_sync_put_irqrestore(flags);
		s += n;
		len -= n;
	}
}

void console_printf_user(const char *fmt, ...)
{
	char buf[512];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	console_write_user(buf, n);
}

extern const initcall_t __con_initcall_start[], __con_initcall_end[];

void console_init(void)
{
	const initcall_t *call;

	for (call = __con_initcall_start; call < __con_initcall_end; call++)
		(*call)();
}

void register_console(struct console *newcon)
{
	struct console **pp;
	unsigned long flags;
	bool has_input = false;

	printk_cpu_sync_get_irqsave(flags);
	for (pp = &console_list; *pp; pp = &(*pp)->next) {
		if (*pp == newcon)
			goto out;	/* already registered */
		has_input |= (*pp)->flags & CON_CONSDEV;
	}
	newcon->next = NULL;
	newcon->flags |= CON_ENABLED;
	if (!has_input && newcon->read && newcon->poll_get_char)
		newcon->flags |= CON_CONSDEV;
	*pp = newcon;
out:
	printk_cpu_sync_put_irqrestore(flags);
	pr_info("printk: console [%s%d] enabled\n", newcon->name,
		newcon->index);
}

static struct console *input_console(void)
{
	struct console *c;

	for (c = READ_ONCE(console_list); c; c = READ_ONCE(c->next))
		if (c->flags & CON_CONSDEV)
			return c;
	return NULL;
}

int console_getc(void)
{
	struct console *c = input_console();
	char ch;

	if (!c)
		return -ENODEV;
	while (c->read(c, &ch, 1) < 1)
		;
	return (u8)ch;
}

int console_poll_char(void)
{
	struct console *c = input_console();

	return c ? c->poll_get_char(c) : -ENODEV;
}
