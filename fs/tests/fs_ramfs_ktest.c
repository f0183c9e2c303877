// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs through the VFS: file data across pages and holes, truncation,
 * O_APPEND, directories and their link counts, unlink of an open file,
 * hard links, rename's rules, readdir order, and device nodes.
 */
#include <irqlab/ktest.h>
#include <irqlab/slab.h>
#include <asm/page.h>
#include "fs_test.h"

#define DIR	"/ktest-ramfs"

static void setup(void)
{
	fst_rm_rf(DIR);
	do_mkdirat(AT_FDCWD, DIR, 0755);
}

static u8 pat(size_t i)
{
	return (u8)(i * 7 + (i >> 8) + 1);
}

static void test_data_across_pages(struct ktest *t)
{
	size_t n = 3 * PAGE_SIZE + 123, i, bad = 0;
	u8 *buf = kmalloc(n, GFP_KERNEL), *back = kzalloc(n, GFP_KERNEL);
	struct kstat st;

	KTEST_ASSERT_TRUE(t, buf && back);
	setup();
	for (i = 0; i < n; i++)
		buf[i] = pat(i);
	KTEST_EXPECT_EQ(t, fst_write(DIR "/f", buf, n), n);
	KTEST_EXPECT_EQ(t, fst_read(DIR "/f", back, n + 100, 0), n);
	for (i = 0; i < n; i++)
		bad += back[i] != pat(i);
	KTEST_EXPECT_EQ(t, bad, 0);
	/* A read from inside a page, across the next boundary. */
	KTEST_EXPECT_EQ(t, fst_read(DIR "/f", back, 200, PAGE_SIZE - 100), 200);
	KTEST_EXPECT_EQ(t, back[0], pat(PAGE_SIZE - 100));
	KTEST_EXPECT_EQ(t, back[199], pat(PAGE_SIZE + 99));
	/* At and past the end: 0, not an error. */
	KTEST_EXPECT_EQ(t, fst_read(DIR "/f", back, 10, n), 0);
	KTEST_EXPECT_EQ(t, fst_read(DIR "/f", back, 10, n + 5000), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/f", &st), 0);
	KTEST_EXPECT_EQ(t, st.size, n);
	KTEST_EXPECT_TRUE(t, S_ISREG(st.mode));
	KTEST_EXPECT_EQ(t, st.mode & 07777, 0644);
	KTEST_EXPECT_EQ(t, st.nlink, 1);
	KTEST_EXPECT_EQ(t, st.blocks, 4 * PAGE_SIZE / 512);
	kfree(buf);
	kfree(back);
}

static void test_hole_reads_zeros(struct ktest *t)
{
	struct file *f;
	loff_t pos = 2 * PAGE_SIZE + 5;
	char buf[64];
	int i, nonzero = 0;

	setup();
	f = filp_open(DIR "/sparse", O_RDWR | O_CREAT, 0600);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, &pos), 1);
	KTEST_EXPECT_EQ(t, pos, 2 * PAGE_SIZE + 6);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 2 * PAGE_SIZE + 6);
	pos = PAGE_SIZE - 32;
	memset(buf, 0x55, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 64);
	for (i = 0; i < 64; i++)
		nonzero += buf[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	pos = 2 * PAGE_SIZE + 5;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 10, &pos), 1);
	KTEST_EXPECT_EQ(t, buf[0], 'x');
	fput(f);
}

