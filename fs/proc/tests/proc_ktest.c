// SPDX-License-Identifier: GPL-2.0
/*
 * procfs and sysfs through the VFS: each case mounts proc (or sysfs) on
 * a directory of its own, reads its files with kernel_read as a program
 * would, and unmounts it.
 */
#include <irqlab/ktest.h>
#include <irqlab/elf.h>
#include <irqlab/errno.h>
#include <irqlab/binfmts.h>
#include <irqlab/kstrtox.h>
#include <irqlab/process.h>
#include <irqlab/slab.h>
#include <irqlab/sysctl.h>
#include <irqlab/timer.h>
#include "../internal.h"
#include "../../tests/fs_test.h"

#define MNT	"/tmp/ktest-proc"

static int proc_mount_at(const char *dir, const char *type)
{
	int err = do_mkdirat(AT_FDCWD, "/tmp", 01777);

	if (err && err != -EEXIST)
		return err;
	err = do_mkdirat(AT_FDCWD, dir, 0755);
	if (err && err != -EEXIST)
		return err;
	return do_mount(type, dir, type, 0, NULL);
}

static void proc_umount_at(const char *dir)
{
	struct path path;

	if (kern_path(dir, LOOKUP_FOLLOW, &path))
		return;
	do_umount(&path, MNT_DETACH);
	path_put(&path);
	do_rmdir(AT_FDCWD, dir);
}

/* The whole file, read in pieces of chunk bytes, into a kmalloc'd buffer. */
static long read_all(const char *path, char **out, size_t chunk)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	size_t size = 8192, len = 0;
	loff_t pos = 0;
	char *buf;
	long n;

	*out = NULL;
	if (IS_ERR(f))
		return PTR_ERR(f);
	buf = kmalloc(size + 1, GFP_KERNEL);
	for (;;) {
		if (!buf) {
			n = -ENOMEM;
			break;
		}
		if (len + chunk > size) {
			char *b = kmalloc(2 * size + 1, GFP_KERNEL);

			if (b)
				memcpy(b, buf, len);
			kfree(buf);
			buf = b;
			size *= 2;
			continue;
		}
		n = kernel_read(f, buf + len, chunk, &pos);
		if (n <= 0)
			break;
		len += n;
	}
	fput(f);
	if (n < 0) {
		kfree(buf);
		return n;
	}
	buf[len] = '\0';
	*out = buf;
	return len;
}

struct capture_arg {
	void (*show)(void);
};

static void call_show(void *arg)
{
	((struct capture_arg *)arg)->show();
}

/* What a PROC_ENTRY()'s show() prints, captured as the file is. */
static char *capture(const char *path)
{
	const struct proc_entry *e;
	struct seq_file m = { 0 };
	struct capture_arg a;

	for (e = __start_proc_entries; e < __stop_proc_entries; e++)
		if (!strcmp(e->path, path))
			break;
	if (e == __stop_proc_entries)
		return NULL;
	a.show = e->show;
	seq_capture(&m, call_show, &a);
	if (m.error) {
		kfree(m.buf);
		return NULL;
	}
	if (!m.buf)
		return kzalloc(1, GFP_KERNEL);
	m.buf[m.count] = '\0';
	return m.buf;
}

