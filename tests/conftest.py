"""pytest set-up for irqlab's QEMU tests: options and the `qemu` fixtures.

    --iso PATH / $IRQLAB_ISO   the ISO to boot (default build/irqlab.iso)
    --elf PATH / $IRQLAB_ELF   the kernel ELF with symbols (build/irqlab.elf)
    $IRQLAB_TIMEOUT_SCALE      multiply every timeout (slow machine)
    $IRQLAB_OVMF               UEFI firmware image (default: found in /usr/share)

Every QEMU's serial output goes to build/test-logs/<test id>.log.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from qemu import DEFAULT_ELF, DEFAULT_ISO, LOG_DIR, REPO_ROOT, FirmwareMissing, Qemu

# What the shared boots put on the command line (test_boot checks it).
SHARED_CMDLINE = "irqlab.testtoken=42"


def pytest_addoption(parser):
    group = parser.getgroup("irqlab")
    group.addoption(
        "--iso",
        default=os.environ.get("IRQLAB_ISO", str(DEFAULT_ISO)),
        help="ISO image to boot (default: $IRQLAB_ISO or build/irqlab.iso)",
    )
    group.addoption(
        "--elf",
        default=os.environ.get("IRQLAB_ELF", str(DEFAULT_ELF)),
        help="kernel ELF with symbols (default: $IRQLAB_ELF or build/irqlab.elf)",
    )


def _resolve(path: str) -> Path:
    p = Path(path)
    return p if p.is_absolute() else REPO_ROOT / p


@pytest.fixture(scope="session")
def iso_path(pytestconfig) -> Path:
    iso = _resolve(pytestconfig.getoption("--iso"))
    if not iso.is_file():
        pytest.fail(f"{iso} does not exist: run make iso first", pytrace=False)
    return iso


@pytest.fixture(scope="session")
def elf_path(pytestconfig) -> Path:
    elf = _resolve(pytestconfig.getoption("--elf"))
    if not elf.is_file():
        pytest.fail(f"{elf} does not exist: run make first", pytrace=False)
    return elf


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


@pytest.fixture
def qemu(request, iso_path):
    """Factory: qemu(firmware="bios", smp=2, mem="256M", cmdline="", ...)
    starts a QEMU for this test; all are killed when the test ends."""
    factory = QemuFactory(iso_path, log_name(request.node.nodeid))
    yield factory
    factory.close_all()


@pytest.fixture(scope="module")
def module_qemu(request, iso_path):
    """The same factory, for boots that a whole module shares."""
    factory = QemuFactory(iso_path, log_name(request.module.__name__))
    yield factory
    factory.close_all()


@pytest.fixture(scope="module")
def bios_shell(module_qemu) -> Qemu:
    """One BIOS boot at the prompt (cmdline SHARED_CMDLINE) per module, for
    tests that only read: leave it at a fresh prompt."""
    return module_qemu(name="bios", firmware="bios", cmdline=SHARED_CMDLINE).boot()
