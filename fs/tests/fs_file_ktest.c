// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor tables and the system calls over them: the lowest free fd,
 * EMFILE at 1024, dup/dup2/dup3/fcntl, close-on-exec, the tables fork
 * copies, fs_struct's cwd and umask, and the errnos a bad fd, a bad
 * pointer or a bad argument gets from the calls themselves.
 */
#include <irqlab/ktest.h>
#include <irqlab/syscalls.h>
#include "fs_test.h"

#define DIR	"/ktest-file"

long __x64_sys_read(const struct pt_regs *regs);
long __x64_sys_write(const struct pt_regs *regs);
long __x64_sys_open(const struct pt_regs *regs);
long __x64_sys_lseek(const struct pt_regs *regs);
long __x64_sys_pread64(const struct pt_regs *regs);
long __x64_sys_readv(const struct pt_regs *regs);
long __x64_sys_getdents64(const struct pt_regs *regs);
long __x64_sys_dup2(const struct pt_regs *regs);
long __x64_sys_dup3(const struct pt_regs *regs);
long __x64_sys_fcntl(const struct pt_regs *regs);
long __x64_sys_ioctl(const struct pt_regs *regs);
long __x64_sys_close(const struct pt_regs *regs);
long __x64_sys_fstat(const struct pt_regs *regs);
long __x64_sys_unlinkat(const struct pt_regs *regs);
long __x64_sys_getcwd(const struct pt_regs *regs);
long __x64_sys_mount(const struct pt_regs *regs);
long __x64_sys_umount2(const struct pt_regs *regs);

/* A system call with up to three arguments, as the entry would make it. */
static long sys3(long (*fn)(const struct pt_regs *), unsigned long a,
		 unsigned long b, unsigned long c)
{
	struct pt_regs regs = { .di = a, .si = b, .dx = c };

	return fn(&regs);
}

/* An address in the user half that nothing maps. */
#define USER_ADDR	((void *)0x1000UL)

static long open_file(const char *name, int flags)
{
	return do_sys_open(AT_FDCWD, name, flags, 0644);
}

static void setup(void)
{
	fst_rm_rf(DIR);
	do_mkdirat(AT_FDCWD, DIR, 0755);
	fst_write(DIR "/f", "0123456789", 10);
}

static void test_lowest_free_fd(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();

	setup();
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 0);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 1);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 2);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 3);
	KTEST_EXPECT_EQ(t, close_fd(1), 0);
	KTEST_EXPECT_EQ(t, close_fd(1), -EBADF);
	KTEST_EXPECT_EQ(t, close_fd(2), 0);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 1);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 2);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 4);
	/* A failed open gives its number back. */
	KTEST_EXPECT_EQ(t, open_file(DIR "/none", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 5);
	KTEST_EXPECT_NULL(t, fget(6));
	KTEST_EXPECT_NULL(t, fget(100000));
	KTEST_EXPECT_EQ(t, close_fd(100000), -EBADF);
	fst_files_end(saved);
}

static void test_emfile(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	long fd, last = -1, n = 1;

	setup();
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 0);
	while ((fd = ksys_dup(0)) >= 0) {
		last = fd;
		n++;
	}
	KTEST_EXPECT_EQ(t, fd, -EMFILE);
	KTEST_EXPECT_EQ(t, n, NR_OPEN_DEFAULT);
	KTEST_EXPECT_EQ(t, last, NR_OPEN_DEFAULT - 1);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), -EMFILE);
	KTEST_EXPECT_EQ(t, close_fd(500), 0);
	KTEST_EXPECT_EQ(t, ksys_dup(0), 500);
	fst_files_end(saved);
}

static void test_dup_shares_the_file(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct file *a, *b;
	char buf[4] = "";
	long fd, fd2;

	setup();
	fd = open_file(DIR "/f", O_RDWR);
	fd2 = ksys_dup(fd);
	KTEST_EXPECT_EQ(t, fd2, fd + 1);
	a = fget(fd);
	b = fget(fd2);
	KTEST_ASSERT_TRUE(t, a && a == b);
	/* One position for both: reading through one moves the other. */
	KTEST_EXPECT_EQ(t, kernel_read(a, buf, 3, &a->f_pos), 3);
	KTEST_EXPECT_EQ(t, b->f_pos, 3);
	KTEST_EXPECT_EQ(t, atomic_read(&a->f_count), 4);
	fput(a);
	fput(b);
	/* dup2 onto an open fd closes what was there. */
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), fd2 + 1);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_dup2, fd, fd2 + 1, 0), fd2 + 1);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_dup2, fd, fd, 0), fd);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_dup2, 77, 78, 0), -EBADF);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_dup2, 77, 77, 0), -EBADF);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_dup2, fd, NR_OPEN_DEFAULT, 0),
			-EBADF);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_dup3, fd, fd, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_dup3, fd, 9, O_APPEND), -EINVAL);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_dup3, fd, 9, O_CLOEXEC), 9);
	KTEST_EXPECT_EQ(t, do_fcntl(9, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, do_fcntl(fd, F_GETFD, 0), 0);
	a = fget(fd);
	KTEST_EXPECT_EQ(t, atomic_read(&a->f_count), 5);	/* 4 fds + a */
	fput(a);
	fst_files_end(saved);
}

