// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs, as Linux's init/initramfs.c: GRUB loads a cpio archive
 * ("newc", magic 070701, or 070702 with a checksum of each file's data)
 * next to the kernel, and populate_rootfs() unpacks it into "/" before
 * any driver probes (rootfs_initcall), then frees its pages.
 *
 * An archive is a list of entries, each a 110-byte header of hex fields,
 * the name (NUL-terminated, padded so the data starts on 4 bytes) and
 * the data (padded to 4), up to the entry named TRAILER!!!.  Several
 * archives may follow each other with zeros between them, as when an
 * early microcode archive is prepended.  Hard links are files with
 * nlink >= 2 and the same (device, inode): the first one is created,
 * the later ones linked to it (GNU cpio gives the data with the last).
 *
 * Like Linux, a malformed archive stops the unpacking with a message,
 * keeps what was unpacked already, and the kernel goes on; an archive
 * that just ends (truncated) keeps what it had, silently, as Linux's
 * state machine does.  Linux parses a stream as it decompresses; with
 * no compression here, the whole archive is in memory, and one pass
 * over the buffer says the same thing more simply.
 */
#include <irqlab/fs.h>
#include <irqlab/bootinfo.h>
#include <irqlab/init.h>
#include <irqlab/mm.h>
#include <irqlab/printk.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <asm/page.h>

#define CPIO_HDR_LEN	110
/* The name's length padded so that header + name ends on 4 bytes. */
#define N_ALIGN(len)	((((len) + 1) & ~3UL) + 2)

struct cpio_hdr {
	unsigned long ino, mode, uid, gid, nlink, mtime, body_len;
	unsigned long major, minor, rdev_major, rdev_minor, name_len, csum;
};

/* A name already made, for the later names of the same inode. */
struct link_hash {
	unsigned long ino, major, minor, mode;
	char *name;
	struct link_hash *next;
};

/* Directories get their mtime at the end: their entries change it. */
struct dir_entry {
	char *name;
	time64_t mtime;
	struct dir_entry *next;
};

struct unpack {
	const char *buf;
	unsigned long len, pos;		/* pos: from the start of buf */
	const char *message;		/* the first error, as Linux's */
	struct link_hash *links;
	struct dir_entry *dirs;
};

static void error(struct unpack *u, const char *msg)
{
	if (!u->message)
		u->message = msg;
}

static unsigned long hex8(const char *s)
{
	unsigned long v = 0;
	int i;

	/* As simple_strtoul: the number ends at the first non-digit. */
	for (i = 0; i < 8; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
			c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (d < 0)
			break;
		v = v * 16 + d;
	}
	return v;
}

static void parse_header(const char *s, struct cpio_hdr *h)
{
	unsigned long f[13];
	int i;

	for (i = 0, s += 6; i < 13; i++, s += 8)
		f[i] = hex8(s);
	h->ino = f[0];
	h->mode = f[1];
	h->uid = f[2];
	h->gid = f[3];
	h->nlink = f[4];
	h->mtime = f[5];
	h->body_len = f[6];
	h->major = f[7];
	h->minor = f[8];
	h->rdev_major = f[9];
	h->rdev_minor = f[10];
	h->name_len = f[11];
	h->csum = f[12];
}

static void free_hash(struct unpack *u)
{
	while (u->links) {
		struct link_hash *l = u->links;

		u->links = l->next;
		kfree(l->name);
		kfree(l);
	}
}

/* The earlier name of this inode, or NULL after remembering this one. */
static const char *find_link(struct unpack *u, const struct cpio_hdr *h,
			     const char *name)
{
	struct link_hash *l;

	for (l = u->links; l; l = l->next)
		if (l->ino == h->ino && l->major == h->major &&
		    l->minor == h->minor &&
		    ((l->mode ^ h->mode) & S_IFMT) == 0)
			return l->name;
	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l || !(l->name = kmalloc(strlen(name) + 1, GFP_KERNEL))) {
		kfree(l);
		error(u, "can't allocate link hash entry");
		return NULL;
	}
	strscpy(l->name, name, strlen(name) + 1);
	l->ino = h->ino;
	l->major = h->major;
	l->minor = h->minor;
	l->mode = h->mode;
	l->next = u->links;
	u->links = l;
	return NULL;
}

/* What is in the way of a new name of another type goes first. */
static void clean_path(const char *name, umode_t fmode)
{
	struct kstat st;

	if (!vfs_fstatat(AT_FDCWD, name, &st, AT_SYMLINK_NOFOLLOW) &&
	    ((st.mode ^ fmode) & S_IFMT)) {
		if (S_ISDIR(st.mode))
			do_rmdir(AT_FDCWD, name);
		else
			do_unlinkat(AT_FDCWD, name);
	}
}

