// SPDX-License-Identifier: GPL-2.0
/*
 * The file calls added for busybox and glibc: sendfile (file to file,
 * file to pipe, the offset or the position, Linux's errnos), fsync and
 * fdatasync, chmod and chown (the ids, -1, set-ID bits cleared, lchown
 * on the link), utimensat (given times, UTIME_NOW, UTIME_OMIT, EINVAL)
 * and statfs (tmpfs's and pipefs's magic).
 */
#include <irqlab/ktest.h>
#include <irqlab/fs_syscalls.h>
#include <irqlab/slab.h>
#include <irqlab/syscalls.h>
#include "pipe_test.h"

#define DIR	"/ktest-calls"

long __x64_sys_fsync(const struct pt_regs *regs);
long __x64_sys_fdatasync(const struct pt_regs *regs);

static long sys1(long (*fn)(const struct pt_regs *), unsigned long a)
{
	struct pt_regs regs = { .di = a };

	return fn(&regs);
}

static long open_file(const char *name, int flags)
{
	return do_sys_open(AT_FDCWD, name, flags, 0644);
}

static void setup(void)
{
	fst_rm_rf(DIR);
	do_mkdirat(AT_FDCWD, DIR, 0755);
}

static void test_sendfile(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	const size_t len = 3 * 4096 + 100;
	char *src = kmalloc(len, GFP_KERNEL), *dst = kzalloc(len, GFP_KERNEL);
	int in, out, ro, app, pfd[2];
	struct file *f;
	loff_t off;
	size_t i;

	KTEST_ASSERT_TRUE(t, src && dst);
	setup();
	for (i = 0; i < len; i++)
		src[i] = (char)(i * 7);
	KTEST_ASSERT_EQ(t, fst_write(DIR "/src", src, len), len);
	in = open_file(DIR "/src", O_RDONLY);
	out = open_file(DIR "/dst", O_WRONLY | O_CREAT);
	KTEST_ASSERT_GE(t, in, 0);
	KTEST_ASSERT_GE(t, out, 0);
	/* With an offset: from there, and the input's position stays. */
	off = 100;
	KTEST_EXPECT_EQ(t, do_sendfile(out, in, &off, 50), 50);
	KTEST_EXPECT_EQ(t, off, 150);
	f = fget(in);
	KTEST_EXPECT_EQ(t, f->f_pos, 0);
	fput(f);
	/* Without: from the position, which moves; short at the end. */
	KTEST_EXPECT_EQ(t, do_sendfile(out, in, NULL, 2 * len), len);
	f = fget(in);
	KTEST_EXPECT_EQ(t, f->f_pos, len);
	fput(f);
	KTEST_EXPECT_EQ(t, do_sendfile(out, in, NULL, 10), 0);
	KTEST_EXPECT_EQ(t, fst_read(DIR "/dst", dst, len, 50), len);
	KTEST_EXPECT_EQ(t, memcmp(src, dst, len), 0);
	KTEST_EXPECT_EQ(t, fst_read(DIR "/dst", dst, 50, 0), 50);
	KTEST_EXPECT_EQ(t, memcmp(src + 100, dst, 50), 0);
	/* Into a pipe. */
	KTEST_ASSERT_EQ(t, do_pipe_flags(pfd, O_NONBLOCK), 0);
	off = 0;
	KTEST_EXPECT_EQ(t, do_sendfile(pfd[1], in, &off, 1000), 1000);
	f = fget(pfd[0]);
	memset(dst, 0, len);
	KTEST_EXPECT_EQ(t, pt_read(f, dst, len), 1000);
	fput(f);
	KTEST_EXPECT_EQ(t, memcmp(src, dst, 1000), 0);
	/* Linux's errnos, in Linux's order. */
	KTEST_EXPECT_EQ(t, do_sendfile(out, 99, NULL, 1), -EBADF);
	KTEST_EXPECT_EQ(t, do_sendfile(99, in, NULL, 1), -EBADF);
	KTEST_EXPECT_EQ(t, do_sendfile(out, out, NULL, 1), -EBADF);
	ro = open_file(DIR "/src", O_RDONLY);
	KTEST_EXPECT_EQ(t, do_sendfile(ro, in, NULL, 1), -EBADF);
	off = -1;
	KTEST_EXPECT_EQ(t, do_sendfile(out, in, &off, 1), -EINVAL);
	off = 0;
	KTEST_EXPECT_EQ(t, do_sendfile(out, pfd[0], &off, 1), -ESPIPE);
	KTEST_EXPECT_EQ(t, do_sendfile(out, pfd[0], NULL, 1), -EINVAL);
	app = open_file(DIR "/dst", O_WRONLY | O_APPEND);
	KTEST_EXPECT_EQ(t, do_sendfile(app, in, &off, 1), -EINVAL);
	kfree(src);
	kfree(dst);
	fst_files_end(saved);
	fst_rm_rf(DIR);
}

