/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SETJMP_H
#define _ASM_SETJMP_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

struct kjmp_buf {
	u64 bx, bp, r12, r13, r14, r15, sp, ip, flags;
};

/* Returns 0 when called, the value given to klongjmp() when jumped to. */
int ksetjmp(struct kjmp_buf *buf) __attribute__((returns_twice));
void __noreturn klongjmp(struct kjmp_buf *buf, int val);

#endif /* _ASM_SETJMP_H */
