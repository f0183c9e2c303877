/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DMA barriers, from Linux's arch/x86/include/asm/barrier.h (the smp_*
 * ones are in <irqlab/atomic.h>).  x86 keeps loads in order with loads
 * and stores with stores, and DMA is cache coherent, so ordering CPU
 * accesses against a device's descriptor DMA only needs the compiler
 * stopped.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <irqlab/compiler.h>

#define dma_rmb()	barrier()
#define dma_wmb()	barrier()

#endif /* _ASM_BARRIER_H */
