/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Declaring a system call, as Linux's <linux/syscalls.h>:
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf,
 *			size_t, count)
 *	{
 *		...
 *	}
 *
 * defines __x64_sys_read(const struct pt_regs *), which takes the
 * arguments from the registers of the x86_64 convention (rdi, rsi, rdx,
 * r10, r8, r9), each first as a full long and then cast to its declared
 * type (a 32-bit int argument ignores the upper half, as on Linux), and
 * puts { __NR_read, "read", __x64_sys_read } in the .syscall_table
 * section.  kernel/syscall.c builds sys_call_table[] from that section
 * at boot: a subsystem adds its calls where it lives, nothing lists them
 * centrally.  The return value is the result or a negative errno.
 */
#ifndef _IRQLAB_SYSCALLS_H
#define _IRQLAB_SYSCALLS_H

#include <irqlab/compiler.h>
#include <irqlab/types.h>
#include <irqlab/uaccess.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

typedef long (*sys_call_ptr_t)(const struct pt_regs *regs);

struct syscall_entry {
	unsigned int nr;
	const char *name;
	sys_call_ptr_t fn;
};

/* The handler for nr, or NULL if there is none (-ENOSYS). */
sys_call_ptr_t syscall_handler(unsigned long nr);
/* Linux's name of system call nr ("read"), or NULL if it has none. */
const char *syscall_name(unsigned long nr);
/* From the SYSCALL entry: runs call nr; true if SYSRET may return. */
bool do_syscall_64(struct pt_regs *regs, unsigned long nr);

#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...)	m(t, a)
#define __MAP2(m, t, a, ...)	m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...)	m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...)	m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...)	m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...)	m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...)		__MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a)		t a
#define __SC_LONG(t, a)		unsigned long a
#define __SC_CAST(t, a)		(t)a

#define __SC_REGS1(r)		(r)->di
#define __SC_REGS2(r)		__SC_REGS1(r), (r)->si
#define __SC_REGS3(r)		__SC_REGS2(r), (r)->dx
#define __SC_REGS4(r)		__SC_REGS3(r), (r)->r10
#define __SC_REGS5(r)		__SC_REGS4(r), (r)->r8
#define __SC_REGS6(r)		__SC_REGS5(r), (r)->r9

#define __SYSCALL_ENTRY(name)						\
	static const struct syscall_entry __syscall_entry_##name	\
	__used __section(".syscall_table") __aligned(8) = {		\
		__NR_##name, #name, __x64_sys_##name			\
	}

#define SYSCALL_DEFINE0(name)						\
	static long __do_sys_##name(void);				\
	long __x64_sys_##name(const struct pt_regs *regs);		\
	long __x64_sys_##name(const struct pt_regs *regs)		\
	{								\
		return __do_sys_##name();				\
	}								\
	__SYSCALL_ENTRY(name);						\
	static long __do_sys_##name(void)

#define __SYSCALL_DEFINEx(x, name, ...)					\
	static long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__));	\
	long __x64_sys_##name(const struct pt_regs *regs);		\
	static long __se_sys_##name(__MAP(x, __SC_LONG, __VA_ARGS__))	\
	{								\
		return __do_sys_##name(__MAP(x, __SC_CAST, __VA_ARGS__)); \
	}								\
	long __x64_sys_##name(const struct pt_regs *regs)		\
	{								\
		return __se_sys_##name(__SC_REGS##x(regs));		\
	}								\
	__SYSCALL_ENTRY(name);						\
	static long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__))

#define SYSCALL_DEFINE1(name, ...) __SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) __SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) __SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) __SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) __SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) __SYSCALL_DEFINEx(6, name, __VA_ARGS__)

/* The current system call's registers (fork and execve need them all). */
struct pt_regs *current_pt_regs(void);

#endif /* _IRQLAB_SYSCALLS_H */