static int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void entries_read_as_their_show_prints(struct ktest *t)
{
	char *file, *shown;
	long n;

	KTEST_ASSERT_EQ(t, proc_mount_at(MNT, "proc"), 0);
	/* /proc/version does not change between two reads: byte for byte. */
	n = read_all(MNT "/version", &file, 4096);
	shown = capture("/proc/version");
	KTEST_EXPECT_GT(t, n, 0);
	if (file && shown)
		KTEST_EXPECT_STREQ(t, file, shown);
	kfree(file);
	kfree(shown);
	/*
	 * /proc/interrupts counts as it is read: the same header, lines and
	 * IRQ names (up to each ':').
	 */
	n = read_all(MNT "/interrupts", &file, 4096);
	shown = capture("/proc/interrupts");
	KTEST_EXPECT_GT(t, n, 0);
	KTEST_ASSERT_NOT_NULL(t, shown);
	if (file) {
		const char *a = file, *b = shown;

		KTEST_EXPECT_TRUE(t, strstr(file, "CPU0") != NULL);
		KTEST_EXPECT_EQ(t, count_lines(file), count_lines(shown));
		while (*a && *b) {
			const char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
			const char *ca = strchr(a, ':'), *cb = strchr(b, ':');

			if (!ea || !eb)
				break;
			if (a == file)
				KTEST_EXPECT_EQ(t, memcmp(a, b, ea - a), 0);
			else if (ca && cb && ca < ea && cb < eb)
				KTEST_EXPECT_EQ(t, memcmp(a, b, ca - a + 1),
						0);
			a = ea + 1;
			b = eb + 1;
		}
	}
	kfree(file);
	kfree(shown);
	/* Generation is over: the task's output goes to the console again. */
	KTEST_EXPECT_NULL(t, current->seq_capture);
	proc_umount_at(MNT);
}

static void self_is_the_reader(struct ktest *t)
{
	char link[16], want[16], *stat;
	int n;

	KTEST_ASSERT_EQ(t, proc_mount_at(MNT, "proc"), 0);
	n = do_readlinkat(AT_FDCWD, MNT "/self", link, sizeof(link) - 1);
	KTEST_ASSERT_GT(t, n, 0);
	link[n] = '\0';
	snprintf(want, sizeof(want), "%d", current->tgid);
	KTEST_EXPECT_STREQ(t, link, want);
	/* Followed: /proc/self/stat is the reader's own. */
	KTEST_ASSERT_GT(t, read_all(MNT "/self/stat", &stat, 4096), 0);
	snprintf(want, sizeof(want), "%d (", current->pid);
	KTEST_EXPECT_EQ(t, strncmp(stat, want, strlen(want)), 0);
	kfree(stat);
	proc_umount_at(MNT);
}

/* Fields of a stat line: 2 is "(comm)", whatever comm holds. */
static int stat_fields(const char *s, char *comm, size_t len)
{
	const char *open = strchr(s, '('), *close = strrchr(s, ')');
	int n = 2;

	if (!open || !close || close < open || open[-1] != ' ')
		return -1;
	if ((size_t)(close - open - 1) < len) {
		memcpy(comm, open + 1, close - open - 1);
		comm[close - open - 1] = '\0';
	}
	for (s = close + 1; *s && *s != '\n'; s++)
		if (*s == ' ')
			n++;
	return n;
}

static void pid_stat_has_52_fields(struct ktest *t)
{
	char comm[TASK_COMM_LEN], *stat, *status, path[64];
	struct task_struct *p;
	int pid;

	KTEST_ASSERT_EQ(t, proc_mount_at(MNT, "proc"), 0);
	/* pid 1, or the first kernel thread if init has not started. */
	p = find_get_task_by_vpid(1);
	pid = p ? 1 : 2;
	if (p)
		put_task_struct(p);
	snprintf(path, sizeof(path), MNT "/%d/stat", pid);
	KTEST_ASSERT_GT(t, read_all(path, &stat, 4096), 0);
	KTEST_EXPECT_EQ(t, stat_fields(stat, comm, sizeof(comm)), 52);
	KTEST_EXPECT_EQ(t, simple_strtoul(stat, NULL, 10), pid);
	kfree(stat);
	snprintf(path, sizeof(path), MNT "/%d/status", pid);
	KTEST_ASSERT_GT(t, read_all(path, &status, 4096), 0);
	KTEST_EXPECT_EQ(t, strncmp(status, "Name:\t", 6), 0);
	KTEST_EXPECT_TRUE(t, strstr(status, "\nCpus_allowed_list:\t") != NULL);
	kfree(status);
	/* A kernel thread: PF_KTHREAD in field 9, an empty cmdline. */
	KTEST_ASSERT_GT(t, read_all(MNT "/2/stat", &stat, 4096), 0);
	KTEST_EXPECT_EQ(t, stat_fields(stat, comm, sizeof(comm)), 52);
	{
		const char *s = strrchr(stat, ')') + 1;
		unsigned long flags;
		int i;

		for (i = 3; i < 9; i++)
			s = strchr(s + 1, ' ');
		flags = simple_strtoul(s + 1, NULL, 10);
		KTEST_EXPECT_TRUE(t, flags & PF_KTHREAD);
	}
	kfree(stat);
	KTEST_EXPECT_EQ(t, read_all(MNT "/2/cmdline", &stat, 4096), 0);
	kfree(stat);
	KTEST_EXPECT_EQ(t, fst_exists(MNT "/0"), false);
	KTEST_EXPECT_EQ(t, fst_exists(MNT "/01"), false);
	proc_umount_at(MNT);
}