static void test_fsync(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	int fd, pfd[2];

	setup();
	fd = open_file(DIR "/f", O_RDWR | O_CREAT);
	KTEST_ASSERT_GE(t, fd, 0);
	KTEST_EXPECT_EQ(t, sys1(__x64_sys_fsync, fd), 0);
	KTEST_EXPECT_EQ(t, sys1(__x64_sys_fdatasync, fd), 0);
	KTEST_EXPECT_EQ(t, sys1(__x64_sys_fsync, 99), -EBADF);
	KTEST_ASSERT_EQ(t, do_pipe_flags(pfd, 0), 0);
	KTEST_EXPECT_EQ(t, sys1(__x64_sys_fsync, pfd[0]), -EINVAL);
	fd = open_file(DIR, O_RDONLY | O_DIRECTORY);
	KTEST_EXPECT_EQ(t, sys1(__x64_sys_fsync, fd), 0);
	fd = open_file(DIR "/f", O_PATH);
	KTEST_EXPECT_EQ(t, sys1(__x64_sys_fsync, fd), -EBADF);
	fst_files_end(saved);
	fst_rm_rf(DIR);
}

static void test_chmod_chown(struct ktest *t)
{
	struct kstat st;

	setup();
	KTEST_ASSERT_EQ(t, fst_write(DIR "/f", "x", 1), 1);
	KTEST_ASSERT_EQ(t, do_symlinkat("f", AT_FDCWD, DIR "/lnk"), 0);
	KTEST_EXPECT_EQ(t, do_fchmodat(AT_FDCWD, DIR "/f", 0106755), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 06755);
	/* Through the symlink: the target changes. */
	KTEST_EXPECT_EQ(t, do_fchmodat(AT_FDCWD, DIR "/lnk", 04711), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 04711);
	KTEST_EXPECT_EQ(t, do_fchmodat(AT_FDCWD, DIR "/none", 0644), -ENOENT);

	KTEST_EXPECT_EQ(t, do_fchmodat(AT_FDCWD, DIR "/f", 06755), 0);
	KTEST_EXPECT_EQ(t, do_fchownat(AT_FDCWD, DIR "/f", 1000, (u32)-1, 0),
			0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.uid, 1000);
	KTEST_EXPECT_EQ(t, st.gid, 0);
	/* Set-user-ID goes, set-group-ID too as group execute is on. */
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0755);
	KTEST_EXPECT_EQ(t, do_fchmodat(AT_FDCWD, DIR "/f", 02745), 0);
	KTEST_EXPECT_EQ(t, do_fchownat(AT_FDCWD, DIR "/f", (u32)-1, 50, 0),
			0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.uid, 1000);
	KTEST_EXPECT_EQ(t, st.gid, 50);
	/* Without group execute, set-group-ID is mandatory locking: kept. */
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 02745);
	/* A directory keeps its set-group-ID. */
	KTEST_EXPECT_EQ(t, do_fchmodat(AT_FDCWD, DIR, 02775), 0);
	KTEST_EXPECT_EQ(t, do_fchownat(AT_FDCWD, DIR, 7, 7, 0), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR, &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFDIR | 02775);
	/* lchown: the link itself. */
	KTEST_EXPECT_EQ(t, do_fchownat(AT_FDCWD, DIR "/lnk", 33, 33,
				       AT_SYMLINK_NOFOLLOW), 0);
	KTEST_ASSERT_EQ(t, fst_lstat(DIR "/lnk", &st), 0);
	KTEST_EXPECT_EQ(t, st.uid, 33);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/lnk", &st), 0);
	KTEST_EXPECT_EQ(t, st.uid, 1000);
	KTEST_EXPECT_EQ(t, do_fchownat(AT_FDCWD, DIR "/f", 0, 0, 0x4),
			-EINVAL);
	fst_rm_rf(DIR);
}

