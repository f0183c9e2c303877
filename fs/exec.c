// SPDX-License-Identifier: GPL-2.0
/*
 * execve(2) (Linux's fs/exec.c): open the file, copy the arguments and
 * environment into the kernel, let a loader (binfmt_elf.c, or the "#!"
 * script rule here) build the new address space, and only then -- the
 * point of no return -- throw away the old one.  The new stack gets
 * Linux's initial layout, from the top down: the file name, the
 * environment and argument strings, "x86_64", 16 random bytes, then
 * (16-byte aligned) argc, argv[], NULL, envp[], NULL and the auxiliary
 * vector.
 */
#include <irqlab/binfmts.h>
#include <irqlab/elf.h>
#include <irqlab/errno.h>
#include <irqlab/fdtable.h>
#include <irqlab/fs.h>
#include <irqlab/gfp.h>
#include <irqlab/kernel.h>
#include <irqlab/mman.h>
#include <irqlab/process.h>
#include <irqlab/signal.h>
#include <irqlab/slab.h>
#include <irqlab/string.h>
#include <irqlab/syscalls.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>

#define ARG_PAGES_ORDER	5	/* 128 KiB = MAX_ARG_BYTES */
#define MAX_SCRIPT_DEPTH 4	/* Linux: -ELOOP beyond */
#define AUXV_ENTRIES	17	/* create_stack's AUX() lines */

#include <irqlab/random.h>

/* Appends one string; -E2BIG when they no longer fit. */
static int add_string(struct linux_binprm *b, const char *s, size_t len)
{
	size_t used = b->arg_len + b->env_len;

	if (len + 1 > MAX_ARG_STRLEN || used + len + 1 > MAX_ARG_BYTES)
		return -E2BIG;
	memcpy(b->strings + used, s, len);
	b->strings[used + len] = 0;
	return len + 1;
}

/* Copies a NULL-terminated array of strings, from user or kernel. */
static int copy_strings(struct linux_binprm *b, const void *vec, bool user,
			bool env)
{
	int count = 0, n;

	for (;; count++) {
		const char *s;
		size_t used = b->arg_len + b->env_len;
		long len;

		if (!vec)
			break;
		if (user) {
			const char __user *const __user *uv = vec;

			if (get_user(s, uv + count))
				return -EFAULT;
			if (!s)
				break;
			len = strncpy_from_user(b->strings + used, s,
						MAX_ARG_BYTES - used);
			if (len < 0)
				return len;
			if ((size_t)len == MAX_ARG_BYTES - used)
				return -E2BIG;
			n = add_string(b, b->strings + used, len);
		} else {
			s = ((const char *const *)vec)[count];
			if (!s)
				break;
			n = add_string(b, s, strlen(s));
		}
		if (n < 0)
			return n;
		if (env)
			b->env_len += n;
		else
			b->arg_len += n;
	}
	if (env)
		b->envc = count;
	else
		b->argc = count;
	return 0;
}

struct file *open_exec(const char *name)
{
	struct file *f = filp_open(name, O_RDONLY, 0);

	if (!IS_ERR(f) &&
	    (!S_ISREG(f->f_inode->i_mode) || !(f->f_inode->i_mode & 0111))) {
		fput(f);
		return ERR_PTR(-EACCES);
	}
	return f;
}

static int open_binprm(struct linux_binprm *b)
{
	struct file *f = open_exec(b->filename);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, b->buf, sizeof(b->buf), &pos);
	if (n < 0) {
		fput(f);
		return n;
	}
	b->file = f;
	b->buf_len = n;
	return 0;
}

static char *put_str(char *dst, const char *s)
{
	size_t n = strlen(s) + 1;

	memcpy(dst, s, n);
	return dst + n;
}

/*
 * "#!interpreter [one argument]": argv becomes interpreter, the
 * argument if any, the script's path, then argv[1...] (Linux's
 * binfmt_script).  The interpreter's path goes to interp.
 */
