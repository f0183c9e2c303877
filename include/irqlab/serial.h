/* SPDX-License-Identifier: GPL-2.0 */
/* The 16550 UART on COM1: the console. */
#ifndef _IRQLAB_SERIAL_H
#define _IRQLAB_SERIAL_H

#include <irqlab/types.h>

void serial_init(void);
void serial_write(const char *s, size_t len);
/* Waits until every byte written has left the UART. */
void serial_flush(void);
/* A received byte, or -1 if none is waiting. */
int serial_getc_nowait(void);
/* Waits for a received byte. */
int serial_getc(void);
/* True if ^C arrived (it and the input before it are consumed): how a
 * long-running command such as mpstat learns to stop. */
bool serial_take_interrupt(void);
/* Switches input to the receive interrupt (IRQ 4, "ttyS0"). */
void serial_irq_init(void);
extern unsigned long serial_rx_overruns;

#endif /* _IRQLAB_SERIAL_H */
