// SPDX-License-Identifier: GPL-2.0
/*
 * unpack_to_rootfs() on archives made here, byte for byte as GNU cpio
 * -H newc makes them: every entry type, attributes, hard links with the
 * data on the last name, two archives with zeros between them, the
 * checksum of 070702, and each malformation Linux has a message for.
 */
#include <irqlab/ktest.h>
#include <irqlab/slab.h>
#include "fs_test.h"

#define D	"ktest-cpio"
#define BUFSZ	8192
#define N_ALIGN_T(len)	((((len) + 1) & ~3UL) + 2)

struct cpio {
	char *buf;
	size_t len;
	const char *magic;
};

static void pad4(struct cpio *c)
{
	while (c->len & 3)
		c->buf[c->len++] = '\0';
}

/* One entry: header, name, data, as cpio -o -H newc writes them. */
static void add(struct cpio *c, const char *name, unsigned int mode,
		unsigned int ino, unsigned int nlink, unsigned int mtime,
		const char *data, unsigned int len, unsigned int rmaj,
		unsigned int rmin)
{
	unsigned int sum = 0, i;

	for (i = 0; i < len; i++)
		sum += (unsigned char)data[i];
	c->len += snprintf(c->buf + c->len, BUFSZ - c->len,
			   "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
			   c->magic, ino, mode, 1000, 100, nlink, mtime, len,
			   0, 0, rmaj, rmin, (unsigned int)strlen(name) + 1,
			   strcmp(c->magic, "070702") ? 0 : sum);
	memcpy(c->buf + c->len, name, strlen(name) + 1);
	c->len += strlen(name) + 1;
	pad4(c);
	memcpy(c->buf + c->len, data, len);
	c->len += len;
	pad4(c);
}

static void trailer(struct cpio *c)
{
	add(c, "TRAILER!!!", 0, 0, 1, 0, "", 0, 0, 0);
}

static void start(struct ktest *t, struct cpio *c, const char *magic)
{
	fst_rm_rf("/" D);
	c->buf = kzalloc(BUFSZ, GFP_KERNEL);
	c->len = 0;
	c->magic = magic;
	KTEST_ASSERT_NOT_NULL(t, c->buf);
}

static void finish(struct cpio *c)
{
	kfree(c->buf);
	fst_rm_rf("/" D);
}

