// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor tables, as Linux's fs/file.c: a descriptor is an index into
 * the open_fds bitmap and the fd[] array.  A new one is the lowest free
 * (POSIX), found from next_fd, below which nothing is free.  Slots are
 * claimed (alloc_fd) before the file is installed (fd_install), so an
 * open that fails after claiming gives its number back unseen.
 */
#include <irqlab/fdtable.h>
#include <irqlab/sched.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>

static bool fd_is_open(const struct files_struct *files, unsigned int fd)
{
	return test_bit(fd % BITS_PER_LONG,
			&files->open_fds[fd / BITS_PER_LONG]);
}

static void __set_open_fd(struct files_struct *f, unsigned int fd)
{
	f->open_fds[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
}

static void __clear_open_fd(struct files_struct *f, unsigned int fd)
{
	f->open_fds[fd / BITS_PER_LONG] &= ~(1UL << (fd % BITS_PER_LONG));
}

static void __set_cloexec(struct files_struct *f, unsigned int fd, bool on)
{
	unsigned long bit = 1UL << (fd % BITS_PER_LONG);

	if (on)
		f->close_on_exec[fd / BITS_PER_LONG] |= bit;
	else
		f->close_on_exec[fd / BITS_PER_LONG] &= ~bit;
}

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	atomic_set(&files->count, 1);
	spin_lock_init(&files->file_lock);
	return files;
}

/* fork without CLONE_FILES: the same files, each referenced again. */
struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *files = files_alloc();
	unsigned int fd;

	if (!files || !old)
		return files;
	spin_lock(&old->file_lock);
	memcpy(files->open_fds, old->open_fds, sizeof(files->open_fds));
	memcpy(files->close_on_exec, old->close_on_exec,
	       sizeof(files->close_on_exec));
	files->next_fd = old->next_fd;
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *f = old->fd[fd];

		if (f)
			files->fd[fd] = get_file(f);
		else
			/* Claimed by an open still under way: not inherited. */
			__clear_open_fd(files, fd);
	}
	spin_unlock(&old->file_lock);
	for (fd = 0; fd < NR_OPEN_DEFAULT && fd_is_open(files, fd); fd++)
		;
	files->next_fd = fd;
	return files;
}

void put_files_struct(struct files_struct *files)
{
	unsigned int fd;

	if (!files || !atomic_dec_and_test(&files->count))
		return;
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	kfree(files);
}

/* exec: closes what was opened with O_CLOEXEC or got FD_CLOEXEC. */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *f;

		spin_lock(&files->file_lock);
		if (!test_bit(fd % BITS_PER_LONG,
			      &files->close_on_exec[fd / BITS_PER_LONG])) {
			spin_unlock(&files->file_lock);
			continue;
		}
		f = files->fd[fd];
		files->fd[fd] = NULL;
		__set_cloexec(files, fd, false);
		__clear_open_fd(files, fd);
		if (fd < files->next_fd)
			files->next_fd = fd;
		spin_unlock(&files->file_lock);
		fput(f);
	}
}

static int __alloc_fd(struct files_struct *files, unsigned int start,
		      unsigned int flags)
{
	unsigned int fd;

	if (start >= RLIMIT_NOFILE_CUR)
		return -EINVAL;
	spin_lock(&files->file_lock);
	fd = start > files->next_fd ? start : files->next_fd;
	while (fd < NR_OPEN_DEFAULT && fd_is_open(files, fd))
		fd++;
	if (fd >= RLIMIT_NOFILE_CUR) {
		spin_unlock(&files->file_lock);
		return -EMFILE;
	}
	__set_open_fd(files, fd);
	__set_cloexec(files, fd, flags & O_CLOEXEC);
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	spin_unlock(&files->file_lock);
	return fd;
}

int alloc_fd(unsigned int start, unsigned int flags)
{
	if (!current->files)
		return -EMFILE;
	return __alloc_fd(current->files, start, flags);
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	__clear_open_fd(files, fd);
	if (fd < files->next_fd)
		files->next_fd = fd;
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	files->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f = NULL;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	spin_lock(&files->file_lock);
	if (files->fd[fd])
		f = get_file(files->fd[fd]);
	spin_unlock(&files->file_lock);
	return f;
}

/* Takes fd out of the table: its file, or NULL if it was not open. */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *f;

	if (fd >= NR_OPEN_DEFAULT)
		return NULL;
	f = files->fd[fd];
	if (!f)
		return NULL;
	files->fd[fd] = NULL;
	__clear_open_fd(files, fd);
	__set_cloexec(files, fd, false);
	if (fd < files->next_fd)
		files->next_fd = fd;
	return f;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f;

	if (!files)
		return -EBADF;
	spin_lock(&files->file_lock);
	f = pick_file(files, fd);
	spin_unlock(&files->file_lock);
	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

/* dup2/dup3's core: fd becomes file (the old one there closed). */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *old;

	if (!files)
		return -EBADF;
	if (fd >= RLIMIT_NOFILE_CUR)
		return -EBADF;
	spin_lock(&files->file_lock);
	if (fd_is_open(files, fd) && !files->fd[fd]) {
		/* Claimed by an open in another thread: Linux's EBUSY. */
		spin_unlock(&files->file_lock);
		return -EBUSY;
	}
	old = files->fd[fd];
	files->fd[fd] = get_file(file);
	__set_open_fd(files, fd);
	__set_cloexec(files, fd, flags & O_CLOEXEC);
	spin_unlock(&files->file_lock);
	fput(old);
	return fd;
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool on;

	spin_lock(&files->file_lock);
	on = test_bit(fd % BITS_PER_LONG,
		      &files->close_on_exec[fd / BITS_PER_LONG]);
	spin_unlock(&files->file_lock);
	return on;
}

void set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	if (fd_is_open(files, fd))
		__set_cloexec(files, fd, on);
	spin_unlock(&files->file_lock);
}
