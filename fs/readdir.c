// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64, as Linux's fs/readdir.c: the file system emits entries
 * through a dir_context and filldir64 packs them into the user's buffer
 * as struct linux_dirent64, each d_off the position to resume after it.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/syscalls.h>
#include <uapi/linux/dirent.h>

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	int ret;

	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	mutex_lock(&file->f_pos_lock);
	ctx->pos = file->f_pos;
	ret = file->f_op->iterate_shared(file, ctx);
	file->f_pos = ctx->pos;
	mutex_unlock(&file->f_pos_lock);
	return ret;
}

struct getdents_callback64 {
	struct dir_context ctx;
	char __user *buf;
	size_t left;
	size_t used;
	int error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namlen,
		      loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *cb = (void *)ctx;
	size_t reclen = ALIGN(offsetof(struct linux_dirent64, d_name) +
			      namlen + 1, 8);
	struct linux_dirent64 d = {
		.d_ino = ino,
		.d_off = offset + 1,
		.d_reclen = reclen,
		.d_type = d_type,
	};
	char __user *p = cb->buf + cb->used;
	char zero[8] = { 0 };
	size_t tail = reclen - offsetof(struct linux_dirent64, d_name) - namlen;

	if (reclen > cb->left) {
		cb->error = -EINVAL;	/* only if nothing fitted at all */
		return false;
	}
	if (copy_to_user(p, &d, offsetof(struct linux_dirent64, d_name)) ||
	    copy_to_user(p + offsetof(struct linux_dirent64, d_name), name,
			 namlen) ||
	    copy_to_user(p + offsetof(struct linux_dirent64, d_name) + namlen,
			 zero, tail)) {
		cb->error = -EFAULT;
		return false;
	}
	cb->used += reclen;
	cb->left -= reclen;
	return true;
}

long ksys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	struct getdents_callback64 cb = {
		.ctx.actor = filldir64,
		.buf = dirent,
		.left = count,
	};
	struct file *f;
	int err;

	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = (f->f_mode & FMODE_PATH) ? -EBADF : iterate_dir(f, &cb.ctx);
	fput(f);
	if (err)
		return err;
	if (cb.used)
		return cb.used;
	return cb.error;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, void __user *, dirent,
		unsigned int, count)
{
	return ksys_getdents64(fd, dirent, count);
}