/* 1: linked to an earlier name of the same inode; 0: make it; <0: error. */
static int maybe_link(struct unpack *u, const struct cpio_hdr *h,
		      const char *name)
{
	const char *old;

	if (h->nlink < 2)
		return 0;
	old = find_link(u, h, name);
	if (!old)
		return 0;
	clean_path(name, 0);
	return do_linkat(AT_FDCWD, old, AT_FDCWD, name, 0) < 0 ? -1 : 1;
}

/* chown, chmod (not for a symlink) and the times, as cpio -i does. */
static void set_attrs(const char *name, const struct cpio_hdr *h,
		      bool mode, bool times)
{
	struct iattr a = {
		.ia_valid = ATTR_UID | ATTR_GID,
		.ia_uid = h->uid,
		.ia_gid = h->gid,
		.ia_mode = h->mode,
		.ia_atime = { .tv_sec = h->mtime },
		.ia_mtime = { .tv_sec = h->mtime },
	};
	struct path p;

	if (mode)
		a.ia_valid |= ATTR_MODE;
	if (times)
		a.ia_valid |= ATTR_ATIME | ATTR_MTIME;
	if (kern_path(name, 0, &p))
		return;
	notify_change(p.dentry, &a);
	path_put(&p);
}

static void dir_add(struct unpack *u, const char *name, time64_t mtime)
{
	struct dir_entry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d || !(d->name = kmalloc(strlen(name) + 1, GFP_KERNEL))) {
		kfree(d);
		error(u, "can't allocate dir_entry buffer");
		return;
	}
	strscpy(d->name, name, strlen(name) + 1);
	d->mtime = mtime;
	d->next = u->dirs;
	u->dirs = d;
}

static void dir_utime(struct unpack *u)
{
	while (u->dirs) {
		struct dir_entry *d = u->dirs;
		struct cpio_hdr h = { .mtime = d->mtime };
		struct iattr a = {
			.ia_valid = ATTR_ATIME | ATTR_MTIME,
			.ia_atime = { .tv_sec = h.mtime },
			.ia_mtime = { .tv_sec = h.mtime },
		};
		struct path p;

		if (!kern_path(d->name, 0, &p)) {
			notify_change(p.dentry, &a);
			path_put(&p);
		}
		u->dirs = d->next;
		kfree(d->name);
		kfree(d);
	}
}

/* A regular file: body holds avail of its body_len bytes. */
static void do_file(struct unpack *u, const struct cpio_hdr *h,
		    const char *name, const char *body, unsigned long avail)
{
	int flags = O_WRONLY | O_CREAT | O_LARGEFILE;
	struct file *f;
	loff_t pos = 0;
	int ml;

	clean_path(name, h->mode);
	ml = maybe_link(u, h, name);
	if (ml < 0)
		return;
	if (ml != 1)
		flags |= O_TRUNC;
	f = filp_open(name, flags, h->mode);
	if (IS_ERR(f))
		return;
	if (avail && kernel_write(f, body, avail, &pos) != (ssize_t)avail)
		error(u, "write error");
	fput(f);
	set_attrs(name, h, true, true);
	if (avail == h->body_len && h->csum != ~0UL) {
		u32 sum = 0;
		unsigned long i;

		for (i = 0; i < avail; i++)
			sum += (unsigned char)body[i];
		if (sum != (u32)h->csum)
			error(u, "bad data checksum");
	}
}

static void do_entry(struct unpack *u, const struct cpio_hdr *h,
		     const char *name, const char *body, unsigned long avail)
{
	umode_t mode = h->mode;

	if (S_ISREG(mode)) {
		do_file(u, h, name, body, avail);
	} else if (S_ISDIR(mode)) {
		clean_path(name, mode);
		do_mkdirat(AT_FDCWD, name, mode & S_IALLUGO);
		set_attrs(name, h, true, false);
		dir_add(u, name, h->mtime);
	} else if (S_ISBLK(mode) || S_ISCHR(mode) || S_ISFIFO(mode) ||
		   S_ISSOCK(mode)) {
		clean_path(name, mode);
		if (maybe_link(u, h, name) == 0) {
			do_mknodat(AT_FDCWD, name, mode,
				   MKDEV(h->rdev_major, h->rdev_minor));
			set_attrs(name, h, true, true);
		}
	} else if (S_ISLNK(mode)) {
		char *target = kmalloc(h->body_len + 1, GFP_KERNEL);

		if (!target) {
			error(u, "can't allocate symlink buffer");
			return;
		}
		memcpy(target, body, h->body_len);
		target[h->body_len] = '\0';
		clean_path(name, 0);
		do_symlinkat(target, AT_FDCWD, name);
		set_attrs(name, h, false, true);
		kfree(target);
	}
}

