// SPDX-License-Identifier: GPL-2.0
/*
 * abi-test: checks of the edges of Linux's x86_64 system-call ABI, as a
 * static user program, in TAP version 13.
 *
 *   abi-test [-l] [-r ROOT] [-k SUBSTR]... [NAME]...
 *
 * With no NAME and no -k it runs every test; NAMEs pick tests by name,
 * -k those whose name contains SUBSTR (abi-test brk mmap, abi-test -k exec);
 * -l lists the names.  Files it reads (/etc/hostname, /usr/lib/irqlab/not-elf,
 * the directory /) are looked up under ROOT (-r, or $ABI_TEST_ROOT, default
 * none): on a Linux host, `abi-test -r build/rootfs` checks the program
 * against Linux itself (tests/test_user_host.py).  It exits 0 when every
 * test passed, 1 otherwise, 2 on a bad argument; as PID 1 (init=) it
 * powers the machine off instead of exiting.
 *
 * The checks call the kernel through syscall(2) where the C library would
 * hide or fix up the errno or the raw return value.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define KERNEL_ADDR	((void *)0xffffffff80000000UL)

static const char *root = "";
static char diag[256];		/* why the current test failed */

/* Fail the current test with a reason ("got X expected Y"). */
__attribute__((format(printf, 1, 2)))
static int fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(diag, sizeof(diag), fmt, ap);
	va_end(ap);
	return 0;
}

#define CHECK(cond, ...)	do { if (!(cond)) return fail(__VA_ARGS__); } while (0)

/* A raw system call's -1 and errno, checked. */
#define CHECK_ERR(ret, err, what)					\
	CHECK((ret) == -1 && errno == (err),				\
	      "%s: got %ld errno %d (%s) expected -1 errno %d (%s)",	\
	      what, (long)(ret), errno, strerror(errno), err, strerror(err))

static void out(const char *s)
{
	size_t n = strlen(s);

	while (n) {
		ssize_t r = write(1, s, n);

		if (r <= 0)
			return;
		s += r;
		n -= r;
	}
}

__attribute__((format(printf, 1, 2)))
static void outf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	out(buf);
}

static const char *path(const char *p, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", root, p);
	return buf;
}

