/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pipes, as Linux's <linux/pipe_fs_i.h>: a ring of page-sized buffers
 * (16 by default: 65536 bytes), head where the writer adds, tail where
 * the reader takes, both counting up forever and masked by the ring size
 * (a power of two).  One mutex covers the ring; readers sleep on
 * rd_wait, writers and pollers for POLLOUT on wr_wait.
 */
#ifndef _IRQLAB_PIPE_FS_I_H
#define _IRQLAB_PIPE_FS_I_H

#include <irqlab/fs.h>
#include <irqlab/mutex.h>
#include <irqlab/wait.h>

#define PIPE_DEF_BUFFERS	16
#define PIPE_BUF		4096	/* writes up to it are atomic */
#define PIPEFS_MAGIC		0x50495045

#ifndef F_LINUX_SPECIFIC_BASE
#define F_LINUX_SPECIFIC_BASE	1024
#endif
#define F_SETPIPE_SZ		(F_LINUX_SPECIFIC_BASE + 7)
#define F_GETPIPE_SZ		(F_LINUX_SPECIFIC_BASE + 8)

#define FIONREAD		0x541B

struct pipe_buffer {
	void *page;			/* PAGE_SIZE bytes */
	unsigned int offset, len;
};

struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait, wr_wait;
	unsigned int head, tail;
	unsigned int max_usage;		/* buffers a writer may fill */
	unsigned int ring_size;		/* a power of two */
	unsigned int readers, writers;
	unsigned int files;		/* open files on it; 0 frees it */
	void *tmp_page;			/* a drained page kept for reuse */
	struct pipe_buffer *bufs;
};

static inline unsigned int pipe_occupancy(unsigned int head,
					  unsigned int tail)
{
	return head - tail;
}

static inline bool pipe_empty(unsigned int head, unsigned int tail)
{
	return !pipe_occupancy(head, tail);
}

static inline bool pipe_full(unsigned int head, unsigned int tail,
			     unsigned int limit)
{
	return pipe_occupancy(head, tail) >= limit;
}

/*
 * Two files on one new pipe, res[0] for reading and res[1] for writing;
 * flags: O_NONBLOCK (others are the caller's to refuse).
 */
int create_pipe_files(struct file **res, int flags);
/* pipe2() on kernel memory: fd[0] and fd[1] installed in current. */
int do_pipe_flags(int *fd, int flags);
/* F_GETPIPE_SZ and F_SETPIPE_SZ; -EBADF for a file that is no pipe. */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg);
/* The pipe file is one, else NULL. */
struct pipe_inode_info *get_pipe_info(struct file *file);

#endif /* _IRQLAB_PIPE_FS_I_H */
