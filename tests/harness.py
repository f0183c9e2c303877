"""Helpers the test modules share with conftest.py (importable, unlike it)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import kelf
from qemu import LOG_DIR, REPO_ROOT, FirmwareMissing, Qemu

# The host packet generator (make pktgen; docs/pktgen.md).
PKTGEN = REPO_ROOT / "build" / "pktgen"

# What the shared boots put on the command line (test_boot checks it).
SHARED_CMDLINE = "irqlab.testtoken=42"


def resolve_path(path: str) -> Path:
    """A path given on the command line, relative to the repo root."""
    p = Path(path)
    return p if p.is_absolute() else REPO_ROOT / p


def log_name(text: str) -> str:
    """A test id as a file name."""
    return re.sub(r"[^A-Za-z0-9_.=-]+", "_", text).strip("_")


class QemuFactory:
    """Starts Qemu instances for one scope and kills them all at its end."""

    def __init__(self, iso: Path, log_stem: str):
        self.iso = iso
        self.log_stem = log_stem
        self.instances: list[Qemu] = []

    def __call__(self, name: str | None = None, **kwargs) -> Qemu:
        """Qemu(**kwargs) started (not yet at the prompt: see Qemu.boot).

        `name` goes into the log file's name."""
        n = len(self.instances)
        stem = self.log_stem if name is None else f"{self.log_stem}-{log_name(name)}"
        if n and name is None:
            stem += f"-{n + 1}"
        kwargs.setdefault("iso", self.iso)
        kwargs.setdefault("log_path", LOG_DIR / f"{stem}.log")
        q = Qemu(**kwargs)
        self.instances.append(q)
        try:
            q.start()
        except FirmwareMissing as e:
            pytest.skip(str(e))
        return q

    def close_all(self) -> None:
        for q in self.instances:
            q.close()


def iso_kernel_mismatch(iso: Path, elf: Path, workdir: Path) -> str | None:
    """Why the kernel inside the ISO is not the one in `elf`, or None.

    make iso copies build/irqlab.elf into the ISO without its debug info;
    a stale ISO or ELF makes gdb breakpoints never hit and symbol lookups
    lie, so tests that need both check this first.  Compares the loaded
    sections (.text, .rodata, .data) of /boot/irqlab.elf from the ISO.
    """
    extracted = workdir / "irqlab-from-iso.elf"
    extracted.unlink(missing_ok=True)
    try:
        res = subprocess.run(
            ["xorriso", "-osirrox", "on", "-indev", str(iso),
             "-extract", "/boot/irqlab.elf", str(extracted)],
            capture_output=True, text=True, timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"cannot read {iso} with xorriso: {e}"
    if res.returncode != 0 or not extracted.is_file():
        return f"cannot extract /boot/irqlab.elf from {iso}: {res.stderr.strip()[-500:]}"
    try:
        ours, theirs = kelf.Elf64(elf), kelf.Elf64(extracted)
        for name in (".text", ".rodata", ".data"):
            if ours.section_bytes(name) != theirs.section_bytes(name):
                return (
                    f"{elf} and the kernel in {iso} differ in {name}: "
                    "rebuild both with make iso"
                )
    except kelf.ElfError as e:
        return str(e)
    return None


def run_pktgen(args: list[str], timeout: float = 60.0) -> subprocess.CompletedProcess:
    """Run build/pktgen with args; its output as text.  Bounded by timeout.

    Against a guest, pass q.net_ports.pktgen_args() of a qemu(net="socket").
    """
    if not PKTGEN.is_file():
        pytest.fail(f"{PKTGEN} does not exist: run make pktgen", pytrace=False)
    return subprocess.run([str(PKTGEN), *args], capture_output=True, text=True,
                          timeout=timeout)
