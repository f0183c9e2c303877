/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Why a frame was dropped: Linux's enum skb_drop_reason names for the
 * reasons irqlab has.  Apart from skbuff.h so that the host-built parsers
 * (net/proto/) can return them.
 */
#ifndef _IRQLAB_SKBUFF_REASONS_H
#define _IRQLAB_SKBUFF_REASONS_H

/* Linux's include/net/dropreason-core.h names, for the reasons irqlab has. */
#define SKB_DROP_REASONS(FN)			\
	FN(NOT_SPECIFIED)			\
	FN(NO_SOCKET)				\
	FN(PKT_TOO_SMALL)			\
	FN(PKT_TOO_BIG)				\
	FN(OTHERHOST)				\
	FN(UNHANDLED_PROTO)			\
	FN(MAC_INVALID)				\
	FN(IP_CSUM)				\
	FN(IP_INHDR)				\
	FN(IP_RPFILTER)				\
	FN(IP_NOPROTO)				\
	FN(IP_FRAG)				\
	FN(IP_INADDRERRORS)			\
	FN(IP_OUTNOROUTES)			\
	FN(IP_LOCAL_SOURCE)			\
	FN(IP_INVALID_SOURCE)			\
	FN(UDP_CSUM)				\
	FN(SOCKET_CLOSE)			\
	FN(SOCKET_RCVBUFF)			\
	FN(ICMP_CSUM)				\
	FN(ARP_INVALID)				\
	FN(NEIGH_FAILED)			\
	FN(NEIGH_CREATEFAIL)			\
	FN(NEIGH_QUEUEFULL)			\
	FN(NEIGH_DEAD)				\
	FN(DEV_READY)				\
	FN(NOMEM)				\
	FN(QDISC_DROP)				\
	FN(CPU_BACKLOG)

#define __SKB_DROP_ENUM(r)	SKB_DROP_REASON_##r,
enum skb_drop_reason {
	SKB_NOT_DROPPED_YET = 0,
	SKB_CONSUMED,
	SKB_DROP_REASONS(__SKB_DROP_ENUM)
	SKB_DROP_REASON_MAX,
};
#undef __SKB_DROP_ENUM
/* The contract's name for Linux's CPU_BACKLOG (netdev_max_backlog hit). */
#define SKB_DROP_REASON_BACKLOG_QUEUE_FULL	SKB_DROP_REASON_CPU_BACKLOG

/* "NOT_SPECIFIED" for SKB_DROP_REASON_NOT_SPECIFIED, as Linux's tracepoint. */
const char *skb_drop_reason_name(enum skb_drop_reason reason);
/* Frames dropped for reason since boot (net/core/drop_reasons.c). */
unsigned long skb_drop_count(enum skb_drop_reason reason);
void skb_drop_count_add(enum skb_drop_reason reason);

#endif /* _IRQLAB_SKBUFF_REASONS_H */
