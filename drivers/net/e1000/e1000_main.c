// SPDX-License-Identifier: GPL-2.0
/*
 * Intel 82540EM (QEMU's default NIC), after Linux's
 * drivers/net/ethernet/intel/e1000/e1000_main.c: probe, open and close,
 * up and down, and the link watchdog on a delayed work item.  One RX and
 * one TX ring of legacy descriptors (e1000_ring.c); receive buffers are
 * recycled, not allocated per frame (e1000_rx_pool.c); the interrupt and
 * the NAPI poll are in e1000_txrx.c, register access in e1000_hw.c.
 */
#include <irqlab/kernel.h>
#include <irqlab/printk.h>
#include <irqlab/delay.h>
#include <irqlab/errno.h>
#include <irqlab/jiffies.h>
#include <irqlab/interrupt.h>
#include <irqlab/bottom_half.h>
#include "e1000.h"

static const char e1000_driver_name[] = "e1000";

static struct e1000_adapter *first_adapter;

struct e1000_adapter *e1000_first_adapter(void)
{
	return first_adapter;
}

/*
 * Linux's e1000_watchdog, on a delayed work item: the top half only
 * notes a link change; printing, carrier changes (which the core turns
 * into a gratuitous ARP) and the counters happen here, where sleeping
 * and taking locks for long is allowed.  It also re-arms itself every
 * two seconds, as Linux's does, and raises RXDMT0 so a lost interrupt
 * can never leave frames sitting in the ring.
 */
static void e1000_watchdog(struct work_struct *work)
{
	struct e1000_adapter *adapter =
		container_of(to_delayed_work(work), struct e1000_adapter,
			     watchdog_task);
	struct net_device *netdev = adapter->netdev;
	u32 status = er32(adapter, E1000_STATUS);
	bool link = status & E1000_STATUS_LU;

	adapter->get_link_status = false;
	if (link && !netif_carrier_ok(netdev)) {
		switch (status & E1000_STATUS_SPEED_MASK) {
		case E1000_STATUS_SPEED_10:
			adapter->link_speed = 10;
			break;
		case E1000_STATUS_SPEED_100:
			adapter->link_speed = 100;
			break;
		default:
			adapter->link_speed = 1000;
			break;
		}
		adapter->full_duplex = status & E1000_STATUS_FD;
		adapter->link_up = true;
		pr_info("e1000: %s NIC Link is Up %d Mbps %s, Flow Control: None\n",
			netdev->name, adapter->link_speed,
			adapter->full_duplex ? "Full Duplex" : "Half Duplex");
		netif_carrier_on(netdev);
	} else if (!link && netif_carrier_ok(netdev)) {
		adapter->link_up = false;
		adapter->link_speed = 0;
		pr_info("e1000: %s NIC Link is Down\n", netdev->name);
		netif_carrier_off(netdev);
	}

	e1000_update_stats(adapter);
	e1000_itr_simplified(adapter);
	if (test_bit(__E1000_DOWN, &adapter->flags))
		return;
	ew32(adapter, E1000_ICS, E1000_ICR_RXDMT0);
	schedule_delayed_work(&adapter->watchdog_task, 2 * HZ);
}

/* ---- up, down, open ---------------------------------------------------- */

/*
 * Linux's e1000_up: the rings (already allocated, with their buffers)
 * handed to the NIC, then interrupts and the queue on.  Allocates
 * nothing, so it cannot fail: a device brought down for a change can
 * always come back as it was.
 */
int e1000_up(struct e1000_adapter *adapter)
{
	e1000_configure_tx(adapter);
	e1000_configure_rx(adapter);
	clear_bit(__E1000_DOWN, &adapter->flags);
	napi_enable(&adapter->napi);
	e1000_irq_enable(adapter);
	netif_start_queue(adapter->netdev);
	/* Linux's trick: a link-change interrupt runs the watchdog at once. */
	ew32(adapter, E1000_ICS, E1000_ICS_LSC);
	return 0;
}

/*
 * Quiesce in Linux's order: no new transmits, receive and transmit off,
 * no new interrupts or work, wait out a running top half and poll, then
 * empty the rings.  Their memory stays: e1000_close frees it.
 */
void e1000_down(struct e1000_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;

	set_bit(__E1000_DOWN, &adapter->flags);
	/* Linux's netif_tx_disable: no xmit is in the ring after this. */
	local_bh_disable();
	spin_lock(&netdev->tx_lock);
	netif_stop_queue(netdev);
	spin_unlock(&netdev->tx_lock);
	local_bh_enable();
	ew32(adapter, E1000_RCTL, 0);
	ew32(adapter, E1000_TCTL, E1000_TCTL_PSP);
	E1000_WRITE_FLUSH(adapter);
	mdelay(10);
	e1000_irq_disable(adapter);
	synchronize_irq(adapter->pdev->irq);
	napi_disable(&adapter->napi);
	cancel_delayed_work_sync(&adapter->watchdog_task);
	netif_carrier_off(netdev);
	adapter->link_up = false;
	adapter->link_speed = 0;
	e1000_update_stats(adapter);
	e1000_clean_tx_ring(adapter);
	e1000_clean_rx_ring(adapter);
}