static int load_script(struct linux_binprm *b, char *interp, size_t size)
{
	char line[BINPRM_BUF_SIZE], script[BINPRM_BUF_SIZE], *p, *arg = NULL;
	size_t n = b->buf_len - 2, first, tail, head, i;

	memcpy(line, b->buf + 2, n);
	line[n] = 0;
	p = strchr(line, '\n');
	if (!p)
		return -ENOEXEC;	/* no whole first line */
	*p = 0;
	for (p = line; *p == ' ' || *p == '\t'; p++)
		;
	if (!*p)
		return -ENOEXEC;
	for (i = 0; p[i] && p[i] != ' ' && p[i] != '\t'; i++)
		;
	if (p[i]) {
		p[i] = 0;
		for (arg = p + i + 1; *arg == ' ' || *arg == '\t'; arg++)
			;
		for (i = strlen(arg); i && (arg[i - 1] == ' ' ||
					    arg[i - 1] == '\t'); i--)
			arg[i - 1] = 0;
		if (!*arg)
			arg = NULL;
	}
	strscpy(script, b->filename, sizeof(script));
	strscpy(interp, p, size);

	/* interp [arg] script, then the old argv[1..] and the environment. */
	first = b->argc ? strlen(b->strings) + 1 : 0;
	tail = b->arg_len + b->env_len - first;
	head = strlen(interp) + 1 + (arg ? strlen(arg) + 1 : 0) +
	       strlen(script) + 1;
	if (head + tail > MAX_ARG_BYTES)
		return -E2BIG;
	memmove(b->strings + head, b->strings + first, tail);
	p = b->strings;
	p = put_str(p, interp);
	if (arg)
		p = put_str(p, arg);
	put_str(p, script);
	b->arg_len = head + (b->arg_len - first);
	b->argc = (b->argc ? b->argc - 1 : 0) + (arg ? 3 : 2);
	return 0;
}

/* The new stack, built in one kernel buffer and copied out at once. */
static int create_stack(struct linux_binprm *b, unsigned long *sp_out)
{
	static const char platform[] = "x86_64";
	size_t fn_len = strlen(b->filename) + 1;
	unsigned long p = STACK_TOP - sizeof(void *);
	unsigned long execfn, strings, plat, rnd, sp, *w;
	size_t nwords, i;
	u8 random[16];
	char *s;
	int ret = 0;

	if (mmap_region(current->mm, STACK_TOP - STACK_SIZE_MAX,
			STACK_SIZE_MAX, VM_READ | VM_WRITE | VM_GROWSDOWN,
			true, "[stack]") < 0)
		return -ENOMEM;
	p -= fn_len;
	execfn = p;
	p -= b->arg_len + b->env_len;
	strings = p;
	p -= sizeof(platform);
	plat = p;
	p -= sizeof(random);
	rnd = p;
	p &= ~15UL;
	/* argc, argv and NULL, envp and NULL, AUXV_ENTRIES pairs and AT_NULL. */
	nwords = 1 + b->argc + 1 + b->envc + 1 + 2 * (AUXV_ENTRIES + 1);
	sp = (p - nwords * sizeof(long)) & ~15UL;

	w = kcalloc(nwords, sizeof(long), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	i = 0;
	w[i++] = b->argc;
	s = b->strings;
	for (int n = 0; n < b->argc + b->envc; n++) {
		if (n == b->argc)
			w[i++] = 0;
		w[i++] = strings + (s - b->strings);
		s += strlen(s) + 1;
	}
	w[i++] = 0;
#define AUX(type, val) do { w[i++] = (type); w[i++] = (val); } while (0)
	AUX(AT_HWCAP, 0x178bfbff);	/* CPUID.1:EDX, as Linux reports */
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, 100);		/* USER_HZ */
	AUX(AT_PHDR, b->phdr);
	AUX(AT_PHENT, sizeof(struct elf64_phdr));
	AUX(AT_PHNUM, b->phnum);
	AUX(AT_BASE, b->interp_base);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, b->entry);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, rnd);
	AUX(AT_EXECFN, execfn);
	AUX(AT_PLATFORM, plat);
