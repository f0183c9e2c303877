"""The scheduler as the shell shows it: ps, top, mpstat, /proc/stat, and
chrt, renice, taskset acting on spin threads.

One BIOS boot with four CPUs serves the whole module; each test leaves
no spin threads behind.
"""

import re
import time

import pytest

PS_HEADER = "  PID PSR CLS RTPRIO  NI STAT     TIME COMMAND"
PS_ROW = re.compile(
    r"^\s*(\d+)\s+(\d+)\s+(TS|FF)\s+(-|\d+)\s+(-|-?\d+)\s+([RSDIX][<N]?)\s+"
    r"((?:\d+-)?\d\d:\d\d:\d\d)\s+(\S+)$"
)
NCPU = 4


@pytest.fixture(scope="module")
def shell(module_qemu):
    q = module_qemu(name="sched4", firmware="bios", smp=NCPU).boot()
    yield q


@pytest.fixture
def spinners(shell):
    """Two spin threads; stopped afterwards whatever the test did."""
    assert shell.run("spin 2") == []
    yield ps_rows(shell)
    shell.run("spin 0")


def ps_rows(q):
    out = q.run("ps")
    assert out[0] == PS_HEADER, f"ps header: {out[0]!r}"
    rows = []
    for line in out[1:]:
        m = PS_ROW.match(line)
        assert m, f"ps line not in the expected format: {line!r}"
        rows.append(
            dict(pid=int(m[1]), cpu=int(m[2]), cls=m[3], rtprio=m[4],
                 ni=m[5], stat=m[6], comm=m[8])
        )
    return rows


def by_name(rows, name):
    found = [r for r in rows if r["comm"] == name]
    assert found, f"no task {name!r} in ps: {[r['comm'] for r in rows]}"
    return found[0]


def test_ps_shows_idle_on_every_cpu(shell):
    rows = ps_rows(shell)
    for cpu in range(NCPU):
        idle = by_name(rows, f"swapper/{cpu}")
        assert idle["pid"] == 0 and idle["cpu"] == cpu
    assert by_name(rows, "kshell")["pid"] > 0
    assert shell.run("nproc") == [str(NCPU)]


def test_ps_stat_idle_kthreads(shell):
    """Linux's kworkers wait for work in TASK_IDLE, which ps shows as I
    (fs/proc/array.c's "I (idle)"), with procps's < for a high-priority
    (nice < 0) one: kworker/N:MH is I<.  ksoftirqd sleeps interruptibly:
    S.  An unbound kworker may be busy delivering what we typed: R."""
    rows = ps_rows(shell)
    kworkers = [r for r in rows if r["comm"].startswith("kworker/")]
    assert kworkers, "no kworker in ps"
    for r in kworkers:
        bound = not r["comm"].startswith("kworker/u")
        want = ("I<" if r["comm"].endswith("H") else "I",)
        if not bound:
            want += ("R",)
        assert r["stat"] in want, f"{r['comm']} is {r['stat']!r}, not {want}"
    assert any(r["stat"] == "I<" for r in kworkers), "no high-priority kworker"
    for cpu in range(NCPU):
        assert by_name(rows, f"ksoftirqd/{cpu}")["stat"] == "S"


def test_chrt_and_renice(shell, spinners):
    pid = by_name(spinners, "spin/0")["pid"]
    assert shell.run(f"chrt -f -p 10 {pid}") == []
    row = by_name(ps_rows(shell), "spin/0")
    assert (row["cls"], row["rtprio"]) == ("FF", "10")
    assert shell.run(f"chrt -p {pid}") == [
        f"pid {pid}'s current scheduling policy: SCHED_FIFO",
        f"pid {pid}'s current scheduling priority: 10",
    ]
    assert shell.run(f"chrt -o -p 0 {pid}") == []
    assert by_name(ps_rows(shell), "spin/0")["cls"] == "TS"
    assert shell.run(f"renice -n 5 -p {pid}") == [
        f"{pid} (process ID) old priority 0, new priority 5"
    ]
    assert by_name(ps_rows(shell), "spin/0")["ni"] == "5"
    # Bad input: a clear error, nothing changed.
    out = shell.run(f"chrt -f -p 150 {pid}")
    assert out == [f"chrt: failed to set pid {pid}'s policy: Invalid argument"]
    assert shell.run("chrt -p 99999") == ["chrt: failed to find pid 99999"]
    assert shell.run("renice -n x -p 1") == ["renice: invalid priority 'x'"]


def test_taskset_pins(shell, spinners):
    pid = by_name(spinners, "spin/1")["pid"]
    out = shell.run(f"taskset -cp 2 {pid}")
    assert out[0].startswith(f"pid {pid}'s current affinity list: ")
    assert out[1] == f"pid {pid}'s new affinity list: 2"
    for _ in range(3):
        assert by_name(ps_rows(shell), "spin/1")["cpu"] == 2
    assert shell.run(f"taskset -p {pid}") == [f"pid {pid}'s current affinity mask: 4"]
    out = shell.run(f"taskset -cp 9 {pid}")
    assert out[-1] == f"taskset: failed to set pid {pid}'s affinity: Invalid argument"


def test_spin_rates(shell, spinners):
    out = shell.run("spin")
    assert len(out) == 2
    for line in out:
        m = re.match(r"^spin/\d: (\d+) loops/s \(pid \d+, CPU \d\)$", line)
        assert m, f"spin line: {line!r}"
        assert int(m[1]) > 0, "a spin thread did not run"


