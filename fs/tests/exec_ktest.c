// SPDX-License-Identifier: GPL-2.0
/*
 * execve of well-formed and malformed files: each case writes a file to
 * /tmp, execs it in a child process of the test and checks the child's
 * wait status.  A program that loads exits 7 (status 0x700); a file the
 * loader refuses leaves the child a kernel thread whose function returns
 * kernel_execve()'s error, which becomes its status (negative), so the
 * errno is checked exactly and the caller goes on.
 */
#include <irqlab/ktest.h>
#include <irqlab/elf.h>
#include <irqlab/errno.h>
#include <irqlab/binfmts.h>
#include <irqlab/process.h>
#include <irqlab/slab.h>
#include "fs_test.h"

#define LOAD_VA		FST_ELF_VA
#define CODE_OFF	FST_ELF_CODE

/* mov $231,%eax; mov $7,%edi; syscall: exit_group(7) */
static const u8 exit7[] = {
	0xb8, 0xe7, 0x00, 0x00, 0x00, 0xbf, 0x07, 0x00, 0x00, 0x00, 0x0f, 0x05
};

/*
 * Counts the auxiliary vector's entries before AT_NULL (at most 64) and
 * exits with the count: argc, argv..., NULL, envp..., NULL, then pairs.
 */
static const u8 count_auxv[] = {
	0x48, 0x8b, 0x0c, 0x24, 0x48, 0x8d, 0x74, 0xcc, 0x10, 0x48, 0x83, 0x3e,
	0x00, 0x48, 0x8d, 0x76, 0x08, 0x75, 0xf6, 0x31, 0xff, 0x48, 0x8b, 0x06,
	0x48, 0x85, 0xc0, 0x74, 0x0b, 0xff, 0xc7, 0x48, 0x83, 0xc6, 0x10, 0x83,
	0xff, 0x40, 0x72, 0xed, 0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05
};

static void build_with(struct fst_elf *im, const u8 *code, size_t len)
{
	fst_elf_build(im, code, len);
}

/* A program that exits 7. */
static void build(struct fst_elf *im)
{
	build_with(im, exit7, sizeof(exit7));
}

static int write_file(const char *path, const void *data, size_t len,
		      umode_t mode)
{
	long n = fst_write_mode(path, data, len, mode);

	return n == (long)len ? 0 : (n < 0 ? n : -EIO);
}

struct exec_args {
	const char *path;
	const char *const *argv;
};

static int exec_child(void *data)
{
	struct exec_args *a = data;
	static const char *const envp[] = { "A=1", NULL };
	const char *argv[] = { a->path, NULL };

	return kernel_execve(a->path, a->argv ? a->argv : argv, envp);
}

/* The wait status of a child that execs path. */
static int exec_status(struct ktest *t, const char *path,
		       const char *const *argv)
{
	struct exec_args a = { path, argv };
	struct task_struct *p = create_task(exec_child, &a, "exec-ktest");
	int pid, status = 1;

	KTEST_ASSERT_NOT_NULL(t, p);
	link_child(p);
	pid = p->pid;
	wake_up_process(p);
	KTEST_ASSERT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	return status;
}

static int exec_image(struct ktest *t, const struct fst_elf *im, size_t len)
{
	KTEST_ASSERT_EQ(t, write_file("/tmp/exec-ktest", im, len, 0755), 0);
	return exec_status(t, "/tmp/exec-ktest", NULL);
}

static struct fst_elf im;

static void a_static_program_runs(struct ktest *t)
{
	do_mkdirat(AT_FDCWD, "/tmp", 01777);
	build(&im);
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), 7 << 8);
}

