// SPDX-License-Identifier: GPL-2.0
/* /proc/net/dev and /proc/net/softnet_stat in Linux's formats. */
#include <irqlab/netdevice.h>
#include <irqlab/shell.h>
#include <irqlab/smp.h>

/* net/core/net-procfs.c: dev_seq_show's header and dev_seq_printf_stats. */
static void proc_net_dev_show(void)
{
	struct net_device *dev;

	sh_printf("Inter-|   Receive                            "
		  "                    |  Transmit\n"
		  " face |bytes    packets errs drop fifo frame "
		  "compressed multicast|bytes    packets errs "
		  "drop fifo colls carrier compressed\n");
	for_each_netdev(dev) {
		const struct net_device_stats *s = &dev->stats;

		sh_printf("%6s: %7lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu "
			  "%8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu\n",
			  dev->name, s->rx_bytes, s->rx_packets, s->rx_errors,
			  s->rx_dropped + dev->rx_dropped_core +
			  s->rx_missed_errors,
			  s->rx_fifo_errors,
			  s->rx_length_errors + s->rx_over_errors +
			  s->rx_crc_errors + s->rx_frame_errors,
			  s->rx_compressed, s->multicast,
			  s->tx_bytes, s->tx_packets, s->tx_errors,
			  s->tx_dropped + dev->tx_dropped_core,
			  s->tx_fifo_errors, s->collisions,
			  s->tx_carrier_errors + s->tx_aborted_errors +
			  s->tx_window_errors + s->tx_heartbeat_errors,
			  s->tx_compressed);
	}
}
PROC_ENTRY("/proc/net/dev", proc_net_dev_show);

/*
 * softnet_seq_show (Linux 6.x): processed, dropped, time_squeeze, five
 * zeros (fastroute), cpu_collision (0), received_rps, flow_limit_count,
 * backlog length, the CPU, then input and process queue lengths.
 * irqlab's backlog has one queue, so process_qlen is 0.
 */
static void proc_net_softnet_stat_show(void)
{
	int cpu;

	for_each_online_cpu(cpu) {
		struct softnet_data *sd = &per_cpu(softnet_data, cpu);
		unsigned int input_qlen = skb_queue_len(&sd->input_pkt_queue);

		sh_printf("%08x %08x %08x %08x %08x %08x %08x %08x %08x "
			  "%08x %08x %08x %08x %08x %08x\n",
			  sd->processed, sd->dropped, sd->time_squeeze, 0,
			  0, 0, 0, 0, 0, sd->received_rps, 0, input_qlen,
			  cpu, input_qlen, 0);
	}
}
PROC_ENTRY("/proc/net/softnet_stat", proc_net_softnet_stat_show);
