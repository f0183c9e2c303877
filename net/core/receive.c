// SPDX-License-Identifier: GPL-2.0
/*
 * Receive (Linux's net/core/dev.c): netif_receive_skb() from a NAPI poll
 * and netif_rx() from anywhere, the per-CPU backlog with its own NAPI
 * (process_backlog), Receive Packet Steering by flow hash to the CPUs of
 * rps_cpus, and the dispatch of a frame to its protocol.
 */
#include <irqlab/netdevice.h>
#include <irqlab/etherdevice.h>
#include <irqlab/net.h>
#include <irqlab/smp.h>
#include <irqlab/atomic.h>
#include <irqlab/bottom_half.h>
#include "dev.h"

int netdev_max_backlog = 1000;

/* CPUs this CPU owes a NET_RX IPI (RPS), sent at the end of net_rx_action. */
static DEFINE_PER_CPU(unsigned long, rps_ipi_mask);

static void raise_net_rx_ipi(void *info)
{
	__raise_softirq_irqoff(NET_RX_SOFTIRQ);
}

/* Sends the NET_RX IPIs RPS owes other CPUs (net_rps_action). */
void net_rps_send_ipis(void)
{
	unsigned long mask;
	int cpu;

	mask = __atomic_exchange_n(this_cpu_ptr(&rps_ipi_mask), 0,
				   __ATOMIC_SEQ_CST);
	for (cpu = 0; mask; cpu++, mask >>= 1)
		if (mask & 1)
			smp_call_function_single(cpu, raise_net_rx_ipi, NULL, 0);
}

int get_rps_cpu(struct net_device *dev, struct sk_buff *skb)
{
	unsigned long map = READ_ONCE(dev->rps_cpus);
	unsigned int n, idx, cpu;
	u32 hash;

	/* Online CPUs by mask: they need not be numbered 0..n-1. */
	map &= cpu_online_mask;
	if (!map)
		return -1;
	hash = skb_get_hash(skb);
	if (!hash)
		return -1;
	/* reciprocal_scale(): the hash picks one CPU of the map. */
	idx = ((u64)hash * hweight_long(map)) >> 32;
	for (cpu = 0, n = 0; cpu < NR_CPUS; cpu++) {
		if (!(map & (1UL << cpu)))
			continue;
		if (n++ == idx)
			return cpu;
	}
	return -1;
}