static void bad_headers_are_enoexec(struct ktest *t)
{
	build(&im);
	im.eh.e_ident[1] = 'X';
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOEXEC);
	build(&im);
	im.eh.e_ident[4] = 1;			/* ELFCLASS32 */
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOEXEC);
	build(&im);
	im.eh.e_machine = 3;			/* EM_386 */
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOEXEC);
	build(&im);
	im.eh.e_type = 1;			/* ET_REL */
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOEXEC);
	build(&im);
	im.eh.e_phnum = 0;
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOEXEC);
	build(&im);
	im.eh.e_phentsize = 32;
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOEXEC);
	build(&im);
	im.eh.e_entry = 0x900000;		/* in no segment */
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOEXEC);
	build(&im);
	im.ph[0].p_type = PT_INTERP;		/* and no PT_LOAD */
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOEXEC);
}

/* mov $231,%eax; mov $9,%edi; syscall: exit_group(9), position-free */
static const u8 exit9[] = {
	0xb8, 0xe7, 0x00, 0x00, 0x00, 0xbf, 0x09, 0x00, 0x00, 0x00, 0x0f, 0x05
};

#define INTERP		"/tmp/exec-ktest-ld"

/* The program that exits 7, asking for path as its PT_INTERP. */
static void build_dynamic(struct fst_elf *im, const char *path, size_t len)
{
	build(im);
	im->eh.e_phnum = 2;
	im->ph[1].p_type = PT_INTERP;
	im->ph[1].p_offset = offsetof(struct fst_elf, pad);
	im->ph[1].p_filesz = len;
	memcpy(im->pad, path, len);
}

/*
 * Linux's PT_INTERP: the interpreter (an ET_DYN here, put below the
 * stack) runs first; ld.so would go on to the program's AT_ENTRY.
 */
static void the_interpreter_runs_first(struct ktest *t)
{
	static struct fst_elf ld;

	build_with(&ld, exit9, sizeof(exit9));
	ld.eh.e_type = ET_DYN;
	ld.ph[0].p_vaddr = 0;
	ld.eh.e_entry = CODE_OFF;
	KTEST_ASSERT_EQ(t, write_file(INTERP, &ld, sizeof(ld), 0755), 0);
	build_dynamic(&im, INTERP, sizeof(INTERP));
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), 9 << 8);
	/* Its errors: the open's, ELIBBAD for a non-ELF, ENOEXEC for a
	 * path without its NUL. */
	build_dynamic(&im, "/tmp/no-such-ld", sizeof("/tmp/no-such-ld"));
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOENT);
	KTEST_ASSERT_EQ(t, write_file(INTERP, "not an ELF file", 15, 0755), 0);
	build_dynamic(&im, INTERP, sizeof(INTERP));
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ELIBBAD);
	build_dynamic(&im, INTERP, sizeof(INTERP) - 1);
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOEXEC);
	/* As open_exec: no execute bit, or not a regular file: EACCES. */
	do_unlinkat(AT_FDCWD, INTERP);
	KTEST_ASSERT_EQ(t, write_file(INTERP, &ld, sizeof(ld), 0644), 0);
	build_dynamic(&im, INTERP, sizeof(INTERP));
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -EACCES);
	build_dynamic(&im, "/tmp", sizeof("/tmp"));
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -EACCES);
	do_unlinkat(AT_FDCWD, INTERP);
}

static void truncated_files_are_eio(struct ktest *t)
{
	build(&im);
	/* Cut inside the program headers. */
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im.eh) + 8), -EIO);
	/* Headers whole, the segment's bytes missing. */
	KTEST_EXPECT_EQ(t, exec_image(t, &im, CODE_OFF + 4), -EIO);
	build(&im);
	im.eh.e_phoff = 1UL << 40;
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -EIO);
}

static void bad_segments_are_einval_or_enomem(struct ktest *t)
{
	build(&im);
	im.ph[0].p_filesz = im.ph[0].p_memsz + 1;
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -EINVAL);
	build(&im);
	im.ph[0].p_vaddr = LOAD_VA + 8;		/* not congruent to offset */
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -EINVAL);
	build(&im);
	im.ph[0].p_vaddr = 0xffff800000000000UL;	/* the kernel half */
	im.eh.e_entry = im.ph[0].p_vaddr + CODE_OFF;
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -EINVAL);
	build(&im);
	im.eh.e_phnum = 2;			/* two segments, overlapping */
	im.ph[1] = im.ph[0];
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -EINVAL);
	build(&im);
	im.ph[0].p_memsz = 1UL << 45;		/* 32 TiB */
	KTEST_EXPECT_EQ(t, exec_image(t, &im, sizeof(im)), -ENOMEM);
}

