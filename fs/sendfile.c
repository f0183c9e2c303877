// SPDX-License-Identifier: GPL-2.0
/*
 * sendfile(2), as Linux's do_sendfile() in fs/read_write.c, without the
 * splice machinery: a loop of kernel reads and writes through one page.
 * The checks and their order are Linux's: EBADF for either descriptor
 * or the wrong direction, ESPIPE for an offset on an unseekable input,
 * EINVAL for a negative offset, an input that cannot be spliced from
 * (a pipe, a directory) or an O_APPEND output.  With an offset the
 * input's own position is left alone; without, it moves.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/fs_syscalls.h>
#include <irqlab/gfp.h>
#include <irqlab/sched.h>
#include <irqlab/syscalls.h>
#include <asm/page.h>

static ssize_t sendfile_copy(struct file *in, loff_t *pos, struct file *out,
			     size_t count)
{
	char *page = (char *)__get_free_page(GFP_KERNEL);
	loff_t out_pos = out->f_pos;
	ssize_t total = 0, err = 0;

	if (!page)
		return -ENOMEM;
	while ((size_t)total < count) {
		size_t chunk = count - total;
		ssize_t n, w;

		if (chunk > PAGE_SIZE)
			chunk = PAGE_SIZE;
		if (total && signal_pending(current))
			break;
		n = kernel_read(in, page, chunk, pos);
		if (n <= 0) {
			err = n;
			break;
		}
		w = kernel_write(out, page, n, &out_pos);
		if (w < 0) {
			*pos -= n;	/* nothing of it was sent */
			err = w;
			break;
		}
		total += w;
		if (w < n) {
			*pos -= n - w;
			break;
		}
	}
	out->f_pos = out_pos;
	free_page((unsigned long)page);
	return total ? total : err;
}

ssize_t do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count)
{
	struct file *in, *out = NULL;
	umode_t in_mode;
	loff_t pos;
	ssize_t ret;

	in = fget(in_fd);
	if (!in || (in->f_mode & FMODE_PATH)) {
		ret = -EBADF;
		goto fput_in;
	}
	ret = -EBADF;
	if (!(in->f_mode & FMODE_READ))
		goto fput_in;
	ret = -ESPIPE;
	if (ppos) {
		pos = *ppos;
		if (!(in->f_mode & FMODE_PREAD))
			goto fput_in;
	} else {
		pos = in->f_pos;
	}
	ret = -EINVAL;
	if (pos < 0)
		goto fput_in;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;

	out = fget(out_fd);
	ret = -EBADF;
	if (!out || (out->f_mode & FMODE_PATH) ||
	    !(out->f_mode & FMODE_WRITE))
		goto fput_out;
	/* Linux splices only from files with ->splice_read: no pipes. */
	in_mode = in->f_inode->i_mode;
	ret = -EINVAL;
	if (!S_ISREG(in_mode) && !S_ISCHR(in_mode))
		goto fput_out;
	if (out->f_flags & O_APPEND)
		goto fput_out;
	/* Past the largest file: cut to it, or EOVERFLOW if at it. */
	if ((u64)pos + count > (u64)LLONG_MAX) {
		ret = -EOVERFLOW;
		if (pos >= LLONG_MAX)
			goto fput_out;
		count = LLONG_MAX - pos;
	}
	ret = 0;
	if (count)
		ret = sendfile_copy(in, &pos, out, count);
	if (ppos)
		*ppos = pos;
	else
		in->f_pos = pos;
fput_out:
	if (out)
		fput(out);
fput_in:
	if (in)
		fput(in);
	return ret;
}

SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, loff_t __user *, offset,
		size_t, count)
{
	loff_t pos;
	ssize_t ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count);
	if (copy_from_user(&pos, offset, sizeof(pos)))
		return -EFAULT;
	ret = do_sendfile(out_fd, in_fd, &pos, count);
	if (put_user(pos, offset))
		return -EFAULT;
	return ret;
}
