"""Static Linux programs in irqlab's user space (docs/userspace.md).

The kernel shell's `run` starts a program from the initramfs as its child
and waits for it.  abi-test (tests/user/abi-test.c; test_user_host.py
shows that Linux passes every check) runs in irqlab as a static and as a
static-pie program and must pass every check there too; its faults are
logged with Linux's line and kill only itself.  `run` reports exec errors
with the C library's message; a program as init (rdinit=) that exits
brings Linux's "Attempted to kill init!" panic, and abi-test as init
powers the machine off when done.
"""

from __future__ import annotations

import re

import pytest

from qemu import PROMPT

TAP_LINE = re.compile(r"^(ok|not ok) (\d+) - (\S+)(?: # (.*))?$")
SEGFAULT = re.compile(
    r"abi-test\[\d+\]: segfault at [0-9a-f]+ ip [0-9a-f]{16} sp [0-9a-f]{16} "
    r"error \d+ in abi-test\[[0-9a-f]+\+[0-9a-f]+\]"
)
PROG_DIR = "/usr/lib/irqlab"


def tap_results(lines: list[str]) -> tuple[int, list[tuple[bool, str, str]]]:
    """The plan and (ok, name, reason) of each TAP line among kernel lines."""
    plan = None
    results = []
    for ln in lines:
        if ln.startswith("1.."):
            plan = int(ln[3:])
        m = TAP_LINE.match(ln)
        if m:
            results.append((m[1] == "ok", m[3], m[4] or ""))
    assert plan is not None, "no TAP plan in:\n" + "\n".join(lines)
    return plan, results


@pytest.mark.parametrize("prog", ["abi-test", "abi-test-pie"])
def test_abi_test_passes_in_irqlab(bios_shell, prog):
    out = bios_shell.run(f"run {PROG_DIR}/{prog}", timeout=180)
    plan, results = tap_results(out)
    failed = [f"{name}: {why}" for ok, name, why in results if not ok]
    assert not failed, "failed in irqlab:\n" + "\n".join(failed) + "\n\n" + "\n".join(out)
    assert len(results) == plan >= 18, "\n".join(out)
    # It exited 0, so `run` printed no "exit N" line.
    assert not any(ln.startswith("exit ") for ln in out), "\n".join(out)


def test_a_user_fault_kills_only_the_process(bios_shell):
    out = bios_shell.run(f"run {PROG_DIR}/abi-test munmap-fault", timeout=120)
    assert any(SEGFAULT.search(ln) for ln in out), (
        "no Linux segfault line for the child that touched unmapped memory:\n"
        + "\n".join(out)
    )
    # The kernel and its shell go on.
    assert bios_shell.run("uname -s") == ["irqlab"]


@pytest.mark.parametrize(
    "path,message",
    [
        ("/nonexistent", "No such file or directory"),
        (f"{PROG_DIR}/not-elf", "Exec format error"),
        ("/etc", "Permission denied"),
        ("/etc/hostname", "Permission denied"),
    ],
)
def test_run_reports_exec_errors(bios_shell, path, message):
    assert bios_shell.run(f"run {path}") == [f"run: {path}: {message}"]


def test_run_without_arguments_is_usage(bios_shell):
    out = bios_shell.run("run")
    assert len(out) == 1 and out[0].startswith("usage: run PATH"), out


def test_init_that_exits_panics(qemu):
    q = qemu(firmware="bios", cmdline="rdinit=/bin/true", kshell=False)
    q.expect_exact("Run /bin/true as init process",
                   what="the kernel starting /bin/true as init (rdinit=)", timeout=120)
    q.expect_exact("Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000000",
                   timeout=180, what="Linux's panic when init exits")
    assert PROMPT not in q.output


def test_abi_test_as_init_powers_off(qemu):
    q = qemu(firmware="bios", cmdline=f"rdinit={PROG_DIR}/abi-test", kshell=False)
    q.expect_exact(f"Run {PROG_DIR}/abi-test as init process",
                   what="the kernel starting abi-test as init (rdinit=)", timeout=120)
    q.expect(r"# abi-test: (\d+) of (\d+) passed", timeout=300,
             what="abi-test's summary as PID 1")
    assert q.wait_exit(timeout=120) == 0, "abi-test as PID 1 powers off when done"


def test_user_space_on_a_cpu_with_smep_and_smap(qemu):
    """With SMAP every system call's user copy must open user memory
    (STAC): busybox's shell, a pipeline and abi-test all run there."""
    q = qemu(firmware="bios", kshell=False, extra_args=["-cpu", "qemu64,+smep,+smap"])
    q.boot()
    assert "STAC/CLAC sites patched" in q.boot_log, q.boot_log[-2000:]
    assert q.run("echo hello | wc -c") == ["6"]
    out = q.run(f"{PROG_DIR}/abi-test; echo status $?", timeout=180)
    plan, results = tap_results(out)
    failed = [f"{name}: {why}" for ok, name, why in results if not ok]
    assert not failed, "failed with SMAP:\n" + "\n".join(failed) + "\n\n" + "\n".join(out)
    assert len(results) == plan and out[-1] == "status 0", "\n".join(out)