/* One archive from u->pos to its TRAILER!!! and the zeros after it. */
static void unpack_archive(struct unpack *u)
{
	while (!u->message) {
		unsigned long left = u->len - u->pos, next;
		const char *hdr = u->buf + u->pos, *name, *body;
		struct cpio_hdr h;

		if (left < CPIO_HDR_LEN) {
			/* Truncated: keep what we have. */
			u->pos = u->len;
			return;
		}
		if (memcmp(hdr, "070701", 6) && memcmp(hdr, "070702", 6)) {
			if (memcmp(hdr, "070707", 6) == 0)
				error(u, "incorrect cpio method used: use -H newc option");
			else
				error(u, "no cpio magic");
			return;
		}
		parse_header(hdr, &h);
		if (memcmp(hdr, "070702", 6))
			h.csum = ~0UL;		/* 070701: no checksum */
		u->pos += CPIO_HDR_LEN;
		next = u->pos + N_ALIGN(h.name_len) + h.body_len;
		next = (next + 3) & ~3UL;
		if (next > u->len || next < u->pos)
			next = u->len;
		if (!h.name_len || h.name_len > PATH_MAX) {
			u->pos = next;		/* Linux skips such an entry */
			continue;
		}
		if (u->len - u->pos < N_ALIGN(h.name_len)) {
			u->pos = u->len;
			return;
		}
		name = u->buf + u->pos;
		if (name[h.name_len - 1] != '\0') {
			pr_err("initramfs name without nulterm: %.*s\n",
			       (int)h.name_len, name);
			error(u, "malformed archive");
			return;
		}
		body = name + N_ALIGN(h.name_len);
		left = u->buf + u->len - body;
		if (strcmp(name, "TRAILER!!!") == 0) {
			free_hash(u);
			u->pos = next;
			/* Linux's do_reset: zeros, then another archive. */
			while (u->pos < u->len && u->buf[u->pos] == '\0')
				u->pos++;
			if (u->pos < u->len && (u->pos & 3))
				error(u, "broken padding");
			return;
		}
		if (S_ISLNK(h.mode)) {
			if (h.body_len > PATH_MAX) {
				u->pos = next;
				continue;
			}
			if (left < h.body_len) {
				u->pos = u->len;
				return;
			}
			do_entry(u, &h, name, body, h.body_len);
		} else if (S_ISREG(h.mode) || !h.body_len) {
			do_entry(u, &h, name, body, min(left, h.body_len));
		}
		/* Anything else with data is skipped, as Linux's do_header. */
		u->pos = next;
	}
}

const char *unpack_to_rootfs(const char *buf, unsigned long len)
{
	struct unpack u = { .buf = buf, .len = len };

	while (!u.message && u.pos < u.len) {
		if (buf[u.pos] == '0' && !(u.pos & 3)) {
			unpack_archive(&u);
			continue;
		}
		if (buf[u.pos] == '\0') {
			u.pos++;
			continue;
		}
		/* Linux would try its decompressors here; there are none. */
		error(&u, "invalid magic at start of compressed archive");
	}
	dir_utime(&u);
	free_hash(&u);
	return u.message;
}

/* Linux's built-in default archive (usr/default_cpio_list). */
static void default_rootfs(void)
{
	do_mkdirat(AT_FDCWD, "/dev", 0755);
	do_mknodat(AT_FDCWD, "/dev/console", S_IFCHR | 0600, MKDEV(5, 1));
	do_mkdirat(AT_FDCWD, "/root", 0700);
}

static int populate_rootfs(void)
{
	const char *err;
	char *start;

	default_rootfs();
	if (!boot_info.initrd_size)
		return 0;
	start = __va(boot_info.initrd_start);
	printk(KERN_INFO "Trying to unpack rootfs image as initramfs...\n");
	err = unpack_to_rootfs(start, boot_info.initrd_size);
	if (err)
		printk(KERN_EMERG "Initramfs unpacking failed: %s\n", err);
	/* The archive's pages go back to the page allocator. */
	free_reserved_area(start, start + boot_info.initrd_size, "initrd");
	boot_info.initrd_size = 0;
	return 0;
}
rootfs_initcall(populate_rootfs);
