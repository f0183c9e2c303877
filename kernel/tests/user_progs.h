/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ktests' user programs (kernel/tests/user_progs.S and
 * signal_progs.S) and the way to run one as a child of the test
 * (kernel/tests/user_ktest.c).
 */
#ifndef _KERNEL_TESTS_USER_PROGS_H
#define _KERNEL_TESTS_USER_PROGS_H

#include <irqlab/ktest.h>
#include <irqlab/types.h>

#define USER_PROG(name)	extern const u8 up_##name[], up_##name##_end[]
#define PROG(name)	up_##name, (size_t)(up_##name##_end - up_##name)

USER_PROG(regs_async);
USER_PROG(regs_sync);
USER_PROG(samask);
USER_PROG(procmask);
USER_PROG(uncatchable);
USER_PROG(wait_restart);
USER_PROG(wait_eintr);
USER_PROG(pause_prog);
USER_PROG(autoreap);
USER_PROG(badframe);
USER_PROG(segv_info);
USER_PROG(segv_blocked);
USER_PROG(altstack);
USER_PROG(timedwait);
USER_PROG(nsleep);
USER_PROG(sigchld);
USER_PROG(resethand);
/* user_ktest.c's */
USER_PROG(exit42);
USER_PROG(getpid);
USER_PROG(efault);
USER_PROG(kaddr);
USER_PROG(enosys);
USER_PROG(segv);
USER_PROG(mmap);
USER_PROG(ud2);
USER_PROG(spin);
USER_PROG(sse);
USER_PROG(fork);

struct ucode {
	const u8 *code;
	size_t len;
};

/* Starts the code as a child of the test (u must outlive its start);
 * its pid. */
int ktest_start_user(struct ktest *t, struct ucode *u);
/* Runs it to the end: its wait status. */
int ktest_run_user(struct ktest *t, const u8 *code, size_t len);

#define EXITED(code)	(((code) & 0xff) << 8)

#endif /* _KERNEL_TESTS_USER_PROGS_H */
