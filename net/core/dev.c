// SPDX-License-Identifier: GPL-2.0
/*
 * The network device core (Linux's net/core/dev.c): the device list,
 * transmit through dev_queue_xmit() with NET_TX_SOFTIRQ retrying what a
 * busy device refused, NAPI with net_rx_action() on NET_RX_SOFTIRQ, the
 * per-CPU backlog and Receive Packet Steering.
 */
#include <irqlab/init.h>
#include <irqlab/netdevice.h>
#include <irqlab/etherdevice.h>
#include <irqlab/net.h>
#include <irqlab/bottom_half.h>
#include <asm/processor.h>
#include <irqlab/jiffies.h>
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/slab.h>
#include <irqlab/smp.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/atomic.h>

LIST_HEAD(net_device_list);
static DEFINE_SPINLOCK(dev_base_lock);
static int dev_ifindex;

DEFINE_PER_CPU(struct softnet_data, softnet_data);

int netdev_budget = 300;
unsigned int netdev_budget_usecs = 2000;
int netdev_max_backlog = 1000;
int dev_rx_weight = 64;

/* CPUs this CPU owes a NET_RX IPI (RPS), sent at the end of net_rx_action. */
static DEFINE_PER_CPU(unsigned long, rps_ipi_mask);

struct net_device *alloc_etherdev(int sizeof_priv)
{
	struct net_device *dev;

	dev = kzalloc(sizeof(*dev) + sizeof_priv, GFP_KERNEL);
	if (!dev)
		return NULL;
	if (sizeof_priv)
		dev->priv_data = dev + 1;
	dev->mtu = ETH_DATA_LEN;
	dev->flags = IFF_BROADCAST | IFF_MULTICAST;
	eth_broadcast_addr(dev->broadcast);
	INIT_LIST_HEAD(&dev->napi_list);
	INIT_LIST_HEAD(&dev->dev_list);
	spin_lock_init(&dev->tx_lock);
	/* No carrier until the driver says so, as Linux's. */
	set_bit(__LINK_STATE_NOCARRIER, &dev->state);
	return dev;
}

void free_netdev(struct net_device *dev)
{
	kfree(dev);
}

struct net_device *dev_get_by_name(const char *name)
{
	struct net_device *dev, *found = NULL;

	spin_lock(&dev_base_lock);
	for_each_netdev(dev)
		if (!strcmp(dev->name, name)) {
			found = dev;
			break;
		}
	spin_unlock(&dev_base_lock);
	return found;
}

/* The lowest free number for a "eth%d" name, as dev_alloc_name. */
static void dev_alloc_name(struct net_device *dev, const char *fmt)
{
	char buf[IFNAMSIZ];
	int i;

	for (i = 0; i < 100; i++) {
		snprintf(buf, sizeof(buf), fmt, i);
		if (!dev_get_by_name(buf))
			break;
	}
	strscpy(dev->name, buf, sizeof(dev->name));
}

int register_netdev(struct net_device *dev)
{
	int err = 0;

	if (!dev->name[0] || strchr(dev->name, '%'))
		dev_alloc_name(dev, dev->name[0] ? dev->name : "eth%d");
	spin_lock(&dev_base_lock);
	dev->ifindex = ++dev_ifindex;
	list_add_tail(&dev->dev_list, &net_device_list);
	spin_unlock(&dev_base_lock);
	set_bit(__LINK_STATE_PRESENT, &dev->state);

	ip_config_apply(dev);

	/* dev_open(): irqlab brings every device up at registration. */
	if (dev->netdev_ops && dev->netdev_ops->ndo_open)
		err = dev->netdev_ops->ndo_open(dev);
	if (err) {
		pr_err("%s: open failed: %d\n", dev->name, err);
		return 0;	/* stays registered, down */
	}
	set_bit(__LINK_STATE_START, &dev->state);
	dev->flags |= IFF_UP;
	if (netif_carrier_ok(dev))
		dev->flags |= IFF_RUNNING;
	return 0;
}

void unregister_netdev(struct net_device *dev)
{
	if (netif_running(dev) && dev->netdev_ops && dev->netdev_ops->ndo_stop)
		dev->netdev_ops->ndo_stop(dev);
	clear_bit(__LINK_STATE_START, &dev->state);
	dev->flags &= ~(IFF_UP | IFF_RUNNING);
	spin_lock(&dev_base_lock);
	list_del_init(&dev->dev_list);
	spin_unlock(&dev_base_lock);
}

void netif_carrier_on(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_NOCARRIER, &dev->state)) {
		if (dev->flags & IFF_UP)
			dev->flags |= IFF_RUNNING;
		/* Tell the segment who we are (Linux: arp_netdev_event). */
		if (netif_running(dev))
			arp_send_gratuitous(dev);
	}
}

void netif_carrier_off(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_NOCARRIER, &dev->state))
		dev->flags &= ~IFF_RUNNING;
}

/* --- softirq raising on another CPU -------------------------------- */

static void raise_net_rx_ipi(void *info)
{
	__raise_softirq_irqoff(NET_RX_SOFTIRQ);
}