/* ---- a program's cmdline ------------------------------------------------ */


/*
 * lea ts(%rip),%rdi; xor %esi,%esi; mov $35,%eax; syscall (nanosleep);
 * mov $231,%eax; xor %edi,%edi; syscall (exit_group(0));
 * ts: { 0, 300000000 }
 */
static const u8 nap[] = {
	0x48, 0x8d, 0x3d, 0x12, 0x00, 0x00, 0x00, 0x31, 0xf6,
	0xb8, 0x23, 0x00, 0x00, 0x00, 0x0f, 0x05,
	0xb8, 0xe7, 0x00, 0x00, 0x00, 0x31, 0xff, 0x0f, 0x05,
	0, 0, 0, 0, 0, 0, 0, 0,
	0x00, 0xa3, 0xe1, 0x11, 0, 0, 0, 0,
};

static struct fst_elf nap_im;

static const char *const nap_argv[] = {
	"/tmp/proc-nap", "-x", "hello world", NULL
};

static int nap_child(void *data)
{
	static const char *const envp[] = { "A=1", NULL };

	return kernel_execve(nap_argv[0], nap_argv, envp);
}

static void cmdline_of_a_process(struct ktest *t)
{
	static const char want[] = "/tmp/proc-nap\0-x\0hello world";
	struct task_struct *p;
	char path[64], *buf = NULL;
	int pid, status = 1, i;
	long n = 0;

	KTEST_ASSERT_EQ(t, proc_mount_at(MNT, "proc"), 0);
	fst_elf_build(&nap_im, nap, sizeof(nap));
	{
		struct file *f = filp_open(nap_argv[0],
					   O_WRONLY | O_CREAT | O_TRUNC, 0755);
		loff_t pos = 0;

		KTEST_ASSERT_FALSE(t, IS_ERR(f));
		KTEST_EXPECT_EQ(t, kernel_write(f, &nap_im, sizeof(nap_im),
						&pos), (long)sizeof(nap_im));
		fput(f);
	}
	p = create_task(nap_child, NULL, "proc-ktest");
	KTEST_ASSERT_NOT_NULL(t, p);
	link_child(p);
	pid = p->pid;
	wake_up_process(p);
	snprintf(path, sizeof(path), MNT "/%d/cmdline", pid);
	/* Until the exec is done: a kernel thread's cmdline is empty. */
	for (i = 0; i < 200; i++) {
		kfree(buf);
		n = read_all(path, &buf, 5);
		if (n > 0)
			break;
		msleep(1);
	}
	KTEST_EXPECT_EQ(t, n, (long)sizeof(want));
	if (n == (long)sizeof(want))
		KTEST_EXPECT_EQ(t, memcmp(buf, want, sizeof(want)), 0);
	kfree(buf);
	snprintf(path, sizeof(path), MNT "/%d/comm", pid);
	KTEST_EXPECT_GT(t, read_all(path, &buf, 64), 0);
	if (buf)
		KTEST_EXPECT_STREQ(t, buf, "proc-nap\n");
	kfree(buf);
	snprintf(path, sizeof(path), MNT "/%d/status", pid);
	KTEST_EXPECT_GT(t, read_all(path, &buf, 4096), 0);
	if (buf)
		KTEST_EXPECT_TRUE(t, strstr(buf, "\nVmRSS:\t") != NULL);
	kfree(buf);
	KTEST_ASSERT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, 0);
	/* Reaped: gone from /proc (the lookup's pruning or a fresh miss). */
	snprintf(path, sizeof(path), MNT "/%d/stat", pid);
	KTEST_EXPECT_LT(t, read_all(path, &buf, 4096), 0);
	kfree(buf);
	do_unlinkat(AT_FDCWD, nap_argv[0]);
	proc_umount_at(MNT);
}

