// SPDX-License-Identifier: GPL-2.0
/*
 * Anonymous pipes, as Linux's fs/pipe.c (man 7 pipe): pipe(2) and
 * pipe2(2) give a read end and a write end on one ring of page buffers
 * (include/irqlab/pipe_fs_i.h).
 *
 *  - A read takes what is there; it sleeps only while the pipe is empty
 *    and a writer is left; with no writer an empty pipe is end of file.
 *  - A write of at most PIPE_BUF bytes goes into the last buffer only if
 *    it fits whole, else into a fresh one, so it is never interleaved
 *    with another writer's.  A longer one fills buffers as readers free
 *    them and may be split.  With no reader left a write gets EPIPE and
 *    the writer SIGPIPE.
 *  - O_NONBLOCK turns each sleep into EAGAIN (or the partial count); a
 *    signal turns it into -ERESTARTSYS (or the partial count).
 *
 * Each pipe has an inode on pipefs (S_IFIFO, 0600), which fstat shows,
 * and a dentry named "pipe:[ino]", what /proc/PID/fd will print.
 */
#include <irqlab/fs.h>
#include <irqlab/fdtable.h>
#include <irqlab/gfp.h>
#include <irqlab/init.h>
#include <irqlab/kernel.h>
#include <irqlab/pipe_fs_i.h>
#include <irqlab/poll.h>
#include <irqlab/signal.h>
#include <irqlab/slab.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include <irqlab/uio.h>
#include <asm/page.h>

static struct vfsmount *pipe_mnt;

static void pipe_lock(struct pipe_inode_info *pipe)
{
	mutex_lock(&pipe->mutex);
}

static void pipe_unlock(struct pipe_inode_info *pipe)
{
	mutex_unlock(&pipe->mutex);
}

static void pipe_wake(wait_queue_head_t *wq)
{
	/* Sleepers and pollers alike re-check their condition. */
	__wake_up(wq, TASK_INTERRUPTIBLE, 0, NULL);
}

static bool pipe_readable(struct pipe_inode_info *pipe)
{
	unsigned int head = READ_ONCE(pipe->head);
	unsigned int tail = READ_ONCE(pipe->tail);

	return !pipe_empty(head, tail) || !READ_ONCE(pipe->writers);
}

static bool pipe_writable(struct pipe_inode_info *pipe)
{
	unsigned int head = READ_ONCE(pipe->head);
	unsigned int tail = READ_ONCE(pipe->tail);

	return !pipe_full(head, tail, READ_ONCE(pipe->max_usage)) ||
	       !READ_ONCE(pipe->readers);
}

/*
 * Sleeps on wq until cond holds, as wait_event_interruptible() does on
 * Linux: -ERESTARTSYS if a signal is pending first.  Called unlocked.
 */
static int pipe_wait(wait_queue_head_t *wq,
		     bool (*cond)(struct pipe_inode_info *),
		     struct pipe_inode_info *pipe)
{
	DEFINE_WAIT(wait);
	int ret = 0;