static void test_truncate(struct ktest *t)
{
	struct path p;
	char buf[300];
	int i, nonzero = 0;

	setup();
	memset(buf, 'a', sizeof(buf));
	KTEST_ASSERT_EQ(t, fst_write(DIR "/t", buf, 300), 300);
	KTEST_ASSERT_EQ(t, kern_path(DIR "/t", 0, &p), 0);
	KTEST_EXPECT_EQ(t, do_truncate(p.dentry, 100), 0);
	KTEST_EXPECT_EQ(t, p.dentry->d_inode->i_size, 100);
	/* Growing again must not bring the old bytes back. */
	KTEST_EXPECT_EQ(t, do_truncate(p.dentry, 300), 0);
	KTEST_EXPECT_EQ(t, fst_read(DIR "/t", buf, 300, 0), 300);
	KTEST_EXPECT_EQ(t, buf[99], 'a');
	for (i = 100; i < 300; i++)
		nonzero += buf[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	KTEST_EXPECT_EQ(t, do_truncate(p.dentry, -1), -EINVAL);
	path_put(&p);
	/* O_TRUNC empties it. */
	KTEST_EXPECT_EQ(t, fst_write(DIR "/t", "", 0), 0);
	KTEST_EXPECT_EQ(t, fst_read(DIR "/t", buf, 10, 0), 0);
}

static void test_append(struct ktest *t)
{
	struct file *f;
	loff_t pos = 0;
	char buf[16] = "";

	setup();
	KTEST_ASSERT_EQ(t, fst_write(DIR "/log", "one", 3), 3);
	f = filp_open(DIR "/log", O_WRONLY | O_APPEND, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	/* O_APPEND writes at the end whatever the position says. */
	KTEST_EXPECT_EQ(t, kernel_write(f, "two", 3, &pos), 3);
	KTEST_EXPECT_EQ(t, pos, 6);
	fput(f);
	KTEST_EXPECT_EQ(t, fst_read(DIR "/log", buf, 15, 0), 6);
	KTEST_EXPECT_STREQ(t, buf, "onetwo");
	/* A read-only file cannot be written, nor a write-only one read. */
	f = filp_open(DIR "/log", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, &pos), -EBADF);
	fput(f);
	f = filp_open(DIR "/log", O_WRONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 1, &pos), -EBADF);
	fput(f);
}

static void test_directories(struct ktest *t)
{
	struct kstat st;
	unsigned int nlink;

	setup();
	KTEST_ASSERT_EQ(t, fst_stat(DIR, &st), 0);
	nlink = st.nlink;
	KTEST_EXPECT_EQ(t, nlink, 2);
	KTEST_EXPECT_EQ(t, do_mkdirat(AT_FDCWD, DIR "/d", 0700), 0);
	KTEST_EXPECT_EQ(t, do_mkdirat(AT_FDCWD, DIR "/d", 0700), -EEXIST);
	KTEST_ASSERT_EQ(t, fst_stat(DIR, &st), 0);
	KTEST_EXPECT_EQ(t, st.nlink, nlink + 1);	/* d's ".." */
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/d", &st), 0);
	KTEST_EXPECT_TRUE(t, S_ISDIR(st.mode));
	KTEST_EXPECT_EQ(t, st.nlink, 2);
	KTEST_EXPECT_EQ(t, fst_write(DIR "/d/f", "x", 1), 1);
	KTEST_EXPECT_EQ(t, do_rmdir(AT_FDCWD, DIR "/d"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_rmdir(AT_FDCWD, DIR "/d/f"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_unlinkat(AT_FDCWD, DIR "/d"), -EISDIR);
	KTEST_EXPECT_EQ(t, do_rmdir(AT_FDCWD, DIR "/d/."), -EINVAL);
	KTEST_EXPECT_EQ(t, do_unlinkat(AT_FDCWD, DIR "/d/f"), 0);
	KTEST_EXPECT_EQ(t, do_rmdir(AT_FDCWD, DIR "/d"), 0);
	KTEST_EXPECT_FALSE(t, fst_exists(DIR "/d"));
	KTEST_ASSERT_EQ(t, fst_stat(DIR, &st), 0);
	KTEST_EXPECT_EQ(t, st.nlink, nlink);
	KTEST_EXPECT_EQ(t, do_rmdir(AT_FDCWD, "/"), -EBUSY);
	/* A directory cannot be opened for writing. */
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR, O_WRONLY, 0)), -EISDIR);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR, O_RDONLY | O_CREAT, 0)),
			-EISDIR);
}

static void test_unlink_while_open(struct ktest *t)
{
	struct file *f;
	loff_t pos = 0;
	char buf[8] = "";

	setup();
	KTEST_ASSERT_EQ(t, fst_write(DIR "/gone", "still", 5), 5);
	f = filp_open(DIR "/gone", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, do_unlinkat(AT_FDCWD, DIR "/gone"), 0);
	KTEST_EXPECT_FALSE(t, fst_exists(DIR "/gone"));
	KTEST_EXPECT_EQ(t, f->f_inode->i_nlink, 0);
	/* The data lives as long as the open file. */
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 7, &pos), 5);
	KTEST_EXPECT_STREQ(t, buf, "still");
	fput(f);
	KTEST_EXPECT_EQ(t, do_unlinkat(AT_FDCWD, DIR "/gone"), -ENOENT);
}

