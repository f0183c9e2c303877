/* SPDX-License-Identifier: GPL-2.0 */
/* Busy-wait delays, timed by the TSC. */
#ifndef _IRQLAB_DELAY_H
#define _IRQLAB_DELAY_H

void ndelay(unsigned long ns);
void udelay(unsigned long us);
void mdelay(unsigned long ms);

#endif /* _IRQLAB_DELAY_H */
