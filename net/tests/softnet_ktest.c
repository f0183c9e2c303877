// SPDX-License-Identifier: GPL-2.0
/*
 * softnet across CPUs.  What the network core sends to another CPU must
 * neither allocate nor wait (Linux's softnet_data csd for RPS, NET_TX
 * scheduled where the queue is woken): those cases make this CPU's own
 * call slot busy first, with a call to a CPU that spins with interrupts
 * off and takes it only when released; a core that used that slot would
 * wait for the spinner, which gives up after a few seconds and says so.
 * And napi_disable() from a real-time task must let the NAPI's owner on
 * its CPU run, and counters two CPUs update at once lose nothing.
 */
#include <irqlab/ktest.h>
#include <irqlab/bottom_half.h>
#include <irqlab/completion.h>
#include <irqlab/kthread.h>
#include <irqlab/sched.h>
#include <irqlab/smp.h>
#include <irqlab/timekeeping.h>
#include <irqlab/timer.h>
#include <asm/processor.h>
#include "nettest_dev.h"

#define WAIT_MS		5000	/* liveness bound: nothing is timed */
#define SPIN_NS		(3000ULL * 1000 * 1000)

static struct {
	void (*before)(void);	/* run on the spinner's CPU first */
	int spinning, release, timed_out;
	struct completion done;
} spin;

static int irqs_off_spinner(void *unused)
{
	u64 end;

	if (spin.before)
		spin.before();
	local_irq_disable();
	WRITE_ONCE(spin.spinning, 1);
	end = ktime_get_ns() + SPIN_NS;
	while (!READ_ONCE(spin.release)) {
		if (ktime_get_ns() > end) {
			WRITE_ONCE(spin.timed_out, 1);
			break;
		}
		cpu_relax();
	}
	local_irq_enable();
	complete(&spin.done);
	return 0;
}

static void nop_call(void *info)
{
}

static unsigned long saved_mask;

/*
 * Pins the runner to CPU 0, starts the spinner on CPU 1 and leaves this
 * CPU's call slot (csd_data) queued on it.  False if there is no CPU 1.
 */
static bool start_spinner(struct ktest *t, void (*before)(void))
{
	struct task_struct *k;

	if (!cpu_online(1)) {
		ktest_skip(t, "needs 2 CPUs");
		return false;
	}
	saved_mask = current->cpus_mask;
	set_cpus_allowed_ptr(current, 1UL << 0);
	KTEST_ASSERT_EQ(t, smp_processor_id(), 0);
	spin.before = before;
	spin.spinning = spin.release = spin.timed_out = 0;
	init_completion(&spin.done);
	k = kthread_create_on_cpu(irqs_off_spinner, NULL, 1, "ktspin/%u");
	KTEST_ASSERT_NOT_NULL(t, k);
	wake_up_process(k);
	while (!READ_ONCE(spin.spinning))
		msleep(1);
	/* Taken only when the spinner turns interrupts back on. */
	KTEST_EXPECT_EQ(t, smp_call_function_single(1, nop_call, NULL, false),
			0);
	return true;
}

/* True if the runner came back before the spinner had to give up. */
static bool stop_spinner(struct ktest *t)
{
	WRITE_ONCE(spin.release, 1);
	KTEST_EXPECT_TRUE(t, wait_for_completion_timeout(&spin.done,
						msecs_to_jiffies(WAIT_MS)));
	set_cpus_allowed_ptr(current, saved_mask);
	return !READ_ONCE(spin.timed_out);
}

/*
 * Frames steered to CPU 1 leave an IPI owed there; net_rx_action sends it
 * with CPU 1's softnet_data csd, so it returns at once however long CPU 1
 * keeps interrupts off, and the frames are delivered when it turns them
 * back on (Linux's net_rps_send_ipi, rps_trigger_softirq).
 */
static void rps_ipi_needs_no_call_slot(struct ktest *t)
{
	struct net_device *dev = kt_dev();
	struct softnet_data *rsd;
	unsigned int rps_before;
	struct udp_sock *sk;
	struct sk_buff *skb;
	bool returned;
	int i;

	KTEST_ASSERT_NOT_NULL(t, dev);
	kt_reset();
	sk = udp_sock_bind(5560, 64);
	KTEST_ASSERT_NOT_NULL(t, sk);
	if (!start_spinner(t, NULL)) {
		udp_sock_release(sk);
		return;
	}
	rsd = &per_cpu(softnet_data, 1);
	rps_before = rsd->received_rps;
	dev->rps_cpus = 1UL << 1;
	local_bh_disable();
	for (i = 0; i < 4; i++)
		netif_receive_skb(kt_udp_skb(dev, 7000 + i, 5560));
	/* net_rx_action runs here and sends what RPS owes CPU 1. */
	local_bh_enable();
	dev->rps_cpus = 0;
	returned = stop_spinner(t);
	KTEST_EXPECT_TRUE(t, returned);
	for (i = 0; i < 4; i++) {
		skb = udp_recv(sk, msecs_to_jiffies(WAIT_MS));
		KTEST_ASSERT_NOT_NULL(t, skb);
		consume_skb(skb);
	}
	KTEST_EXPECT_EQ(t, sk->rx_queued, 4);
	KTEST_EXPECT_EQ(t, rsd->received_rps, rps_before + 1);
	udp_sock_release(sk);
}

