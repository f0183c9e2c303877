// SPDX-License-Identifier: GPL-2.0
/*
 * Network devices (Linux's net/core/dev.c, the device half): allocation,
 * registration under an eth%d name, the device list, carrier, and the
 * softnet set-up.  Transmit is in xmit.c, NAPI and net_rx_action in
 * napi.c, the backlog, RPS and the protocol dispatch in receive.c.
 */
#include <irqlab/init.h>
#include <irqlab/netdevice.h>
#include <irqlab/etherdevice.h>
#include <irqlab/net.h>
#include <irqlab/printk.h>
#include <irqlab/slab.h>
#include <irqlab/smp.h>
#include <irqlab/sprintf.h>
#include <irqlab/string.h>
#include <irqlab/atomic.h>
#include "dev.h"

LIST_HEAD(net_device_list);
static DEFINE_SPINLOCK(dev_base_lock);
static int dev_ifindex;

DEFINE_PER_CPU(struct softnet_data, softnet_data);

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
	dev->tx_queue_len = DEFAULT_TX_QUEUE_LEN;
	dev_qdisc_init(dev);
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
	dev_qdisc_reset(dev);
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

static int net_dev_init(void)
{
	int cpu;

	/* After smp_init: every CPU's per-CPU area exists. */
	for_each_online_cpu(cpu) {
		struct softnet_data *sd = &per_cpu(softnet_data, cpu);

		INIT_LIST_HEAD(&sd->poll_list);
		sd->output_queue_tailp = &sd->output_queue;
		skb_queue_head_init(&sd->input_pkt_queue);
		INIT_CSD(&sd->csd, rps_trigger_softirq, sd);
		sd->cpu = cpu;
		netif_napi_add_weight(NULL, &sd->backlog, process_backlog,
				      dev_rx_weight);
		napi_enable(&sd->backlog);
	}
	open_softirq(NET_TX_SOFTIRQ, net_tx_action);
	open_softirq(NET_RX_SOFTIRQ, net_rx_action);
	return 0;
}
subsys_initcall(net_dev_init);
