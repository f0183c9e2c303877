// SPDX-License-Identifier: GPL-2.0
/*
 * NAPI (Linux's net/core/dev.c): a driver's top half schedules its NAPI,
 * NET_RX_SOFTIRQ runs net_rx_action(), which polls each scheduled NAPI
 * with its weight until netdev_budget frames or netdev_budget_usecs are
 * spent; SCHED and MISSED make sure no event between a poll and its
 * completion is lost.
 */
#include <irqlab/netdevice.h>
#include <irqlab/jiffies.h>
#include <irqlab/kernel.h>
#include <irqlab/atomic.h>
#include <irqlab/sched.h>
#include <irqlab/timer.h>
#include "dev.h"

int netdev_budget = 300;
unsigned int netdev_budget_usecs = 2000;
int dev_rx_weight = 64;

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight)
{
	INIT_LIST_HEAD(&napi->poll_list);
	napi->poll = poll;
	napi->weight = weight;
	napi->dev = dev;
	/* Scheduled-and-owned until napi_enable(), as Linux's. */
	napi->state = 1UL << NAPI_STATE_SCHED;
	if (dev)
		list_add_tail(&napi->dev_list, &dev->napi_list);
	else
		INIT_LIST_HEAD(&napi->dev_list);
}

void netif_napi_del(struct napi_struct *napi)
{
	list_del_init(&napi->dev_list);
}

void napi_enable(struct napi_struct *napi)
{
	/* A schedule attempt while it was off is not owed a poll. */
	__atomic_fetch_and(&napi->state, ~(1UL << NAPI_STATE_SCHED |
					   1UL << NAPI_STATE_MISSED),
			   __ATOMIC_SEQ_CST);
}

/*
 * Takes SCHED for good once whoever has it lets go: a poll completing
 * (DISABLE makes a full-weight one complete), or a thread that owns it.
 * Sleeps between looks, as Linux's: a real-time caller spinning here
 * would keep that owner off its CPU.  Linux 6.x sleeps 20-200 us with an
 * hrtimer; irqlab's timers have jiffy resolution, so it sleeps a
 * millisecond, as Linux's msleep(1) did before.
 */
void napi_disable(struct napi_struct *napi)
{
	unsigned long val, new;

	might_sleep();
	set_bit(NAPI_STATE_DISABLE, &napi->state);
	val = READ_ONCE(napi->state);
	do {
		while (val & (1UL << NAPI_STATE_SCHED)) {
			msleep(1);
			val = READ_ONCE(napi->state);
		}
		new = val | 1UL << NAPI_STATE_SCHED;
	} while (!__atomic_compare_exchange_n(&napi->state, &val, new, false,
					      __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	clear_bit(NAPI_STATE_DISABLE, &napi->state);
}

bool napi_schedule_prep(struct napi_struct *n)
{
	unsigned long val = READ_ONCE(n->state), new;

	do {
		if (val & (1UL << NAPI_STATE_DISABLE))
			return false;
		new = val | 1UL << NAPI_STATE_SCHED;
		/* Already scheduled: the running poll must look again. */
		if (val & (1UL << NAPI_STATE_SCHED))
			new |= 1UL << NAPI_STATE_MISSED;
	} while (!__atomic_compare_exchange_n(&n->state, &val, new, false,
					      __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	return !(val & (1UL << NAPI_STATE_SCHED));
}

void ____napi_schedule(struct softnet_data *sd, struct napi_struct *n)
{
	list_add_tail(&n->poll_list, &sd->poll_list);
	/*
	 * Not __raise_softirq_irqoff(): from a task (a threaded handler, a
	 * driver's process context) no interrupt exit may come soon, and
	 * raise_softirq_irqoff() wakes ksoftirqd then, as Linux 6.x does.
	 */
	raise_softirq_irqoff(NET_RX_SOFTIRQ);
}

void __napi_schedule(struct napi_struct *n)
{
	unsigned long flags;

	local_irq_save(flags);
	____napi_schedule(this_cpu_ptr(&softnet_data), n);
	local_irq_restore(flags);
}

bool napi_complete_done(struct napi_struct *n, int work_done)
{
	unsigned long flags, val, new;

	if (!list_empty(&n->poll_list)) {
		local_irq_save(flags);
		list_del_init(&n->poll_list);
		local_irq_restore(flags);
	}
	val = READ_ONCE(n->state);
	do {
		WARN_ON(!(val & (1UL << NAPI_STATE_SCHED)));
		new = val & ~(1UL << NAPI_STATE_MISSED |
			      1UL << NAPI_STATE_SCHED);
		/* MISSED keeps SCHED: poll once more instead of an IRQ. */
		if (val & (1UL << NAPI_STATE_MISSED))
			new |= 1UL << NAPI_STATE_SCHED;
	} while (!__atomic_compare_exchange_n(&n->state, &val, new, false,
					      __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	if (val & (1UL << NAPI_STATE_MISSED)) {
		__napi_schedule(n);
		return false;
	}
	return true;
}

/* Linux's __napi_poll: true in *repoll if n used its whole weight. */
static int __napi_poll(struct napi_struct *n, bool *repoll)
{
	int weight = n->weight, work = 0;

	if (test_bit(NAPI_STATE_SCHED, &n->state))
		work = n->poll(n, weight);
	if (WARN_ON(work > weight))
		work = weight;
	if (work < weight)
		return work;	/* the poll completed (or will be rescheduled) */

	/* Whole weight used: the driver left the state to us. */
	if (test_bit(NAPI_STATE_DISABLE, &n->state)) {
		napi_complete(n);
		return work;
	}
	if (!list_empty(&n->poll_list))
		return work;	/* the driver rescheduled it itself */
	*repoll = true;
	return work;
}

static int napi_poll(struct napi_struct *n, struct list_head *repoll)
{
	bool do_repoll = false;
	int work;

	list_del_init(&n->poll_list);
	work = __napi_poll(n, &do_repoll);
	if (do_repoll)
		list_add_tail(&n->poll_list, repoll);
	return work;
}

/*
 * NET_RX_SOFTIRQ (Linux's net_rx_action): poll the NAPI instances on this
 * CPU's list until netdev_budget frames or netdev_budget_usecs have been
 * spent; then count a time_squeeze and leave the rest to the next run of
 * NET_RX (ksoftirqd's, if the softirq keeps coming back).
 */
void net_rx_action(void)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);
	unsigned long time_limit =
		jiffies + usecs_to_jiffies(READ_ONCE(netdev_budget_usecs));
	int budget = READ_ONCE(netdev_budget);
	LIST_HEAD(list);
	LIST_HEAD(repoll);

	local_irq_disable();
	list_splice_tail_init(&sd->poll_list, &list);
	local_irq_enable();

	for (;;) {
		struct napi_struct *n;

		if (list_empty(&list))
			break;
		n = list_first_entry(&list, struct napi_struct, poll_list);
		budget -= napi_poll(n, &repoll);

		/* Out of budget or time: punt the rest to the next round. */
		if (budget <= 0 || time_after_eq(jiffies, time_limit)) {
			sd->time_squeeze++;
			break;
		}
	}

	local_irq_disable();
	/* New arrivals, then what is left, then the repolls, as Linux. */
	list_splice_tail_init(&sd->poll_list, &list);
	list_splice_tail_init(&repoll, &list);
	list_splice_tail_init(&list, &sd->poll_list);
	if (!list_empty(&sd->poll_list))
		__raise_softirq_irqoff(NET_RX_SOFTIRQ);
	net_rps_action_and_irq_enable(sd);
}
