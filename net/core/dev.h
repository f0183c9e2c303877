/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of net/core share and nothing else may use (Linux's
 * net/core/dev.h): dev.c keeps the devices, xmit.c the transmit path and
 * NET_TX, napi.c NAPI and net_rx_action, receive.c the backlog, RPS and
 * the protocol dispatch.
 */
#ifndef _NET_CORE_DEV_H
#define _NET_CORE_DEV_H

#include <irqlab/netdevice.h>

/* napi.c: lists n on sd's poll list and raises NET_RX; irqs off. */
void ____napi_schedule(struct softnet_data *sd, struct napi_struct *n);

/* receive.c */
int process_backlog(struct napi_struct *napi, int quota);
/* The csd's function: the first frame on this CPU's backlog came. */
void rps_trigger_softirq(void *data);
/* Interrupts off: turns them on and sends the IPIs RPS owes. */
void net_rps_action_and_irq_enable(struct softnet_data *sd);

/* xmit.c */
void net_tx_action(void);
void dev_qdisc_init(struct net_device *dev);
void dev_qdisc_reset(struct net_device *dev);

#endif /* _NET_CORE_DEV_H */
