"""The neighbour cache from outside, over real ARP with tools/pktgen
(docs/networking.md): /proc/net/stat/arp_cache and /proc/net/arp in
Linux's formats, `ip neigh` with iproute2's state names, `arp -n` with
net-tools' flags, and the net.ipv4.neigh.default knobs.

The in-kernel side (queueing, the state machine, garbage collection) is
ktest=neigh; here only what a user sees.
"""

import re
import time

from test_net import booted, pktgen

# Linux's neigh_stat_seq_show: the header, then one row per CPU in hex.
ARP_CACHE_HEADER = (
    "entries  allocs   destroys hash_grows lookups  hits     res_failed "
    "rcv_probes_mcast rcv_probes_ucast periodic_gc_runs forced_gc_runs "
    "unresolved_discards table_fulls")
H = "[0-9a-f]{8}"
ARP_CACHE_ROW = re.compile(
    f"^{H} {H} {H} {H}   {H} {H} {H}   {H}         {H}         {H}         "
    f"{H}       {H}            {H}$")

GATEWAY = "10.0.2.2"
GATEWAY_MAC = "52:55:0a:00:02:02"


def arp_cache(q, cpus):
    lines = q.run("cat /proc/net/stat/arp_cache")
    assert lines and lines[0] == ARP_CACHE_HEADER, lines
    rows = lines[1:]
    assert len(rows) == cpus, lines
    for row in rows:
        assert ARP_CACHE_ROW.match(row), row
    # Column 0 (entries) is the table's, repeated; the rest per CPU.
    cols = [[int(c, 16) for c in row.split()] for row in rows]
    assert len({c[0] for c in cols}) == 1, rows
    return {"entries": cols[0][0],
            "lookups": sum(c[4] for c in cols),
            "hits": sum(c[5] for c in cols)}


def test_arp_cache_and_states_as_linux_shows_them(qemu):
    q = booted(qemu, smp=2)
    before = arp_cache(q, 2)

    # Short times: after the traffic the gateway's entry settles in STALE
    # (REACHABLE for 100-300 ms after its last confirmation, and with no
    # delay before probing, STALE rather than DELAY once that is over).
    assert q.run("sysctl -w net.ipv4.neigh.default.base_reachable_time_ms=200") == [
        "net.ipv4.neigh.default.base_reachable_time_ms = 200"]
    assert q.run("sysctl -w net.ipv4.neigh.default.delay_first_probe_time=0") == [
        "net.ipv4.neigh.default.delay_first_probe_time = 0"]
    # --linger: on a slow host the last echo may go out with the entry
    # already STALE; its probe must be answered, or it goes FAILED.
    udp = pktgen(q, "udpping", "--count", "5", "--size", "100",
                 "--linger", "5000")
    assert (udp["received"], udp["bad"]) == (5, 0), udp

    stale = f"{GATEWAY} dev eth0 lladdr {GATEWAY_MAC} STALE"
    deadline = time.monotonic() + 30
    while True:
        neigh = q.run("ip neigh")
        if stale in neigh:
            break
        assert time.monotonic() < deadline, f"never {stale!r}: {neigh}"
        time.sleep(0.2)

    # net-tools: a valid entry, STALE included, is "C" with its address.
    arp = q.run("arp -n")
    assert arp[0] == ("Address                  HWtype  HWaddress           "
                      "Flags Mask            Iface"), arp
    assert (f"{GATEWAY:<23}  ether   {GATEWAY_MAC}   C                     eth0"
            in arp), arp
    proc_arp = q.run("cat /proc/net/arp")
    assert proc_arp[0] == ("IP address       HW type     Flags       "
                           "HW address            Mask     Device"), proc_arp
    assert (f"{GATEWAY:<16} 0x1         0x2         {GATEWAY_MAC}     *        eth0"
            in proc_arp), proc_arp

    after = arp_cache(q, 2)
    assert after["entries"] >= 1, after
    # Every ARP frame taken in is looked up: pktgen's requests and replies.
    assert after["lookups"] > before["lookups"], (before, after)
    assert after["hits"] > before["hits"], (before, after)
