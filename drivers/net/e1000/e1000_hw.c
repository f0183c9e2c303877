// SPDX-License-Identifier: GPL-2.0
/*
 * Access to the 82540EM itself (Linux's e1000_hw.c): reset, the EEPROM
 * and the MAC address, the receive address register, interrupt masks,
 * and the clear-on-read statistics registers.
 */
#include <irqlab/kernel.h>
#include <irqlab/delay.h>
#include <irqlab/errno.h>
#include "e1000.h"

void e1000_irq_disable(struct e1000_adapter *adapter)
{
	ew32(adapter, E1000_IMC, ~0u);
	E1000_WRITE_FLUSH(adapter);
}

void e1000_irq_enable(struct e1000_adapter *adapter)
{
	ew32(adapter, E1000_IMS, IMS_ENABLE_MASK);
	E1000_WRITE_FLUSH(adapter);
}

/*
 * Global reset (SDM 14.2): stop RX and TX first so no DMA is in flight,
 * then CTRL.RST, which clears every register but PCI config and the
 * EEPROM-loaded ones.  mdelay, not msleep: probe runs at boot, from the
 * boot CPU's own thread, which must not sleep.
 */
void e1000_reset_hw(struct e1000_adapter *adapter)
{
	e1000_irq_disable(adapter);
	ew32(adapter, E1000_RCTL, 0);
	ew32(adapter, E1000_TCTL, E1000_TCTL_PSP);
	E1000_WRITE_FLUSH(adapter);
	mdelay(10);
	ew32(adapter, E1000_CTRL, er32(adapter, E1000_CTRL) | E1000_CTRL_RST);
	mdelay(5);
	e1000_irq_disable(adapter);
	(void)er32(adapter, E1000_ICR);	/* drop causes from before the reset */
}

/* One word of the EEPROM through EERD; -ETIMEDOUT if DONE never comes. */
static int e1000_read_eeprom(struct e1000_adapter *adapter, u16 offset,
			     u16 *data)
{
	int i;
	u32 v;

	ew32(adapter, E1000_EERD, (u32)offset << E1000_EEPROM_RW_ADDR_SHIFT |
				  E1000_EEPROM_RW_REG_START);
	for (i = 0; i < 1000; i++) {
		v = er32(adapter, E1000_EERD);
		if (v & E1000_EEPROM_RW_REG_DONE) {
			*data = v >> E1000_EEPROM_RW_REG_DATA;
			return 0;
		}
		udelay(5);
	}
	return -ETIMEDOUT;
}

/*
 * The permanent address is in EEPROM words 0-2 (SDM 5.6.1); after reset
 * the NIC has also loaded it into RAL0/RAH0, which is the fallback.
 */
int e1000_read_mac_addr(struct e1000_adapter *adapter, u8 *mac)
{
	u16 w;
	int i;

	for (i = 0; i < 3; i++) {
		if (e1000_read_eeprom(adapter, i, &w))
			break;
		mac[2 * i] = w & 0xff;
		mac[2 * i + 1] = w >> 8;
	}
	if (i < 3 || !is_valid_ether_addr(mac)) {
		u32 lo = er32(adapter, E1000_RAL(0));
		u32 hi = er32(adapter, E1000_RAH(0));

		for (i = 0; i < 4; i++)
			mac[i] = lo >> (8 * i);
		mac[4] = hi;
		mac[5] = hi >> 8;
	}
	return is_valid_ether_addr(mac) ? 0 : -EIO;
}

void e1000_rar_set(struct e1000_adapter *adapter, const u8 *mac)
{
	u32 lo = mac[0] | mac[1] << 8 | mac[2] << 16 | (u32)mac[3] << 24;
	u32 hi = mac[4] | mac[5] << 8 | E1000_RAH_AV;

	ew32(adapter, E1000_RAL(0), lo);
	ew32(adapter, E1000_RAH(0), hi);
	E1000_WRITE_FLUSH(adapter);
}

/* The counters clear on read: add them up under one lock. */
void e1000_update_stats(struct e1000_adapter *adapter)
{
	struct e1000_hw_stats *s = &adapter->stats;
	struct net_device_stats *ns = &adapter->netdev->stats;
	unsigned long flags;

	spin_lock_irqsave(&adapter->stats_lock, flags);
	s->crcerrs += er32(adapter, E1000_CRCERRS);
	s->algnerrc += er32(adapter, E1000_ALGNERRC);
	s->symerrs += er32(adapter, E1000_SYMERRS);
	s->rxerrc += er32(adapter, E1000_RXERRC);
	s->mpc += er32(adapter, E1000_MPC);
	s->scc += er32(adapter, E1000_SCC);
	s->ecol += er32(adapter, E1000_ECOL);
	s->mcc += er32(adapter, E1000_MCC);
	s->latecol += er32(adapter, E1000_LATECOL);
	s->colc += er32(adapter, E1000_COLC);
	s->dc += er32(adapter, E1000_DC);
	s->tncrs += er32(adapter, E1000_TNCRS);
	s->sec += er32(adapter, E1000_SEC);
	s->cexterr += er32(adapter, E1000_CEXTERR);
	s->rlec += er32(adapter, E1000_RLEC);
	s->xonrxc += er32(adapter, E1000_XONRXC);
	s->xontxc += er32(adapter, E1000_XONTXC);
	s->xoffrxc += er32(adapter, E1000_XOFFRXC);
	s->xofftxc += er32(adapter, E1000_XOFFTXC);
	s->fcruc += er32(adapter, E1000_FCRUC);
	s->gprc += er32(adapter, E1000_GPRC);
	s->bprc += er32(adapter, E1000_BPRC);
	s->mprc += er32(adapter, E1000_MPRC);
	s->gptc += er32(adapter, E1000_GPTC);
	/* 64-bit octet counters: the high half clears when read, so last. */
	s->gorc += er32(adapter, E1000_GORCL);
	s->gorc += (u64)er32(adapter, E1000_GORCH) << 32;
	s->gotc += er32(adapter, E1000_GOTCL);
	s->gotc += (u64)er32(adapter, E1000_GOTCH) << 32;
	s->rnbc += er32(adapter, E1000_RNBC);
	s->ruc += er32(adapter, E1000_RUC);
	s->rfc += er32(adapter, E1000_RFC);
	s->roc += er32(adapter, E1000_ROC);
	s->rjc += er32(adapter, E1000_RJC);
	s->tor += er32(adapter, E1000_TORL);
	s->tor += (u64)er32(adapter, E1000_TORH) << 32;
	s->tot += er32(adapter, E1000_TOTL);
	s->tot += (u64)er32(adapter, E1000_TOTH) << 32;
	s->tpr += er32(adapter, E1000_TPR);
	s->tpt += er32(adapter, E1000_TPT);
	s->mptc += er32(adapter, E1000_MPTC);
	s->bptc += er32(adapter, E1000_BPTC);

	/* What Linux's e1000_update_stats folds into the netdev counters. */
	ns->multicast = s->mprc;
	ns->collisions = s->colc;
	ns->rx_crc_errors = s->crcerrs;
	ns->rx_missed_errors = s->mpc;
	ns->rx_over_errors = s->rnbc;	/* hardware had no descriptor */
	ns->tx_aborted_errors = s->ecol;
	ns->tx_window_errors = s->latecol;
	ns->tx_carrier_errors = s->tncrs;
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
}