def test_top_batch(shell, spinners):
    out = shell.run("top -b -n 1")
    assert out[0].startswith("top - ")
    assert re.match(r"^Tasks: +\d+ total, +\d+ running, +\d+ sleeping", out[1])
    assert out[2].startswith("%Cpu(s):")
    header = next(i for i, l in enumerate(out) if l.lstrip().startswith("PID USER"))
    rows = [l.split() for l in out[header + 1:]]
    cpu = [float(r[8]) for r in rows]
    assert cpu == sorted(cpu, reverse=True), "top is not sorted by %CPU"
    # The two spinners, CPU-bound on four CPUs, lead at about 100% each.
    assert {rows[0][11], rows[1][11]} == {"spin/0", "spin/1"}
    assert all(50 <= c <= 101 for c in cpu[:2]), cpu[:3]


def test_mpstat_and_proc_stat(shell):
    out = shell.run("mpstat -P ALL 1 1")
    hdr = [l for l in out if "%usr" in l]
    assert len(hdr) == 2 and hdr[1].startswith("Average:")
    assert hdr[0].split()[1:] == [
        "CPU", "%usr", "%nice", "%sys", "%iowait", "%irq", "%soft",
        "%steal", "%guest", "%gnice", "%idle",
    ]
    avg = [l.split() for l in out if l.startswith("Average:") and "%usr" not in l]
    assert [r[1] for r in avg] == ["all"] + [str(c) for c in range(NCPU)]
    for r in avg:
        assert abs(sum(float(x) for x in r[2:]) - 100.0) < 0.2, r
    # Nothing runs: the CPUs are mostly idle.
    assert float(avg[0][-1]) > 50

    stat = shell.run("cat /proc/stat")
    cpus = [l.split() for l in stat if l.startswith("cpu")]
    assert cpus[0][0] == "cpu" and [c[0] for c in cpus[1:]] == [
        f"cpu{i}" for i in range(NCPU)]
    assert all(len(c) == 11 for c in cpus)
    assert int(cpus[0][4]) > 0, "no idle time in /proc/stat"
    assert any(l.startswith("ctxt ") and int(l.split()[1]) > 0 for l in stat)


LOADAVG = re.compile(r"^(\d+\.\d\d) (\d+\.\d\d) (\d+\.\d\d) (\d+)/(\d+) (\d+)$")


def read_loadavg(q):
    out = q.run("cat /proc/loadavg")
    assert len(out) == 1, f"/proc/loadavg: {out!r}"
    m = LOADAVG.match(out[0])
    assert m, f"/proc/loadavg not in Linux's format: {out[0]!r}"
    return m


def test_loadavg_rises_with_spinners(shell, spinners):
    """Linux's load average (kernel/sched/loadavg.c): every 5 s the running
    and uninterruptible tasks are folded in.  Two spinners for two samples
    make the 1-minute average at least 0.30 (2 * (1 - (1884/2048)^2))."""
    deadline = time.monotonic() + 60
    while True:
        m = read_loadavg(shell)
        if float(m[1]) >= 0.30:
            break
        assert time.monotonic() < deadline, (
            f"the 1-minute load stayed below 0.30 with two spinners for 60 s: "
            f"{m[0]!r}")
        time.sleep(1)
    running, total, last = int(m[4]), int(m[5]), int(m[6])
    rows = ps_rows(shell)
    tasks = [r for r in rows if r["pid"] > 0]
    # Running: the two spinners and the shell reading the file at least.
    assert 3 <= running <= total, m[0]
    # Total: every task but the idle ones, as Linux's nr_threads; the last
    # pid handed out.  ps ran after, on the same tasks.
    assert total == len(tasks), (m[0], len(tasks))
    assert last == max(r["pid"] for r in tasks), m[0]

    top = shell.run("top -b -n 1")
    avg = re.search(r"load average: (\d+\.\d\d), (\d+\.\d\d), (\d+\.\d\d)$",
                    top[0])
    assert avg, f"top's first line: {top[0]!r}"
    assert float(avg[1]) >= 0.30, top[0]


def test_console_under_rt_load(qemu):
    """The shell at SCHED_FIFO 99 and a FIFO spinner on every CPU: console
    input passes through a fair-class kworker, which Linux's RT throttling
    (sched_rt_runtime_us 950000 of sched_rt_period_us 1000000) lets run
    5% of each second, so the shell still gets its commands, logging
    "sched: RT throttling activated" once."""
    ncpu = 2
    q = qemu(name="rt", smp=ncpu).boot()
    assert q.run(f"spin {ncpu}") == []
    rows = ps_rows(q)
    sh = by_name(rows, "kshell")["pid"]
    spins = [by_name(rows, f"spin/{i}")["pid"] for i in range(ncpu)]
    for cpu, pid in enumerate(spins):
        assert q.run(f"taskset -cp {cpu} {pid}")[-1].endswith(f"list: {cpu}")
    assert q.run(f"chrt -f -p 99 {sh}") == []
    for pid in spins:
        assert q.run(f"chrt -f -p 50 {pid}") == []
    # From here each line waits for a throttled window: about a second.
    assert q.run("echo hello", timeout=30) == ["hello"]
    spun = [r for r in ps_rows(q) if r["comm"].startswith("spin/")]
    assert [(r["cls"], r["stat"]) for r in spun] == [("FF", "R")] * ncpu
    log = "\n".join(q.run("dmesg"))
    assert log.count("sched: RT throttling activated") == 1, log[-2000:]
    assert q.run("spin 0", timeout=60) == []
    assert q.run(f"chrt -o -p 0 {sh}") == []
