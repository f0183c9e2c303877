"""All CPUs come up, under SeaBIOS and OVMF, with 1, 2 and 4 of them.

The boot log must say "smp: Brought up 1 node, N CPUs" for QEMU's -smp N,
/proc/interrupts must have a column per CPU, and every CPU's local timer
(LOC) must be ticking: a CPU that is listed but not running would not.
"""

import re

import pytest

from test_interrupts import parse_interrupts


@pytest.mark.parametrize(
    "firmware,smp", [("bios", 1), ("bios", 2), ("bios", 4), ("uefi", 4)]
)
def test_all_cpus_online(qemu, firmware, smp):
    q = qemu(firmware=firmware, smp=smp).boot()
    m = re.search(r"smp: Brought up 1 node, (\d+) CPUs", q.boot_log)
    assert m, "no 'smp: Brought up' line in the boot log:\n" + q.tail(40)
    assert int(m.group(1)) == smp
    assert "did not answer" not in q.boot_log

    first = parse_interrupts(q.run("cat /proc/interrupts"), smp)
    second = parse_interrupts(q.run("cat /proc/interrupts"), smp)
    assert len(second["LOC"][0]) == smp, f"LOC row: {second['LOC']}"
    for cpu, (a, b) in enumerate(zip(first["LOC"][0], second["LOC"][0])):
        assert b > a, f"CPU{cpu}'s local timer did not tick: {a} -> {b}"
    for row in ("RES", "CAL"):
        assert row in second, f"no {row} row in /proc/interrupts"