	for (;;) {
		prepare_to_wait(wq, &wait, TASK_INTERRUPTIBLE);
		if (cond(pipe))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(wq, &wait);
	return ret;
}

/* A drained buffer's page: kept for the next write, or freed. */
static void pipe_buf_release(struct pipe_inode_info *pipe,
			     struct pipe_buffer *buf)
{
	if (!pipe->tmp_page)
		pipe->tmp_page = buf->page;
	else
		free_page((unsigned long)buf->page);
	buf->page = NULL;
}

static ssize_t pipe_read(struct file *filp, struct iov_iter *to,
			 loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total_len = iov_iter_count(to);
	ssize_t ret = 0;
	bool freed = false;

	pipe_lock(pipe);
	for (;;) {
		unsigned int head = pipe->head, tail = pipe->tail;
		unsigned int mask = pipe->ring_size - 1;

		if (!pipe_empty(head, tail)) {
			struct pipe_buffer *buf = &pipe->bufs[tail & mask];
			size_t chars = min((size_t)buf->len, total_len);
			size_t done;

			done = copy_to_iter((char *)buf->page + buf->offset,
					    chars, to);
			if (done < chars) {
				if (!ret)
					ret = -EFAULT;
				break;
			}
			ret += chars;
			buf->offset += chars;
			buf->len -= chars;
			if (!buf->len) {
				pipe_buf_release(pipe, buf);
				WRITE_ONCE(pipe->tail, tail + 1);
				freed = true;
			}
			total_len -= chars;
			if (!total_len)
				break;
			continue;
		}
		if (!pipe->writers || ret)
			break;
		if (filp->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		pipe_unlock(pipe);
		if (pipe_wait(&pipe->rd_wait, pipe_readable, pipe))
			return -ERESTARTSYS;
		pipe_lock(pipe);
	}
	pipe_unlock(pipe);
	if (freed)
		pipe_wake(&pipe->wr_wait);
	return ret;
}

static void *pipe_get_page(struct pipe_inode_info *pipe)
{
	void *page = pipe->tmp_page;

	if (page) {
		pipe->tmp_page = NULL;
		return page;
	}
	return (void *)__get_free_page(GFP_KERNEL);
}

static ssize_t pipe_write(struct file *filp, struct iov_iter *from,
			  loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total_len = iov_iter_count(from);
	size_t chars;
	ssize_t ret = 0;

	pipe_lock(pipe);
	if (!pipe->readers) {
		send_sig(SIGPIPE, current);
		ret = -EPIPE;
		goto out;
	}

	/*
	 * The tail of the write (all of a short one) may join the last
	 * buffer, but only whole: that is what keeps PIPE_BUF atomic.
	 */
	chars = total_len & (PAGE_SIZE - 1);
	if (chars && !pipe_empty(pipe->head, pipe->tail)) {
		unsigned int mask = pipe->ring_size - 1;
		struct pipe_buffer *buf = &pipe->bufs[(pipe->head - 1) & mask];
		unsigned int offset = buf->offset + buf->len;

		if (offset + chars <= PAGE_SIZE) {
			size_t done = copy_from_iter((char *)buf->page + offset,
						     chars, from);

			if (done < chars) {
				ret = -EFAULT;
				goto out;
			}
			buf->len += chars;
			ret = chars;
			if (!iov_iter_count(from))
				goto out;
		}
	}

	for (;;) {
		unsigned int head = pipe->head;

		if (!pipe->readers) {
			send_sig(SIGPIPE, current);
			if (!ret)
				ret = -EPIPE;
			break;
		}
		if (!pipe_full(head, pipe->tail, pipe->max_usage)) {
			unsigned int mask = pipe->ring_size - 1;
			struct pipe_buffer *buf = &pipe->bufs[head & mask];
			void *page = pipe_get_page(pipe);
			size_t done;

			if (!page) {
				if (!ret)
					ret = -ENOMEM;
				break;
			}
			done = copy_from_iter(page, PAGE_SIZE, from);
			if (!done) {
				pipe->tmp_page = page;
				if (!ret)
					ret = -EFAULT;
				break;
			}
			buf->page = page;
			buf->offset = 0;
			buf->len = done;
			WRITE_ONCE(pipe->head, head + 1);
			ret += done;
			if (!iov_iter_count(from))
				break;
			continue;
		}
		if (filp->f_flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
		/* Full: let the readers drain it while we sleep. */
		pipe_unlock(pipe);
		pipe_wake(&pipe->rd_wait);
		pipe_wait(&pipe->wr_wait, pipe_writable, pipe);
		pipe_lock(pipe);
	}
out:
	pipe_unlock(pipe);
	if (ret > 0)
		pipe_wake(&pipe->rd_wait);
	return ret;
}

static long pipe_ioctl(struct file *filp, unsigned int cmd,
		       unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int i, count = 0;

	if (cmd != FIONREAD)
		return -ENOTTY;
	pipe_lock(pipe);
	for (i = pipe->tail; i != pipe->head; i++)
		count += pipe->bufs[i & (pipe->ring_size - 1)].len;
	pipe_unlock(pipe);
	return put_user((int)count, (int __user *)arg) ? -EFAULT : 0;
}

static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int head, tail;
	__poll_t mask = 0;

	/* On the queues first, then look: no change is missed between. */
	poll_wait(filp, &pipe->rd_wait, wait);
	poll_wait(filp, &pipe->wr_wait, wait);

	head = READ_ONCE(pipe->head);
	tail = READ_ONCE(pipe->tail);
	if (filp->f_mode & FMODE_READ) {
		if (!pipe_empty(head, tail))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!READ_ONCE(pipe->writers))
			mask |= EPOLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (!pipe_full(head, tail, READ_ONCE(pipe->max_usage)))
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= EPOLLERR;
	}
	return mask;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = pipe->tail; i != pipe->head; i++) {
		unsigned int mask = pipe->ring_size - 1;
		struct pipe_buffer *buf = &pipe->bufs[i & mask];

		if (buf->page)
			free_page((unsigned long)buf->page);
	}
	if (pipe->tmp_page)
		free_page((unsigned long)pipe->tmp_page);
	kfree(pipe->bufs);
	kfree(pipe);
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;
	bool kill;