static int e1000_open(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	int err;

	netif_carrier_off(netdev);
	err = e1000_setup_tx_resources(adapter, &adapter->tx_ring);
	if (err)
		return err;
	err = e1000_setup_rx_resources(adapter, &adapter->rx_ring);
	if (err)
		goto err_setup_rx;
	err = request_irq(adapter->pdev->irq, e1000_intr, IRQF_SHARED,
			  netdev->name, netdev);
	if (err) {
		pr_err("e1000: %s: cannot request IRQ %u: %s\n", netdev->name,
		       adapter->pdev->irq, strerror(err));
		goto err_req_irq;
	}
	netdev->irq = adapter->pdev->irq;
	return e1000_up(adapter);

err_req_irq:
	e1000_free_rx_resources(adapter, &adapter->rx_ring);
err_setup_rx:
	e1000_free_tx_resources(adapter, &adapter->tx_ring);
	return err;
}

static int e1000_close(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	e1000_down(adapter);
	free_irq(adapter->pdev->irq, netdev);
	e1000_free_tx_resources(adapter, &adapter->tx_ring);
	e1000_free_rx_resources(adapter, &adapter->rx_ring);
	return 0;
}

static const struct net_device_ops e1000_netdev_ops = {
	.ndo_open	= e1000_open,
	.ndo_stop	= e1000_close,
	.ndo_start_xmit	= e1000_xmit_frame,
};

/* ---- probe ------------------------------------------------------------- */

static int e1000_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct e1000_adapter *adapter;
	struct net_device *netdev;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	pci_set_master(pdev);

	netdev = alloc_etherdev(sizeof(*adapter));
	if (!netdev) {
		err = -ENOMEM;
		goto err_disable;
	}
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = pdev;
	set_bit(__E1000_DOWN, &adapter->flags);
	spin_lock_init(&adapter->stats_lock);
	spin_lock_init(&adapter->tx_lock);
	adapter->rx_ring.count = E1000_DEFAULT_RXD;
	adapter->tx_ring.count = E1000_DEFAULT_TXD;
	adapter->rx_buffer_len = E1000_RXBUFFER_2048;
	e1000_check_options(adapter);

	adapter->hw_addr = pci_ioremap_bar(pdev, 0);
	if (!adapter->hw_addr) {
		err = -EIO;
		goto err_free;
	}
	e1000_reset_hw(adapter);
	/* Link up without PHY autonegotiation (full duplex, auto speed). */
	ew32(adapter, E1000_CTRL, (er32(adapter, E1000_CTRL) |
				   E1000_CTRL_SLU | E1000_CTRL_ASDE) &
				  ~(E1000_CTRL_VME | E1000_CTRL_PHY_RST));

	if (e1000_read_mac_addr(adapter, netdev->dev_addr)) {
		pr_err("e1000 0000:%s: invalid MAC address\n", pci_name(pdev));
		err = -EIO;
		goto err_unmap;
	}
	e1000_rar_set(adapter, netdev->dev_addr);

	netdev->netdev_ops = &e1000_netdev_ops;
	e1000_set_ethtool_ops(netdev);
	netdev->irq = pdev->irq;
	netif_napi_add(netdev, &adapter->napi, e1000_clean);
	INIT_DELAYED_WORK(&adapter->watchdog_task, e1000_watchdog);
	pci_set_drvdata(pdev, netdev);
	if (!first_adapter)
		first_adapter = adapter;

	err = register_netdev(netdev);
	if (err) {
		if (first_adapter == adapter)
			first_adapter = NULL;
		goto err_unmap;
	}
	pr_info("e1000 0000:%s: (PCI:33MHz:32-bit) %02x:%02x:%02x:%02x:%02x:%02x\n",
		pci_name(pdev), netdev->dev_addr[0], netdev->dev_addr[1],
		netdev->dev_addr[2], netdev->dev_addr[3], netdev->dev_addr[4],
		netdev->dev_addr[5]);
	pr_info("e1000 0000:%s %s: Intel(R) PRO/1000 Network Connection\n",
		pci_name(pdev), netdev->name);
	return 0;

err_unmap:
	iounmap(adapter->hw_addr);
err_free:
	free_netdev(netdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static const struct pci_device_id e1000_pci_tbl[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, E1000_DEV_ID_82540EM) },
	{ }
};

static struct pci_driver e1000_driver = {
	.name		= e1000_driver_name,
	.id_table	= e1000_pci_tbl,
	.probe		= e1000_probe,
};

module_pci_driver(e1000_driver);
