/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Consoles, as Linux's struct console: a driver registers one with
 * register_console() (from a console_initcall, so that it is there for
 * the first boot message) and printk writes every line to each enabled
 * console.  Nothing above the drivers names a device.
 *
 * Linux's consoles only print; input goes through the tty layer, which
 * irqlab does not have yet.  Until it does, a console may also read: the
 * shell takes its input from the CON_CONSDEV console (the first one
 * registered that can read).
 */
#ifndef _IRQLAB_CONSOLE_H
#define _IRQLAB_CONSOLE_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

struct console {
	char name[16];
	/* Writes count bytes, '\n' as the device wants it; may not sleep. */
	void (*write)(struct console *co, const char *s, unsigned int count);
	/*
	 * Reads at least one byte, at most count: sleeps until input comes
	 * when it may, polls the device otherwise.
	 */
	int (*read)(struct console *co, char *s, unsigned int count);
	/* A byte of input if one is waiting, else -EAGAIN; never waits. */
	int (*poll_get_char)(struct console *co);
	short flags;
	short index;
	struct console *next;
};

/* Linux's values. */
#define CON_CONSDEV	(2)	/* where console input comes from */
#define CON_ENABLED	(4)

/* kmain, first thing: runs the console_initcalls. */
void console_init(void);

/* Consoles stay: irqlab has no unregister_console() (nothing unloads). */
void register_console(struct console *newcon);

/*
 * Console input, from the CON_CONSDEV console: console_getc() waits for a
 * byte, console_poll_char() returns one or -EAGAIN (-ENODEV without an
 * input console).
 */
int console_getc(void);
int console_poll_char(void);

/*
 * Output of a task to the terminal (the shell's echo and its commands'
 * output: sh_write() and sh_printf()).  It shares printk's serialisation:
 * a kernel line is never torn by it, and the task's unfinished line is
 * written again after a kernel line that interrupted it.
 */
void console_write_user(const char *s, size_t len);
void __printf(1, 2) console_printf_user(const char *fmt, ...);

#endif /* _IRQLAB_CONSOLE_H */