static void scripts_and_permissions(struct ktest *t)
{
	static const char script[] = "#!/tmp/exec-ktest -x\n";
	static const char loop[] = "#!/tmp/exec-loop\n";

	build(&im);
	KTEST_ASSERT_EQ(t, write_file("/tmp/exec-ktest", &im, sizeof(im),
				      0755), 0);
	KTEST_ASSERT_EQ(t, write_file("/tmp/exec-script", script,
				      sizeof(script) - 1, 0755), 0);
	KTEST_EXPECT_EQ(t, exec_status(t, "/tmp/exec-script", NULL), 7 << 8);
	KTEST_ASSERT_EQ(t, write_file("/tmp/exec-loop", loop, sizeof(loop) - 1,
				      0755), 0);
	KTEST_EXPECT_EQ(t, exec_status(t, "/tmp/exec-loop", NULL), -ELOOP);
	KTEST_ASSERT_EQ(t, write_file("/tmp/exec-noexec", &im, sizeof(im),
				      0644), 0);
	KTEST_EXPECT_EQ(t, exec_status(t, "/tmp/exec-noexec", NULL), -EACCES);
	KTEST_EXPECT_EQ(t, exec_status(t, "/tmp", NULL), -EACCES);
	KTEST_EXPECT_EQ(t, exec_status(t, "/tmp/none", NULL), -ENOENT);
}

static void too_many_arguments_is_e2big(struct ktest *t)
{
	const char **argv = kcalloc(40, sizeof(*argv), GFP_KERNEL);
	char *big = kmalloc(4096, GFP_KERNEL);
	int i;

	KTEST_ASSERT_NOT_NULL(t, argv);
	KTEST_ASSERT_NOT_NULL(t, big);
	memset(big, 'a', 4095);
	big[4095] = 0;
	for (i = 0; i < 39; i++)	/* 39 x 4 KiB > 128 KiB */
		argv[i] = big;
	KTEST_EXPECT_EQ(t, exec_status(t, "/tmp/exec-ktest", argv), -E2BIG);
	kfree(big);
	kfree(argv);
}

/*
 * The auxiliary vector ends with AT_NULL whatever the strings' length
 * (the padding below them changes with it): 17 entries (docs/
 * userspace.md lists them).
 */
static void auxv_ends_with_at_null(struct ktest *t)
{
	static const char arg[] = "0123456789abcdef";
	const char *argv[] = { "/tmp/exec-auxv", NULL, NULL };
	int len;

	build_with(&im, count_auxv, sizeof(count_auxv));
	KTEST_ASSERT_EQ(t, write_file("/tmp/exec-auxv", &im, sizeof(im), 0755),
			0);
	for (len = 0; len < 16; len++) {
		argv[1] = arg + 16 - len;
		KTEST_EXPECT_EQ(t, exec_status(t, "/tmp/exec-auxv", argv),
				17 << 8);
	}
}

static const struct ktest_case exec_cases[] = {
	KTEST_CASE(auxv_ends_with_at_null),
	KTEST_CASE(a_static_program_runs),
	KTEST_CASE(bad_headers_are_enoexec),
	KTEST_CASE(the_interpreter_runs_first),
	KTEST_CASE(truncated_files_are_eio),
	KTEST_CASE(bad_segments_are_einval_or_enomem),
	KTEST_CASE(scripts_and_permissions),
	KTEST_CASE(too_many_arguments_is_e2big),
	{}
};
KTEST_SUITE(exec, exec_cases);