static void test_hard_links(struct ktest *t)
{
	struct kstat a, b;
	char buf[8] = "";

	setup();
	KTEST_ASSERT_EQ(t, fst_write(DIR "/a", "data", 4), 4);
	KTEST_EXPECT_EQ(t, do_linkat(AT_FDCWD, DIR "/a", AT_FDCWD, DIR "/b", 0),
			0);
	KTEST_EXPECT_EQ(t, do_linkat(AT_FDCWD, DIR "/a", AT_FDCWD, DIR "/b", 0),
			-EEXIST);
	KTEST_EXPECT_EQ(t, do_linkat(AT_FDCWD, DIR, AT_FDCWD, DIR "/dl", 0),
			-EPERM);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/a", &a), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/b", &b), 0);
	KTEST_EXPECT_EQ(t, a.ino, b.ino);
	KTEST_EXPECT_EQ(t, a.nlink, 2);
	KTEST_EXPECT_EQ(t, do_unlinkat(AT_FDCWD, DIR "/a"), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/b", &b), 0);
	KTEST_EXPECT_EQ(t, b.nlink, 1);
	KTEST_EXPECT_EQ(t, fst_read(DIR "/b", buf, 7, 0), 4);
	KTEST_EXPECT_STREQ(t, buf, "data");
}

static void test_rename(struct ktest *t)
{
	struct kstat st;
	char buf[8] = "";

	setup();
	KTEST_ASSERT_EQ(t, fst_write(DIR "/x", "X", 1), 1);
	KTEST_ASSERT_EQ(t, fst_write(DIR "/y", "Y", 1), 1);
	KTEST_ASSERT_EQ(t, do_mkdirat(AT_FDCWD, DIR "/d", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(AT_FDCWD, DIR "/e", 0755), 0);
	KTEST_ASSERT_EQ(t, fst_write(DIR "/e/f", "F", 1), 1);

	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/x", AT_FDCWD,
					DIR "/y", RENAME_NOREPLACE), -EEXIST);
	/* Over an existing file: it is replaced. */
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/x", AT_FDCWD,
					DIR "/y", 0), 0);
	KTEST_EXPECT_FALSE(t, fst_exists(DIR "/x"));
	KTEST_EXPECT_EQ(t, fst_read(DIR "/y", buf, 7, 0), 1);
	KTEST_EXPECT_STREQ(t, buf, "X");
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/y", AT_FDCWD,
					DIR "/d", 0), -EISDIR);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/d", AT_FDCWD,
					DIR "/y", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/d", AT_FDCWD,
					DIR "/e", 0), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/e", AT_FDCWD,
					DIR "/e/sub", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/nope", AT_FDCWD,
					DIR "/z", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/y", AT_FDCWD,
					DIR "/z", RENAME_EXCHANGE |
					RENAME_NOREPLACE), -EINVAL);
	/* A directory moves with its contents; link counts follow. */
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/e", AT_FDCWD,
					DIR "/d/e2", 0), 0);
	KTEST_EXPECT_EQ(t, fst_read(DIR "/d/e2/f", buf, 7, 0), 1);
	KTEST_EXPECT_STREQ(t, buf, "F");
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/d", &st), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 3);
	KTEST_ASSERT_EQ(t, fst_stat(DIR, &st), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 3);	/* ".", its own, d's ".." */
	/* Onto an empty directory: replaced. */
	KTEST_ASSERT_EQ(t, do_mkdirat(AT_FDCWD, DIR "/empty", 0755), 0);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/d", AT_FDCWD,
					DIR "/empty", 0), 0);
	KTEST_EXPECT_TRUE(t, fst_exists(DIR "/empty/e2/f"));
	KTEST_EXPECT_FALSE(t, fst_exists(DIR "/d"));
}

static void test_readdir_order(struct ktest *t)
{
	struct fst_names c;

	setup();
	KTEST_ASSERT_EQ(t, fst_write(DIR "/a", "", 0), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(AT_FDCWD, DIR "/b", 0755), 0);
	KTEST_ASSERT_EQ(t, do_symlinkat("a", AT_FDCWD, DIR "/c"), 0);
	KTEST_ASSERT_EQ(t, fst_list(DIR, &c), 5);
	KTEST_EXPECT_STREQ(t, c.names[0], ".");
	KTEST_EXPECT_STREQ(t, c.names[1], "..");
	KTEST_EXPECT_STREQ(t, c.names[2], "a");
	KTEST_EXPECT_STREQ(t, c.names[3], "b");
	KTEST_EXPECT_STREQ(t, c.names[4], "c");
	KTEST_ASSERT_EQ(t, do_rmdir(AT_FDCWD, DIR "/b"), 0);
	KTEST_ASSERT_EQ(t, fst_list(DIR, &c), 4);
	KTEST_EXPECT_STREQ(t, c.names[3], "c");
}

