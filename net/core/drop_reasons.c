// SPDX-License-Identifier: GPL-2.0
/*
 * Dropped frames counted by reason.  Linux reports them through the
 * skb:kfree_skb tracepoint (dropwatch, perf); irqlab keeps a counter per
 * reason and shows the non-zero ones in /proc/net/drops, so every frame
 * the NIC took in can be accounted for.
 */
#include <irqlab/skbuff.h>
#include <irqlab/shell.h>
#include <irqlab/atomic.h>

#define __SKB_DROP_NAME(r)	[SKB_DROP_REASON_##r] = #r,
static const char *const drop_reason_names[SKB_DROP_REASON_MAX] = {
	[SKB_NOT_DROPPED_YET] = "NOT_DROPPED_YET",
	[SKB_CONSUMED] = "CONSUMED",
	SKB_DROP_REASONS(__SKB_DROP_NAME)
};

static unsigned long drop_counts[SKB_DROP_REASON_MAX];

const char *skb_drop_reason_name(enum skb_drop_reason reason)
{
	if ((unsigned int)reason >= SKB_DROP_REASON_MAX)
		return "UNKNOWN";
	return drop_reason_names[reason];
}

void skb_drop_count_add(enum skb_drop_reason reason)
{
	if ((unsigned int)reason >= SKB_DROP_REASON_MAX ||
	    reason < SKB_DROP_REASON_NOT_SPECIFIED)
		reason = SKB_DROP_REASON_NOT_SPECIFIED;
	__atomic_add_fetch(&drop_counts[reason], 1, __ATOMIC_RELAXED);
}

unsigned long skb_drop_count(enum skb_drop_reason reason)
{
	if ((unsigned int)reason >= SKB_DROP_REASON_MAX)
		return 0;
	return READ_ONCE(drop_counts[reason]);
}

static void proc_net_drops_show(void)
{
	int r;

	sh_printf("%-24s %s\n", "reason", "count");
	for (r = SKB_DROP_REASON_NOT_SPECIFIED; r < SKB_DROP_REASON_MAX; r++)
		if (drop_counts[r])
			sh_printf("%-24s %lu\n", drop_reason_names[r],
				  drop_counts[r]);
}
PROC_ENTRY("/proc/net/drops", proc_net_drops_show);
