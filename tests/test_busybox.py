"""Debian's busybox as init and as the console's shell (docs/userspace.md).

Without the boot option kshell, kernel_init runs the initramfs's /init
(busybox init): rcS mounts /proc, /sys, /dev and /tmp, and ash runs on
ttyS0 with the prompt `irqlab# `.  The commands of issue 11's list run
there verbatim, pipes and scripts included; ^C stops a foreground
program through the tty's SIGINT; `poweroff` goes through init and
reboot(2).  One boot is shared by the read-only commands.
"""

from __future__ import annotations

import re

import pytest

from qemu import PROMPT, QemuError


@pytest.fixture(scope="module")
def ash(module_qemu):
    q = module_qemu(name="busybox", firmware="bios", kshell=False)
    q.boot()
    return q


def test_init_is_busybox(ash):
    assert "Run /init as init process" in ash.boot_log, ash.boot_log[-2000:]
    out = ash.run("ps")
    pid1 = [ln for ln in out if re.match(r"^\s*1\s", ln)]
    assert len(pid1) == 1 and pid1[0].split()[-1] == "init", "\n".join(out)
    assert any(ln.split()[-1] == "-/bin/sh" for ln in out), "\n".join(out)


def test_proc_interrupts_through_grep(ash):
    out = ash.run("cat /proc/interrupts | grep -E 'timer|eth0'")
    assert out and all(re.search(r"timer|eth0", ln) for ln in out), out
    assert any(ln.rstrip().endswith("timer") for ln in out), out


def test_pipe_and_wc(ash):
    assert ash.run("echo hello | wc -c") == ["6"]


def test_for_loop(ash):
    assert ash.run("for i in 0 1 2 3; do echo $i; done") == ["0", "1", "2", "3"]


def test_sleep_then_echo(ash):
    assert ash.run("sleep 1; echo done") == ["done"]


def test_command_substitution(ash):
    out = ash.run("x=$(cat /proc/cmdline); echo $x")
    assert len(out) == 1 and "console=ttyS0" in out[0], out


def test_top_batch(ash):
    """`top` is Debian's procps top now (/usr/bin/top, not an applet
    that ash prefers): its summary, then a row per task."""
    out = ash.run("top -b -n 1")
    assert out[0].startswith("top - ") and " load average: " in out[0], out
    assert out[1].startswith("Tasks:") and out[2].startswith("%Cpu(s):"), out
    # COMMAND is cut to the terminal's 80 columns ("ksoftirqd+").
    assert any(ln.split()[-1].startswith("ksoftirqd") for ln in out if ln.strip()), out


@pytest.mark.parametrize("cmd,first", [
    ("free", r"^\s+total\s+used\s+free"),
    ("uptime", r"up .* load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d$"),
    ("dmesg | tail -3", r"^\[\s*\d+\.\d{6}\] "),
])
def test_system_views(ash, cmd, first):
    out = ash.run(cmd)
    assert out and re.search(first, out[0]), out


def test_script_file(ash):
    ash.run("printf 'echo one\\necho two\\n' > /tmp/t.sh")
    assert ash.run("sh /tmp/t.sh") == ["one", "two"]


def test_a_glibc_program_through_ld_so(ash):
    """PT_INTERP: Debian's ld.so (from libc6 in the initramfs) maps
    libc.so.6 with file mmap(2), and the program finds both."""
    out = ash.run("/usr/lib/irqlab/dyn-test; echo status $?", timeout=60)
    assert out[0] == "libc 2.36" and out[1] == "AT_BASE set", out
    objects = [ln.split(" ", 1)[1] for ln in out if ln.startswith("object ")]
    assert objects[0] == "(main)", out
    assert "/lib/x86_64-linux-gnu/libc.so.6" in objects, out
    assert "/lib64/ld-linux-x86-64.so.2" in objects, out
    assert out[-1] == "status 0", out


def cpu_user_ticks(ash) -> int:
    line = ash.run("head -1 /proc/stat")[0].split()
    assert line[0] == "cpu", line
    return int(line[1])


def test_user_spinner_is_usr_time(ash):
    """A shell loop burns user time: its own utime (/proc/PID/stat field
    14) grows, the CPUs' user column of /proc/stat grows at least as
    much, and top's %Cpu(s) line (its deltas of /proc/stat over the
    second iteration) shows it as us."""
    ash.run("while :; do :; done &")
    pid = ash.run("echo $!")[0]
    try:
        u0, c0 = int(ash.run(f"cut -d' ' -f14 /proc/{pid}/stat")[0]), cpu_user_ticks(ash)
        top = [ln for ln in ash.run("top -b -n 2 -d 1") if ln.startswith("%Cpu(s):")]
        u1, c1 = int(ash.run(f"cut -d' ' -f14 /proc/{pid}/stat")[0]), cpu_user_ticks(ash)
    finally:
        ash.run(f"kill {pid}")
    assert u1 > u0, (u0, u1)
    # Both count USER_HZ ticks; one of rounding either way.
    assert c1 - c0 >= u1 - u0 - 1, (c0, c1, u0, u1)
    assert len(top) == 2, top
    usr, sys_ = (float(re.search(rf"([\d.]+) {k},", top[1])[1]) for k in ("us", "sy"))
    assert usr > 0 and usr > sys_, top


def test_ctrl_c_stops_watch(ash):
    """watch runs its command with system(), which ignores SIGINT while
    the command runs (POSIX): a ^C that lands then ends only the command,
    and watch goes on, as on Linux.  Under TCG the fork+exec is a good
    part of each second, so press ^C again until watch itself gets one."""
    ash.send("watch -n 1 cat /proc/softirqs\r")
    ash.expect(r"NET_RX", timeout=60, what="watch showing /proc/softirqs")
    for attempt in range(10):
        ash.send("\x03")
        try:
            ash.expect_exact(PROMPT, timeout=10, what="the prompt after ^C")
            break
        except QemuError:
            continue
    else:
        pytest.fail("ten ^C did not stop watch:\n" + ash.tail(30), pytrace=False)
    assert ash.run("echo back") == ["back"]


@pytest.mark.parametrize("cmd,line", [
    ("poweroff", "reboot: Power down"),
    ("reboot", "reboot: Restarting system"),
])
def test_poweroff_and_reboot_through_init(qemu, cmd, line):
    """init runs the shutdown, then reboot(2) powers off or restarts
    (-no-reboot: QEMU exits either way)."""
    q = qemu(firmware="bios", kshell=False)
    q.boot()
    q.send(f"{cmd}\r")
    q.expect_exact(line, timeout=120, what=f"init's reboot(2) after {cmd}")
    assert q.wait_exit(timeout=60) == 0
