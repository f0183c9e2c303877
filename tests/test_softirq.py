"""Softirqs as the shell shows them: /proc/softirqs, /proc/stat, ps.

/proc/softirqs must be in Linux's exact layout (fs/proc/softirqs.c): a
header of 20 spaces and "CPU%-8d" columns, then the ten vectors in
Linux's order as "%12s:" rows of " %10u" counts.  The tick raises SCHED
(load balancing) on every CPU, so that row must rise on every CPU between
two reads, and a command that sleeps on a timer must raise TIMER; /proc/stat's softirq line must hold the same
counts, summed over CPUs, its first field their total.  Each CPU has its
ksoftirqd/N thread.  Typing a command goes through the serial driver's
tasklet (docs/deferred-work.md), so the TASKLET row must rise too.
"""

import re

import pytest

NAMES = ["HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET",
         "SCHED", "HRTIMER", "RCU"]


def parse_softirqs(lines, ncpus):
    """{name: [count per CPU]}, checking the layout character by character."""
    assert lines, "cat /proc/softirqs printed nothing"
    header = " " * 20 + "".join(f"CPU{c:<8d}" for c in range(ncpus))
    assert lines[0].rstrip() == header.rstrip(), (
        f"header {lines[0]!r}, expected {header!r}")
    rows = {}
    for line, name in zip(lines[1:], NAMES):
        m = re.fullmatch(r"([ A-Z_]{12}):((?: {1,}\d+)+)", line.rstrip())
        assert m and m.group(1).strip() == name, (
            f"expected the {name} row, got {line!r}")
        assert m.group(1) == f"{name:>12s}", f"not right-aligned: {line!r}"
        counts = m.group(2)
        assert len(counts) == 11 * ncpus, f"not ' %10u' columns: {line!r}"
        rows[name] = [int(counts[i * 11:(i + 1) * 11]) for i in range(ncpus)]
    assert list(rows) == NAMES, f"rows: {list(rows)}"
    return rows


@pytest.mark.parametrize("smp", [1, 2, 4])
def test_proc_softirqs(qemu, smp):
    q = qemu(smp=smp).boot()
    first = parse_softirqs(q.run("cat /proc/softirqs"), smp)
    # mpstat sleeps a second on a timer: TIMER_SOFTIRQ expires it.
    q.run("mpstat -P ALL 1 1")
    second = parse_softirqs(q.run("cat /proc/softirqs"), smp)
    for cpu in range(smp):
        assert second["SCHED"][cpu] > first["SCHED"][cpu], (
            f"SCHED did not rise on CPU{cpu}: "
            f"{first['SCHED']} -> {second['SCHED']}")
    assert sum(second["TIMER"]) > sum(first["TIMER"]), (
        f"TIMER did not rise: {first['TIMER']} -> {second['TIMER']}")
    assert sum(second["TASKLET"]) > sum(first["TASKLET"]), (
        f"typing ran no tasklet: {first['TASKLET']} -> {second['TASKLET']}")

    stat = [l for l in q.run("cat /proc/stat") if l.startswith("softirq ")]
    assert len(stat) == 1, "no softirq line in /proc/stat"
    fields = [int(x) for x in stat[0].split()[1:]]
    assert len(fields) == 1 + len(NAMES), f"softirq line: {stat[0]!r}"
    assert fields[0] == sum(fields[1:]), f"total is not the sum: {stat[0]!r}"
    for i, name in enumerate(NAMES):
        assert fields[1 + i] >= sum(second[name]), (
            f"/proc/stat's {name} {fields[1 + i]} < /proc/softirqs' "
            f"{sum(second[name])}")

    ps = "\n".join(q.run("ps"))
    for cpu in range(smp):
        assert re.search(rf"\bksoftirqd/{cpu}\b", ps), (
            f"no ksoftirqd/{cpu} in ps:\n{ps}")
