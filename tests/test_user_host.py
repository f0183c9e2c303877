"""tests/user/abi-test on the host: Linux itself passes every check.

abi-test is the static program irqlab's user space is tested with
(docs/initramfs.md); run here on the Linux host, with -r rootfs for the
files it reads (/etc/hostname, /usr/lib/irqlab/not-elf, the directory /),
it proves that what it expects is what Linux does.  Needs `make user`
(build/user/abi-test and abi-test-pie), which `make test` does.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROGS = ["abi-test", "abi-test-pie"]

TAP_LINE = re.compile(r"^(ok|not ok) (\d+) - (\S+)(?: # (.*))?$")


def run(prog: str, *args: str) -> subprocess.CompletedProcess:
    exe = ROOT / "build" / "user" / prog
    if not exe.is_file():
        pytest.fail(f"{exe} does not exist: run make user", pytrace=False)
    return subprocess.run([str(exe), *args], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)


def parse_tap(out: str) -> tuple[int, list[tuple[bool, int, str, str]]]:
    lines = out.splitlines()
    assert lines[0] == "TAP version 13", out
    assert lines[1].startswith("1.."), out
    plan = int(lines[1][3:])
    results = []
    for ln in lines[2:]:
        if ln.startswith("#"):
            continue
        m = TAP_LINE.match(ln)
        assert m, f"not a TAP line: {ln!r}"
        results.append((m[1] == "ok", int(m[2]), m[3], m[4] or ""))
    return plan, results


def names(prog: str) -> list[str]:
    r = run(prog, "-l")
    assert r.returncode == 0
    return [ln.split()[0] for ln in r.stdout.splitlines()]


@pytest.mark.parametrize("prog", PROGS)
def test_every_check_passes_on_linux(prog):
    r = run(prog, "-r", "rootfs")
    plan, results = parse_tap(r.stdout)
    failed = [f"{n} {name}: {why}" for ok, n, name, why in results if not ok]
    assert not failed, "\n".join(failed)
    assert plan == len(results) == len(names(prog)) >= 18
    assert [n for _, n, _, _ in results] == list(range(1, plan + 1))
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_brief_checks_are_there():
    have = set(names("abi-test"))
    for want in ("write", "getpid", "uname", "brk", "mmap", "mprotect", "efault-write",
                 "efault-read", "enosys", "ebadf", "clock", "fork-wait", "exec-enoexec",
                 "exec-enoent", "hostname", "pipe", "getdents"):
        assert want in have


def test_subset_by_name_and_by_substring():
    r = run("abi-test", "-r", "rootfs", "brk", "mmap")
    plan, results = parse_tap(r.stdout)
    assert plan == 2 and [x[2] for x in results] == ["brk", "mmap"]
    assert r.returncode == 0
    r = run("abi-test", "-r", "rootfs", "-k", "exec")
    plan, results = parse_tap(r.stdout)
    assert [x[2] for x in results] == ["exec-enoexec", "exec-enoent"] and plan == 2


def test_a_failure_is_not_ok_and_exit_1(tmp_path):
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc/hostname").write_text("elsewhere\n")
    r = run("abi-test", "-r", str(tmp_path), "hostname", "pipe")
    plan, results = parse_tap(r.stdout)
    assert plan == 2
    ok, n, name, why = results[0]
    assert (ok, n, name) == (False, 1, "hostname")
    assert 'got "elsewhere"' in why and "expected" in why
    assert results[1][0] is True
    assert r.returncode == 1


def test_unknown_name_is_an_error():
    r = run("abi-test", "no-such-test")
    assert r.returncode == 2
    assert "no test named no-such-test" in r.stdout