static void test_fcntl(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	long fd;

	setup();
	fd = open_file(DIR "/f", O_RDWR | O_APPEND);
	KTEST_ASSERT_EQ(t, fd, 0);
	KTEST_EXPECT_EQ(t, do_fcntl(fd, F_DUPFD, 10), 10);
	KTEST_EXPECT_EQ(t, do_fcntl(fd, F_DUPFD, 10), 11);
	KTEST_EXPECT_EQ(t, do_fcntl(fd, F_DUPFD, 0), 1);
	KTEST_EXPECT_EQ(t, do_fcntl(fd, F_DUPFD, NR_OPEN_DEFAULT), -EINVAL);
	KTEST_EXPECT_EQ(t, do_fcntl(fd, F_DUPFD_CLOEXEC, 0), 2);
	KTEST_EXPECT_EQ(t, do_fcntl(2, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, do_fcntl(2, F_SETFD, 0), 0);
	KTEST_EXPECT_EQ(t, do_fcntl(2, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, do_fcntl(fd, F_GETFL, 0), O_RDWR | O_APPEND);
	/* F_SETFL changes O_APPEND, never the access mode. */
	KTEST_EXPECT_EQ(t, do_fcntl(fd, F_SETFL, O_WRONLY | O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(t, do_fcntl(fd, F_GETFL, 0), O_RDWR | O_NONBLOCK);
	KTEST_EXPECT_EQ(t, do_fcntl(fd, 12345, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_fcntl(99, F_GETFD, 0), -EBADF);
	fst_files_end(saved);
}

static void test_close_on_exec(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();

	setup();
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 0);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY | O_CLOEXEC), 1);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 2);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY | O_CLOEXEC), 3);
	do_close_on_exec(current->files);
	KTEST_EXPECT_NOT_NULL(t, current->files->fd[0]);
	KTEST_EXPECT_NULL(t, current->files->fd[1]);
	KTEST_EXPECT_NOT_NULL(t, current->files->fd[2]);
	KTEST_EXPECT_NULL(t, current->files->fd[3]);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 1);
	KTEST_EXPECT_EQ(t, do_fcntl(1, F_GETFD, 0), 0);
	fst_files_end(saved);
}

static void test_dup_fd_for_fork(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct files_struct *parent = current->files, *child;
	struct file *f;

	setup();
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 0);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY | O_CLOEXEC), 1);
	f = parent->fd[0];
	child = dup_fd(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_TRUE(t, child->fd[0] == f);
	KTEST_EXPECT_EQ(t, atomic_read(&f->f_count), 2);
	KTEST_EXPECT_TRUE(t, test_bit(1, child->close_on_exec));
	/* The child's table is its own: closing there leaves the parent's. */
	current->files = child;
	KTEST_EXPECT_EQ(t, close_fd(0), 0);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 0);
	KTEST_EXPECT_EQ(t, open_file(DIR "/f", O_RDONLY), 2);
	current->files = parent;
	KTEST_EXPECT_TRUE(t, parent->fd[0] == f);
	KTEST_EXPECT_NULL(t, parent->fd[2]);
	KTEST_EXPECT_EQ(t, atomic_read(&f->f_count), 1);
	/* Shared (CLONE_FILES): the last put closes the files. */
	get_files_struct(child);
	put_files_struct(child);
	KTEST_EXPECT_NOT_NULL(t, child->fd[2]);
	get_file(f);
	current->files = dup_fd(parent);
	put_files_struct(current->files);
	current->files = parent;
	KTEST_EXPECT_EQ(t, atomic_read(&f->f_count), 2);
	fput(f);
	put_files_struct(child);
	fst_files_end(saved);
}