static void test_utimensat(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	struct timespec64 ts[2], before;
	struct kstat st;

	setup();
	KTEST_ASSERT_EQ(t, fst_write(DIR "/f", "x", 1), 1);
	ts[0] = (struct timespec64){ 1000000000, 123 };
	ts[1] = (struct timespec64){ 1100000000, 456 };
	KTEST_EXPECT_EQ(t, do_utimes(AT_FDCWD, DIR "/f", ts, 0), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.atime.tv_sec, 1000000000);
	KTEST_EXPECT_EQ(t, st.atime.tv_nsec, 123);
	KTEST_EXPECT_EQ(t, st.mtime.tv_sec, 1100000000);
	KTEST_EXPECT_EQ(t, st.mtime.tv_nsec, 456);
	/* Omit the access time, now for the modification time. */
	before = current_time(NULL);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_NOW;
	KTEST_EXPECT_EQ(t, do_utimes(AT_FDCWD, DIR "/f", ts, 0), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.atime.tv_sec, 1000000000);
	KTEST_EXPECT_GE(t, st.mtime.tv_sec, before.tv_sec);
	KTEST_EXPECT_GE(t, st.ctime.tv_sec, before.tv_sec);
	/* No times: both now. */
	KTEST_EXPECT_EQ(t, do_utimes(AT_FDCWD, DIR "/f", NULL, 0), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/f", &st), 0);
	KTEST_EXPECT_GE(t, st.atime.tv_sec, before.tv_sec);
	ts[0].tv_nsec = 1000000000;
	KTEST_EXPECT_EQ(t, do_utimes(AT_FDCWD, DIR "/f", ts, 0), -EINVAL);
	ts[0].tv_nsec = -1;
	KTEST_EXPECT_EQ(t, do_utimes(AT_FDCWD, DIR "/f", ts, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_utimes(AT_FDCWD, DIR "/f", NULL, 0x4), -EINVAL);
	KTEST_EXPECT_EQ(t, do_utimes(AT_FDCWD, DIR "/none", NULL, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, do_utimes(AT_FDCWD, NULL, NULL, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, do_utimes(99, NULL, NULL, 0), -EBADF);
	KTEST_EXPECT_EQ(t, do_utimes(3, NULL, NULL, AT_SYMLINK_NOFOLLOW),
			-EINVAL);
	fst_files_end(saved);
	fst_rm_rf(DIR);
}

static void test_statfs(struct ktest *t)
{
	struct kstatfs sf;
	struct path root;
	struct file *p[2];

	get_root_path(&root);
	KTEST_EXPECT_EQ(t, vfs_statfs(&root, &sf), 0);
	path_put(&root);
	KTEST_EXPECT_EQ(t, sf.f_type, TMPFS_MAGIC);
	KTEST_EXPECT_EQ(t, sf.f_bsize, 4096);
	KTEST_EXPECT_EQ(t, sf.f_frsize, 4096);
	KTEST_EXPECT_EQ(t, sf.f_namelen, 255);
	KTEST_EXPECT_TRUE(t, sf.f_flags & ST_VALID);
	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	KTEST_EXPECT_EQ(t, vfs_statfs(&p[0]->f_path, &sf), 0);
	KTEST_EXPECT_EQ(t, sf.f_type, PIPEFS_MAGIC);
	fput(p[0]);
	fput(p[1]);
}

static const struct ktest_case fs_calls_cases[] = {
	KTEST_CASE(test_sendfile),
	KTEST_CASE(test_fsync),
	KTEST_CASE(test_chmod_chown),
	KTEST_CASE(test_utimensat),
	KTEST_CASE(test_statfs),
	{}
};
KTEST_SUITE(fs_calls, fs_calls_cases);
