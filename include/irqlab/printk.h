/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk with Linux's log levels.  A message starts with KERN_SOH and a
 * level digit (KERN_ERR "..."), or KERN_CONT to continue the last line.
 */
#ifndef _IRQLAB_PRINTK_H
#define _IRQLAB_PRINTK_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_DEFAULT	""
#define KERN_CONT	KERN_SOH "c"

#define LOGLEVEL_DEFAULT	4	/* KERN_WARNING, as Linux */
#define CONSOLE_LOGLEVEL_DEFAULT 7	/* everything but debug */

int __printf(1, 2) printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

#define pr_emerg(fmt, ...)	printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT fmt, ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG fmt, ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

/*
 * The printk CPU lock, Linux's: interrupts off and this CPU the only one
 * writing to the consoles until the put.  It nests on one CPU, and a
 * panic takes it from a CPU that stopped while holding it.  printk takes
 * it for each line; hold it to keep several lines together.
 */
bool __printk_cpu_sync_try_get(void);
void __printk_cpu_sync_wait(void);
void __printk_cpu_sync_put(void);

#define printk_cpu_sync_get_irqsave(flags)				\
	for (;;) {							\
		local_irq_save(flags);					\
		if (__printk_cpu_sync_try_get())			\
			break;						\
		local_irq_restore(flags);				\
		__printk_cpu_sync_wait();				\
	}

#define printk_cpu_sync_put_irqrestore(flags)				\
	do {								\
		__printk_cpu_sync_put();				\
		local_irq_restore(flags);				\
	} while (0)

/* Console verbosity (loglevel= and quiet on the command line). */
extern int console_loglevel;
void printk_setup(void);

/*
 * The log ring, oldest line first, as `dmesg` shows it.  Calls out() with
 * pieces of text until the whole log has been passed.
 */
void log_buf_dump(void (*out)(const char *s, size_t len));
/*
 * Copies the log into buf as dmesg shows it, oldest first, at most
 * size - 1 bytes and a NUL; returns the length copied.
 */
size_t log_buf_copy(char *buf, size_t size);

#endif /* _IRQLAB_PRINTK_H */
