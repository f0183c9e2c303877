"""Debian's own procps on irqlab (docs/initramfs.md): ps, top, free, uptime,
sysctl, pgrep and vmstat are Debian 12's binaries, run through glibc's
ld.so with their libraries from the .debs, reading irqlab's /proc.

busybox's ash runs its own applet for a bare `ps` (Debian builds it to
prefer applets), so these call the tools by path, as the next issue's
shell will not need to.
"""

from __future__ import annotations

import re

import pytest

PS_HEADER = "USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND".split()


@pytest.fixture(scope="module")
def ash(module_qemu):
    q = module_qemu(name="debian_tools", firmware="bios", kshell=False, smp=2)
    q.boot()
    assert q.run("stty cols 200; /bin/ps --version") == ["ps from procps-ng 4.0.2"]
    return q


def ps_aux(ash) -> dict[str, list[str]]:
    out = ash.run("/bin/ps aux")
    assert out[0].split() == PS_HEADER, out[0]
    rows = {}
    for ln in out[1:]:
        f = ln.split(None, 10)
        rows[f[10]] = f
    return rows


def test_ps_aux_shows_kernel_threads_in_brackets_with_their_states(ash):
    rows = ps_aux(ash)
    for cpu in (0, 1):
        soft = rows[f"[ksoftirqd/{cpu}]"]
        assert soft[0] == "root" and soft[7] == "S", soft     # STAT
        assert soft[4:6] == ["0", "0"], soft                  # no memory
    # Idle kworkers: I, the high-priority pool's I<.
    assert rows["[kworker/0:0]"][7] == "I", rows["[kworker/0:0]"]
    assert rows["[kworker/0:0H]"][7] == "I<", rows["[kworker/0:0H]"]
    init = rows["init"]
    assert init[1] == "1" and init[7].startswith("S") and int(init[4]) > 0, init


def test_ps_through_grep_as_the_article_types_it(ash):
    out = ash.run("/bin/ps aux | grep ksoftirqd")
    assert sum("[ksoftirqd/" in ln for ln in out) == 2, out


def test_pgrep_free_uptime_sysctl(ash):
    pids = ash.run("/usr/bin/pgrep -d, ksoftirqd")
    soft = {r[1] for name, r in ps_aux(ash).items() if name.startswith("[ksoftirqd/")}
    assert set(pids[-1].split(",")) == soft, pids
    free = ash.run("/usr/bin/free")
    assert free[0].split() == ["total", "used", "free", "shared", "buff/cache", "available"]
    assert free[1].startswith("Mem:") and free[2].startswith("Swap:"), free
    assert re.match(r"^ \d\d:\d\d:\d\d up .* load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d$",
                    ash.run("/usr/bin/uptime")[0])
    assert ash.run("/sbin/sysctl kernel.sysrq") == ["kernel.sysrq = 438"]
    netdev = ash.run("/sbin/sysctl -a 2>/dev/null | grep netdev")
    assert any(ln.startswith("net.core.netdev_budget = ") for ln in netdev), netdev


def test_vmstat_reads_proc_vmstat_and_stat(ash):
    out = ash.run("/usr/bin/vmstat")
    assert out[1].split() == ("r b swpd free buff cache si so bi bo in cs "
                              "us sy id wa st").split(), out
    cols = [int(c) for c in out[2].split()]
    assert cols[3] > 0 and cols[10] > 0 and cols[11] > 0, out   # free, in, cs
    vmstat = dict(ln.split() for ln in ash.run("cat /proc/vmstat"))
    assert int(vmstat["nr_free_pages"]) > 0 and int(vmstat["pgfault"]) > 0, vmstat


def test_top_for_the_ksoftirqd_threads_as_the_article_types_it(ash):
    out = ash.run("/usr/bin/top -b -n 1 -p $(/usr/bin/pgrep -d, ksoftirqd)")
    assert out[0].startswith("top - ") and out[1].startswith("Tasks:"), out
    assert out[2].startswith("%Cpu(s):"), out
    head = [i for i, ln in enumerate(out) if ln.split()[:2] == ["PID", "USER"]]
    assert head, out
    rows = [ln.split() for ln in out[head[0] + 1:] if ln.strip()]
    assert sorted(r[-1] for r in rows) == ["ksoftirqd/0", "ksoftirqd/1"], out
    assert all(r[7] == "S" for r in rows), rows


def test_the_files_procps_reads_beyond_proc_pid(ash):
    assert ash.run("cat /sys/devices/system/cpu/online") == ["0-1"]
    assert ash.run("cat /sys/devices/system/cpu/possible") == ["0-1"]
    assert ash.run("cat /proc/sys/kernel/ostype") == ["Linux"]
    release = ash.run("cat /proc/sys/kernel/osrelease")
    assert release == ash.run("uname -r") and release[0].startswith("6.1.0-irqlab-"), release