	pipe_lock(pipe);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	/* The other side sees EOF, EPIPE, POLLHUP or POLLERR. */
	if (!pipe->readers != !pipe->writers) {
		pipe_wake(&pipe->rd_wait);
		pipe_wake(&pipe->wr_wait);
	}
	kill = !--pipe->files;
	pipe_unlock(pipe);
	if (kill) {
		inode->i_private = NULL;
		free_pipe_info(pipe);
	}
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.llseek = no_llseek,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

struct pipe_inode_info *get_pipe_info(struct file *file)
{
	return file->f_op == &pipefifo_fops ? file->private_data : NULL;
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->bufs = kcalloc(PIPE_DEF_BUFFERS, sizeof(*pipe->bufs),
			     GFP_KERNEL);
	if (!pipe->bufs) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->ring_size = PIPE_DEF_BUFFERS;
	pipe->max_usage = PIPE_DEF_BUFFERS;
	pipe->readers = pipe->writers = 1;
	pipe->files = 2;
	return pipe;
}

/* The pipe's inode and its "pipe:[ino]" dentry, referenced once. */
static struct dentry *get_pipe_dentry(struct pipe_inode_info *pipe)
{
	struct inode *inode = new_inode(pipe_mnt->mnt_sb);
	struct dentry *dentry;
	char name[32];
	int len;

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_fop = &pipefifo_fops;
	inode->i_private = pipe;
	dentry = d_alloc_root(inode);
	if (!dentry) {
		iput(inode);
		return NULL;
	}
	len = snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	kfree(dentry->d_name);
	dentry->d_name = kmalloc(len + 1, GFP_KERNEL);
	if (!dentry->d_name) {
		dentry->d_name = NULL;
		dput(dentry);
		return NULL;
	}
	memcpy(dentry->d_name, name, len + 1);
	dentry->d_name_len = len;
	/* Not in any tree: the last file's reference frees it. */
	dentry->d_flags |= DCACHE_UNHASHED;
	return dentry;
}

static struct file *pipe_file(const struct path *path,
			      struct pipe_inode_info *pipe, int flags,
			      fmode_t mode)
{
	struct file *f = alloc_file(path, flags, &pipefifo_fops);

	if (IS_ERR(f))
		return f;
	f->f_mode = mode;
	f->private_data = pipe;
	return f;
}

int create_pipe_files(struct file **res, int flags)
{
	struct pipe_inode_info *pipe;
	struct path path;
	struct file *f;

	if (!pipe_mnt)
		return -ENODEV;
	pipe = alloc_pipe_info();
	if (!pipe)
		return -ENOMEM;
	path.mnt = pipe_mnt;
	path.dentry = get_pipe_dentry(pipe);
	if (!path.dentry) {
		free_pipe_info(pipe);
		return -ENOMEM;
	}
	flags &= O_NONBLOCK;
	f = pipe_file(&path, pipe, O_WRONLY | flags, FMODE_WRITE);
	if (IS_ERR(f)) {
		path.dentry->d_inode->i_private = NULL;
		dput(path.dentry);
		free_pipe_info(pipe);
		return PTR_ERR(f);
	}
	res[1] = f;
	f = pipe_file(&path, pipe, O_RDONLY | flags, FMODE_READ);
	if (IS_ERR(f)) {
		/* The write end's release frees the pipe with it. */
		pipe->readers = 0;
		pipe->files = 1;
		fput(res[1]);
		dput(path.dentry);
		return PTR_ERR(f);
	}
	res[0] = f;
	dput(path.dentry);	/* the files hold it now */
	return 0;
}

/* Two files and two reserved descriptors, not yet installed. */
static int __do_pipe_flags(int *fd, struct file **files, int flags)
{
	int error, fdw, fdr;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	error = create_pipe_files(files, flags);
	if (error)
		return error;
	fdr = get_unused_fd_flags(flags);
	if (fdr < 0) {
		error = fdr;
		goto err_files;
	}
	fdw = get_unused_fd_flags(flags);
	if (fdw < 0) {
		error = fdw;
		put_unused_fd(fdr);
		goto err_files;
	}
	fd[0] = fdr;
	fd[1] = fdw;
	return 0;

err_files:
	fput(files[0]);
	fput(files[1]);
	return error;
}

int do_pipe_flags(int *fd, int flags)
{
	struct file *files[2];
	int error = __do_pipe_flags(fd, files, flags);

	if (!error) {
		fd_install(fd[0], files[0]);
		fd_install(fd[1], files[1]);
	}
	return error;
}

/* Nothing is installed until the numbers reached user space. */
static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2];
	int error;

	error = __do_pipe_flags(fd, files, flags);
	if (error)
		return error;
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		fput(files[0]);
		fput(files[1]);
		put_unused_fd(fd[0]);
		put_unused_fd(fd[1]);
		return -EFAULT;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}

