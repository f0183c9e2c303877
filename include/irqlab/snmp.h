/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The SNMP counters of /proc/net/snmp, as Linux's include/net/snmp.h and
 * include/uapi/linux/snmp.h: one copy per CPU, each CPU counting in its
 * own, summed when read (snmp_fold_field), so CPUs counting at once lose
 * nothing and pay for no atomic.  __IP_INC_STATS() and friends are for
 * callers that cannot be preempted or interrupted by a counter of the
 * same CPU (softirq, bottom halves off); IP_INC_STATS() for any context.
 * irqlab has one network namespace, so there is no net argument.
 */
#ifndef _IRQLAB_SNMP_H
#define _IRQLAB_SNMP_H

#include <irqlab/percpu.h>
#include <asm/processor.h>

/* Linux's names, for the counters irqlab has. */
enum {
	IPSTATS_MIB_INPKTS,		/* InReceives */
	IPSTATS_MIB_INHDRERRORS,	/* InHdrErrors */
	IPSTATS_MIB_INADDRERRORS,	/* InAddrErrors */
	IPSTATS_MIB_INUNKNOWNPROTOS,	/* InUnknownProtos */
	IPSTATS_MIB_INDELIVERS,		/* InDelivers */
	IPSTATS_MIB_OUTREQUESTS,	/* OutRequests */
	IPSTATS_MIB_OUTDISCARDS,	/* OutDiscards */
	IPSTATS_MIB_OUTNOROUTES,	/* OutNoRoutes */
	__IPSTATS_MIB_MAX
};

enum {
	ICMP_MIB_INMSGS,		/* InMsgs */
	ICMP_MIB_INERRORS,		/* InErrors */
	ICMP_MIB_CSUMERRORS,		/* InCsumErrors */
	ICMP_MIB_OUTMSGS,		/* OutMsgs */
	__ICMP_MIB_MAX
};

enum {
	UDP_MIB_INDATAGRAMS,		/* InDatagrams */
	UDP_MIB_NOPORTS,		/* NoPorts */
	UDP_MIB_INERRORS,		/* InErrors */
	UDP_MIB_OUTDATAGRAMS,		/* OutDatagrams */
	UDP_MIB_RCVBUFERRORS,		/* RcvbufErrors */
	UDP_MIB_SNDBUFERRORS,		/* SndbufErrors */
	UDP_MIB_CSUMERRORS,		/* InCsumErrors */
	__UDP_MIB_MAX
};

struct ipstats_mib {
	unsigned long mibs[__IPSTATS_MIB_MAX];
};

struct icmp_mib {
	unsigned long mibs[__ICMP_MIB_MAX];
};

struct udp_mib {
	unsigned long mibs[__UDP_MIB_MAX];
};

/* Linux's net->mib.ip_statistics and friends (DEFINE_SNMP_STAT). */
DECLARE_PER_CPU(struct ipstats_mib, ip_statistics);
DECLARE_PER_CPU(struct icmp_mib, icmp_statistics);
DECLARE_PER_CPU(struct udp_mib, udp_statistics);

#define __SNMP_INC_STATS(mib, field)	\
	(this_cpu_ptr(&(mib))->mibs[field]++)
#define SNMP_INC_STATS(mib, field)					\
	do {								\
		unsigned long __flags;					\
									\
		local_irq_save(__flags);				\
		__SNMP_INC_STATS(mib, field);				\
		local_irq_restore(__flags);				\
	} while (0)

#define __IP_INC_STATS(f)	__SNMP_INC_STATS(ip_statistics, f)
#define IP_INC_STATS(f)		SNMP_INC_STATS(ip_statistics, f)
#define __ICMP_INC_STATS(f)	__SNMP_INC_STATS(icmp_statistics, f)
#define ICMP_INC_STATS(f)	SNMP_INC_STATS(icmp_statistics, f)
#define __UDP_INC_STATS(f)	__SNMP_INC_STATS(udp_statistics, f)
#define UDP_INC_STATS(f)	SNMP_INC_STATS(udp_statistics, f)

/* The sum over the online CPUs of field offt of mib (an array of longs). */
unsigned long snmp_fold_field(const void *mib, int offt);

#endif /* _IRQLAB_SNMP_H */