/* Delivers one frame (data at the network header) to its protocol. */
static int __netif_receive_skb(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;

	/* Counted where the protocols run: after RPS, the target CPU. */
	this_cpu_ptr(&softnet_data)->processed++;
	/* eth_type_trans left a runt unpulled, at its mac header. */
	if (skb->data == skb_mac_header(skb)) {
		if (dev)
			__atomic_add_fetch(&dev->rx_dropped_core, 1,
					   __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return NET_RX_DROP;
	}

	switch (ntohs(skb->protocol)) {
	case ETH_P_IP:
		return ip_rcv(skb);
	case ETH_P_ARP:
		return arp_rcv(skb);
	default:
		if (dev)
			__atomic_add_fetch(&dev->rx_dropped_core, 1,
					   __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_UNHANDLED_PROTO);
		return NET_RX_DROP;
	}
}

/*
 * Puts skb on cpu's backlog (Linux's enqueue_to_backlog).  The first frame
 * on an idle backlog schedules its NAPI: here directly, on another CPU
 * through an IPI that net_rx_action sends when it finishes.
 */
static int enqueue_to_backlog(struct sk_buff *skb, int cpu)
{
	struct softnet_data *sd = &per_cpu(softnet_data, cpu);
	unsigned long flags;

	spin_lock_irqsave(&sd->input_pkt_queue.lock, flags);
	/* Linux's test: a backlog of netdev_max_backlog still takes one. */
	if (skb_queue_len(&sd->input_pkt_queue) > (u32)READ_ONCE(netdev_max_backlog)) {
		sd->dropped++;
		spin_unlock_irqrestore(&sd->input_pkt_queue.lock, flags);
		if (skb->dev)
			__atomic_add_fetch(&skb->dev->rx_dropped_core, 1,
					   __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_CPU_BACKLOG);
		return NET_RX_DROP;
	}
	__skb_queue_tail(&sd->input_pkt_queue, skb);
	/*
	 * Scheduling happens with the lock held and interrupts off, so that
	 * no NET_RX on this CPU sees SCHED set before the NAPI is listed.
	 */
	if (!test_and_set_bit(NAPI_STATE_SCHED, &sd->backlog.state)) {
		if (cpu == smp_processor_id()) {
			____napi_schedule(sd, &sd->backlog);
		} else {
			/* The remote CPU lists its backlog itself, on the IPI. */
			__atomic_fetch_or(this_cpu_ptr(&rps_ipi_mask),
					  1UL << cpu, __ATOMIC_SEQ_CST);
			__raise_softirq_irqoff(NET_RX_SOFTIRQ);
		}
	}
	spin_unlock_irqrestore(&sd->input_pkt_queue.lock, flags);
	return NET_RX_SUCCESS;
}

/* The backlog NAPI's poll (Linux's process_backlog). */
int process_backlog(struct napi_struct *napi, int quota)
{
	struct softnet_data *sd = container_of(napi, struct softnet_data,
					       backlog);
	struct sk_buff *skb;
	unsigned long flags;
	int work = 0;

	/* net.core.dev_weight applies from the next poll, as Linux's. */
	napi->weight = READ_ONCE(dev_rx_weight);
	while (work < quota) {
		spin_lock_irqsave(&sd->input_pkt_queue.lock, flags);
		skb = __skb_dequeue(&sd->input_pkt_queue);
		if (!skb) {
			/* Empty: done, under the lock enqueue takes. */
			clear_bit(NAPI_STATE_SCHED, &napi->state);
			spin_unlock_irqrestore(&sd->input_pkt_queue.lock, flags);
			break;
		}
		spin_unlock_irqrestore(&sd->input_pkt_queue.lock, flags);
		__netif_receive_skb(skb);
		work++;
	}
	return work;
}

/*
 * A remote CPU's backlog got its first frame: runs on that CPU in the IPI.
 * The scheduling is done here, not in enqueue, so the backlog NAPI only
 * ever sits on its own CPU's poll list.
 */
static void rps_trigger_softirq(void)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);
	unsigned long flags;

	local_irq_save(flags);
	if (test_bit(NAPI_STATE_SCHED, &sd->backlog.state) &&
	    list_empty(&sd->backlog.poll_list)) {
		____napi_schedule(sd, &sd->backlog);
		sd->received_rps++;
	}
	local_irq_restore(flags);
}

int netif_receive_skb(struct sk_buff *skb)
{
	int cpu;

	if (skb->dev && READ_ONCE(skb->dev->rps_cpus)) {
		cpu = get_rps_cpu(skb->dev, skb);
		if (cpu >= 0)
			return enqueue_to_backlog(skb, cpu);
	}
	return __netif_receive_skb(skb);
}

static int netif_rx_internal(struct sk_buff *skb)
{
	int cpu = -1;

	if (skb->dev && READ_ONCE(skb->dev->rps_cpus))
		cpu = get_rps_cpu(skb->dev, skb);
	if (cpu < 0)
		cpu = smp_processor_id();
	return enqueue_to_backlog(skb, cpu);
}

/*
 * From a task, bottom halves go off around the enqueue, as Linux's: the
 * local_bh_enable() then runs the NET_RX it raised, before returning.
 */
int netif_rx(struct sk_buff *skb)
{
	bool need_bh_off = !(hardirq_count() | softirq_count());
	int ret;

	if (need_bh_off)
		local_bh_disable();
	ret = netif_rx_internal(skb);
	if (need_bh_off)
		local_bh_enable();
	return ret;
}

void net_rx_softirq(void)
{
	/* Pending RPS arrivals first: the IPI only raised NET_RX. */
	rps_trigger_softirq();
	net_rx_action();
}

