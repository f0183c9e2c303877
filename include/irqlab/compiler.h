/* SPDX-License-Identifier: GPL-2.0 */
/* Compiler attributes and helpers, Linux's names. */
#ifndef _IRQLAB_COMPILER_H
#define _IRQLAB_COMPILER_H

#define __noreturn	__attribute__((noreturn))
#define __packed	__attribute__((packed))
#define __aligned(x)	__attribute__((aligned(x)))
#define __section(s)	__attribute__((section(s)))
#define __used		__attribute__((used))
#define __unused	__attribute__((unused))
#define __noinline	__attribute__((noinline))
/* Not inlined, cloned or otherwise optimised across calls. */
#define __noipa		__attribute__((noipa))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define __always_inline	inline __attribute__((always_inline))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define barrier()	__asm__ __volatile__("" ::: "memory")

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)

#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

#endif /* _IRQLAB_COMPILER_H */