#undef AUX
	/* AT_NULL: the last two words, which kcalloc zeroed. */
	BUG_ON(i != nwords - 2);
	get_random_bytes(random, sizeof(random));
	if (copy_to_user((void __user *)sp, w, nwords * sizeof(long)) ||
	    copy_to_user((void __user *)rnd, random, sizeof(random)) ||
	    copy_to_user((void __user *)plat, platform, sizeof(platform)) ||
	    copy_to_user((void __user *)strings, b->strings,
			 b->arg_len + b->env_len) ||
	    copy_to_user((void __user *)execfn, b->filename, fn_len))
		ret = -EFAULT;
	kfree(w);
	/* Only now: /proc/PID/cmdline reads what these say is there. */
	current->mm->arg_start = strings;
	current->mm->arg_end = current->mm->env_start = strings + b->arg_len;
	current->mm->env_end = strings + b->arg_len + b->env_len;
	current->mm->start_stack = sp;
	*sp_out = sp;
	return ret;
}

/* The point of no return: the old program is gone after this. */
static void begin_new_exec(struct linux_binprm *b)
{
	struct task_struct *p = current;
	struct mm_struct *old = p->mm;
	const char *base = strrchr(b->filename, '/');

	p->mm = b->mm;
	b->mm = NULL;
	switch_mm(p->mm->pgd);
	if (old)
		mmput(old);
	mm_release_vfork();
	p->flags &= ~PF_KTHREAD;
	strscpy(p->comm, base ? base + 1 : b->filename, sizeof(p->comm));
	if (p->files)
		do_close_on_exec(p->files);
	p->clear_child_tid = NULL;
	flush_signal_handlers(p);
}

static int do_execve(const char *filename, const void *argv,
		     const void *envp, bool user)
{
	struct linux_binprm b = { .filename = filename };
	char interp[BINPRM_BUF_SIZE];
	unsigned long sp = 0;
	int ret, depth;

	b.strings = (char *)__get_free_pages(GFP_KERNEL, ARG_PAGES_ORDER);
	if (!b.strings)
		return -ENOMEM;
	ret = copy_strings(&b, argv, user, false);
	if (!ret)
		ret = copy_strings(&b, envp, user, true);
	if (ret)
		goto out;
	for (depth = 0;; depth++) {
		ret = open_binprm(&b);
		if (ret)
			goto out;
		if (b.buf_len < 2 || b.buf[0] != '#' || b.buf[1] != '!')
			break;
		ret = depth < MAX_SCRIPT_DEPTH ?
		      load_script(&b, interp, sizeof(interp)) : -ELOOP;
		fput(b.file);
		b.file = NULL;
		if (ret)
			goto out;
		b.filename = interp;
	}
	strscpy(b.comm, strrchr(b.filename, '/') ?
		strrchr(b.filename, '/') + 1 : b.filename, sizeof(b.comm));
	ret = load_elf_binary(&b);
	if (ret)
		goto out;
	if (!current->thread.fpu) {
		ret = fpu_clone(current, NULL);
		if (ret) {
			mmput(b.mm);
			goto out;
		}
	}
	begin_new_exec(&b);
	flush_thread();
	ret = create_stack(&b, &sp);
	if (ret) {
		/* Too late to fail the call: the process dies (Linux). */
		force_sig(SIGSEGV);
		ret = 0;
	}
	start_thread(task_pt_regs(current), b.start_ip, sp);
out:
	if (b.file)
		fput(b.file);
	free_pages((unsigned long)b.strings, ARG_PAGES_ORDER);
	return ret;
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	char *path = getname(filename, false);
	int ret;

	if (IS_ERR(path))
		return PTR_ERR(path);
	ret = do_execve(path, argv, envp, true);
	putname(path);
	/* 0 on success: the new program starts with %rax 0, as on Linux. */
	return ret;
}

int kernel_execve(const char *path, const char *const *argv,
		  const char *const *envp)
{
	struct task_struct *p = current;

	if (!p->fs) {
		p->fs = init_fs_struct();
		if (!p->fs)
			return -ENOMEM;
	}
	if (!p->files) {
		p->files = files_alloc();
		if (!p->files)
			return -ENOMEM;
	}
	return do_execve(path, argv, envp, false);
}