/* Run fn in a child; its wait status, or -1 (diag set) if fork or wait4 failed. */
static int in_child(void (*fn)(void *), void *arg)
{
	int status;
	long pid = fork();

	if (pid < 0) {
		fail("fork: got %ld errno %d (%s)", pid, errno, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		/* No core file from the children that are meant to fault. */
		struct rlimit no_core = { 0, 0 };

		setrlimit(RLIMIT_CORE, &no_core);
		fn(arg);
		_exit(0);
	}
	long w = syscall(SYS_wait4, pid, &status, 0, NULL);

	if (w != pid) {
		fail("wait4: got %ld (errno %d) expected %ld", w, errno, pid);
		return -1;
	}
	return status;
}

static int child_killed_by(int status, int sig, const char *what)
{
	if (status == -1)
		return 0;
	if (WIFSIGNALED(status) && WTERMSIG(status) == sig)
		return 1;
	if (WIFSIGNALED(status))
		return fail("%s: got signal %d expected signal %d", what, WTERMSIG(status), sig);
	return fail("%s: got exit status %d expected signal %d", what,
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1, sig);
}

/* ---- the tests: each returns 1 if it passed, 0 (with diag) if not ---- */

static int t_write(void)
{
	static const char msg[] = "# write(1) works\n";
	long r = syscall(SYS_write, 1, msg, sizeof(msg) - 1);

	CHECK(r == (long)sizeof(msg) - 1, "got %ld expected %zu (errno %d)",
	      r, sizeof(msg) - 1, errno);
	return 1;
}

static int t_getpid(void)
{
	long pid = syscall(SYS_getpid), ppid = syscall(SYS_getppid);

	CHECK(pid > 0, "getpid: got %ld expected > 0", pid);
	CHECK(pid == getpid(), "getpid: got %ld, libc %d", pid, (int)getpid());
	if (pid == 1)	/* init: no parent */
		CHECK(ppid == 0, "getppid of PID 1: got %ld expected 0", ppid);
	else
		CHECK(ppid > 0 && ppid != pid, "getppid: got %ld (pid %ld) expected > 0",
		      ppid, pid);
	return 1;
}

static int t_uname(void)
{
	struct utsname u;
	long r = syscall(SYS_uname, &u);

	CHECK(r == 0, "uname: got %ld errno %d expected 0", r, errno);
	CHECK(!strcmp(u.sysname, "Linux"), "sysname: got \"%s\" expected \"Linux\"", u.sysname);
	CHECK(!strcmp(u.machine, "x86_64"), "machine: got \"%s\" expected \"x86_64\"", u.machine);
	return 1;
}

static int t_brk(void)
{
	const long grow = 64 * 1024;
	char *cur = (char *)syscall(SYS_brk, 0);
	char *end = (char *)syscall(SYS_brk, cur + grow);

	CHECK(cur != NULL && cur != (char *)-1, "brk(0): got %p", (void *)cur);
	CHECK(end == cur + grow, "brk(+64K): got %p expected %p", (void *)end,
	      (void *)(cur + grow));
	for (long i = 0; i < grow; i++)
		CHECK(cur[i] == 0, "new brk memory at +%ld: got %d expected 0", i, cur[i]);
	memset(cur, 0x5a, grow);
	for (long i = 0; i < grow; i += 4096)
		CHECK(cur[i] == 0x5a, "brk memory at +%ld not writable", i);
	char *back = (char *)syscall(SYS_brk, cur);

	CHECK(back == cur, "brk shrink: got %p expected %p", (void *)back, (void *)cur);
	/* Grown again, the pages given back must be zero again. */
	end = (char *)syscall(SYS_brk, cur + grow);
	CHECK(end == cur + grow, "brk(+64K) again: got %p", (void *)end);
	CHECK(cur[0] == 0 && cur[grow - 1] == 0, "brk memory regrown: got %d expected 0",
	      cur[0]);
	syscall(SYS_brk, cur);
	return 1;
}

static int t_mmap(void)
{
	const size_t len = 64 * 1024;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED, "mmap: got MAP_FAILED errno %d (%s)", errno, strerror(errno));
	CHECK(((uintptr_t)p & 4095) == 0, "mmap: %p is not page-aligned", (void *)p);
	for (size_t i = 0; i < len; i++)
		CHECK(p[i] == 0, "mmap memory at +%zu: got %d expected 0", i, p[i]);
	for (size_t i = 0; i < len; i++)
		p[i] = (unsigned char)i;
	for (size_t i = 0; i < len; i += 511)
		CHECK(p[i] == (unsigned char)i, "mmap memory at +%zu: got %d expected %d",
		      i, p[i], (unsigned char)i);
	long r = syscall(SYS_munmap, p, len);

	CHECK(r == 0, "munmap: got %ld errno %d expected 0", r, errno);
	return 1;
}

/*
 * A private file mapping, as ld.so maps libraries: the file's bytes,
 * zeros past its end in the last page, an offset's page, a private
 * write the file never sees, a fork's copy, and Linux's errors.
 */
