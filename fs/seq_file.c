// SPDX-License-Identifier: GPL-2.0
/*
 * A minimal seq_file (Linux's fs/seq_file.c, the single_open() case):
 * the whole file is generated into one buffer at the first read, and
 * reads are served from it by position; a read from anywhere else than
 * where the last one ended generates it again.  Linux regenerates a record at
 * a time; irqlab's show()s print everything at once, so the buffer
 * holds it all, up to SEQ_FILE_MAX (-ENOMEM beyond, never a silently
 * shortened file).  include/irqlab/seq_file.h says more, and how a
 * show() written for the shell is captured.
 */
#include <irqlab/seq_file.h>
#include <irqlab/bitmap.h>
#include <irqlab/smp.h>
#include <irqlab/errno.h>
#include <irqlab/fs.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/uio.h>

/* Room for len more bytes (and a NUL): false, with m->error, if not. */
static bool seq_reserve(struct seq_file *m, size_t len)
{
	size_t need = m->count + len + 1, size;
	char *buf;

	if (m->error)
		return false;
	if (need <= m->size)
		return true;
	if (need > SEQ_FILE_MAX + 1) {
		m->error = -ENOMEM;
		return false;
	}
	size = m->size ? m->size : 4096;
	while (size < need)
		size *= 2;
	if (size > SEQ_FILE_MAX + 1)
		size = SEQ_FILE_MAX + 1;
	buf = kmalloc(size, GFP_KERNEL);
	if (!buf) {
		m->error = -ENOMEM;
		return false;
	}
	if (m->count)
		memcpy(buf, m->buf, m->count);
	kfree(m->buf);
	m->buf = buf;
	m->size = size;
	return true;
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (!seq_reserve(m, len))
		return;
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	if (n < 0 || !seq_reserve(m, n))
		return;
	va_start(args, fmt);
	vsnprintf(m->buf + m->count, n + 1, fmt, args);
	va_end(args);
	m->count += n;
}

void seq_capture(struct seq_file *m, void (*fn)(void *arg), void *arg)
{
	struct seq_file *saved = current->seq_capture;

	WRITE_ONCE(current->seq_capture, m);
	fn(arg);
	WRITE_ONCE(current->seq_capture, saved);
}

static int seq_generate(struct seq_file *m)
{
	int err;

	if (m->generated)
		return m->error;
	m->generated = true;
	err = m->show(m);
	if (err && !m->error)
		m->error = err;
	return m->error;
}

ssize_t seq_read_iter(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct seq_file *m = file->private_data;
	size_t want = iov_iter_count(to), n, done;
	ssize_t ret;

	mutex_lock(&m->lock);
	/*
	 * procps keeps /proc/stat open and reads it again from 0 after
	 * lseek: it must see the counters of now, not of its first read.
	 */
	if (*pos != m->read_pos && m->generated) {
		m->count = 0;
		m->error = 0;
		m->generated = false;
	}
	ret = seq_generate(m);
	if (ret)
		goto out;
	if (*pos < 0 || (u64)*pos >= m->count || !want)
		goto out;	/* EOF: 0 */
	n = m->count - *pos;
	if (n > want)
		n = want;
	done = copy_to_iter(m->buf + *pos, n, to);
	if (!done) {
		ret = -EFAULT;
		goto out;
	}
	*pos += done;
	ret = done;
out:
	m->read_pos = *pos;
	mutex_unlock(&m->lock);
	return ret;
}

/*
 * SEEK_SET and SEEK_CUR only, as a directory's (Linux's has no SEEK_END
 * either: the size is unknown until generated).
 */
loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	return dcache_dir_lseek(file, offset, whence);
}

int single_open(struct file *file, int (*show)(struct seq_file *m),
		void *data)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	mutex_init(&m->lock);
	m->show = show;
	m->private = data;
	file->private_data = m;
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	if (m) {
		kfree(m->buf);
		kfree(m);
		file->private_data = NULL;
	}
	return 0;
}

/*
 * A CPU mask as Linux's "%*pb" ("f", 32-bit groups) or, with list,
 * "%*pbl" ("0-3"), nr_cpu_ids bits wide: /proc/PID/status, /proc/irq.
 */
void seq_cpumask(struct seq_file *m, unsigned long mask, bool list)
{
	char buf[200];

	mask &= cpu_possible_bits();
	if (list)
		bitmap_print_list(buf, sizeof(buf), mask);
	else
		bitmap_print_mask(buf, sizeof(buf), mask, nr_cpu_ids);
	seq_puts(m, buf);
}
