"""/proc/irq from busybox's shell (kernel/irq/proc.c, docs/interrupts.md).

Linux's files and formats: a directory per interrupt line with
smp_affinity (hex, nr_cpu_ids bits), smp_affinity_list, the effective
pair, affinity_hint, node and spurious, one directory per handler
(/proc/irq/11/eth0), and /proc/irq/default_smp_affinity.  Writing a
list or a mask moves the interrupt: the e1000's interrupts and the
NET_RX work its NAPI poll does then land on the new CPU.  Bad writes get
Linux 6.1's errors and change nothing; the timer (IRQF_NOBALANCING) is
read-only with EIO.
"""

from __future__ import annotations

import re

import pytest

from test_net import LINK_UP, pktgen

CPUS = 4
FILES = ["affinity_hint", "effective_affinity", "effective_affinity_list", "node",
         "smp_affinity", "smp_affinity_list", "spurious"]
# ash's words for a failed write(2) by its echo builtin.
EINVAL = "sh: write error: Invalid argument"
ERANGE = "sh: write error: Numerical result out of range"
EOVERFLOW = "sh: write error: Value too large for defined data type"
EIO = "sh: write error: Input/output error"


@pytest.fixture(scope="module")
def ash(module_qemu):
    q = module_qemu(name="proc_irq", firmware="bios", kshell=False, smp=CPUS,
                    net="socket")
    q.boot()
    if LINK_UP not in q.output:
        q.expect_exact(LINK_UP, timeout=30, what="the e1000's link-up line")
    # A wide line, so that ash does not wrap the article's loop.
    assert q.run("stty cols 200; stty size") == ["24 200"]
    return q


def eth0_irq(ash) -> int:
    rows = ash.run("grep eth0 /proc/interrupts")
    assert len(rows) == 1, rows
    return int(rows[0].split(":")[0])


def irq_counts(ash, irq: int) -> list[int]:
    row = ash.run(f"grep '^ *{irq}:' /proc/interrupts")[0].split()
    return [int(c) for c in row[1:1 + CPUS]]


def net_rx(ash) -> list[int]:
    row = ash.run("grep NET_RX /proc/softirqs")[0].split()
    return [int(c) for c in row[1:1 + CPUS]]


def cat(ash, path: str) -> str:
    out = ash.run(f"cat {path}")
    assert len(out) == 1, out
    return out[0]


def test_a_directory_per_line_and_per_handler(ash):
    irq = eth0_irq(ash)
    names = ash.run("ls /proc/irq")
    dirs = {int(n) for ln in names for n in ln.split() if n.isdigit()}
    assert "default_smp_affinity" in " ".join(names), names
    # Every line /proc/interrupts shows has its directory.
    shown = {int(ln.split(":")[0]) for ln in ash.run("cat /proc/interrupts")
             if re.match(r"^\s*\d+:", ln)}
    assert shown <= dirs, (shown, dirs)
    inside = " ".join(ash.run(f"ls /proc/irq/{irq}")).split()
    assert sorted(inside) == sorted(FILES + ["eth0"]), inside
    assert ash.run(f"ls -ld /proc/irq/{irq}/eth0")[0].startswith("dr-xr-xr-x"), irq


def test_files_in_linux_formats(ash):
    d = f"/proc/irq/{eth0_irq(ash)}"
    # Every CPU allowed (the default), CPU 0 taking it.
    assert cat(ash, "/proc/irq/default_smp_affinity") == "f"
    assert cat(ash, f"{d}/smp_affinity") == "f"
    assert cat(ash, f"{d}/smp_affinity_list") == "0-3"
    assert cat(ash, f"{d}/effective_affinity") == "1"
    assert cat(ash, f"{d}/effective_affinity_list") == "0"
    assert cat(ash, f"{d}/affinity_hint") == "0"
    assert cat(ash, f"{d}/node") == "0"
    spurious = ash.run(f"cat {d}/spurious")
    assert len(spurious) == 3, spurious
    assert re.fullmatch(r"count \d+", spurious[0]), spurious
    assert re.fullmatch(r"unhandled \d+", spurious[1]), spurious
    assert re.fullmatch(r"last_unhandled \d+ ms", spurious[2]), spurious
    assert ash.run(f"ls -l {d}/smp_affinity")[0].startswith("-rw-r--r--")
    assert ash.run(f"ls -l {d}/spurious")[0].startswith("-r--r--r--")


