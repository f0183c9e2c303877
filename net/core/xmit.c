// SPDX-License-Identifier: GPL-2.0
/*
 * Transmit (Linux's __dev_queue_xmit, net/sched/sch_generic.c's
 * __qdisc_run and NET_TX_SOFTIRQ).  Every device has one queue in front
 * of its driver, Linux's default FIFO qdisc in short: dev_queue_xmit()
 * enqueues and, unless another CPU is already at it, runs the queue into
 * ndo_start_xmit under the device's TX lock.  What a stopped or busy
 * device refused stays queued; netif_wake_queue() schedules the queue on
 * the CPU that wakes it (__netif_schedule), so NET_TX sends it from there
 * and nothing ever asks another CPU.
 */
#include <irqlab/netdevice.h>
#include <irqlab/bottom_half.h>
#include <irqlab/smp.h>
#include <irqlab/timer.h>
#include <irqlab/atomic.h>
#include "dev.h"

/* q's lock is held: true if this CPU now owns the run (qdisc_run_begin). */
static bool qdisc_run_begin(struct Qdisc *q)
{
	if (q->running)
		return false;
	q->running = true;
	return true;
}

static void qdisc_run_end(struct Qdisc *q)
{
	q->running = false;
}

/* Puts q on this CPU's output queue for NET_TX (Linux's __netif_reschedule). */
static void __netif_reschedule(struct Qdisc *q)
{
	struct softnet_data *sd;
	unsigned long flags;

	local_irq_save(flags);
	sd = this_cpu_ptr(&softnet_data);
	q->next_sched = NULL;
	*sd->output_queue_tailp = q;
	sd->output_queue_tailp = &q->next_sched;
	raise_softirq_irqoff(NET_TX_SOFTIRQ);
	local_irq_restore(flags);
}

void __netif_schedule(struct Qdisc *q)
{
	if (!test_and_set_bit(__QDISC_STATE_SCHED, &q->state))
		__netif_reschedule(q);
}

/*
 * One frame from q to the driver (Linux's qdisc_restart and
 * sch_direct_xmit); q's lock is held and dropped around the driver.
 * False once there is nothing more to do now.
 */
static bool qdisc_restart(struct Qdisc *q)
{
	struct net_device *dev = q->dev;
	netdev_tx_t rc = NETDEV_TX_BUSY;
	struct sk_buff *skb;

	/* One TX queue: a stopped device is not even dequeued from. */
	if (netif_queue_stopped(dev))
		return false;
	skb = __skb_dequeue(&q->q);
	if (!skb)
		return false;
	spin_unlock(&q->q.lock);

	spin_lock(&dev->tx_lock);
	if (!netif_queue_stopped(dev))
		rc = dev->netdev_ops->ndo_start_xmit(skb, dev);
	spin_unlock(&dev->tx_lock);

	spin_lock(&q->q.lock);
	if (rc != NETDEV_TX_OK) {
		/* Back at the head, so the flow keeps its order. */
		__skb_queue_head(&q->q, skb);
		__netif_schedule(q);
		return false;
	}
	return true;
}

/* q's lock held, the run owned: dev_tx_weight frames, then NET_TX. */
static void __qdisc_run(struct Qdisc *q)
{
	/* Linux's dev_tx_weight: dev_weight times a tx bias of 1. */
	int quota = READ_ONCE(dev_rx_weight);

	while (qdisc_restart(q)) {
		if (--quota <= 0) {
			__netif_schedule(q);
			break;
		}
	}
}

static void qdisc_run(struct Qdisc *q)
{
	if (qdisc_run_begin(q)) {
		__qdisc_run(q);
		qdisc_run_end(q);
	}
}

int dev_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct Qdisc *q;
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
	 * thread and NET_RX (ICMP replies) share the queue on one CPU.
	 */
	local_bh_disable();
	q = &dev->qdisc;
	spin_lock(&q->q.lock);
	if (skb_queue_len(&q->q) >= READ_ONCE(dev->tx_queue_len)) {
		spin_unlock(&q->q.lock);
		__atomic_add_fetch(&dev->tx_dropped_core, 1, __ATOMIC_RELAXED);
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
		ret = NET_XMIT_DROP;
		goto out;
	}
	/* Behind what is already waiting, so a flow keeps its order. */
	__skb_queue_tail(&q->q, skb);
	qdisc_run(q);
	spin_unlock(&q->q.lock);
out:
	local_bh_enable();
	return ret;
}

/* NET_TX_SOFTIRQ: run the queues scheduled on this CPU. */
void net_tx_action(void)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);
	struct Qdisc *head;

	local_irq_disable();
	head = sd->output_queue;
	sd->output_queue = NULL;
	sd->output_queue_tailp = &sd->output_queue;
	local_irq_enable();

	while (head) {
		struct Qdisc *q = head;

		head = head->next_sched;
		spin_lock(&q->q.lock);
		/* Before the run: a wake-up meanwhile schedules it again. */
		clear_bit(__QDISC_STATE_SCHED, &q->state);
		qdisc_run(q);
		spin_unlock(&q->q.lock);
	}
}

void netif_wake_queue(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_XOFF, &dev->state))
		__netif_schedule(&dev->qdisc);
}

void dev_qdisc_init(struct net_device *dev)
{
	skb_queue_head_init(&dev->qdisc.q);
	dev->qdisc.dev = dev;
}

/* The device is down for good: wait out NET_TX, drop what waits. */
void dev_qdisc_reset(struct net_device *dev)
{
	struct Qdisc *q = &dev->qdisc;
	struct sk_buff *skb;

	local_bh_disable();
	spin_lock(&q->q.lock);
	while (test_bit(__QDISC_STATE_SCHED, &q->state) || q->running) {
		spin_unlock(&q->q.lock);
		local_bh_enable();
		msleep(1);
		local_bh_disable();
		spin_lock(&q->q.lock);
	}
	while ((skb = __skb_dequeue(&q->q)))
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_READY);
	spin_unlock(&q->q.lock);
	local_bh_enable();
}
