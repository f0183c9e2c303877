// SPDX-License-Identifier: GPL-2.0
/*
 * The UDP echo service (RFC 862) on port 7, in its own fair-class kernel
 * thread "udp-echo", as a user process would run it: NET_RX queues each
 * datagram on the socket and wakes the thread; the thread sends it back.
 * Under a flood the thread and the softirq compete for the CPU, which is
 * what the receive-livelock experiment measures.
 */
#include <irqlab/net.h>
#include <irqlab/kthread.h>
#include <irqlab/sched.h>
#include <irqlab/jiffies.h>
#include <irqlab/printk.h>
#include <irqlab/shell.h>

struct udp_sock *udp_echo_sock;
static unsigned long udp_echo_echoed, udp_echo_send_errors;

unsigned long udp_echo_count(void)
{
	return READ_ONCE(udp_echo_echoed);
}

static int udp_echo_thread(void *unused)
{
	struct udp_sock *sk = udp_echo_sock;
	struct sk_buff *skb;

	while (!kthread_should_stop()) {
		skb = udp_recv(sk, HZ);
		if (!skb)
			continue;
		if (udp_sendto(sk, skb->data, skb->len, UDP_SKB_CB(skb)->saddr,
			       UDP_SKB_CB(skb)->sport) == 0)
			WRITE_ONCE(udp_echo_echoed, udp_echo_echoed + 1);
		else
			udp_echo_send_errors++;
		consume_skb(skb);
	}
	return 0;
}

void udp_echo_init(void)
{
	udp_echo_sock = udp_sock_bind(UDP_ECHO_PORT, UDP_ECHO_RCVBUF);
	if (!udp_echo_sock ||
	    !kthread_run(udp_echo_thread, NULL, "udp-echo"))
		pr_err("udp-echo: cannot start\n");
}

/* queued = echoed + send errors + still queued; dropped at the limit. */
static void proc_udp_echo_show(void)
{
	struct udp_sock *sk = udp_echo_sock;

	if (!sk)
		return;
	sh_printf("port %u rcvbuf %u queued %lu echoed %lu send_errors %lu dropped %lu backlog %u\n",
		  sk->port, sk->rcvbuf_limit, sk->rx_queued, udp_echo_echoed,
		  udp_echo_send_errors, sk->rx_dropped,
		  skb_queue_len(&sk->receive_queue));
}
PROC_ENTRY("/proc/net/udp_echo", proc_udp_echo_show);