/* Linux's round_pipe_size(): whole pages, a power of two of them. */
static unsigned int round_pipe_size(unsigned long size)
{
	unsigned int pages = 1;

	if (size > (1U << 31))
		return 0;
	while ((unsigned long)pages * PAGE_SIZE < size)
		pages <<= 1;
	return pages;
}

static long pipe_set_size(struct pipe_inode_info *pipe, unsigned long arg)
{
	unsigned int nr_slots = round_pipe_size(arg), n, i;
	struct pipe_buffer *bufs;

	/*
	 * Linux refuses more than pipe-max-size (1 MiB) with EPERM only
	 * without CAP_SYS_RESOURCE; everyone here is root.
	 */
	if (!nr_slots)
		return -EINVAL;
	bufs = kcalloc(nr_slots, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	pipe_lock(pipe);
	n = pipe_occupancy(pipe->head, pipe->tail);
	if (n > nr_slots) {
		pipe_unlock(pipe);
		kfree(bufs);
		return -EBUSY;
	}
	for (i = 0; i < n; i++)
		bufs[i] = pipe->bufs[(pipe->tail + i) & (pipe->ring_size - 1)];
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->tail = 0;
	pipe->head = n;
	pipe->ring_size = nr_slots;
	pipe->max_usage = nr_slots;
	pipe_unlock(pipe);
	pipe_wake(&pipe->wr_wait);
	return (long)nr_slots * PAGE_SIZE;
}

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(file);

	if (!pipe)
		return -EBADF;
	switch (cmd) {
	case F_SETPIPE_SZ:
		return pipe_set_size(pipe, arg);
	case F_GETPIPE_SZ:
		return (long)pipe->max_usage * PAGE_SIZE;
	default:
		return -EINVAL;
	}
}

static struct file_system_type pipe_fs_type = {
	.name = "pipefs",
};

/* Linux's kern_mount(&pipe_fs_type): a mount no path lookup reaches. */
static int init_pipe_fs(void)
{
	struct super_block *sb = sget_anon(&pipe_fs_type);
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	struct inode *root = sb ? new_inode(sb) : NULL;

	if (!root || !mnt)
		panic("pipefs: out of memory");
	sb->s_magic = PIPEFS_MAGIC;
	root->i_ino = get_next_ino();
	root->i_mode = S_IFDIR | 0700;
	sb->s_root = d_alloc_root(root);
	if (!sb->s_root)
		panic("pipefs: out of memory");
	mnt->mnt_root = sb->s_root;
	mnt->mnt_sb = sb;
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = sb->s_root;
	strscpy(mnt->mnt_devname, "pipefs", sizeof(mnt->mnt_devname));
	INIT_LIST_HEAD(&mnt->mnt_list);
	pipe_mnt = mnt;
	return 0;
}
fs_initcall(init_pipe_fs);
