/* SPDX-License-Identifier: GPL-2.0 */
/*
 * jiffies: ticks of the PIT since boot, HZ a second (CONFIG_HZ, set at
 * build time: `make HZ=250`).  Comparisons must survive wrap-around, hence
 * time_after() and friends, as Linux's.
 */
#ifndef _IRQLAB_JIFFIES_H
#define _IRQLAB_JIFFIES_H

#include <irqlab/types.h>
#include <irqlab/compiler.h>

#ifndef CONFIG_HZ
#define CONFIG_HZ	1000
#endif
#define HZ		CONFIG_HZ

extern volatile u64 jiffies_64;
#define jiffies		((unsigned long)READ_ONCE(jiffies_64))

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)
#define time_in_range(a, b, c)	(time_after_eq(a, b) && time_before_eq(a, c))

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return ((unsigned long)m * HZ + 999) / 1000;
}

static inline unsigned long usecs_to_jiffies(unsigned int u)
{
	return ((unsigned long)u * HZ + 999999) / 1000000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * 1000 / HZ;
}

#endif /* _IRQLAB_JIFFIES_H */
