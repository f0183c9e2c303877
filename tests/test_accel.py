"""ACCEL=kvm: QEMU on the host's CPU through KVM, TCG otherwise.

`make run ACCEL=kvm` (and ktest, debug, test) gives QEMU `-accel kvm -cpu
host`; without /dev/kvm it stops with a clear error before starting
anything.  TCG stays the default.  The error path is shown with a device
path that does not exist (KVM_DEV=, IRQLAB_KVM_DEV=), so it runs the same
on any machine; nothing here starts QEMU.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from qemu import REPO_ROOT, AccelUnavailable, Qemu

QEMU_TARGETS = ("run", "run-uefi", "ktest", "debug")


def make(*args: str, dry_run: bool = False) -> subprocess.CompletedProcess:
    """make in the repo, without what an outer `make test ACCEL=...` passes
    down to sub-makes."""
    cmd = ["make", "-j1", "--no-print-directory", *(["-n"] if dry_run else []), *args]
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES", "MAKELEVEL", "ACCEL",
                        "KVM_DEV")}
    return subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300, env=env)


def qemu_command(output: str) -> list[str]:
    """The words of the qemu-system-x86_64 line `make -n` printed."""
    for line in output.splitlines():
        words = line.split()
        if "qemu-system-x86_64" in words:
            return words[words.index("qemu-system-x86_64"):]
    pytest.fail(f"no qemu-system-x86_64 command in:\n{output}")


def has_option(words: list[str], *option: str) -> bool:
    n = len(option)
    return any(tuple(words[i:i + n]) == option for i in range(len(words) - n + 1))


@pytest.mark.parametrize("target", QEMU_TARGETS)
def test_kvm_command_line(target):
    res = make(target, "ACCEL=kvm", dry_run=True)
    assert res.returncode == 0, res.stderr
    words = qemu_command(res.stdout)
    assert has_option(words, "-accel", "kvm"), words
    assert has_option(words, "-cpu", "host"), words


@pytest.mark.parametrize("target", QEMU_TARGETS)
def test_tcg_is_the_default(target):
    res = make(target, dry_run=True)
    assert res.returncode == 0, res.stderr
    words = qemu_command(res.stdout)
    assert has_option(words, "-accel", "tcg"), words
    assert "kvm" not in words and "host" not in words, words


def test_kvm_without_dev_kvm_is_a_clear_error(tmp_path):
    missing = tmp_path / "kvm"
    res = make("run", "ACCEL=kvm", f"KVM_DEV={missing}")
    assert res.returncode != 0, f"make run ACCEL=kvm went ahead:\n{res.stdout}"
    assert f"ACCEL=kvm: {missing} does not exist" in res.stderr, res.stderr
    assert "qemu-system" not in res.stdout, "QEMU was started anyway"


def test_unknown_accel_is_refused():
    res = make("run", "ACCEL=xen", dry_run=True)
    assert res.returncode != 0
    assert "ACCEL=xen: use ACCEL=tcg (the default) or ACCEL=kvm" in res.stderr


# ---- the pytest harness (tests/qemu.py) -----------------------------------------


def test_harness_kvm_arguments(tmp_path, monkeypatch):
    dev = tmp_path / "kvm"
    dev.write_text("")
    monkeypatch.setenv("IRQLAB_KVM_DEV", str(dev))
    words = Qemu(accel="kvm").command()
    assert has_option(words, "-accel", "kvm") and has_option(words, "-cpu", "host"), words
    monkeypatch.setenv("IRQLAB_ACCEL", "kvm")
    assert has_option(Qemu().command(), "-accel", "kvm")


def test_harness_defaults_to_tcg(monkeypatch):
    monkeypatch.delenv("IRQLAB_ACCEL", raising=False)
    words = Qemu().command()
    assert has_option(words, "-accel", "tcg") and "host" not in words, words


def test_harness_kvm_without_dev_kvm(tmp_path, monkeypatch):
    monkeypatch.setenv("IRQLAB_KVM_DEV", str(tmp_path / "kvm"))
    with pytest.raises(AccelUnavailable, match="does not exist"):
        Qemu(accel="kvm").command()