static void test_fs_struct(struct ktest *t)
{
	struct fs_struct *saved = current->fs, *fs, *copy;
	struct path p;
	char buf[64];

	setup();
	fs = init_fs_struct();
	KTEST_ASSERT_NOT_NULL(t, fs);
	current->fs = fs;
	KTEST_EXPECT_EQ(t, current_umask(), 0022);
	KTEST_ASSERT_EQ(t, kern_path(DIR, LOOKUP_DIRECTORY, &p), 0);
	KTEST_EXPECT_EQ(t, set_fs_pwd_path(&p), 0);
	path_put(&p);
	KTEST_EXPECT_EQ(t, do_getcwd(buf, sizeof(buf)), sizeof(DIR));
	KTEST_EXPECT_STREQ(t, buf, DIR);
	/* Relative names now start there. */
	KTEST_EXPECT_EQ(t, fst_read("f", buf, 3, 0), 3);
	KTEST_EXPECT_EQ(t, fst_write("g", "x", 1), 1);
	KTEST_EXPECT_TRUE(t, fst_exists(DIR "/g"));
	/* The umask applies to what is made. */
	fs->umask = 077;
	KTEST_EXPECT_EQ(t, do_mkdirat(AT_FDCWD, "d", 0777), 0);
	KTEST_EXPECT_EQ(t, do_mknodat(AT_FDCWD, "r", S_IFREG | 0666, 0), 0);
	KTEST_ASSERT_EQ(t, kern_path("d", 0, &p), 0);
	KTEST_EXPECT_EQ(t, p.dentry->d_inode->i_mode, S_IFDIR | 0700);
	path_put(&p);
	KTEST_ASSERT_EQ(t, kern_path("r", 0, &p), 0);
	KTEST_EXPECT_EQ(t, p.dentry->d_inode->i_mode, S_IFREG | 0600);
	path_put(&p);
	/* A copy keeps the cwd and the umask, and changes on its own. */
	copy = copy_fs_struct(fs);
	KTEST_ASSERT_NOT_NULL(t, copy);
	KTEST_EXPECT_EQ(t, copy->umask, 077);
	current->fs = copy;
	KTEST_EXPECT_EQ(t, do_getcwd(buf, sizeof(buf)), sizeof(DIR));
	KTEST_ASSERT_EQ(t, kern_path("d", 0, &p), 0);
	set_fs_pwd_path(&p);
	path_put(&p);
	KTEST_EXPECT_EQ(t, do_getcwd(buf, sizeof(buf)), sizeof(DIR "/d"));
	current->fs = fs;
	KTEST_EXPECT_EQ(t, do_getcwd(buf, sizeof(buf)), sizeof(DIR));
	/* getcwd of a removed directory: ENOENT. */
	current->fs = copy;
	KTEST_EXPECT_EQ(t, do_rmdir(AT_FDCWD, DIR "/d"), 0);
	KTEST_EXPECT_EQ(t, do_getcwd(buf, sizeof(buf)), -ENOENT);
	KTEST_EXPECT_EQ(t, do_mkdirat(AT_FDCWD, "x", 0777), -ENOENT);
	current->fs = saved;
	free_fs_struct(copy);
	get_fs_struct(fs);
	free_fs_struct(fs);
	KTEST_EXPECT_EQ(t, atomic_read(&fs->users), 1);
	free_fs_struct(fs);
}

