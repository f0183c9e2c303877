/* SPDX-License-Identifier: GPL-2.0 */
/* What execve knows about the program it loads (Linux's linux_binprm). */
#ifndef _IRQLAB_BINFMTS_H
#define _IRQLAB_BINFMTS_H

#include <irqlab/types.h>
#include <irqlab/sched.h>

#define BINPRM_BUF_SIZE	256
/* Arguments and environment together (Linux allows a quarter of the
 * stack limit; 128 KiB is Linux's old fixed MAX_ARG_PAGES limit). */
#define MAX_ARG_BYTES	(128 * 1024)
#define MAX_ARG_STRLEN	(32 * 4096)

struct file;
struct mm_struct;

struct linux_binprm {
	struct file *file;
	const char *filename;		/* as given to execve */
	char comm[TASK_COMM_LEN];
	u8 buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	size_t buf_len;
	/* argv's then envp's strings, each NUL-terminated, packed. */
	char *strings;
	size_t arg_len, env_len;
	int argc, envc;
	/* Filled by the loader. */
	struct mm_struct *mm;
	unsigned long entry, phdr, phnum;	/* the program's */
	/* Where it starts: the interpreter's entry, or entry; AT_BASE. */
	unsigned long start_ip, interp_base;
};

int load_elf_binary(struct linux_binprm *bprm);
/* Linux's open_exec: the file, or EACCES unless regular and executable. */
struct file *open_exec(const char *name);

#endif /* _IRQLAB_BINFMTS_H */