static void test_every_type(struct ktest *t)
{
	struct cpio c;
	struct kstat st, st2;
	char buf[32] = "";

	start(t, &c, "070701");
	add(&c, D, S_IFDIR | 0750, 1, 2, 1600000000, "", 0, 0, 0);
	add(&c, D "/sub", S_IFDIR | 0700, 2, 2, 1600000001, "", 0, 0, 0);
	add(&c, D "/sub/file", S_IFREG | 0640, 3, 1, 1600000002,
	    "hello, cpio\n", 12, 0, 0);
	add(&c, D "/link", S_IFLNK | 0777, 4, 1, 1600000003,
	    "sub/file", 8, 0, 0);
	add(&c, D "/null", S_IFCHR | 0666, 5, 1, 1600000004, "", 0, 1, 3);
	/* GNU cpio: the names of one inode, the data with the last. */
	add(&c, D "/h1", S_IFREG | 0755, 6, 2, 1600000005, "", 0, 0, 0);
	add(&c, D "/h2", S_IFREG | 0755, 6, 2, 1600000005, "shared", 6, 0, 0);
	add(&c, D "/empty", S_IFREG | 0600, 7, 1, 1600000006, "", 0, 0, 0);
	trailer(&c);
	KTEST_EXPECT_NULL(t, unpack_to_rootfs(c.buf, c.len));

	KTEST_ASSERT_EQ(t, fst_stat("/" D, &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFDIR | 0750);
	KTEST_EXPECT_EQ(t, st.uid, 1000);
	KTEST_EXPECT_EQ(t, st.gid, 100);
	/* A directory's mtime is set last, after its entries changed it. */
	KTEST_EXPECT_EQ(t, st.mtime.tv_sec, 1600000000);
	KTEST_ASSERT_EQ(t, fst_stat("/" D "/sub/file", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0640);
	KTEST_EXPECT_EQ(t, st.size, 12);
	KTEST_EXPECT_EQ(t, st.mtime.tv_sec, 1600000002);
	KTEST_EXPECT_EQ(t, fst_read("/" D "/sub/file", buf, 31, 0), 12);
	KTEST_EXPECT_STREQ(t, buf, "hello, cpio\n");
	KTEST_ASSERT_EQ(t, fst_lstat("/" D "/link", &st), 0);
	KTEST_EXPECT_TRUE(t, S_ISLNK(st.mode));
	KTEST_EXPECT_EQ(t, st.mtime.tv_sec, 1600000003);
	KTEST_EXPECT_EQ(t, do_readlinkat(AT_FDCWD, "/" D "/link", buf, 31), 8);
	KTEST_ASSERT_EQ(t, fst_stat("/" D "/link", &st2), 0);
	KTEST_ASSERT_EQ(t, fst_stat("/" D "/sub/file", &st), 0);
	KTEST_EXPECT_EQ(t, st.ino, st2.ino);
	KTEST_ASSERT_EQ(t, fst_stat("/" D "/null", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFCHR | 0666);
	KTEST_EXPECT_EQ(t, st.rdev, MKDEV(1, 3));
	KTEST_ASSERT_EQ(t, fst_stat("/" D "/h1", &st), 0);
	KTEST_ASSERT_EQ(t, fst_stat("/" D "/h2", &st2), 0);
	KTEST_EXPECT_EQ(t, st.ino, st2.ino);
	KTEST_EXPECT_EQ(t, st.nlink, 2);
	KTEST_EXPECT_EQ(t, st.size, 6);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(t, fst_read("/" D "/h1", buf, 31, 0), 6);
	KTEST_EXPECT_STREQ(t, buf, "shared");
	KTEST_ASSERT_EQ(t, fst_stat("/" D "/empty", &st), 0);
	KTEST_EXPECT_EQ(t, st.size, 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0600);
	finish(&c);
}

static void test_two_archives(struct ktest *t)
{
	struct cpio c;
	char buf[8] = "";

	start(t, &c, "070701");
	add(&c, D, S_IFDIR | 0755, 1, 2, 0, "", 0, 0, 0);
	add(&c, D "/first", S_IFREG | 0644, 2, 1, 0, "1", 1, 0, 0);
	trailer(&c);
	c.len += 512;			/* zeros, as a padded early archive */
	add(&c, D "/second", S_IFREG | 0644, 3, 1, 0, "2", 1, 0, 0);
	/* A later archive replaces a name of another type. */
	add(&c, D "/first", S_IFDIR | 0755, 4, 2, 0, "", 0, 0, 0);
	trailer(&c);
	c.len += 3;			/* trailing zeros need no alignment */
	KTEST_EXPECT_NULL(t, unpack_to_rootfs(c.buf, c.len));
	KTEST_EXPECT_EQ(t, fst_read("/" D "/second", buf, 7, 0), 1);
	KTEST_EXPECT_STREQ(t, buf, "2");
	KTEST_EXPECT_EQ(t, fst_list("/" D "/first", &(struct fst_names){}), 2);
	finish(&c);
}

static void test_truncated(struct ktest *t)
{
	struct cpio c;
	char buf[64] = "";
	size_t cut;

	start(t, &c, "070701");
	add(&c, D, S_IFDIR | 0755, 1, 2, 0, "", 0, 0, 0);
	add(&c, D "/whole", S_IFREG | 0644, 2, 1, 0, "whole", 5, 0, 0);
	cut = c.len + 110 + 20;	/* "ktest-cpio/part\0" padded is 18 */
	add(&c, D "/part", S_IFREG | 0644, 3, 1, 0,
	    "0123456789abcdefghij", 20, 0, 0);
	add(&c, D "/never", S_IFREG | 0644, 4, 1, 0, "x", 1, 0, 0);
	trailer(&c);
	/* Cut inside part's data: what came before stays, part is short. */
	KTEST_EXPECT_NULL(t, unpack_to_rootfs(c.buf, cut));
	KTEST_EXPECT_EQ(t, fst_read("/" D "/whole", buf, 63, 0), 5);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(t, fst_read("/" D "/part", buf, 63, 0), 2);
	KTEST_EXPECT_STREQ(t, buf, "01");
	KTEST_EXPECT_FALSE(t, fst_exists("/" D "/never"));
	/* Cut inside a header: nothing of it is made. */
	fst_rm_rf("/" D);
	KTEST_EXPECT_NULL(t, unpack_to_rootfs(c.buf, 110 + 12 + 50));
	KTEST_EXPECT_TRUE(t, fst_exists("/" D));
	KTEST_EXPECT_FALSE(t, fst_exists("/" D "/whole"));
	finish(&c);
}

static void test_bad_magic(struct ktest *t)
{
	struct cpio c;

	start(t, &c, "070707");
	add(&c, D, S_IFDIR | 0755, 1, 2, 0, "", 0, 0, 0);
	KTEST_EXPECT_STREQ(t, unpack_to_rootfs(c.buf, c.len),
			   "incorrect cpio method used: use -H newc option");
	KTEST_EXPECT_FALSE(t, fst_exists("/" D));
	memcpy(c.buf, "012345", 6);
	KTEST_EXPECT_STREQ(t, unpack_to_rootfs(c.buf, c.len), "no cpio magic");
	/* gzip's magic: no decompressor. */
	memcpy(c.buf, "\x1f\x8b\x08\x00", 4);
	KTEST_EXPECT_STREQ(t, unpack_to_rootfs(c.buf, c.len),
			   "invalid magic at start of compressed archive");
	finish(&c);

	/* A good archive, then junk: the first stays, with a message. */
	start(t, &c, "070701");
	add(&c, D, S_IFDIR | 0755, 1, 2, 0, "", 0, 0, 0);
	trailer(&c);
	memcpy(c.buf + c.len, "junk", 4);
	KTEST_EXPECT_STREQ(t, unpack_to_rootfs(c.buf, c.len + 4),
			   "invalid magic at start of compressed archive");
	KTEST_EXPECT_TRUE(t, fst_exists("/" D));
	/* Junk that is not on a 4-byte boundary after the zeros. */
	memcpy(c.buf + c.len, "\0\0\0" "0707", 7);
	KTEST_EXPECT_STREQ(t, unpack_to_rootfs(c.buf, c.len + 7),
			   "broken padding");
	finish(&c);
}

static void test_malformed_name(struct ktest *t)
{
	struct cpio c;

	start(t, &c, "070701");
	add(&c, D, S_IFDIR | 0755, 1, 2, 0, "", 0, 0, 0);
	add(&c, D "/bad", S_IFREG | 0644, 2, 1, 0, "x", 1, 0, 0);
	trailer(&c);
	/* The second name's NUL becomes a letter. */
	c.buf[(110 + N_ALIGN_T(sizeof(D))) + 110 + sizeof(D "/bad") - 1] = 'X';
	KTEST_EXPECT_STREQ(t, unpack_to_rootfs(c.buf, c.len),
			   "malformed archive");
	KTEST_EXPECT_TRUE(t, fst_exists("/" D));
	KTEST_EXPECT_FALSE(t, fst_exists("/" D "/bad"));
	finish(&c);
}

static void test_checksum(struct ktest *t)
{
	struct cpio c;
	char buf[8] = "";
	size_t data;

	start(t, &c, "070702");
	add(&c, D, S_IFDIR | 0755, 1, 2, 0, "", 0, 0, 0);
	add(&c, D "/sum", S_IFREG | 0644, 2, 1, 0, "abc", 3, 0, 0);
	data = c.len - 4;	/* "abc" and one byte of padding */
	trailer(&c);
	KTEST_EXPECT_NULL(t, unpack_to_rootfs(c.buf, c.len));
	KTEST_EXPECT_EQ(t, fst_read("/" D "/sum", buf, 7, 0), 3);
	c.buf[data] = 'b';
	KTEST_EXPECT_STREQ(t, unpack_to_rootfs(c.buf, c.len),
			   "bad data checksum");
	KTEST_EXPECT_EQ(t, fst_read("/" D "/sum", buf, 7, 0), 3);
	KTEST_EXPECT_EQ(t, buf[0], 'b');	/* kept, as Linux keeps it */
	finish(&c);
}

/* Booted without a module: the root has Linux's default /dev and /root. */
static void test_default_root(struct ktest *t)
{
	struct kstat st;

	KTEST_ASSERT_EQ(t, fst_stat("/dev", &st), 0);
	KTEST_EXPECT_TRUE(t, S_ISDIR(st.mode));
	KTEST_ASSERT_EQ(t, fst_stat("/root", &st), 0);
	KTEST_EXPECT_TRUE(t, S_ISDIR(st.mode));
	KTEST_ASSERT_EQ(t, fst_stat("/dev/console", &st), 0);
	KTEST_EXPECT_TRUE(t, S_ISCHR(st.mode));
	KTEST_EXPECT_EQ(t, st.rdev, MKDEV(5, 1));
}

static const struct ktest_case fs_initramfs_cases[] = {
	KTEST_CASE(test_every_type),
	KTEST_CASE(test_two_archives),
	KTEST_CASE(test_truncated),
	KTEST_CASE(test_bad_magic),
	KTEST_CASE(test_malformed_name),
	KTEST_CASE(test_checksum),
	KTEST_CASE(test_default_root),
	{}
};
KTEST_SUITE(fs_initramfs, fs_initramfs_cases);