static int t_mmap_file(void)
{
	char name[64];
	unsigned char buf[5000], *p, *q;
	long r;
	int fd, wfd;

	snprintf(name, sizeof(name), "/tmp/abi-test-map.%d", (int)getpid());
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7);
	wfd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(wfd >= 0, "create %s: errno %d (%s)", name, errno, strerror(errno));
	CHECK(write(wfd, buf, sizeof(buf)) == (ssize_t)sizeof(buf), "write %s", name);
	fd = open(name, O_RDONLY);
	CHECK(fd >= 0, "open %s: errno %d", name, errno);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	q = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 4096);
	unlink(name);			/* the mappings keep the file */
	CHECK(p != MAP_FAILED && q != MAP_FAILED, "mmap of %s: errno %d (%s)", name,
	      errno, strerror(errno));
	CHECK(!memcmp(p, buf, sizeof(buf)), "the mapping differs from the file");
	for (size_t i = sizeof(buf); i < 8192; i++)
		CHECK(p[i] == 0, "past the end at %zu: got %d expected 0", i, p[i]);
	CHECK(q[0] == buf[4096], "offset 4096: got %d expected %d", q[0], buf[4096]);
	p[0] = 0xff;			/* private: the file keeps its byte */
	CHECK(pread(fd, buf, 1, 0) == 1 && buf[0] == 0, "a private write reached the file");
	/* A read into a not yet touched page of a mapping of the same file
	 * (its fault reads that file): no deadlock on the file's lock. */
	unsigned char *r2 = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);

	CHECK(r2 != MAP_FAILED, "second mmap: errno %d", errno);
	r = pread(fd, r2 + 4096, 16, 0);
	CHECK(r == 16 && r2[4096] == 0 && r2[4097] == 7, "pread into the mapping: got %ld", r);
	munmap(r2, 8192);
	pid_t pid = fork();

	if (pid == 0)
		_exit(p[0] == 0xff && p[1] == 7 ? 0 : 1);
	int status;

	CHECK(waitpid(pid, &status, 0) == pid && status == 0,
	      "the child's copy of the mapping: status %#x", status);
	r = (long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 100);
	CHECK_ERR(r, EINVAL, "mmap at offset 100");
	r = (long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0);
	CHECK_ERR(r, EBADF, "mmap of fd -1 without MAP_ANONYMOUS");
	r = (long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, wfd, 0);
	CHECK_ERR(r, EACCES, "mmap of a write-only descriptor");
	int dfd = open("/", O_RDONLY | O_DIRECTORY);

	r = (long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, dfd, 0);
	CHECK_ERR(r, ENODEV, "mmap of a directory");
	close(dfd);
	/* A generated file has nothing to map (Linux: no ->mmap). */
	dfd = open("/proc/self/stat", O_RDONLY);
	if (dfd >= 0) {
		r = (long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, dfd, 0);
		close(dfd);
		CHECK_ERR(r, ENODEV, "mmap of /proc/self/stat");
	}
	close(wfd);
	close(fd);
	munmap(p, 8192);
	munmap(q, 4096);
	return 1;
}

static void touch_write(void *p)
{
	*(volatile char *)p = 1;
}

static void touch_read(void *p)
{
	(void)*(volatile char *)p;
}

static int t_munmap_fault(void)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED, "mmap: errno %d", errno);
	p[0] = 1;
	CHECK(syscall(SYS_munmap, p, 4096) == 0, "munmap: errno %d", errno);
	return child_killed_by(in_child(touch_read, p), SIGSEGV, "read after munmap");
}

static int t_mprotect(void)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED, "mmap: errno %d", errno);
	p[0] = 42;
	long r = syscall(SYS_mprotect, p, 4096, PROT_READ);

	CHECK(r == 0, "mprotect: got %ld errno %d expected 0", r, errno);
	CHECK(p[0] == 42, "read after mprotect: got %d expected 42", p[0]);
	if (!child_killed_by(in_child(touch_write, p), SIGSEGV, "write to read-only page"))
		return 0;
	CHECK(p[0] == 42, "parent's page after the child's write: got %d expected 42", p[0]);
	munmap(p, 4096);
	return 1;
}

static int t_efault_write(void)
{
	long r = syscall(SYS_write, 1, (void *)1, 10);

	CHECK_ERR(r, EFAULT, "write(1, (void *)1, 10)");
	return 1;
}

static int t_efault_read(void)
{
	char buf[128];
	int fd = open(path("/etc/hostname", buf, sizeof(buf)), O_RDONLY);

	CHECK(fd >= 0, "open %s: errno %d (%s)", buf, errno, strerror(errno));
	long r = syscall(SYS_read, fd, KERNEL_ADDR, 4);
	int err = errno;

	close(fd);
	errno = err;
	CHECK_ERR(r, EFAULT, "read into 0xffffffff80000000");
	return 1;
}

static int t_enosys(void)
{
	long r = syscall(1000, 0, 0, 0);

	CHECK_ERR(r, ENOSYS, "syscall(1000)");
	return 1;
}

static int t_ebadf(void)
{
	long r = syscall(SYS_write, -1, "x", 1);

	CHECK_ERR(r, EBADF, "write(-1)");
	return 1;
}

static long ns_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000L + (b->tv_nsec - a->tv_nsec);
}

