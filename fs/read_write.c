// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, their positioned and vectored forms, and lseek, as
 * Linux's fs/read_write.c.  Each system call is a thin layer over a
 * kernel function working on a struct iov_iter, so the same path serves
 * user buffers (the calls) and kernel ones (kernel_read(), the ktests).
 *
 * f_pos_lock is taken for regular files and directories only (Linux's
 * FMODE_ATOMIC_POS): a terminal's read sleeps for input, and the write
 * to the same open file (fds 0 and 1 of a shell) must not wait for it.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/slab.h>
#include <irqlab/syscalls.h>
#include <irqlab/uio.h>

#define MAX_LFS_FILESIZE	LLONG_MAX

static bool atomic_pos(struct file *file)
{
	umode_t m = file->f_inode->i_mode;

	return S_ISREG(m) || S_ISDIR(m);
}

ssize_t vfs_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op->read_iter)
		return S_ISDIR(file->f_inode->i_mode) ? -EISDIR : -EINVAL;
	if (*pos < 0)
		return -EINVAL;
	if (to->count > MAX_RW_COUNT)
		to->count = MAX_RW_COUNT;
	if (!to->count)
		return 0;
	return file->f_op->read_iter(file, to, pos);
}

ssize_t vfs_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write_iter)
		return -EINVAL;
	if (*pos < 0)
		return -EINVAL;
	if (from->count > MAX_RW_COUNT)
		from->count = MAX_RW_COUNT;
	if (!from->count)
		return 0;
	return file->f_op->write_iter(file, from, pos);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	iov_iter_init(&iter, false, buf, count);
	return vfs_read(file, &iter, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	struct iov_iter iter;

	iov_iter_init(&iter, false, (void *)buf, count);
	return vfs_write(file, &iter, pos);
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t size = file->f_inode->i_size, pos;

	mutex_lock(&file->f_pos_lock);
	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = size + offset;
		break;
	case SEEK_DATA:		/* all data: no holes are reported */
		pos = (u64)offset < (u64)size ? offset : -ENXIO;
		break;
	case SEEK_HOLE:		/* the only hole is the end */
		pos = (u64)offset < (u64)size ? size : -ENXIO;
		break;
	default:
		pos = -EINVAL;
	}
	if (pos == -ENXIO || pos == -EINVAL) {
		mutex_unlock(&file->f_pos_lock);
		return pos;
	}
	if (pos < 0 || ((whence == SEEK_CUR || whence == SEEK_END) &&
			((offset > 0 && pos < offset)))) {
		mutex_unlock(&file->f_pos_lock);
		return -EINVAL;
	}
	file->f_pos = pos;
	mutex_unlock(&file->f_pos_lock);
	return pos;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK) || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

/* read(2) and write(2) at the file's position, or at *ppos if given. */
static ssize_t rw_user(unsigned int fd, char __user *buf, size_t count,
		       loff_t *ppos, bool write)
{
	struct file *f = fget(fd);
	struct iov_iter iter;
	bool lock;
	loff_t pos;
	ssize_t ret;

	if (!f)
		return -EBADF;
	if (!(f->f_mode & (write ? FMODE_WRITE : FMODE_READ))) {
		fput(f);
		return -EBADF;
	}
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (!access_ok(buf, count)) {
		fput(f);
		return -EFAULT;
	}
	iov_iter_init(&iter, true, buf, count);
	lock = !ppos && atomic_pos(f);
	if (lock)
		mutex_lock(&f->f_pos_lock);
	pos = ppos ? *ppos : f->f_pos;
	ret = write ? vfs_write(f, &iter, &pos) : vfs_read(f, &iter, &pos);
	if (!ppos && ret >= 0)
		f->f_pos = pos;
	if (lock)
		mutex_unlock(&f->f_pos_lock);
	fput(f);
	return ret;
}

ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count)
{
	return rw_user(fd, buf, count, NULL, false);
}

ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count)
{
	return rw_user(fd, (char __user *)buf, count, NULL, true);
}

static ssize_t ksys_prw(unsigned int fd, char __user *buf, size_t count,
			loff_t pos, bool write)
{
	struct file *f;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (!(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))) {
		fput(f);
		return -ESPIPE;
	}
	fput(f);
	return rw_user(fd, buf, count, &pos, write);
}

off_t ksys_lseek(unsigned int fd, off_t offset, unsigned int whence)
{
	struct file *f = fget(fd);
	off_t ret;

	if (!f)
		return -EBADF;
	ret = whence <= SEEK_MAX ? vfs_llseek(f, offset, whence) : -EINVAL;
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_read(fd, buf, count);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf,
		size_t, count)
{
	return ksys_write(fd, buf, count);
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count,
		loff_t, pos)
{
	return ksys_prw(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf,
		size_t, count, loff_t, pos)
{
	return ksys_prw(fd, (char __user *)buf, count, pos, true);
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
	return ksys_lseek(fd, offset, whence);
}

/* readv and writev: segment by segment, stopping at a short one. */
static ssize_t do_rwv(unsigned long fd, const struct iovec __user *uvec,
		      unsigned long vlen, bool write)
{
	struct iovec *iov;
	size_t total = 0;
	ssize_t ret = 0;
	unsigned long i;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	if (!vlen)
		return 0;
	iov = kmalloc_array(vlen, sizeof(*iov), GFP_KERNEL);
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, uvec, vlen * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (i = 0; i < vlen; i++) {
		if ((ssize_t)iov[i].iov_len < 0) {
			kfree(iov);
			return -EINVAL;
		}
		if (iov[i].iov_len > MAX_RW_COUNT - total)
			iov[i].iov_len = MAX_RW_COUNT - total;
		total += iov[i].iov_len;
		if (!access_ok(iov[i].iov_base, iov[i].iov_len)) {
			kfree(iov);
			return -EFAULT;
		}
	}
	for (i = 0; i < vlen; i++) {
		ssize_t n;

		if (!iov[i].iov_len)
			continue;
		n = rw_user(fd, iov[i].iov_base, iov[i].iov_len, NULL, write);
		if (n < 0) {
			if (!ret)
				ret = n;
			break;
		}
		ret += n;
		if ((size_t)n < iov[i].iov_len)
			break;
	}
	if (!total) {
		/* Nothing to move: still say EBADF for a bad fd. */
		struct file *f = fget(fd);

		if (!f)
			ret = -EBADF;
		else
			fput(f);
	}
	kfree(iov);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_rwv(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_rwv(fd, vec, vlen, true);
}
