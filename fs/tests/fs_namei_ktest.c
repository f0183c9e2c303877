// SPDX-License-Identifier: GPL-2.0
/*
 * Path lookup: absolute and relative names (the cwd, real dirfds),
 * ".", "..", symlinks and their limit, the errnos of a bad name,
 * trailing slashes, O_NOFOLLOW, and crossing a mount both ways.
 */
#include <irqlab/ktest.h>
#include <irqlab/slab.h>
#include "fs_test.h"

#define DIR	"/ktest-namei"

static void setup(void)
{
	fst_rm_rf(DIR);
	do_mkdirat(AT_FDCWD, DIR, 0755);
	do_mkdirat(AT_FDCWD, DIR "/a", 0755);
	do_mkdirat(AT_FDCWD, DIR "/a/b", 0755);
	fst_write(DIR "/a/b/file", "hello", 5);
}

/* The inode number name resolves to (following links), or -errno. */
static long ino_at(int dfd, const char *name, unsigned int flags)
{
	struct path p;
	long ret = kern_path_at(dfd, name, flags, &p);

	if (ret)
		return ret;
	ret = p.dentry->d_inode->i_ino;
	path_put(&p);
	return ret;
}

static long ino(const char *name)
{
	return ino_at(AT_FDCWD, name, LOOKUP_FOLLOW);
}

static void test_dots(struct ktest *t)
{
	long file, b, root = ino("/");

	setup();
	file = ino(DIR "/a/b/file");
	b = ino(DIR "/a/b");
	KTEST_ASSERT_GT(t, file, 0);
	KTEST_EXPECT_EQ(t, ino(DIR "/a/./b/../b/file"), file);
	KTEST_EXPECT_EQ(t, ino(DIR "//a///b//"), b);
	KTEST_EXPECT_EQ(t, ino(DIR "/a/b/."), b);
	KTEST_EXPECT_EQ(t, ino(DIR "/a/b/.."), ino(DIR "/a"));
	/* ".." of the root is the root. */
	KTEST_EXPECT_EQ(t, ino("/.."), root);
	KTEST_EXPECT_EQ(t, ino("/../../.."), root);
	KTEST_EXPECT_EQ(t, ino("/../" "ktest-namei/a/b/file"), file);
	/* A kernel thread's cwd is the root. */
	KTEST_EXPECT_EQ(t, ino("ktest-namei/a/b/file"), file);
	KTEST_EXPECT_EQ(t, ino("."), root);
}

static void test_errors(struct ktest *t)
{
	char *name = kmalloc(PATH_MAX + 8, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, name);
	setup();
	KTEST_EXPECT_EQ(t, ino(""), -ENOENT);
	KTEST_EXPECT_EQ(t, ino(DIR "/nope"), -ENOENT);
	KTEST_EXPECT_EQ(t, ino(DIR "/nope/x"), -ENOENT);
	KTEST_EXPECT_EQ(t, ino(DIR "/a/b/file/x"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ino(DIR "/a/b/file/"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ino(DIR "/a/b/file/."), -ENOTDIR);
	KTEST_EXPECT_GT(t, ino(DIR "/a/b/"), 0);
	/* NAME_MAX: 255 is a name that is not there, 256 too long. */
	memset(name, 'n', 300);
	memcpy(name, DIR "/", sizeof(DIR));
	name[sizeof(DIR) + 255] = '\0';
	KTEST_EXPECT_EQ(t, ino(name), -ENOENT);
	KTEST_EXPECT_EQ(t, do_mkdirat(AT_FDCWD, name, 0755), 0);
	KTEST_EXPECT_GT(t, ino(name), 0);
	name[sizeof(DIR) + 255] = 'n';
	name[sizeof(DIR) + 256] = '\0';
	KTEST_EXPECT_EQ(t, ino(name), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, do_mkdirat(AT_FDCWD, name, 0755), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(name, O_CREAT | O_WRONLY, 0644)),
			-ENAMETOOLONG);
	kfree(name);
}

static void test_symlinks(struct ktest *t)
{
	long file;
	struct path p;
	struct file *f;
	char buf[64] = "";

	setup();
	file = ino(DIR "/a/b/file");
	/* Relative targets are read from the link's directory. */
	KTEST_ASSERT_EQ(t, do_symlinkat("b/file", AT_FDCWD, DIR "/a/rel"), 0);
	KTEST_ASSERT_EQ(t, do_symlinkat(DIR "/a/b", AT_FDCWD, DIR "/abs"), 0);
	KTEST_ASSERT_EQ(t, do_symlinkat("../../a", AT_FDCWD, DIR "/a/b/up"), 0);
	KTEST_EXPECT_EQ(t, ino(DIR "/a/rel"), file);
	KTEST_EXPECT_EQ(t, ino(DIR "/abs/file"), file);
	KTEST_EXPECT_EQ(t, ino(DIR "/abs/up/b/up/rel"), file);
	/* ".." after a link is the target's parent, not the link's. */
	KTEST_EXPECT_EQ(t, ino(DIR "/abs/.."), ino(DIR "/a"));
	/* Not followed at the end without LOOKUP_FOLLOW. */
	KTEST_ASSERT_EQ(t, kern_path(DIR "/a/rel", 0, &p), 0);
	KTEST_EXPECT_TRUE(t, S_ISLNK(p.dentry->d_inode->i_mode));
	KTEST_EXPECT_EQ(t, p.dentry->d_inode->i_size, 6);
	path_put(&p);
	/* A trailing slash follows it (and wants a directory). */
	KTEST_EXPECT_EQ(t, ino_at(AT_FDCWD, DIR "/abs/", 0), ino(DIR "/a/b"));
	KTEST_EXPECT_EQ(t, ino_at(AT_FDCWD, DIR "/a/rel/", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_readlinkat(AT_FDCWD, DIR "/a/rel", buf, 63), 6);
	KTEST_EXPECT_STREQ(t, buf, "b/file");
	KTEST_EXPECT_EQ(t, do_readlinkat(AT_FDCWD, DIR "/a/rel", buf, 2), 2);
	KTEST_EXPECT_EQ(t, do_readlinkat(AT_FDCWD, DIR "/a", buf, 63),
			-EINVAL);
	KTEST_EXPECT_EQ(t, do_symlinkat("", AT_FDCWD, DIR "/empty"), -ENOENT);
	/* Dangling. */
	KTEST_ASSERT_EQ(t, do_symlinkat("nothing", AT_FDCWD, DIR "/dang"), 0);
	KTEST_EXPECT_EQ(t, ino(DIR "/dang"), -ENOENT);
	KTEST_EXPECT_GT(t, ino_at(AT_FDCWD, DIR "/dang", 0), 0);
	/* O_NOFOLLOW on a final link: ELOOP; in the middle it follows. */
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR "/a/rel",
					     O_RDONLY | O_NOFOLLOW, 0)),
			-ELOOP);
	f = filp_open(DIR "/abs/file", O_RDONLY | O_NOFOLLOW, 0);
	KTEST_EXPECT_FALSE(t, IS_ERR_OR_NULL(f));
	if (!IS_ERR_OR_NULL(f))
		fput(f);
}

