// SPDX-License-Identifier: GPL-2.0
/*
 * devtmpfs on /dev and the devices in it: the nodes the drivers made
 * (Linux's numbers and modes), /dev/null, zero, full and urandom, the
 * console's write side and its terminal ioctls, console_on_rootfs, and
 * the chrdev registry.
 */
#include <irqlab/ktest.h>
#include <uapi/linux/termios.h>
#include "fs_test.h"

static void expect_node(struct ktest *t, const char *path, umode_t mode,
			dev_t dev)
{
	struct kstat st;

	KTEST_ASSERT_EQ(t, fst_stat(path, &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFCHR | mode);
	KTEST_EXPECT_EQ(t, st.rdev, dev);
}

static void test_nodes(struct ktest *t)
{
	struct kstat root, dev;

	KTEST_ASSERT_EQ(t, fst_stat("/", &root), 0);
	KTEST_ASSERT_EQ(t, fst_stat("/dev", &dev), 0);
	/* /dev is a mount of its own (devtmpfs), over the root's /dev. */
	KTEST_EXPECT_NE(t, dev.dev, root.dev);
	KTEST_EXPECT_EQ(t, dev.mode, S_IFDIR | 0755);
	expect_node(t, "/dev/null", 0666, MKDEV(1, 3));
	expect_node(t, "/dev/zero", 0666, MKDEV(1, 5));
	expect_node(t, "/dev/full", 0666, MKDEV(1, 7));
	expect_node(t, "/dev/random", 0666, MKDEV(1, 8));
	expect_node(t, "/dev/urandom", 0666, MKDEV(1, 9));
	expect_node(t, "/dev/tty", 0666, MKDEV(5, 0));
	expect_node(t, "/dev/console", 0600, MKDEV(5, 1));
	expect_node(t, "/dev/ttyS0", 0660, MKDEV(4, 64));
	KTEST_EXPECT_STREQ(t, chrdev_name(MKDEV(1, 3)), "mem");
	KTEST_EXPECT_STREQ(t, chrdev_name(MKDEV(4, 64)), "ttyS");
	KTEST_EXPECT_NULL(t, chrdev_name(MKDEV(200, 0)));
	KTEST_EXPECT_EQ(t, register_chrdev_region(MKDEV(1, 200), 1, "x"),
			-EBUSY);
}

static void test_null(struct ktest *t)
{
	struct file *f = filp_open("/dev/null", O_RDWR, 0);
	char buf[16];
	loff_t pos = 0;

	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 0);
	KTEST_EXPECT_EQ(t, kernel_write(f, "discard me", 10, &pos), 10);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 100, SEEK_SET), 0);
	fput(f);
}

static void test_zero_and_full(struct ktest *t)
{
	struct file *f = filp_open("/dev/zero", O_RDONLY, 0);
	char buf[300];
	loff_t pos = 0;
	int i, nonzero = 0;

	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	memset(buf, 0xff, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 300);
	for (i = 0; i < 300; i++)
		nonzero += buf[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	fput(f);
	f = filp_open("/dev/full", O_RDWR, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, &pos), -ENOSPC);
	buf[0] = 1;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 1, &pos), 1);
	KTEST_EXPECT_EQ(t, buf[0], 0);
	fput(f);
}

static void test_urandom(struct ktest *t)
{
	struct file *f = filp_open("/dev/urandom", O_RDWR, 0);
	u64 a[8], b[8];
	loff_t pos = 0;
	int i, same = 0, zero = 0;

	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, a, sizeof(a), &pos), sizeof(a));
	KTEST_EXPECT_EQ(t, kernel_read(f, b, sizeof(b), &pos), sizeof(b));
	for (i = 0; i < 8; i++) {
		same += a[i] == b[i];
		zero += a[i] == 0;
	}
	KTEST_EXPECT_EQ(t, same, 0);
	KTEST_EXPECT_EQ(t, zero, 0);
	/* Writing stirs the state: accepted whole. */
	KTEST_EXPECT_EQ(t, kernel_write(f, "seed", 4, &pos), 4);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), -ESPIPE);
	fput(f);
}

static void test_console(struct ktest *t)
{
	static const char msg[] = "fs_dev: a line written to /dev/console\n";
	struct file *f = filp_open("/dev/console", O_RDWR, 0);
	loff_t pos = 0;
	char kbuf[64];

	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, msg, sizeof(msg) - 1, &pos),
			sizeof(msg) - 1);
	/* A terminal has no position. */
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), -ESPIPE);
	KTEST_EXPECT_FALSE(t, f->f_mode & FMODE_PREAD);
	/* Its ioctls are the terminal's: a kernel pointer is a bad one. */
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCGETS, (unsigned long)kbuf), -EFAULT);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, 0x1234, 0), -ENOTTY);
	fput(f);
}

static void test_console_on_rootfs(struct ktest *t)
{
	struct files_struct *saved = current->files;
	struct file *f;
	loff_t pos = 0;

	current->files = NULL;
	console_on_rootfs();
	KTEST_ASSERT_NOT_NULL(t, current->files);
	f = current->files->fd[0];
	KTEST_EXPECT_NOT_NULL(t, f);
	KTEST_EXPECT_TRUE(t, current->files->fd[1] == f);
	KTEST_EXPECT_TRUE(t, current->files->fd[2] == f);
	KTEST_EXPECT_NULL(t, current->files->fd[3]);
	if (f) {
		KTEST_EXPECT_EQ(t, atomic_read(&f->f_count), 3);
		KTEST_EXPECT_EQ(t, f->f_inode->i_rdev, MKDEV(5, 1));
		KTEST_EXPECT_EQ(t, kernel_write(f, "fd 1 ok\n", 8, &pos), 8);
	}
	fst_files_end(saved);
}

static void test_create_node(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, devtmpfs_create_node("ktest/sub", S_IFCHR | 0600,
						MKDEV(1, 3)), 0);
	KTEST_EXPECT_EQ(t, devtmpfs_create_node("ktest/sub", S_IFCHR | 0600,
						MKDEV(1, 3)), 0);
	expect_node(t, "/dev/ktest/sub", 0600, MKDEV(1, 3));
	KTEST_EXPECT_EQ(t, devtmpfs_create_node("ktest", S_IFCHR | 0600,
						MKDEV(1, 3)), -EEXIST);
	KTEST_EXPECT_EQ(t, do_unlinkat(AT_FDCWD, "/dev/ktest/sub"), 0);
	KTEST_EXPECT_EQ(t, do_rmdir(AT_FDCWD, "/dev/ktest"), 0);
}

static const struct ktest_case fs_dev_cases[] = {
	KTEST_CASE(test_nodes),
	KTEST_CASE(test_null),
	KTEST_CASE(test_zero_and_full),
	KTEST_CASE(test_urandom),
	KTEST_CASE(test_console),
	KTEST_CASE(test_console_on_rootfs),
	KTEST_CASE(test_create_node),
	{}
};
KTEST_SUITE(fs_dev, fs_dev_cases);
