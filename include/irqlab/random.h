/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Random bytes (kernel/random.c), for the kernel, getrandom(2),
 * /dev/random and /dev/urandom.  NOT cryptographic: a SplitMix64
 * generator stirred with the TSC, which is enough for hash seeds,
 * temporary names and tests, and nothing that must not be guessed.  Linux's is a ChaCha20 CRNG fed
 * with interrupt timings and RDRAND.
 */
#ifndef _IRQLAB_RANDOM_H
#define _IRQLAB_RANDOM_H

#include <irqlab/types.h>

void get_random_bytes(void *buf, size_t len);
/* What a write to /dev/random gives: stirred into the state. */
void add_device_randomness(const void *buf, size_t len);

#endif /* _IRQLAB_RANDOM_H */