static void test_symlink_loops(struct ktest *t)
{
	char name[64], target[64];
	int i;

	setup();
	KTEST_ASSERT_EQ(t, do_symlinkat("l2", AT_FDCWD, DIR "/l1"), 0);
	KTEST_ASSERT_EQ(t, do_symlinkat("l1", AT_FDCWD, DIR "/l2"), 0);
	KTEST_EXPECT_EQ(t, ino(DIR "/l1"), -ELOOP);
	KTEST_EXPECT_EQ(t, ino(DIR "/l1/x"), -ELOOP);
	KTEST_ASSERT_EQ(t, do_symlinkat("self", AT_FDCWD, DIR "/self"), 0);
	KTEST_EXPECT_EQ(t, ino(DIR "/self"), -ELOOP);
	/* A chain of 40 links resolves; 41 is one too many (Linux's 40). */
	for (i = 1; i <= 41; i++) {
		snprintf(name, sizeof(name), DIR "/c%d", i);
		snprintf(target, sizeof(target), i == 1 ? "a" : "c%d", i - 1);
		KTEST_ASSERT_EQ(t, do_symlinkat(target, AT_FDCWD, name), 0);
	}
	KTEST_EXPECT_EQ(t, ino(DIR "/c40"), ino(DIR "/a"));
	KTEST_EXPECT_EQ(t, ino(DIR "/c41"), -ELOOP);
	KTEST_EXPECT_EQ(t, ino(DIR "/c40/b/file"), ino(DIR "/a/b/file"));
	fst_rm_rf(DIR);
}

static void test_dirfd(struct ktest *t)
{
	struct files_struct *saved = fst_files_begin();
	long dfd, ffd;

	setup();
	dfd = do_sys_open(AT_FDCWD, DIR "/a", O_RDONLY | O_DIRECTORY, 0);
	ffd = do_sys_open(AT_FDCWD, DIR "/a/b/file", O_RDONLY, 0);
	KTEST_EXPECT_GE(t, dfd, 0);
	KTEST_EXPECT_GE(t, ffd, 0);
	KTEST_EXPECT_EQ(t, ino_at(dfd, "b/file", 0), ino(DIR "/a/b/file"));
	KTEST_EXPECT_EQ(t, ino_at(dfd, "..", 0), ino(DIR));
	/* An absolute name ignores dfd, even a bad one. */
	KTEST_EXPECT_EQ(t, ino_at(999, DIR "/a", 0), ino(DIR "/a"));
	KTEST_EXPECT_EQ(t, ino_at(999, "b", 0), -EBADF);
	KTEST_EXPECT_EQ(t, ino_at(ffd, "x", 0), -ENOTDIR);
	/* "" with LOOKUP_EMPTY is dfd itself (AT_EMPTY_PATH). */
	KTEST_EXPECT_EQ(t, ino_at(ffd, "", LOOKUP_EMPTY),
			ino(DIR "/a/b/file"));
	KTEST_EXPECT_EQ(t, ino_at(ffd, "", 0), -ENOENT);
	/* Making names relative to it. */
	KTEST_EXPECT_EQ(t, do_mkdirat(dfd, "new", 0700), 0);
	KTEST_EXPECT_GT(t, ino(DIR "/a/new"), 0);
	KTEST_EXPECT_EQ(t, do_sys_open(dfd, "b/f2", O_CREAT | O_WRONLY, 0600),
			ffd + 1);
	KTEST_EXPECT_GT(t, ino(DIR "/a/b/f2"), 0);
	fst_files_end(saved);
}

