"""Interrupts counting, as /proc/interrupts and /proc/stat show them.

Under SeaBIOS with one and two CPUs and under OVMF: the PIT's "timer"
(IRQ 0, arriving on IOAPIC pin 2 through the MADT override) and COM1's
"ttyS0" (IRQ 4) rows must be in Linux's format.  ttyS0 must rise between
two reads: typing the second command is what raises it, so that rise is
the serial receive interrupt at work.  The PIT is only the boot
clockevent, as on Linux: once the local APIC timers tick it is shut down,
so IRQ 0 keeps the count it had at boot while LOC carries the tick.
/proc/stat's intr line must agree with them.
"""

import re

import pytest

IRQ_ROW = re.compile(r"^\s*(\d+):((?:\s+\d+)+)\s+(\S+)\s+(\d+)-(\w+)\s+(.+)$")
ARCH_ROW = re.compile(r"^\s*([A-Z]{3}):((?:\s+\d+)+)(?:\s+(.*))?$")


def parse_interrupts(lines, ncpus):
    """{irq or name: (per-CPU counts, rest)}, checking Linux's layout."""
    assert lines, "cat /proc/interrupts printed nothing"
    header = lines[0].split()
    assert header == [f"CPU{i}" for i in range(len(header))], (
        f"header is not CPU0 CPU1...: {lines[0]!r}"
    )
    assert len(header) >= 1
    rows = {}
    for line in lines[1:]:
        m = IRQ_ROW.match(line)
        if m:
            counts = [int(c) for c in m.group(2).split()]
            assert len(counts) == len(header), f"column count in {line!r}"
            rows[int(m.group(1))] = (counts, m.group(3), int(m.group(4)),
                                     m.group(5), m.group(6))
            continue
        m = ARCH_ROW.match(line)
        assert m, f"unexpected /proc/interrupts line: {line!r}"
        rows[m.group(1)] = ([int(c) for c in m.group(2).split()], m.group(3))
    return rows


@pytest.mark.parametrize("firmware,smp", [("bios", 1), ("bios", 2), ("uefi", 2)])
def test_interrupts_count(qemu, firmware, smp):
    q = qemu(firmware=firmware, smp=smp).boot()
    first = parse_interrupts(q.run("cat /proc/interrupts"), smp)
    second = parse_interrupts(q.run("cat /proc/interrupts"), smp)

    for irq, name, pin in ((0, "timer", 2), (4, "ttyS0", 4)):
        assert irq in first, f"no IRQ {irq} ({name}) row: {sorted(first, key=str)}"
        counts, chip, hwirq, flow, handlers = second[irq]
        assert (chip, hwirq, flow, handlers) == ("IO-APIC", pin, "edge", name)
    counts, before = second[0][0], first[0][0]
    assert sum(counts) > 0, f"IRQ 0 never ticked at boot: {counts}"
    assert counts == before, (
        f"IRQ 0 (the PIT) still ticks after boot: {before} -> {counts}")
    counts, before = second[4][0], first[4][0]
    assert sum(counts) > sum(before), (
        f"IRQ 4 (ttyS0) did not rise: {before} -> {counts}")

    assert sum(second["LOC"][0]) > sum(first["LOC"][0]), "LOC did not rise"
    assert second["LOC"][1] == "Local timer interrupts"
    assert "ERR" in second and "SPU" in second

    stat = [l for l in q.run("cat /proc/stat") if l.startswith("intr ")]
    assert len(stat) == 1, "no intr line in /proc/stat"
    fields = [int(x) for x in stat[0].split()[1:]]
    # The per-IRQ counts follow the total and only grow after the second read.
    assert fields[1] >= sum(second[0][0]) and fields[5] >= sum(second[4][0])
    assert fields[0] >= sum(fields[1:])