/* The calls' own checks: bad fds, pointers, lengths and flags. */
static void test_syscall_errors(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	char kbuf[16];
	long fd, dfd;

	setup();
	fd = open_file(DIR "/f", O_RDONLY);
	dfd = open_file(DIR, O_RDONLY | O_DIRECTORY);
	KTEST_ASSERT_EQ(t, fd, 0);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_read, 55, (long)USER_ADDR, 1),
			-EBADF);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_read, -1, (long)USER_ADDR, 1),
			-EBADF);
	/* A kernel address is never a user buffer. */
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_read, fd, (long)kbuf, 4), -EFAULT);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_read, fd, 0, 4), -EFAULT);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_read, fd, (long)USER_ADDR, -1L),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_read, fd, (long)USER_ADDR, 0), 0);
	/* Opened read-only: no writing, whatever the buffer. */
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_write, fd, (long)kbuf, 4), -EBADF);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_read, dfd, (long)USER_ADDR, 4),
			-EISDIR);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_open, (long)DIR, O_RDONLY, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_open, 0, O_RDONLY, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_lseek, fd, 3, SEEK_SET), 3);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_lseek, fd, -4, SEEK_CUR), -EINVAL);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_lseek, fd, -2, SEEK_END), 8);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_lseek, fd, 0, 9), -EINVAL);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_lseek, 44, 0, SEEK_SET), -EBADF);
	{
		struct pt_regs r = { .di = fd, .si = (long)USER_ADDR,
				     .dx = 1, .r10 = -1 };

		KTEST_EXPECT_EQ(t, __x64_sys_pread64(&r), -EINVAL);
	}
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_readv, fd, (long)USER_ADDR, 1025),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_readv, fd, (long)kbuf, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_getdents64, fd, (long)USER_ADDR, 64),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_getdents64, 33, (long)USER_ADDR, 64),
			-EBADF);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_getdents64, dfd, (long)kbuf, 16),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_ioctl, fd, 0x5401, 0), -ENOTTY);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_ioctl, 70, 0x5401, 0), -EBADF);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_fstat, 70, (long)USER_ADDR, 0),
			-EBADF);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_fstat, fd, (long)kbuf, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_unlinkat, AT_FDCWD,
				(long)USER_ADDR, 0x8), -EINVAL);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_getcwd, (long)kbuf, sizeof(kbuf), 0),
			-EFAULT);
	{
		struct pt_regs r = { .di = 0, .si = (long)USER_ADDR,
				     .dx = (long)USER_ADDR, .r10 = MS_REMOUNT };

		KTEST_EXPECT_EQ(t, __x64_sys_mount(&r), -EINVAL);
		r.r10 = MS_BIND;
		KTEST_EXPECT_EQ(t, __x64_sys_mount(&r), -EINVAL);
		r.r10 = 0;
		r.dx = (long)"tmpfs";	/* a kernel address */
		KTEST_EXPECT_EQ(t, __x64_sys_mount(&r), -EFAULT);
	}
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_umount2, (long)DIR, 0, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_close, fd, 0, 0), 0);
	KTEST_EXPECT_EQ(t, sys3(__x64_sys_close, fd, 0, 0), -EBADF);
	/* Flags open does not know are ignored, as Linux's open(2). */
	KTEST_EXPECT_EQ(t, do_sys_open(AT_FDCWD, DIR "/f",
				       O_RDONLY | 0x40000000, 0), 0);
	KTEST_EXPECT_EQ(t, do_faccessat(AT_FDCWD, DIR "/f", 8, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_faccessat(AT_FDCWD, DIR "/f", R_OK, 0x1),
			-EINVAL);
	KTEST_EXPECT_EQ(t, do_faccessat(AT_FDCWD, DIR "/f", R_OK | W_OK, 0), 0);
	KTEST_EXPECT_EQ(t, do_faccessat(AT_FDCWD, DIR "/f", X_OK, 0), -EACCES);
	KTEST_EXPECT_EQ(t, do_faccessat(AT_FDCWD, DIR, X_OK, 0), 0);
	KTEST_EXPECT_EQ(t, do_faccessat(AT_FDCWD, DIR "/no", F_OK, 0), -ENOENT);
	fst_files_end(saved);
}

/* The kernel's side: filp_open's flags, as exec and init use them. */
static void test_open_flags(struct ktest *t)
{
	struct file *f;
	char buf[16] = "";
	loff_t pos = 0;

	setup();
	f = filp_open(DIR "/f", O_CREAT | O_EXCL | O_WRONLY, 0644);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EEXIST);
	f = filp_open(DIR "/f", O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENOTDIR);
	f = filp_open(DIR "/new/", O_CREAT | O_WRONLY, 0644);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EISDIR);
	f = filp_open(DIR "/f", O_TMPFILE | O_RDWR, 0644);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EOPNOTSUPP);
	/* O_CREAT through a symlink opens (not replaces) the target. */
	KTEST_ASSERT_EQ(t, do_symlinkat("f", AT_FDCWD, DIR "/lnk"), 0);
	f = filp_open(DIR "/lnk", O_CREAT | O_RDONLY, 0644);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 15, &pos), 10);
	KTEST_EXPECT_STREQ(t, buf, "0123456789");
	fput(f);
	f = filp_open(DIR "/lnk", O_CREAT | O_EXCL | O_RDONLY, 0644);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EEXIST);
	/* O_PATH: a handle on the link itself, for no I/O. */
	f = filp_open(DIR "/lnk", O_PATH | O_NOFOLLOW, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_TRUE(t, S_ISLNK(f->f_inode->i_mode));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 1, &pos), -EBADF);
	fput(f);
	/* O_TRUNC needs write access to truncate. */
	f = filp_open(DIR "/f", O_RDONLY | O_TRUNC, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 10);
	fput(f);
	f = filp_open(DIR "/f", O_WRONLY | O_TRUNC, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 0);
	KTEST_EXPECT_EQ(t, f->f_flags & (O_TRUNC | O_CREAT), 0);
	fput(f);
	fst_rm_rf(DIR);
}

static const struct ktest_case fs_file_cases[] = {
	KTEST_CASE(test_lowest_free_fd),
	KTEST_CASE(test_emfile),
	KTEST_CASE(test_dup_shares_the_file),
	KTEST_CASE(test_fcntl),
	KTEST_CASE(test_close_on_exec),
	KTEST_CASE(test_dup_fd_for_fork),
	KTEST_CASE(test_fs_struct),
	KTEST_CASE(test_syscall_errors),
	KTEST_CASE(test_open_flags),
	{}
};
KTEST_SUITE(fs_file, fs_file_cases);