static void raise_net_tx_ipi(void *info)
{
	__raise_softirq_irqoff(NET_TX_SOFTIRQ);
}

/* --- transmit ------------------------------------------------------ */

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
static void net_tx_action(void)
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

/* --- NAPI ---------------------------------------------------------- */

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

void napi_disable(struct napi_struct *napi)
{
	set_bit(NAPI_STATE_DISABLE, &napi->state);
	/* Own SCHED: waits for a running poll to complete. */
	while (test_and_set_bit(NAPI_STATE_SCHED, &napi->state))
		cpu_relax();
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

static void ____napi_schedule(struct softnet_data *sd, struct napi_struct *n)
{
	list_add_tail(&n->poll_list, &sd->poll_list);
	__raise_softirq_irqoff(NET_RX_SOFTIRQ);
}

void __napi_schedule(struct napi_struct *n)
{
	unsigned long flags;

	local_irq_save(flags);
	____napi_schedule(this_cpu_ptr(&softnet_data), n);
	local_irq_restore(flags);
}

void __napi_schedule_irqoff(struct napi_struct *n)
{
	____napi_schedule(this_cpu_ptr(&softnet_data), n);
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

/* Sends the NET_RX IPIs RPS owes other CPUs (net_rps_action). */
static void net_rps_send_ipis(void)
{
	unsigned long mask;
	int cpu;

	mask = __atomic_exchange_n(this_cpu_ptr(&rps_ipi_mask), 0,
				   __ATOMIC_SEQ_CST);
	for (cpu = 0; mask; cpu++, mask >>= 1)
		if (mask & 1)
			smp_call_function_single(cpu, raise_net_rx_ipi, NULL, 0);
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
	local_irq_enable();
	net_rps_send_ipis();
}

/* --- receive: RPS, backlog, protocol dispatch ---------------------- */

static u32 hash_32_mix(u32 a, u32 b, u32 c)
{
	/* Bob Jenkins' final mix, as Linux's jhash_3words. */
#define rol32(w, s) (((w) << (s)) | ((w) >> (32 - (s))))
	c ^= b; c -= rol32(b, 14);
	a ^= c; a -= rol32(c, 11);
	b ^= a; b -= rol32(a, 25);
	c ^= b; c -= rol32(b, 16);
	a ^= c; a -= rol32(c, 4);
	b ^= a; b -= rol32(a, 14);
	c ^= b; c -= rol32(b, 24);
#undef rol32
	return c;
}

/*
 * The flow hash of an IPv4 frame (addresses, protocol, UDP ports), 0 for
 * anything else, computed from skb->data at the network header.  Linux's
 * flow dissector does the same for the protocols irqlab has.
 */
u32 skb_get_hash(struct sk_buff *skb)
{
	const u8 *ip = skb->data;
	u32 saddr, daddr, ports = 0;
	unsigned int ihl;

	if (skb->hash)
		return skb->hash;
	if (skb->protocol != htons(ETH_P_IP) || skb->len < NP_IP_HLEN)
		return 0;
	ihl = (ip[0] & 0xf) * 4;
	saddr = get_be32(ip + 12);
	daddr = get_be32(ip + 16);
	if (ip[9] == IPPROTO_UDP && ihl >= NP_IP_HLEN && skb->len >= ihl + 4 &&
	    !(get_be16(ip + 6) & (IP_MF | IP_OFFSET)))
		ports = get_be32(ip + ihl);
	skb->hash = hash_32_mix(saddr, daddr ^ ip[9], ports ^ 0x9e3779b9);
	if (!skb->hash)
		skb->hash = 1;
	return skb->hash;
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
	if (skb_queue_len(&sd->input_pkt_queue) >= (u32)READ_ONCE(netdev_max_backlog)) {
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
static int process_backlog(struct napi_struct *napi, int quota)
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

int netif_rx(struct sk_buff *skb)
{
	int cpu = -1, ret;

	preempt_disable();
	if (skb->dev && READ_ONCE(skb->dev->rps_cpus))
		cpu = get_rps_cpu(skb->dev, skb);
	if (cpu < 0)
		cpu = smp_processor_id();
	ret = enqueue_to_backlog(skb, cpu);
	preempt_enable();
	return ret;
}

static void net_rx_softirq(void)
{
	/* Pending RPS arrivals first: the IPI only raised NET_RX. */
	rps_trigger_softirq();
	net_rx_action();
}

static int net_dev_init(void)
{
	int cpu;

	/* After smp_init: every CPU's per-CPU area exists. */
	for_each_online_cpu(cpu) {
		struct softnet_data *sd = &per_cpu(softnet_data, cpu);

		INIT_LIST_HEAD(&sd->poll_list);
		skb_queue_head_init(&sd->output_queue);
		skb_queue_head_init(&sd->input_pkt_queue);
		sd->cpu = cpu;
		netif_napi_add_weight(NULL, &sd->backlog, process_backlog,
				      dev_rx_weight);
		napi_enable(&sd->backlog);
	}
	open_softirq(NET_TX_SOFTIRQ, net_tx_action);
	open_softirq(NET_RX_SOFTIRQ, net_rx_softirq);
	return 0;
}
subsys_initcall(net_dev_init);