static void test_mount_crossing(struct ktest *t)
{
	struct kstat outer, inner, up;
	struct path p;
	long mp;

	setup();
	KTEST_ASSERT_EQ(t, do_mkdirat(AT_FDCWD, DIR "/mnt", 0755), 0);
	KTEST_ASSERT_EQ(t, fst_write(DIR "/mnt/under", "u", 1), 1);
	mp = ino(DIR "/mnt");
	KTEST_ASSERT_EQ(t, do_mount("tmpfs", DIR "/mnt", "tmpfs", 0, NULL), 0);
	KTEST_EXPECT_EQ(t, do_mount("x", DIR "/mnt", "nofs", 0, NULL),
			-ENODEV);
	/* The mounted root covers the directory and what was in it. */
	KTEST_EXPECT_NE(t, ino(DIR "/mnt"), mp);
	KTEST_EXPECT_FALSE(t, fst_exists(DIR "/mnt/under"));
	KTEST_EXPECT_EQ(t, fst_write(DIR "/mnt/over", "o", 1), 1);
	KTEST_ASSERT_EQ(t, fst_stat(DIR, &outer), 0);
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/mnt/over", &inner), 0);
	KTEST_EXPECT_NE(t, inner.dev, outer.dev);
	KTEST_EXPECT_EQ(t, MAJOR(inner.dev), 0);
	/* ".." from the mounted root is the covered directory's parent. */
	KTEST_ASSERT_EQ(t, fst_stat(DIR "/mnt/..", &up), 0);
	KTEST_EXPECT_EQ(t, up.ino, outer.ino);
	KTEST_EXPECT_EQ(t, up.dev, outer.dev);
	KTEST_EXPECT_EQ(t, do_rmdir(AT_FDCWD, DIR "/mnt"), -EBUSY);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, DIR "/mnt/over", AT_FDCWD,
					DIR "/over", 0), -EXDEV);
	KTEST_EXPECT_EQ(t, do_linkat(AT_FDCWD, DIR "/mnt/over", AT_FDCWD,
				     DIR "/over", 0), -EXDEV);
	/* umount: the directory and what it held are back. */
	KTEST_ASSERT_EQ(t, kern_path(DIR "/mnt", 0, &p), 0);
	KTEST_EXPECT_EQ(t, do_umount(&p, 0x100), -EINVAL);
	KTEST_EXPECT_EQ(t, do_umount(&p, 0), 0);
	path_put(&p);
	KTEST_EXPECT_EQ(t, ino(DIR "/mnt"), mp);
	KTEST_EXPECT_TRUE(t, fst_exists(DIR "/mnt/under"));
	KTEST_EXPECT_FALSE(t, fst_exists(DIR "/mnt/over"));
	KTEST_ASSERT_EQ(t, kern_path(DIR "/mnt", 0, &p), 0);
	KTEST_EXPECT_EQ(t, do_umount(&p, 0), -EINVAL);	/* not mounted */
	path_put(&p);
	get_root_path(&p);
	KTEST_EXPECT_EQ(t, do_umount(&p, 0), -EBUSY);
	path_put(&p);
	KTEST_EXPECT_EQ(t, do_unlinkat(AT_FDCWD, DIR "/mnt/under"), 0);
	KTEST_EXPECT_EQ(t, do_rmdir(AT_FDCWD, DIR "/mnt"), 0);
	fst_rm_rf(DIR);
}

static void test_d_path(struct ktest *t)
{
	struct path p, root;
	char buf[128], *s;

	setup();
	KTEST_ASSERT_EQ(t, kern_path(DIR "/a/b/../b/file", LOOKUP_FOLLOW, &p),
			0);
	get_root_path(&root);
	s = d_path_root(&p, &root, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, s, DIR "/a/b/file");
	KTEST_EXPECT_EQ(t, PTR_ERR(d_path_root(&p, &root, buf, 10)),
			-ENAMETOOLONG);
	path_put(&p);
	s = d_path_root(&root, &root, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, s, "/");
	path_put(&root);
	KTEST_EXPECT_EQ(t, do_getcwd(buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "/");
	KTEST_EXPECT_EQ(t, do_getcwd(buf, 1), -ERANGE);
	fst_rm_rf(DIR);
}

static const struct ktest_case fs_namei_cases[] = {
	KTEST_CASE(test_dots),
	KTEST_CASE(test_errors),
	KTEST_CASE(test_symlinks),
	KTEST_CASE(test_symlink_loops),
	KTEST_CASE(test_dirfd),
	KTEST_CASE(test_mount_crossing),
	KTEST_CASE(test_d_path),
	{}
};
KTEST_SUITE(fs_namei, fs_namei_cases);
