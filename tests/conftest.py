"""pytest set-up for irqlab's QEMU tests: options and the `qemu` fixtures.

    --iso=PATH / $IRQLAB_ISO   the ISO to boot (default build/irqlab.iso)
    --elf=PATH / $IRQLAB_ELF   the kernel ELF with symbols (build/irqlab.elf)

(Write --iso=PATH with the '=': pytest reads a bare path after an option it
does not know yet as a test path.)
    $IRQLAB_TIMEOUT_SCALE      multiply every timeout (slow machine)
    $IRQLAB_OVMF               UEFI firmware image (default: found in /usr/share)

Every QEMU's serial output goes to build/test-logs/<test id>.log.
Every QEMU runs with -nic none unless a test asks for net="socket" (an
e1000 on free 127.0.0.1 UDP ports, for tools/pktgen) or net="user".
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from harness import SHARED_CMDLINE, QemuFactory, iso_kernel_mismatch, log_name, resolve_path
from qemu import DEFAULT_ELF, DEFAULT_ISO, Qemu


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


@pytest.fixture(scope="session")
def iso_path(pytestconfig) -> Path:
    iso = resolve_path(pytestconfig.getoption("--iso"))
    if not iso.is_file():
        pytest.fail(f"{iso} does not exist: run make iso first", pytrace=False)
    return iso


@pytest.fixture(scope="session")
def elf_path(pytestconfig) -> Path:
    elf = resolve_path(pytestconfig.getoption("--elf"))
    if not elf.is_file():
        pytest.fail(f"{elf} does not exist: run make first", pytrace=False)
    return elf


@pytest.fixture(scope="session")
def iso_elf_mismatch(iso_path, elf_path, tmp_path_factory) -> str | None:
    """Why the ELF is not the kernel inside the ISO (None if it is)."""
    return iso_kernel_mismatch(iso_path, elf_path, tmp_path_factory.mktemp("iso"))


@pytest.fixture
def qemu(request, iso_path):
    """Factory: qemu(firmware="bios", smp=2, mem="256M", cmdline="", ...)
    starts a QEMU for this test; all are killed when the test ends.

    net="none" (default: no NIC), "user" (e1000, restrict=on) or "socket"
    (e1000 on 127.0.0.1 UDP ports, q.net_ports, for tools/pktgen)."""
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
