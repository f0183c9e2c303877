/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory barriers, Linux's arch/x86/include/asm/barrier.h.  x86 keeps
 * loads in order with loads and stores with stores, and DMA is cache
 * coherent, so the dma_* ones only stop the compiler from reordering.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <irqlab/compiler.h>

#define mb()	__asm__ __volatile__("mfence" ::: "memory")
#define rmb()	__asm__ __volatile__("lfence" ::: "memory")
#define wmb()	__asm__ __volatile__("sfence" ::: "memory")
#define dma_rmb()	barrier()
#define dma_wmb()	barrier()

#endif /* _ASM_BARRIER_H */
