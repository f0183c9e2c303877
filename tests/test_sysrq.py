"""Magic SysRq (drivers/tty/sysrq.c, docs/debugging.md): the keys through
/proc/sysrq-trigger from busybox's shell, and through a serial BREAK
(QEMU's Ctrl-A b on a muxed serial line) checked against kernel.sysrq.
What each prints is Linux's: "sysrq: Show State", then a
"task:NAME state:S stack:0 pid:N ppid:N flags:0x..." line per task with
its backtrace; NMI backtraces of every CPU for l; the reset, panic and
power-off keys end the machine as Linux's do.
"""

from __future__ import annotations

import re

import pytest

from qemu import strip_timestamp

TRIGGER = "/proc/sysrq-trigger"
HELP = ("sysrq: HELP : loglevel(0-9) reboot(b) crash(c) show-backtrace-all-active-cpus(l) "
        "show-memory-usage(m) poweroff(o) show-registers(p) show-task-states(t) "
        "show-blocked-tasks(w) ")
TASK = re.compile(r"^task:(.{15}) state:([RSDTtZXIP])(  running task    )? stack:0 +"
                  r"pid:(\d+) +ppid:(\d+) +flags:0x[0-9a-f]{8}$")


@pytest.fixture(scope="module")
def ash(module_qemu):
    q = module_qemu(name="sysrq", firmware="bios", kshell=False, smp=2)
    q.boot()
    return q


def sysrq(q, key: str, timeout: float = 60) -> list[str]:
    """The kernel's lines for one key written to the trigger."""
    return [strip_timestamp(ln) for ln in q.run(f"echo {key} > {TRIGGER}", timeout=timeout)]


def test_trigger_is_write_only_and_h_is_help(ash):
    assert ash.run(f"ls -l {TRIGGER}")[0].startswith("--w-------"), TRIGGER
    assert ash.run(f"cat {TRIGGER}") == ["cat: read error: Input/output error"]
    assert sysrq(ash, "h") == [HELP]
    assert sysrq(ash, "x") == [HELP]                # any key it lacks
    assert ash.run("cat /proc/sys/kernel/sysrq") == ["438"]


def test_t_shows_every_task_with_its_backtrace(ash):
    out = sysrq(ash, "t")
    assert out[0] == "sysrq: Show State", out[:5]
    tasks = {}
    for i, ln in enumerate(out):
        if m := TASK.match(ln):
            tasks[m[1].rstrip()] = (m[2], int(m[4]), i)
    # No idle task (Linux's walk starts after init_task).
    assert not any(name.startswith("swapper") for name in tasks), sorted(tasks)
    assert tasks["ksoftirqd/0"][0] == "S", tasks["ksoftirqd/0"]
    state, pid, at = tasks["init"]
    assert (state, pid) == ("S", 1), tasks["init"]
    # init sleeps in the scheduler: its trace says so, reliably.
    trace = out[at + 1:at + 4]
    assert trace[:2] == ["Call Trace:", " <TASK>"], out[at:at + 12]
    assert re.match(r"^ __schedule\+0x[0-9a-f]+/0x[0-9a-f]+$", trace[2]), out[at:at + 12]
    # Every process busybox's ps sees is there.
    pids = {int(ln.split()[0]) for ln in ash.run("ps -o pid")[1:]}
    listed = {pid for _, pid, _ in tasks.values()}
    missing = pids - listed
    assert len(missing) <= 1, missing   # ps itself, started after


def test_w_shows_only_blocked_tasks(ash):
    out = sysrq(ash, "w")
    assert out[0] == "sysrq: Show Blocked State", out
    states = [TASK.match(ln)[2] for ln in out if TASK.match(ln)]
    assert all(s == "D" for s in states), out


def test_m_l_p_and_loglevel(ash):
    mem = sysrq(ash, "m")
    assert mem[:2] == ["sysrq: Show Memory", "Mem-Info:"], mem
    assert re.match(r"^\d+ pages RAM$", mem[-2]) and mem[-1].endswith("pages reserved"), mem
    bt = sysrq(ash, "l")
    assert bt[0] == "sysrq: Show backtrace of all active CPUs", bt
    assert sorted(ln for ln in bt if ln.startswith("NMI backtrace for cpu")) == [
        "NMI backtrace for cpu 0", "NMI backtrace for cpu 1"], bt
    assert any(re.match(r"^Sending NMI from CPU [01] to CPUs [01]:$", ln) for ln in bt), bt
    # The other CPU was interrupted somewhere: its registers are shown.
    assert any(ln.startswith("RIP: 0010:") for ln in bt), bt
    # Nothing interrupted a write to the file: no registers, as Linux.
    assert sysrq(ash, "p") == ["sysrq: Show Regs"]
    assert sysrq(ash, "5") == ["sysrq: Changing Loglevel", "sysrq: Loglevel set to 5"]
    assert sysrq(ash, "7") == ["sysrq: Changing Loglevel", "sysrq: Loglevel set to 7"]


def test_serial_break_then_key(qemu):
    q = qemu(firmware="bios", kshell=False, smp=2, serial_mux=True)
    q.boot()
    # Debian's kernel.sysrq (438) leaves the dump keys out.
    q.send("\x01b")
    q.send("p")
    q.expect_exact("sysrq: This sysrq operation is disabled.",
                   what="a dump key refused by kernel.sysrq=438", timeout=30)
    assert q.run("echo 1 > /proc/sys/kernel/sysrq") == []
    q.send("\x01b")
    q.send("p")
    q.expect_exact("sysrq: Show Regs", what="sysrq p after a BREAK", timeout=30)
    q.expect(r"RIP: 0010:\S+", what="the interrupted registers", timeout=30)
    q.expect_exact("Call Trace:", what="their backtrace", timeout=30)
    # The BREAK and the key never reached the shell.
    assert q.run("echo back") == ["back"]


@pytest.mark.parametrize("key,lines", [
    ("c", ["sysrq: Trigger a crash", "Kernel panic - not syncing: sysrq triggered crash"]),
    ("o", ["sysrq: Power Off", "reboot: Power down"]),
    ("b", ["sysrq: Resetting"]),
])
def test_keys_that_end_the_machine(qemu, key, lines):
    q = qemu(firmware="bios", kshell=False, smp=2)
    q.boot()
    q.send(f"echo {key} > {TRIGGER}\r")
    for line in lines:
        q.expect_exact(line, what=repr(line), timeout=60)
    if key != "c":
        # -no-reboot: a reset ends QEMU as a power-off does.
        assert q.wait_exit(timeout=60) == 0