static int t_clock(void)
{
	struct timespec a, b, req = { 0, 10 * 1000 * 1000 };

	CHECK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &a) == 0,
	      "clock_gettime: errno %d", errno);
	CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000L, "tv_nsec out of range: %ld",
	      a.tv_nsec);
	long r = syscall(SYS_nanosleep, &req, NULL);

	CHECK(r == 0, "nanosleep(10 ms): got %ld errno %d expected 0", r, errno);
	CHECK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &b) == 0,
	      "clock_gettime: errno %d", errno);
	long ns = ns_between(&a, &b);

	CHECK(ns >= 10 * 1000 * 1000, "CLOCK_MONOTONIC advanced %ld ns across a 10 ms "
	      "nanosleep: expected >= 10000000", ns);
	return 1;
}

static void exit7(void *arg)
{
	(void)arg;
	_exit(7);
}

static int t_fork_wait(void)
{
	int status = in_child(exit7, NULL);

	if (status == -1)
		return 0;
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "wait status: got 0x%x expected exit 7 (0x700)", status);
	return 1;
}

/* The child exits with execve's errno (0 if execve returned 0: impossible). */
static void exec_errno(void *file)
{
	char *argv[] = { file, NULL }, *envp[] = { NULL };

	syscall(SYS_execve, file, argv, envp);
	_exit(errno & 0xff);
}

static int exec_fails(const char *file, int err)
{
	char buf[128];
	int status = in_child(exec_errno, (void *)path(file, buf, sizeof(buf)));

	if (status == -1)
		return 0;
	CHECK(WIFEXITED(status), "child: got wait status 0x%x expected an exit", status);
	CHECK(WEXITSTATUS(status) == err, "execve %s: got errno %d (%s) expected %d (%s)",
	      buf, WEXITSTATUS(status), strerror(WEXITSTATUS(status)), err, strerror(err));
	return 1;
}

static int t_exec_enoexec(void)
{
	return exec_fails("/usr/lib/irqlab/not-elf", ENOEXEC);
}

static int t_exec_enoent(void)
{
	return exec_fails("/usr/lib/irqlab/no-such-file", ENOENT);
}

static int t_hostname(void)
{
	char buf[128], p[128];
	int fd = open(path("/etc/hostname", p, sizeof(p)), O_RDONLY);

	CHECK(fd >= 0, "open %s: errno %d (%s)", p, errno, strerror(errno));
	long n = syscall(SYS_read, fd, buf, sizeof(buf) - 1);

	close(fd);
	CHECK(n >= 0, "read: got %ld errno %d", n, errno);
	buf[n] = 0;
	CHECK(!strcmp(buf, "irqlab\n"), "got \"%.*s\" (%ld bytes) expected \"irqlab\\n\"",
	      (int)strcspn(buf, "\n"), buf, n);
	return 1;
}

static int t_pipe(void)
{
	int fds[2];
	char buf[16] = { 0 };

	CHECK(syscall(SYS_pipe, fds) == 0, "pipe: errno %d (%s)", errno, strerror(errno));
	long w = syscall(SYS_write, fds[1], "hello", 5);
	long r = syscall(SYS_read, fds[0], buf, sizeof(buf));

	CHECK(w == 5, "write to pipe: got %ld expected 5 (errno %d)", w, errno);
	CHECK(r == 5 && !memcmp(buf, "hello", 5), "read from pipe: got %ld \"%.5s\" "
	      "expected 5 \"hello\"", r, buf);
	close(fds[1]);
	r = syscall(SYS_read, fds[0], buf, sizeof(buf));
	close(fds[0]);
	CHECK(r == 0, "read after the writer closed: got %ld expected 0 (EOF)", r);
	return 1;
}

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static int t_getdents(void)
{
	char p[128];
	_Alignas(8) char buf[4096];
	int fd = open(path("/", p, sizeof(p)), O_RDONLY | O_DIRECTORY);
	int found = 0, entries = 0;

	CHECK(fd >= 0, "open %s: errno %d (%s)", p, errno, strerror(errno));
	for (;;) {
		long n = syscall(SYS_getdents64, fd, buf, sizeof(buf));

		if (n < 0) {
			close(fd);
			return fail("getdents64: got %ld errno %d (%s)", n, errno, strerror(errno));
		}
		if (n == 0)
			break;
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			if (d->d_reclen == 0 || off + d->d_reclen > n) {
				close(fd);
				return fail("getdents64: bad d_reclen %u at %ld of %ld",
					    d->d_reclen, off, n);
			}
			entries++;
			if (!strcmp(d->d_name, "etc")) {
				found = 1;
				if (d->d_type != DT_DIR && d->d_type != DT_UNKNOWN) {
					close(fd);
					return fail("etc: got d_type %d expected DT_DIR", d->d_type);
				}
			}
			off += d->d_reclen;
		}
	}
	close(fd);
	CHECK(found, "getdents64 of %s: \"etc\" not among %d entries", p, entries);
	return 1;
}

