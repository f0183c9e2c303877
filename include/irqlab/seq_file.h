/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A file generated whole into a kernel buffer, then read by position:
 * a minimal Linux seq_file (fs/seq_file.c).  The buffer is made at the
 * first read (or at open, for the callers that want it then) by
 * m->show(m), which prints with seq_printf()/seq_write(); later reads
 * serve bytes from it by position, and a read at or past its end is EOF.
 * A file may grow to SEQ_FILE_MAX: beyond that, the read fails with
 * -ENOMEM rather than give a truncated file.
 *
 * The capture: while a task generates such a file, current->seq_capture
 * points at it, and the console's output for that task
 * (console_write_user(), which the shell's sh_printf() is) goes into it
 * instead of the terminal.  That is how every PROC_ENTRY()'s show(),
 * written for the kernel shell's `cat`, becomes a file (fs/proc/).
 */
#ifndef _IRQLAB_SEQ_FILE_H
#define _IRQLAB_SEQ_FILE_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>
#include <irqlab/mutex.h>
#include <irqlab/fs.h>

struct file;
struct inode;
struct iov_iter;

#define SEQ_FILE_MAX	(1UL << 20)	/* 1 MiB */

struct seq_file {
	char *buf;
	size_t size;		/* allocated */
	size_t count;		/* bytes generated */
	int error;		/* -ENOMEM: past SEQ_FILE_MAX, or no memory */
	bool generated;
	/* Where the last read ended: a read from elsewhere (lseek back,
	 * pread) generates the file again, as Linux's traverse(). */
	loff_t read_pos;
	struct mutex lock;	/* generation and reads */
	/* Prints the whole file; 0 or -errno (fails the read). */
	int (*show)(struct seq_file *m);
	void *private;		/* the show()'s argument */
};

/* Appends; once the file would pass SEQ_FILE_MAX, m->error is -ENOMEM. */
void seq_write(struct seq_file *m, const void *data, size_t len);
void __printf(2, 3) seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
/* A CPU mask, "%*pb" (or "%*pbl" with list), nr_cpu_ids bits wide. */
void seq_cpumask(struct seq_file *m, unsigned long mask, bool list);
void seq_putc(struct seq_file *m, char c);

/*
 * Runs fn(arg) with the task's console output captured into m (nested
 * captures are saved and restored).
 */
void seq_capture(struct seq_file *m, void (*fn)(void *arg), void *arg);

/*
 * For a file's operations: single_open() gives file a seq_file whose
 * content show(m) makes (m->private = data); seq_read_iter serves it,
 * seq_lseek moves in it, single_release frees it.
 */
int single_open(struct file *file, int (*show)(struct seq_file *m),
		void *data);
ssize_t seq_read_iter(struct file *file, struct iov_iter *to, loff_t *pos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int single_release(struct inode *inode, struct file *file);

#endif /* _IRQLAB_SEQ_FILE_H */