/* ---- /proc/sys ---------------------------------------------------------- */

static long write_str(const char *path, const char *s)
{
	struct file *f = filp_open(path, O_WRONLY | O_TRUNC, 0);
	loff_t pos = 0;
	long n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, s, strlen(s), &pos);
	fput(f);
	return n;
}

static void sysctl_written_and_read_back(struct ktest *t)
{
	const struct ctl_table *k = sysctl_table_begin();
	char path[160], val[24], *buf, *p;
	int old, v;
	struct kstat st;

	KTEST_ASSERT_TRUE(t, k < sysctl_table_end());
	KTEST_ASSERT_EQ(t, proc_mount_at(MNT, "proc"), 0);
	snprintf(path, sizeof(path), MNT "/sys/%s", k->procname);
	for (p = path + strlen(MNT "/sys/"); *p; p++)
		if (*p == '.')
			*p = '/';
	KTEST_ASSERT_EQ(t, fst_stat(path, &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0644);
	old = READ_ONCE(*k->data);
	v = old < k->maximum ? old + 1 : old - 1;
	snprintf(val, sizeof(val), "%d\n", v);
	KTEST_EXPECT_EQ(t, write_str(path, val), (long)strlen(val));
	KTEST_EXPECT_EQ(t, READ_ONCE(*k->data), v);
	KTEST_ASSERT_GT(t, read_all(path, &buf, 3), 0);
	KTEST_EXPECT_STREQ(t, buf, val);
	kfree(buf);
	/* Linux's proc_dointvec_minmax: EINVAL, and the value stays. */
	KTEST_EXPECT_EQ(t, write_str(path, "abc\n"), -EINVAL);
	KTEST_EXPECT_EQ(t, write_str(path, "99999999999999\n"), -EINVAL);
	if (k->maximum < INT_MAX) {
		snprintf(val, sizeof(val), "%d", k->maximum + 1);
		KTEST_EXPECT_EQ(t, write_str(path, val), -EINVAL);
	}
	KTEST_EXPECT_EQ(t, READ_ONCE(*k->data), v);
	snprintf(val, sizeof(val), " %d ", old);
	KTEST_EXPECT_EQ(t, write_str(path, val), (long)strlen(val));
	KTEST_EXPECT_EQ(t, READ_ONCE(*k->data), old);
	/* A read-only file's mode. */
	KTEST_ASSERT_EQ(t, fst_stat(MNT "/interrupts", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0444);
	proc_umount_at(MNT);
}

/* ---- files a subsystem makes: proc_mkdir, proc_create_data, proc_remove */

static int api_show(struct seq_file *m)
{
	seq_printf(m, "value %ld\n", *(long *)m->private);
	return 0;
}

static ssize_t api_write(struct file *file, char *buf, size_t count)
{
	long *v = pde_data(file->f_inode);

	if (kstrtol(buf, 10, v))
		return -EINVAL;
	return count;
}

static const struct proc_ops api_ops = {
	.proc_show = api_show,
	.proc_write = api_write,
};

static void api_files_come_and_go(struct ktest *t)
{
	struct proc_dir_entry *dir, *sub;
	static long value = 7;
	struct kstat st;
	char *buf, *big;

	dir = proc_mkdir("ktest-api", NULL);
	KTEST_ASSERT_NOT_NULL(t, dir);
	KTEST_EXPECT_NULL(t, proc_mkdir("ktest-api", NULL));	/* taken */
	sub = proc_mkdir("sub", dir);
	KTEST_EXPECT_NOT_NULL(t, proc_create_data("rw", 0644, dir, &api_ops,
						  &value));
	KTEST_EXPECT_NOT_NULL(t, proc_create_single_data("ro", 0444, sub,
							 api_show, &value));
	KTEST_EXPECT_NULL(t, proc_create_data("rw", 0644, dir, &api_ops,
					      &value));
	KTEST_ASSERT_EQ(t, proc_mount_at(MNT, "proc"), 0);
	KTEST_EXPECT_EQ(t, fst_stat(MNT "/ktest-api/rw", &st), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0644);
	KTEST_ASSERT_GT(t, read_all(MNT "/ktest-api/sub/ro", &buf, 4), 0);
	KTEST_EXPECT_STREQ(t, buf, "value 7\n");
	kfree(buf);
	/* The handler gets the bytes, NUL-terminated; its error stands. */
	KTEST_EXPECT_EQ(t, write_str(MNT "/ktest-api/rw", "42"), 2);
	KTEST_EXPECT_EQ(t, value, 42);
	KTEST_EXPECT_EQ(t, write_str(MNT "/ktest-api/rw", "4x"), -EINVAL);
	KTEST_EXPECT_EQ(t, value, 42);
	big = kmalloc(PROC_WRITE_MAX + 2, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, big);
	memset(big, '1', PROC_WRITE_MAX + 1);
	big[PROC_WRITE_MAX + 1] = '\0';
	KTEST_EXPECT_EQ(t, write_str(MNT "/ktest-api/rw", big), -EINVAL);
	kfree(big);
	/* No proc_write: Linux's EIO. */
	KTEST_EXPECT_EQ(t, write_str(MNT "/ktest-api/sub/ro", "1"), -EIO);
	/* Read again from 0 on the same open file (procps' lseek and
	 * read of /proc/stat): generated again, as Linux's seq_file. */
	{
		struct file *f = filp_open(MNT "/ktest-api/rw", O_RDONLY, 0);
		char got[32] = { 0 };
		loff_t pos = 0;

		KTEST_ASSERT_FALSE(t, IS_ERR(f));
		KTEST_EXPECT_EQ(t, kernel_read(f, got, sizeof(got) - 1, &pos), 9);
		KTEST_EXPECT_STREQ(t, got, "value 42\n");
		value = 43;
		pos = 0;
		KTEST_EXPECT_EQ(t, kernel_read(f, got, sizeof(got) - 1, &pos), 9);
		KTEST_EXPECT_STREQ(t, got, "value 43\n");
		fput(f);
	}
	proc_remove(dir);		/* the subtree with it */
	KTEST_EXPECT_EQ(t, fst_stat(MNT "/ktest-api/sub/ro", &st), -ENOENT);
	KTEST_EXPECT_EQ(t, fst_stat(MNT "/ktest-api", &st), -ENOENT);
	/* The name is free again. */
	dir = proc_mkdir("ktest-api", NULL);
	KTEST_EXPECT_NOT_NULL(t, dir);
	proc_remove(dir);
	proc_umount_at(MNT);
}

/* ---- a large file in pieces ---------------------------------------------- */

static void big_show(void)
{
	int i;

	/* sh_printf, as a PROC_ENTRY()'s show(): captured. */
	for (i = 0; i < 2000; i++)
		sh_printf("line %4d of a file larger than a page\n", i);
}

static int huge_show(struct seq_file *m)
{
	static const char block[1024];
	unsigned int i;

	for (i = 0; i <= SEQ_FILE_MAX / sizeof(block); i++)
		seq_write(m, block, sizeof(block));
	return 0;
}

static int big_seq_show(struct seq_file *m)
{
	seq_capture(m, (void (*)(void *))big_show, NULL);
	return 0;
}

static void large_file_in_small_pieces(struct ktest *t)
{
	char *one, *many;
	struct path root;
	long n1, n2;

	KTEST_ASSERT_EQ(t, proc_mount_at(MNT, "proc"), 0);
	KTEST_ASSERT_EQ(t, kern_path(MNT, LOOKUP_FOLLOW, &root), 0);
	mutex_lock(&dcache_lock);
	proc_create(root.dentry, "ktest-big", S_IFREG | 0444, big_seq_show,
		    NULL, 0, NULL);
	proc_create(root.dentry, "ktest-huge", S_IFREG | 0444, huge_show,
		    NULL, 0, NULL);
	mutex_unlock(&dcache_lock);
	path_put(&root);
	n1 = read_all(MNT "/ktest-big", &one, 1 << 17);
	n2 = read_all(MNT "/ktest-big", &many, 7);
	KTEST_EXPECT_EQ(t, n1, 2000L * 39);
	KTEST_EXPECT_EQ(t, n1, n2);
	if (one && many)
		KTEST_EXPECT_EQ(t, memcmp(one, many, n1), 0);
	kfree(one);
	kfree(many);
	/* Past SEQ_FILE_MAX: ENOMEM, not a short file. */
	KTEST_EXPECT_EQ(t, read_all(MNT "/ktest-huge", &one, 4096),
			(long)-ENOMEM);
	kfree(one);
	/* The tree is shared by every mount: take the test's files out. */
	KTEST_ASSERT_EQ(t, kern_path(MNT, LOOKUP_FOLLOW, &root), 0);
	mutex_lock(&dcache_lock);
	{
		static const char *const names[] = {
			"ktest-big", "ktest-huge"
		};
		unsigned int i;

		for (i = 0; i < ARRAY_SIZE(names); i++) {
			struct dentry *d = d_lookup(root.dentry, names[i],
						    strlen(names[i]));

			if (d) {
				d_delete(d);
				dput(d);
			}
		}
	}
	mutex_unlock(&dcache_lock);
	path_put(&root);
	KTEST_EXPECT_FALSE(t, fst_exists(MNT "/ktest-big"));
	proc_umount_at(MNT);
}

/* ---- the rest of the tree ----------------------------------------------- */

struct find_name {
	struct dir_context ctx;
	const char *want;
	bool found;
	int pids;
};

static bool find_actor(struct dir_context *ctx, const char *name, int len,
		       loff_t off, u64 ino, unsigned int type)
{
	struct find_name *f = (void *)ctx;

	if ((int)strlen(f->want) == len && !memcmp(name, f->want, len))
		f->found = true;
	if (name[0] >= '1' && name[0] <= '9')
		f->pids++;
	return true;
}

static bool dir_has(const char *dir, const char *name, int *pids)
{
	struct find_name f = { .ctx.actor = find_actor, .want = name };
	struct file *file = filp_open(dir, O_RDONLY | O_DIRECTORY, 0);

	if (IS_ERR(file))
		return false;
	iterate_dir(file, &f.ctx);
	fput(file);
	if (pids)
		*pids = f.pids;
	return f.found;
}

static void tree_mounts_meminfo_uptime_sysfs(struct ktest *t)
{
	char *buf;
	int pids = 0;
	unsigned long a, b;

	KTEST_ASSERT_EQ(t, proc_mount_at(MNT, "proc"), 0);
	KTEST_EXPECT_TRUE(t, dir_has(MNT, "self", &pids));
	KTEST_EXPECT_TRUE(t, dir_has(MNT, "meminfo", NULL));
	KTEST_EXPECT_TRUE(t, dir_has(MNT, "sys", NULL));
	KTEST_EXPECT_TRUE(t, dir_has(MNT, "net", NULL));
	KTEST_EXPECT_TRUE(t, dir_has(MNT, "2", NULL));
	KTEST_EXPECT_GT(t, pids, 2);
	KTEST_EXPECT_TRUE(t, dir_has(MNT "/2", "status", NULL));
	KTEST_EXPECT_TRUE(t, fst_exists(MNT "/net/snmp"));

	KTEST_ASSERT_GT(t, read_all(MNT "/mounts", &buf, 4096), 0);
	KTEST_EXPECT_TRUE(t, strstr(buf, "rootfs / rootfs rw") != NULL);
	KTEST_EXPECT_TRUE(t, strstr(buf, "proc " MNT " proc rw,relatime 0 0\n")
			     != NULL);
	kfree(buf);
	KTEST_ASSERT_GT(t, read_all(MNT "/filesystems", &buf, 4096), 0);
	KTEST_EXPECT_TRUE(t, strstr(buf, "nodev\tproc\n") != NULL);
	KTEST_EXPECT_TRUE(t, strstr(buf, "nodev\tsysfs\n") != NULL);
	kfree(buf);
	KTEST_ASSERT_GT(t, read_all(MNT "/meminfo", &buf, 4096), 0);
	KTEST_EXPECT_EQ(t, strncmp(buf, "MemTotal:", 9), 0);
	KTEST_EXPECT_TRUE(t, strstr(buf, "\nSwapTotal:") != NULL);
	KTEST_EXPECT_TRUE(t, strstr(buf, "\nSReclaimable:") != NULL);
	kfree(buf);
	KTEST_ASSERT_GT(t, read_all(MNT "/uptime", &buf, 4096), 0);
	{
		char *p = buf;

		a = simple_strtoul(p, &p, 10);
		KTEST_EXPECT_EQ(t, *p, '.');
		simple_strtoul(p + 1, &p, 10);
		KTEST_EXPECT_EQ(t, *p, ' ');
		b = simple_strtoul(p + 1, &p, 10);
		KTEST_EXPECT_EQ(t, *p, '.');
		KTEST_EXPECT_LE(t, b, a * num_online_cpus() + 1);
		KTEST_EXPECT_EQ(t, buf[strlen(buf) - 4], '.');
	}
	kfree(buf);
	KTEST_ASSERT_GT(t, read_all(MNT "/cpuinfo", &buf, 4096), 0);
	KTEST_EXPECT_EQ(t, strncmp(buf, "processor\t: 0\n", 14), 0);
	kfree(buf);
	proc_umount_at(MNT);

	KTEST_ASSERT_EQ(t, proc_mount_at(MNT, "sysfs"), 0);
	KTEST_EXPECT_TRUE(t, dir_has(MNT, "kernel", NULL));
	KTEST_EXPECT_TRUE(t, dir_has(MNT, "class", NULL));
	KTEST_EXPECT_TRUE(t,
		fst_exists(MNT "/class/net/eth0/queues/rx-0/rps_cpus"));
	proc_umount_at(MNT);
}

static const struct ktest_case proc_cases[] = {
	KTEST_CASE(entries_read_as_their_show_prints),
	KTEST_CASE(self_is_the_reader),
	KTEST_CASE(pid_stat_has_52_fields),
	KTEST_CASE(cmdline_of_a_process),
	KTEST_CASE(sysctl_written_and_read_back),
	KTEST_CASE(api_files_come_and_go),
	KTEST_CASE(large_file_in_small_pieces),
	KTEST_CASE(tree_mounts_meminfo_uptime_sysfs),
	{}
};
KTEST_SUITE(proc, proc_cases);
