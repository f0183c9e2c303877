/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU masks (one word: NR_CPUS is 64) in Linux's two text forms:
 *   a list, "0-2,5" or "0-15:2/4" (every 4 from 0 to 15, the first 2
 *	of each): smp_affinity_list, taskset -c, %*pbl;
 *   a mask, hex in 32-bit groups, "f" or "1,00000000": smp_affinity,
 *	%*pb.
 * Errors as Linux's: -EINVAL for what does not parse, -ERANGE for a
 * list's CPU at or past nbits, -EOVERFLOW for a number past 32 bits, a
 * group of more than eight digits or a mask bit at or past nbits.
 * White space and commas separate regions or groups; a newline ends
 * the text.  On an error *mask is left as it was.
 */
#ifndef _IRQLAB_BITMAP_H
#define _IRQLAB_BITMAP_H

#include <irqlab/types.h>

int bitmap_parselist(const char *buf, unsigned long *mask, int nbits);
/* The hex form, from at most buflen bytes of buf. */
int bitmap_parse(const char *buf, unsigned int buflen, unsigned long *mask,
		 int nbits);
/* Writes mask as a list ("" for none); returns the length. */
int bitmap_print_list(char *buf, size_t size, unsigned long mask);
/* Writes the low nbits of mask in the hex form; returns the length. */
int bitmap_print_mask(char *buf, size_t size, unsigned long mask, int nbits);

#endif /* _IRQLAB_BITMAP_H */