/* Resuming at a d_off: the entries after it, each once. */
static void test_readdir_resume(struct ktest *t)
{
	struct fst_names c = { .ctx.actor = fst_collect };
	struct file *f;
	int i;

	setup();
	for (i = 0; i < 20; i++) {
		char name[48];

		snprintf(name, sizeof(name), DIR "/n%02d", i);
		KTEST_ASSERT_EQ(t, fst_write(name, "", 0), 0);
	}
	f = filp_open(DIR, O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, iterate_dir(f, &c.ctx), 0);
	KTEST_EXPECT_EQ(t, c.n, 16);	/* the collector is full */
	KTEST_EXPECT_STREQ(t, c.names[15], "n13");
	c.n = 0;
	KTEST_EXPECT_EQ(t, iterate_dir(f, &c.ctx), 0);
	KTEST_EXPECT_EQ(t, c.n, 6);
	KTEST_EXPECT_STREQ(t, c.names[0], "n14");
	KTEST_EXPECT_STREQ(t, c.names[5], "n19");
	c.n = 0;
	KTEST_EXPECT_EQ(t, iterate_dir(f, &c.ctx), 0);
	KTEST_EXPECT_EQ(t, c.n, 0);
	/* lseek(0) starts over. */
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, iterate_dir(f, &c.ctx), 0);
	KTEST_EXPECT_STREQ(t, c.names[0], ".");
	fput(f);
	setup();
}

static void test_device_nodes(struct ktest *t)
{
	struct kstat st;
	struct file *f;

	setup();
	KTEST_EXPECT_EQ(t, do_mknodat(AT_FDCWD, DIR "/nul",
				      S_IFCHR | 0666, MKDEV(1, 3)), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/nul", &st), 0);
	KTEST_EXPECT_TRUE(t, S_ISCHR(st.mode));
	KTEST_EXPECT_EQ(t, st.rdev, MKDEV(1, 3));
	KTEST_EXPECT_EQ(t, new_encode_dev(st.rdev), 0x103);
	KTEST_EXPECT_EQ(t, new_encode_dev(MKDEV(4, 64)), 0x440);
	KTEST_EXPECT_EQ(t, new_decode_dev(0x12345), MKDEV(0x123, 0x45));
	/* A number no driver added cannot be opened. */
	KTEST_EXPECT_EQ(t, do_mknodat(AT_FDCWD, DIR "/none",
				      S_IFCHR | 0600, MKDEV(250, 7)), 0);
	f = filp_open(DIR "/none", O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENXIO);
	KTEST_EXPECT_EQ(t, do_mknodat(AT_FDCWD, DIR "/dir", S_IFDIR, 0),
			-EPERM);
	KTEST_EXPECT_EQ(t, do_mknodat(AT_FDCWD, DIR "/bad", 0170000, 0),
			-EINVAL);
	/* Type 0 is a regular file, as mknod(2) says. */
	KTEST_EXPECT_EQ(t, do_mknodat(AT_FDCWD, DIR "/reg", 0644, 0), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/reg", &st), 0);
	KTEST_EXPECT_TRUE(t, S_ISREG(st.mode));
	setup();
}

static const struct ktest_case fs_ramfs_cases[] = {
	KTEST_CASE(test_data_across_pages),
	KTEST_CASE(test_hole_reads_zeros),
	KTEST_CASE(test_truncate),
	KTEST_CASE(test_append),
	KTEST_CASE(test_directories),
	KTEST_CASE(test_unlink_while_open),
	KTEST_CASE(test_hard_links),
	KTEST_CASE(test_rename),
	KTEST_CASE(test_readdir_order),
	KTEST_CASE(test_readdir_resume),
	KTEST_CASE(test_device_nodes),
	{}
};
KTEST_SUITE(fs_ramfs, fs_ramfs_cases);