/* On CPU 1: three frames the busy driver refuses, which wait. */
static void queue_three_refused(void)
{
	struct net_device *dev = kt_dev();
	u8 i;

	WRITE_ONCE(kt_busy, 1);
	for (i = 1; i <= 3; i++)
		dev_queue_xmit(kt_tx_skb(dev, i));
}

/*
 * The driver wakes the queue on CPU 0 (from its NAPI poll, bottom halves
 * off) while the frames were queued on CPU 1: Linux's netif_wake_queue
 * schedules the queue on the CPU that wakes it (__netif_schedule), so
 * NET_TX sends them from here without asking CPU 1 for anything.
 */
static void wake_queue_needs_no_call_slot(struct ktest *t)
{
	struct net_device *dev = kt_dev();
	struct sk_buff *skb;
	bool returned;
	u8 i;

	KTEST_ASSERT_NOT_NULL(t, dev);
	kt_reset();
	if (!start_spinner(t, queue_three_refused))
		return;
	KTEST_EXPECT_TRUE(t, netif_queue_stopped(dev));
	KTEST_EXPECT_EQ(t, kt_captured_len(), 0);
	WRITE_ONCE(kt_busy, 0);
	local_bh_disable();
	netif_wake_queue(dev);
	local_bh_enable();
	returned = stop_spinner(t);
	KTEST_EXPECT_TRUE(t, returned);
	for (i = 1; i <= 3; i++) {
		skb = kt_captured(WAIT_MS);
		KTEST_ASSERT_NOT_NULL(t, skb);
		KTEST_EXPECT_EQ(t, skb->data[0], i);
		consume_skb(skb);
	}
	KTEST_EXPECT_FALSE(t, netif_queue_stopped(dev));
}

/*
 * napi_disable() waits for whoever owns the NAPI to let go.  Here that is
 * a fair-class thread on CPU 1, as a threaded NAPI's poll loop would be,
 * and the caller is SCHED_FIFO on the same CPU: spinning, it would never
 * let the owner run.  Linux's napi_disable sleeps between looks, so the
 * owner runs, sees the caller asleep in napi_disable, and completes.
 * Should the owner never run, the runner lets go for it after WAIT_MS.
 */
static struct {
	struct napi_struct napi;
	struct task_struct *caller;
	int owning, in_disable, rescued;
	int seen_in_disable;
	unsigned int seen_state;
	struct completion owner_done, caller_done;
} nd;

static int never_polled(struct napi_struct *napi, int budget)
{
	return 0;
}

static int napi_owner(void *unused)
{
	WRITE_ONCE(nd.owning, napi_schedule_prep(&nd.napi));
	while (!READ_ONCE(nd.in_disable) && !READ_ONCE(nd.rescued))
		cond_resched();
	nd.seen_in_disable = READ_ONCE(nd.in_disable);
	nd.seen_state = READ_ONCE(nd.caller->__state);
	if (!READ_ONCE(nd.rescued))
		napi_complete_done(&nd.napi, 0);
	complete(&nd.owner_done);
	return 0;
}

static int fifo_disabler(void *unused)
{
	sched_set_fifo(current);
	WRITE_ONCE(nd.in_disable, 1);
	napi_disable(&nd.napi);
	WRITE_ONCE(nd.in_disable, 0);
	/* Alive until the owner has looked at us. */
	wait_for_completion(&nd.owner_done);
	complete(&nd.caller_done);
	return 0;
}

