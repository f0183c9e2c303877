/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomics and barriers, Linux's names, on the compiler's __atomic builtins
 * (which compile to lock-prefixed instructions on x86).
 */
#ifndef _IRQLAB_ATOMIC_H
#define _IRQLAB_ATOMIC_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_INIT(i)	{ (i) }

#define atomic_read(v)		READ_ONCE((v)->counter)
#define atomic_set(v, i)	WRITE_ONCE((v)->counter, (i))
#define atomic_add(i, v)	((void)__atomic_add_fetch(&(v)->counter, (i), __ATOMIC_SEQ_CST))
#define atomic_sub(i, v)	((void)__atomic_sub_fetch(&(v)->counter, (i), __ATOMIC_SEQ_CST))
#define atomic_inc(v)		atomic_add(1, v)
#define atomic_dec(v)		atomic_sub(1, v)
#define atomic_add_return(i, v)	__atomic_add_fetch(&(v)->counter, (i), __ATOMIC_SEQ_CST)
#define atomic_sub_return(i, v)	__atomic_sub_fetch(&(v)->counter, (i), __ATOMIC_SEQ_CST)
#define atomic_inc_return(v)	atomic_add_return(1, v)
#define atomic_dec_return(v)	atomic_sub_return(1, v)
#define atomic_dec_and_test(v)	(atomic_dec_return(v) == 0)
#define atomic_fetch_add(i, v)	__atomic_fetch_add(&(v)->counter, (i), __ATOMIC_SEQ_CST)
#define atomic_xchg(v, n)	__atomic_exchange_n(&(v)->counter, (n), __ATOMIC_SEQ_CST)

static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return old;
}

#define atomic_long_read(v)	READ_ONCE((v)->counter)
#define atomic_long_set(v, i)	WRITE_ONCE((v)->counter, (i))
#define atomic_long_add(i, v)	((void)__atomic_add_fetch(&(v)->counter, (i), __ATOMIC_SEQ_CST))
#define atomic_long_inc(v)	atomic_long_add(1, v)

/* Bit operations on unsigned long words. */
#define set_bit(nr, addr)	((void)__atomic_fetch_or((addr), 1UL << (nr), __ATOMIC_SEQ_CST))
#define clear_bit(nr, addr)	((void)__atomic_fetch_and((addr), ~(1UL << (nr)), __ATOMIC_SEQ_CST))
#define test_bit(nr, addr)	((READ_ONCE(*(addr)) >> (nr)) & 1)
#define test_and_set_bit(nr, addr) \
	((__atomic_fetch_or((addr), 1UL << (nr), __ATOMIC_SEQ_CST) >> (nr)) & 1)
#define test_and_clear_bit(nr, addr) \
	((__atomic_fetch_and((addr), ~(1UL << (nr)), __ATOMIC_SEQ_CST) >> (nr)) & 1)

/* x86 is TSO: only store-load needs a fence; the rest order the compiler. */
#define smp_mb()	__asm__ __volatile__("lock; addl $0, -4(%%rsp)" ::: "memory", "cc")
#define smp_rmb()	barrier()
#define smp_wmb()	barrier()
#define smp_store_release(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE)

#endif /* _IRQLAB_ATOMIC_H */
