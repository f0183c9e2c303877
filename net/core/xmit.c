// SPDX-License-Identifier: GPL-2.0
/*
 * Transmit (Linux's dev_queue_xmit and NET_TX_SOFTIRQ): the driver's
 * ndo_start_xmit under the device's TX lock; what a stopped or busy
 * device refused waits and NET_TX retries it once the driver wakes the
 * queue.
 */
#include <irqlab/netdevice.h>
#include <irqlab/bottom_half.h>
#include <irqlab/smp.h>
#include <irqlab/atomic.h>
#include "dev.h"

static void raise_net_tx_ipi(void *info)
{
	__raise_softirq_irqoff(NET_TX_SOFTIRQ);
}

/* One attempt at the driver; true if the driver took skb. */
static bool dev_hard_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	netdev_tx_t rc = NETDEV_TX_BUSY;

	spin_lock(&dev->tx_lock);
	if (!netif_queue_stopped(dev))
		rc = dev->netdev_ops->ndo_start_xmit(skb, dev);
	spin_unlock(&dev->tx_lock);
	return rc == NETDEV_TX_OK;
}

int dev_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct softnet_data *sd;
	unsigned long flags;
	int ret = NET_XMIT_SUCCESS;

	if (!dev || !netif_running(dev) || !dev->netdev_ops ||
	    !dev->netdev_ops->ndo_start_xmit) {
		if (dev)
			__atomic_add_fetch(&dev->tx_dropped_core, 1,
					   __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_READY);
		return NET_XMIT_DROP;
	}

	/*
	 * Bottom halves off, as Linux's rcu_read_lock_bh(): the udp-echo
	 * thread and NET_RX (ICMP replies) share dev->tx_lock on one CPU.
	 */
	local_bh_disable();
	sd = this_cpu_ptr(&softnet_data);
	/* Frames already held back go first, so a flow keeps its order. */
	if (skb_queue_empty(&sd->output_queue) && dev_hard_start_xmit(skb, dev))
		goto out;

	local_irq_save(flags);
	if (skb_queue_len(&sd->output_queue) >= (u32)netdev_max_backlog) {
		local_irq_restore(flags);
		__atomic_add_fetch(&dev->tx_dropped_core, 1, __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
		ret = NET_XMIT_DROP;
		goto out;
	}
	__skb_queue_tail(&sd->output_queue, skb);
	__raise_softirq_irqoff(NET_TX_SOFTIRQ);
	local_irq_restore(flags);
out:
	local_bh_enable();
	return ret;
}

/* NET_TX_SOFTIRQ: retry what dev_queue_xmit could not hand over. */
void net_tx_action(void)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);
	struct sk_buff *skb;
	unsigned long flags;
	int n = 0;

	for (;;) {
		local_irq_save(flags);
		skb = __skb_dequeue(&sd->output_queue);
		local_irq_restore(flags);
		if (!skb)
			break;
		if (dev_hard_start_xmit(skb, skb->dev)) {
			if (++n < dev_rx_weight)
				continue;
			/* Enough for one pass: let other softirqs run. */
			raise_softirq_irqoff(NET_TX_SOFTIRQ);
			break;
		}
		/* Still stopped: netif_wake_queue raises NET_TX again. */
		local_irq_save(flags);
		__skb_queue_head(&sd->output_queue, skb);
		local_irq_restore(flags);
		break;
	}
}

void netif_wake_queue(struct net_device *dev)
{
	int cpu;

	if (!test_and_clear_bit(__LINK_STATE_XOFF, &dev->state))
		return;
	for_each_online_cpu(cpu) {
		if (skb_queue_empty(&per_cpu(softnet_data, cpu).output_queue))
			continue;
		if (cpu == smp_processor_id())
			raise_softirq_irqoff(NET_TX_SOFTIRQ);
		else
			smp_call_function_single(cpu, raise_net_tx_ipi, NULL, 0);
	}
}