static void napi_disable_sleeps_for_the_owner(struct ktest *t)
{
	struct task_struct *owner;
	bool in_time, done;

	if (!cpu_online(1)) {
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	saved_mask = current->cpus_mask;
	set_cpus_allowed_ptr(current, 1UL << 0);
	memset(&nd, 0, sizeof(nd));
	init_completion(&nd.owner_done);
	init_completion(&nd.caller_done);
	netif_napi_add(NULL, &nd.napi, never_polled);
	napi_enable(&nd.napi);
	owner = kthread_create_on_cpu(napi_owner, NULL, 1, "ktowner/%u");
	KTEST_ASSERT_NOT_NULL(t, owner);
	wake_up_process(owner);
	while (!READ_ONCE(nd.owning))
		msleep(1);
	nd.caller = kthread_create_on_cpu(fifo_disabler, NULL, 1, "ktfifo/%u");
	KTEST_ASSERT_NOT_NULL(t, nd.caller);
	wake_up_process(nd.caller);

	in_time = wait_for_completion_timeout(&nd.caller_done,
					      msecs_to_jiffies(WAIT_MS));
	if (!in_time) {
		/* Let go for the owner that never ran. */
		WRITE_ONCE(nd.rescued, 1);
		clear_bit(NAPI_STATE_SCHED, &nd.napi.state);
		done = wait_for_completion_timeout(&nd.caller_done,
						   msecs_to_jiffies(WAIT_MS));
		KTEST_EXPECT_TRUE(t, done);
	}
	set_cpus_allowed_ptr(current, saved_mask);
	KTEST_EXPECT_TRUE(t, in_time);
	KTEST_EXPECT_TRUE(t, nd.seen_in_disable);
	KTEST_EXPECT_EQ(t, nd.seen_state, TASK_UNINTERRUPTIBLE);
	/* Disabled: owned by the caller, scheduling refused. */
	KTEST_EXPECT_TRUE(t, test_bit(NAPI_STATE_SCHED, &nd.napi.state));
	KTEST_EXPECT_FALSE(t, napi_schedule_prep(&nd.napi));
	netif_napi_del(&nd.napi);
}

/*
 * Linux keeps the SNMP counters per CPU and sums them when they are read
 * (snmp_fold_field): two CPUs counting at once lose nothing.  Each CPU
 * here feeds SNMP_FRAMES datagrams for a port nobody has bound, counted
 * in Ip InReceives and InDelivers and Udp NoPorts.  At least that many
 * (eth0 may add its own) must be counted.
 */
#define SNMP_FRAMES	100000

static struct {
	u8 frame[128];
	unsigned int len;
	int go;
	unsigned long nomem;
	struct completion done[2];
} sn;

static unsigned long snmp_ip_in_receives(void)
{
	return snmp_fold_field(&ip_statistics, IPSTATS_MIB_INPKTS);
}

static unsigned long snmp_ip_in_delivers(void)
{
	return snmp_fold_field(&ip_statistics, IPSTATS_MIB_INDELIVERS);
}

static unsigned long snmp_udp_no_ports(void)
{
	return snmp_fold_field(&udp_statistics, UDP_MIB_NOPORTS);
}

static int snmp_feeder(void *arg)
{
	struct net_device *dev = kt_dev();
	struct sk_buff *skb;
	int i;

	while (!READ_ONCE(sn.go))
		cpu_relax();
	for (i = 0; i < SNMP_FRAMES; i++) {
		skb = netdev_alloc_skb(dev, sn.len);
		if (!skb) {
			__atomic_add_fetch(&sn.nomem, 1, __ATOMIC_RELAXED);
			continue;
		}
		memcpy(skb_put(skb, sn.len), sn.frame, sn.len);
		local_bh_disable();
		skb->protocol = eth_type_trans(skb, dev);
		netif_receive_skb(skb);
		local_bh_enable();
		if (i % 256 == 0)
			cond_resched();
	}
	complete(&sn.done[(long)arg]);
	return 0;
}

static void snmp_counts_from_two_cpus_add_up(struct ktest *t)
{
	unsigned long receives, delivers, no_ports, fed;
	struct task_struct *k;
	long i;

	if (!cpu_online(1)) {
		ktest_skip(t, "needs 2 CPUs");
		return;
	}
	KTEST_ASSERT_NOT_NULL(t, kt_dev());
	kt_reset();
	sn.len = kt_build_udp(sn.frame, 1234, 4321, "snmp", 4);
	sn.go = 0;
	sn.nomem = 0;
	receives = snmp_ip_in_receives();
	delivers = snmp_ip_in_delivers();
	no_ports = snmp_udp_no_ports();
	for (i = 0; i < 2; i++) {
		init_completion(&sn.done[i]);
		k = kthread_create_on_cpu(snmp_feeder, (void *)i, i,
					  "ktsnmp/%u");
		KTEST_ASSERT_NOT_NULL(t, k);
		wake_up_process(k);
	}
	WRITE_ONCE(sn.go, 1);
	for (i = 0; i < 2; i++)
		wait_for_completion(&sn.done[i]);
	fed = 2 * SNMP_FRAMES - sn.nomem;
	KTEST_EXPECT_GE(t, snmp_ip_in_receives() - receives, fed);
	KTEST_EXPECT_GE(t, snmp_ip_in_delivers() - delivers, fed);
	KTEST_EXPECT_GE(t, snmp_udp_no_ports() - no_ports, fed);
}

static const struct ktest_case softnet_cases[] = {
	KTEST_CASE(rps_ipi_needs_no_call_slot),
	KTEST_CASE(wake_queue_needs_no_call_slot),
	KTEST_CASE(napi_disable_sleeps_for_the_owner),
	KTEST_CASE(snmp_counts_from_two_cpus_add_up),
	{}
};
KTEST_SUITE(softnet, softnet_cases);