/* The tests that would hurt a real machine run only on irqlab. */
static int on_irqlab(void)
{
	struct utsname u;

	return uname(&u) == 0 && strstr(u.release, "irqlab") != NULL;
}

static const char *skip_reason;	/* set by a test that did not run */

#define SKIP_UNLESS_IRQLAB()						\
	do {								\
		if (!on_irqlab()) {					\
			skip_reason = "only on irqlab";			\
			return 1;					\
		}							\
	} while (0)

#define BOMB_MAX	4096

/*
 * Children that stay alive until fork fails: the process limit gives
 * EAGAIN (never a hang or a crash), and once they are killed and reaped
 * fork works again.
 */
static int t_forkbomb(void)
{
	static pid_t kids[BOMB_MAX];
	int n = 0, err = 0, i, reaped = 0;

	SKIP_UNLESS_IRQLAB();
	while (n < BOMB_MAX) {
		pid_t pid = fork();

		if (pid == 0) {
			struct timespec ts = { 1000, 0 };

			for (;;)
				nanosleep(&ts, NULL);
		}
		if (pid < 0) {
			err = errno;
			break;
		}
		kids[n++] = pid;
	}
	for (i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	for (i = 0; i < n; i++)
		reaped += waitpid(kids[i], NULL, 0) == kids[i];
	CHECK(err == EAGAIN, "fork %d children: stopped with errno %d (%s) "
	      "expected EAGAIN", n, err, strerror(err));
	CHECK(reaped == n, "reaped %d of %d children", reaped, n);
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	CHECK(pid > 0 && waitpid(pid, NULL, 0) == pid,
	      "fork after the bomb: errno %d (%s)", errno, strerror(errno));
	return 1;
}

/*
 * A child that touches more memory than the machine has is killed by
 * the out-of-memory path (SIGKILL), and the memory comes back.
 */
static int t_oom(void)
{
	const size_t huge = 1UL << 34;	/* 16 GiB: more than any test VM */
	int status;

	SKIP_UNLESS_IRQLAB();
	pid_t pid = fork();

	if (pid == 0) {
		char *p = mmap(NULL, huge, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			       -1, 0);

		if (p == MAP_FAILED)
			_exit(3);
		for (size_t off = 0; off < huge; off += 4096)
			p[off] = 1;
		_exit(4);
	}
	CHECK(pid > 0, "fork: errno %d (%s)", errno, strerror(errno));
	CHECK(waitpid(pid, &status, 0) == pid, "waitpid: errno %d", errno);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "the child ended with status 0x%x, expected killed by SIGKILL",
	      status);
	/* What it had is free again: 32 MiB can be touched. */
	char *q = mmap(NULL, 32 << 20, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(q != MAP_FAILED, "mmap 32 MiB after: errno %d", errno);
	for (size_t off = 0; off < (32 << 20); off += 4096)
		q[off] = 2;
	munmap(q, 32 << 20);
	return 1;
}

static const struct test {
	const char *name;
	int (*fn)(void);
	const char *what;
} tests[] = {
	{ "write",	t_write,	"write(1) returns the count" },
	{ "getpid",	t_getpid,	"getpid() > 0, getppid() its parent" },
	{ "uname",	t_uname,	"uname() sysname Linux, machine x86_64" },
	{ "brk",	t_brk,		"brk grows by 64 KiB, zeroed and writable, and shrinks" },
	{ "mmap",	t_mmap,		"mmap anonymous 64 KiB rw, zeroed, munmap" },
	{ "mmap-file",	t_mmap_file,	"mmap MAP_PRIVATE of a file: its bytes, private writes, errors" },
	{ "munmap-fault", t_munmap_fault, "a read after munmap kills with SIGSEGV" },
	{ "mprotect",	t_mprotect,	"mprotect read-only: a write kills the child with SIGSEGV" },
	{ "efault-write", t_efault_write, "write(1, (void *)1, 10) is EFAULT" },
	{ "efault-read", t_efault_read,	"read into a kernel address is EFAULT" },
	{ "enosys",	t_enosys,	"syscall(1000) is ENOSYS" },
	{ "ebadf",	t_ebadf,	"write(-1) is EBADF" },
	{ "clock",	t_clock,	"CLOCK_MONOTONIC advances >= 10 ms across nanosleep(10 ms)" },
	{ "fork-wait",	t_fork_wait,	"fork, _exit(7), wait4 gives status 7" },
	{ "exec-enoexec", t_exec_enoexec, "execve of a file that is not ELF is ENOEXEC" },
	{ "exec-enoent", t_exec_enoent,	"execve of a missing file is ENOENT" },
	{ "hostname",	t_hostname,	"open and read /etc/hostname: irqlab" },
	{ "pipe",	t_pipe,		"pipe: write, read, EOF" },
	{ "getdents",	t_getdents,	"getdents64 of / lists etc" },
	{ "forkbomb",	t_forkbomb,	"fork until EAGAIN (irqlab only), then fork works again" },
	{ "oom",	t_oom,		"a child touching 16 GiB is killed (irqlab only); memory comes back" },
};
#define NTESTS	(sizeof(tests) / sizeof(tests[0]))

static void usage(void)
{
	out("usage: abi-test [-l] [-r ROOT] [-k SUBSTR]... [NAME]...\n");
}

int main(int argc, char **argv)
{
	const char *subs[NTESTS + 16];
	int nsubs = 0, list = 0, opt;
	char selected[NTESTS] = { 0 };
	int any_name = 0;

	if (getenv("ABI_TEST_ROOT"))
		root = getenv("ABI_TEST_ROOT");
	while ((opt = getopt(argc, argv, "hlk:r:")) != -1) {
		switch (opt) {
		case 'l':
			list = 1;
			break;
		case 'k':
			if (nsubs < (int)(sizeof(subs) / sizeof(subs[0])))
				subs[nsubs++] = optarg;
			break;
		case 'r':
			root = optarg;
			break;
		case 'h':
			usage();
			return 0;
		default:
			usage();
			return 2;
		}
	}
	for (int i = optind; i < argc; i++) {
		size_t t;

		for (t = 0; t < NTESTS; t++)
			if (!strcmp(argv[i], tests[t].name))
				break;
		if (t == NTESTS) {
			outf("abi-test: no test named %s (abi-test -l lists them)\n", argv[i]);
			return 2;
		}
		selected[t] = 1;
		any_name = 1;
	}
	size_t n = 0;

	for (size_t t = 0; t < NTESTS; t++) {
		if (!any_name && !nsubs)
			selected[t] = 1;
		for (int s = 0; s < nsubs; s++)
			if (strstr(tests[t].name, subs[s]))
				selected[t] = 1;
		n += selected[t];
	}
	if (list) {
		for (size_t t = 0; t < NTESTS; t++)
			if (selected[t])
				outf("%-14s %s\n", tests[t].name, tests[t].what);
		return 0;
	}

	out("TAP version 13\n");
	outf("1..%zu\n", n);
	int failed = 0, num = 0;

	for (size_t t = 0; t < NTESTS; t++) {
		if (!selected[t])
			continue;
		diag[0] = 0;
		errno = 0;
		skip_reason = NULL;
		int ok = tests[t].fn();

		num++;
		if (ok && skip_reason) {
			outf("ok %d - %s # SKIP %s\n", num, tests[t].name,
			     skip_reason);
		} else if (ok) {
			outf("ok %d - %s\n", num, tests[t].name);
		} else {
			failed++;
			outf("not ok %d - %s # %s\n", num, tests[t].name, diag);
		}
	}
	outf("# abi-test: %d of %d passed\n", num - failed, num);

	if (getpid() == 1) {	/* init=/usr/lib/irqlab/abi-test: no one to exit to */
		sync();
		syscall(SYS_reboot, 0xfee1dead, 672274793, 0x4321fedc, NULL);
	}
	return failed ? 1 : 0;
}
