// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call table (Linux's arch/x86/entry/syscall_64.c, built here
 * at boot from what SYSCALL_DEFINEn put in .syscall_table, so each
 * subsystem declares its calls where it lives), the names of all of
 * Linux's x86_64 calls, and what an unknown or unimplemented one gets:
 * -ENOSYS, and one line in the log per number so a missing call shows
 * itself when a new program is tried.
 */
#include <irqlab/atomic.h>
#include <irqlab/entry-common.h>
#include <irqlab/errno.h>
#include <irqlab/init.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/sched.h>
#include <irqlab/syscalls.h>

extern const struct syscall_entry __start_syscall_table[],
	__stop_syscall_table[];

static sys_call_ptr_t sys_call_table[NR_syscalls];

static const char *const syscall_names[NR_syscalls] = {
#define __SYSCALL(nr, name)	[nr] = #name,
#include <asm/syscalls_64.h>
#undef __SYSCALL
};

static int syscall_table_init(void)
{
	const struct syscall_entry *e;

	for (e = __start_syscall_table; e < __stop_syscall_table; e++) {
		if (e->nr >= NR_syscalls || sys_call_table[e->nr]) {
			pr_err("syscall: %s (%u) declared twice or out of range\n",
			       e->name, e->nr);
			continue;
		}
		sys_call_table[e->nr] = e->fn;
	}
	return 0;
}
core_initcall(syscall_table_init);

sys_call_ptr_t syscall_handler(unsigned long nr)
{
	return nr < NR_syscalls ? sys_call_table[nr] : NULL;
}

const char *syscall_name(unsigned long nr)
{
	return nr < NR_syscalls ? syscall_names[nr] : NULL;
}

long sys_ni_syscall(unsigned long nr)
{
	/* One bit per number, and one for every number beyond the table. */
	static unsigned long reported[NR_syscalls / BITS_PER_LONG + 1];
	unsigned long bit = nr < NR_syscalls ? nr : NR_syscalls;
	const char *name = syscall_name(nr);

	if (!test_and_set_bit(bit % BITS_PER_LONG,
			      &reported[bit / BITS_PER_LONG]))
		pr_info("%s[%d]: unimplemented system call %lu (%s)\n",
			current->comm, current->pid, nr,
			name ? name : "unknown");
	return -ENOSYS;
}