def test_moving_eth0_moves_its_interrupts_and_net_rx(ash):
    irq = eth0_irq(ash)
    d = f"/proc/irq/{irq}"
    try:
        assert ash.run(f"echo 1 > {d}/smp_affinity_list") == []
        assert cat(ash, f"{d}/smp_affinity") == "2"
        assert cat(ash, f"{d}/smp_affinity_list") == "1"
        assert cat(ash, f"{d}/effective_affinity_list") == "1"
        ints0, rx0 = irq_counts(ash, irq), net_rx(ash)
        res = pktgen(ash, "ping", "--count", "20", "--linger", "1000")
        assert res["received"] == 20, res
        ints1, rx1 = irq_counts(ash, irq), net_rx(ash)
        moved = [b - a for a, b in zip(ints0, ints1)]
        assert moved[1] > 0 and moved[0] == moved[2] == moved[3] == 0, (ints0, ints1)
        polls = [b - a for a, b in zip(rx0, rx1)]
        assert polls[1] > 0 and polls[0] == 0, (rx0, rx1)
    finally:
        ash.run(f"echo 0-3 > {d}/smp_affinity_list")
    assert cat(ash, f"{d}/effective_affinity_list") == "0"
    assert cat(ash, f"{d}/smp_affinity") == "f"


def test_article_loop_on_lines_that_exist_and_do_not(ash):
    irq = eth0_irq(ash)
    loop = "for i in 0 1 2 3; do echo $i > /proc/irq/$(({}+i))/smp_affinity_list; done"
    try:
        assert ash.run(loop.format(irq)) == []
        for i in range(4):
            assert cat(ash, f"/proc/irq/{irq + i}/effective_affinity_list") == str(i)
    finally:
        for i in range(4):
            ash.run(f"echo 0-3 > /proc/irq/{irq + i}/smp_affinity_list")
    # The article's numbers: MSI vectors this e1000 does not have.
    out = ash.run(loop.format(24))
    assert out == [f"-/bin/sh: can't create /proc/irq/{24 + i}/smp_affinity_list: "
                   "nonexistent directory" for i in range(4)], out


@pytest.mark.parametrize("name,text,error", [
    ("smp_affinity_list", "x", EINVAL),
    ("smp_affinity_list", "", EINVAL),          # no CPU at all
    ("smp_affinity_list", "3-1", EINVAL),
    ("smp_affinity_list", "4", ERANGE),         # past nr_cpu_ids
    ("smp_affinity_list", "99999999999", EOVERFLOW),
    ("smp_affinity", "x", EINVAL),
    ("smp_affinity", "0", EINVAL),
    ("smp_affinity", "10", EOVERFLOW),          # CPU 4 of 4
    ("smp_affinity", "1,0", EOVERFLOW),         # a second 32-bit group
    ("smp_affinity", "123456789", EOVERFLOW),   # nine digits in a group
])
def test_bad_writes_get_linux_errors_and_change_nothing(ash, name, text, error):
    path = f"/proc/irq/{eth0_irq(ash)}/{name}"
    before = cat(ash, path)
    assert ash.run(f"echo '{text}' > {path}") == [error]
    assert cat(ash, path) == before


def test_bad_default_affinity(ash):
    """(A write of more than PROC_WRITE_MAX bytes is EINVAL: ktest proc.)"""
    path = "/proc/irq/default_smp_affinity"
    assert ash.run(f"echo 0 > {path}") == [EINVAL]
    assert ash.run(f"echo 1,0 > {path}") == [EOVERFLOW]
    assert ash.run(f"echo zz > {path}") == [EINVAL]
    assert cat(ash, path) == "f"


def test_the_timer_stays_put(ash):
    assert ash.run("ls -l /proc/irq/0/smp_affinity")[0].startswith("-r--r--r--")
    assert ash.run("echo 1 > /proc/irq/0/smp_affinity_list") == [EIO]
    assert cat(ash, "/proc/irq/0/effective_affinity_list") == "0"
