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
#include <irqlab/kernel.h>
#include <irqlab/errno.h>
#include <irqlab/bottom_half.h>
#include "dev.h"

int netdev_max_backlog = 1000;

/*
 * The first frame on cpu's idle backlog (Linux's napi_schedule_rps): ours
 * is scheduled here; another CPU's goes on our rps_ipi_list, and the IPI
 * is sent when NET_RX here finishes (or sooner, from process_backlog), so
 * one pass sends one IPI per CPU however many frames it steered there.
 * Interrupts are off and sd's backlog lock is held.
 */
static void napi_schedule_rps(struct softnet_data *sd)
{
	struct softnet_data *mysd = this_cpu_ptr(&softnet_data);

	if (sd != mysd) {
		sd->rps_ipi_next = mysd->rps_ipi_list;
		mysd->rps_ipi_list = sd;
		__raise_softirq_irqoff(NET_RX_SOFTIRQ);
		return;
	}
	____napi_schedule(mysd, &mysd->backlog);
}

/* In the IPI on the target CPU: its backlog joins its own poll list. */
void rps_trigger_softirq(void *data)
{
	struct softnet_data *sd = data;

	____napi_schedule(sd, &sd->backlog);
	sd->received_rps++;
}

/*
 * Each target's own csd carries its IPI: sending never allocates nor
 * waits, and the csd is free again by the time its backlog can be
 * scheduled anew (it is unlocked before rps_trigger_softirq runs).
 */
static void net_rps_send_ipi(struct softnet_data *remsd)
{
	while (remsd) {
		struct softnet_data *next = remsd->rps_ipi_next;

		if (cpu_online(remsd->cpu))
			WARN_ON(smp_call_function_single_async(remsd->cpu,
							       &remsd->csd));
		remsd = next;
	}
}

void net_rps_action_and_irq_enable(struct softnet_data *sd)
{
	struct softnet_data *remsd = sd->rps_ipi_list;

	sd->rps_ipi_list = NULL;
	local_irq_enable();
	net_rps_send_ipi(remsd);
}

int get_rps_cpu(struct net_device *dev, struct sk_buff *skb)
{
	unsigned long map = READ_ONCE(dev->rps_cpus);
	unsigned int n, idx, cpu;
	u32 hash;

	/* Online CPUs by mask: they need not be numbered 0..n-1. */
	map &= cpu_online_mask;
	if (!map)
		return -ENOENT;
	hash = skb_get_hash(skb);
	if (!hash)
		return -ENOENT;
	/* reciprocal_scale(): the hash picks one CPU of the map. */
	idx = ((u64)hash * hweight_long(map)) >> 32;
	for (cpu = 0, n = 0; cpu < NR_CPUS; cpu++) {
		if (!(map & (1UL << cpu)))
			continue;
		if (n++ == idx)
			return cpu;
	}
	return -ENOENT;
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
 * on an idle backlog schedules its NAPI (napi_schedule_rps).
 */
static int enqueue_to_backlog(struct sk_buff *skb, int cpu)
{
	struct softnet_data *sd = &per_cpu(softnet_data, cpu);
	unsigned long flags;

	spin_lock_irqsave(&sd->input_pkt_queue.lock, flags);
	/* Linux's test: a backlog of netdev_max_backlog still takes one. */
	if (skb_queue_len(&sd->input_pkt_queue) >
	    (u32)READ_ONCE(netdev_max_backlog)) {
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
	if (!test_and_set_bit(NAPI_STATE_SCHED, &sd->backlog.state))
		napi_schedule_rps(sd);
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

	/* IPIs owed are better sent now than at the end of net_rx_action. */
	if (sd->rps_ipi_list) {
		local_irq_disable();
		net_rps_action_and_irq_enable(sd);
	}
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
	int cpu = -ENOENT;

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
