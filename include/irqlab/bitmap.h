/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU lists such as "0-2,5", Linux's format for smp_affinity_list,
 * taskset -c and friends, on one word (NR_CPUS is 64).
 */
#ifndef _IRQLAB_BITMAP_H
#define _IRQLAB_BITMAP_H

#include <irqlab/types.h>

/*
 * Parses a list ("0-2,5", "3", "1-7:2" is not supported) into *mask.
 * Returns 0, -EINVAL for a malformed list, -ERANGE for a bit >= nbits.
 */
int bitmap_parselist(const char *buf, unsigned long *mask, int nbits);
/* Writes mask as such a list ("" for none); returns the length. */
int bitmap_print_list(char *buf, size_t size, unsigned long mask);

#endif /* _IRQLAB_BITMAP_H */
