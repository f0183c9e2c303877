// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt throttling (ITR), Linux's e1000 modes.  The register holds
 * the least interval between two interrupts in 256 ns units; the driver
 * thinks in interrupts per second (adapter->itr).  In the dynamic modes
 * (itr_setting 1 and 3) every poll that completes classes the traffic
 * since the interrupt into Linux's latency ranges and moves the rate:
 * lowest_latency 70,000 ints/s, low_latency 20,000, bulk_latency 4,000.
 * Mode 4 ("simplified") sets the rate from the watchdog instead, by how
 * symmetric the last two seconds' traffic was.
 */
#include <irqlab/kernel.h>
#include "e1000.h"

/* Linux's 1000000000 / (itr * 256); 0 turns throttling off. */
void e1000_write_itr(struct e1000_adapter *adapter, u32 ints_per_sec)
{
	ew32(adapter, E1000_ITR,
	     ints_per_sec ? 1000000000u / (ints_per_sec * 256) : 0);
}

/*
 * Linux's e1000_update_itr: the next latency class from the current one
 * and what one interrupt's polls saw.  The thresholds are Linux's,
 * derived from wire speed and tuned on real traffic.
 */
static u16 e1000_update_itr(u16 itr_setting, unsigned int packets,
			    unsigned int bytes)
{
	u16 retval = itr_setting;

	if (!packets)
		return retval;

	switch (itr_setting) {
	case lowest_latency:
		/* jumbo frames get bulk treatment */
		if (bytes / packets > 8000)
			retval = bulk_latency;
		else if (packets < 5 && bytes > 512)
			retval = low_latency;
		break;
	case low_latency:	/* 50 us, 20,000 ints/s */
		if (bytes > 10000) {
			if (bytes / packets > 8000)
				retval = bulk_latency;
			else if (packets < 10 || bytes / packets > 1200)
				retval = bulk_latency;
			else if (packets > 35)
				retval = lowest_latency;
		} else if (bytes / packets > 2000) {
			retval = bulk_latency;
		} else if (packets <= 2 && bytes < 512) {
			retval = lowest_latency;
		}
		break;
	case bulk_latency:	/* 250 us, 4,000 ints/s */
		if (bytes > 25000) {
			if (packets > 35)
				retval = low_latency;
		} else if (bytes < 6000) {
			retval = low_latency;
		}
		break;
	}
	return retval;
}

/*
 * Linux's e1000_set_itr, after a poll that finished its work: TX and RX
 * are classed apart and the slower class wins.  Conservative mode (3)
 * never goes to lowest_latency.  A rising rate climbs in steps of a
 * quarter of the target, which biases the driver towards bulk.
 */
void e1000_set_itr(struct e1000_adapter *adapter)
{
	u16 current_itr;
	u32 new_itr;

	/* Below gigabit Linux fixes the rate at 4,000. */
	if (unlikely(adapter->link_speed != 1000)) {
		current_itr = bulk_latency;
		new_itr = 4000;
		goto set_itr_now;
	}

	adapter->tx_itr = e1000_update_itr(adapter->tx_itr,
					   adapter->total_tx_packets,
					   adapter->total_tx_bytes);
	if (adapter->itr_setting == 3 && adapter->tx_itr == lowest_latency)
		adapter->tx_itr = low_latency;

	adapter->rx_itr = e1000_update_itr(adapter->rx_itr,
					   adapter->total_rx_packets,
					   adapter->total_rx_bytes);
	if (adapter->itr_setting == 3 && adapter->rx_itr == lowest_latency)
		adapter->rx_itr = low_latency;

	current_itr = max(adapter->rx_itr, adapter->tx_itr);
	switch (current_itr) {
	case lowest_latency:
		new_itr = 70000;
		break;
	case low_latency:
		new_itr = 20000;
		break;
	case bulk_latency:
		new_itr = 4000;
		break;
	default:
		new_itr = adapter->itr;
		break;
	}

set_itr_now:
	if (current_itr < ARRAY_SIZE(adapter->itr_class_count))
		adapter->itr_class_count[current_itr]++;
	if (new_itr != adapter->itr) {
		if (new_itr > adapter->itr)
			new_itr = min(adapter->itr + (new_itr >> 2), new_itr);
		adapter->itr = new_itr;
		e1000_write_itr(adapter, new_itr);
	}
}

/*
 * Linux's simplified mode (itr_setting 4), from the watchdog: traffic
 * all one way gets 8,000 ints/s, symmetric traffic 2,000, the rest in
 * between.  Linux keeps adapter->itr at 4 in this mode; irqlab keeps the
 * rate there, so ethtool -S and a later up show what is programmed.
 */
void e1000_itr_simplified(struct e1000_adapter *adapter)
{
	u64 gorc = adapter->stats.gorc - adapter->gorc_old;
	u64 gotc = adapter->stats.gotc - adapter->gotc_old;
	u64 goc = (gotc + gorc) / 10000;
	u64 dif = (gotc > gorc ? gotc - gorc : gorc - gotc) / 10000;
	u32 itr = goc ? (u32)(dif * 6000 / goc + 2000) : 8000;

	adapter->gorc_old = adapter->stats.gorc;
	adapter->gotc_old = adapter->stats.gotc;
	if (adapter->itr_setting != 4)
		return;
	adapter->itr = itr;
	e1000_write_itr(adapter, itr);
}
