"""make check-layers: calls go one way between the layers.

tools/check-layers reads the symbols each object leaves undefined (nm)
and fails on a reference from a layer to one above it that
tools/check-layers.rules does not allow.  These tests run it on objects
compiled here, laid out as the build lays out irqlab's, with the real
rules, so a wrong-way call is shown to fail rather than assumed to; and
on the kernel's own objects, as they are and with one wrong-way call
added.  No QEMU.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qemu import REPO_ROOT

CHECKER = REPO_ROOT / "tools" / "check-layers"
RULES = REPO_ROOT / "tools" / "check-layers.rules"
ALLOW = REPO_ROOT / "tools" / "check-layers.allow"
SRCDIRS = ("arch", "kernel", "drivers", "net", "lib")
PYTHON = "/usr/bin/python3"


def run_checker(objs: list[Path], build: Path, allow: Path | None = None):
    if allow is None:
        allow = build.parent / "no-allowlist"
    return subprocess.run(
        [PYTHON, str(CHECKER), "--rules", str(RULES), "--allow", str(allow),
         "--build-dir", str(build), *map(str, objs)],
        capture_output=True, text=True, timeout=120,
    )


class Tree:
    """Sources and their objects in tmp/, as irqlab's tree and build/."""

    def __init__(self, root: Path):
        self.root = root
        self.build = root / "build"
        self.objs: list[Path] = []

    def add(self, path: str, code: str) -> Path:
        src = self.root / path
        src.parent.mkdir(parents=True, exist_ok=True)
        src.write_text(code)
        obj = self.build / Path(path).with_suffix(".o")
        obj.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["gcc", "-c", "-O0", "-o", str(obj), str(src)], check=True)
        self.objs.append(obj)
        return obj

    def define(self, path: str, *names: str) -> None:
        self.add(path, "".join(f"int {n}(void) {{ return 0; }}\n" for n in names))

    def call(self, path: str, *names: str) -> None:
        decls = "".join(f"int {n}(void);\n" for n in names)
        body = " + ".join(f"{n}()" for n in names)
        self.add(path, f"{decls}int caller_{abs(hash(path))}(void) {{ return {body}; }}\n")

    def check(self, allow: Path | None = None):
        return run_checker(self.objs, self.build, allow)


@pytest.fixture
def tree(tmp_path) -> Tree:
    t = Tree(tmp_path)
    t.define("lib/string.c", "lib_strlen")
    t.define("arch/x86_64/io_apic.c", "arch_ioapic_route")
    t.define("kernel/irq/irqdesc.c", "generic_handle_irq", "kernel_irq_internal")
    t.define("kernel/mm/slab.c", "kernel_kmalloc")
    t.define("kernel/ktest.c", "ktest_fail_msg")
    t.define("net/core/dev.c", "net_register_netdev")
    t.define("drivers/serial.c", "driver_uart_putc")
    t.define("kernel/shell/shell.c", "shell_only")
    return t


def assert_wrong_way(res, caller: str, symbol: str, callee: str, direction: str):
    expected = f"{caller} calls {symbol} ({callee}): {direction} goes the wrong way"
    assert res.returncode == 1, f"checker passed; expected: {expected}\n{res.stdout}{res.stderr}"
    assert expected in res.stderr, res.stderr


@pytest.mark.parametrize(
    "caller, symbol, callee, direction",
    [
        ("kernel/main.c", "driver_uart_putc", "drivers/serial.c", "kernel -> drivers"),
        ("kernel/sysctl.c", "net_register_netdev", "net/core/dev.c", "kernel -> net"),
        ("net/ipv4/arp.c", "driver_uart_putc", "drivers/serial.c", "net -> drivers"),
        ("drivers/pci/lspci.c", "shell_only", "kernel/shell/shell.c", "drivers -> shell"),
        ("kernel/irq/proc.c", "shell_only", "kernel/shell/shell.c", "kernel -> shell"),
        ("arch/x86_64/poweroff.c", "driver_uart_putc", "drivers/serial.c", "arch -> drivers"),
        ("arch/x86_64/irq.c", "kernel_irq_internal", "kernel/irq/irqdesc.c", "arch -> kernel"),
        ("lib/vsprintf.c", "kernel_kmalloc", "kernel/mm/slab.c", "lib -> kernel"),
        ("lib/tests/string_ktest.c", "kernel_kmalloc", "kernel/mm/slab.c", "lib -> kernel"),
    ],
)
def test_wrong_way_fails(tree, caller, symbol, callee, direction):
    tree.call(caller, symbol)
    assert_wrong_way(tree.check(), caller, symbol, callee, direction)


@pytest.mark.parametrize(
    "caller, symbol",
    [
        ("drivers/net/e1000/e1000_main.c", "net_register_netdev"),  # drivers -> net
        ("drivers/serial.c", "kernel_kmalloc"),  # drivers -> kernel
        ("net/core/skbuff.c", "kernel_kmalloc"),  # net -> kernel
        ("kernel/mm/page_alloc.c", "lib_strlen"),  # kernel -> lib
        ("kernel/irq/manage.c", "arch_ioapic_route"),  # kernel -> arch
        ("kernel/shell/ps.c", "driver_uart_putc"),  # the shell is on top
        ("arch/x86_64/irq.c", "generic_handle_irq"),  # a declared hook
        ("arch/x86_64/paging.c", "kernel_kmalloc"),  # a declared service (kernel/mm/)
        ("lib/tests/string_ktest.c", "ktest_fail_msg"),  # tests report to the runner
    ],
)
def test_right_way_passes(tree, caller, symbol):
    tree.call(caller, symbol)
    res = tree.check()
    assert res.returncode == 0, res.stderr
    assert "all one way" in res.stdout


def test_allowlist_tolerates_only_the_listed_reference(tree, tmp_path):
    tree.call("kernel/main.c", "driver_uart_putc")
    tree.call("kernel/cmdline.c", "driver_uart_putc")
    allow = tmp_path / "allow"
    allow.write_text("kernel/main.c driver_uart_putc being moved\n")
    res = tree.check(allow)
    assert_wrong_way(res, "kernel/cmdline.c", "driver_uart_putc", "drivers/serial.c",
                     "kernel -> drivers")
    assert "kernel/main.c calls" not in res.stderr


def test_stale_allowlist_line_is_reported(tree, tmp_path):
    allow = tmp_path / "allow"
    allow.write_text("kernel/main.c driver_uart_putc being moved\n")
    res = tree.check(allow)
    assert res.returncode == 0, res.stderr
    assert "no longer referenced" in res.stderr


# ---- the kernel's own objects ------------------------------------------------


# Compiled to assembly for its offsets only, never linked (the Makefile's
# ASM_OFFSETS_C): it has no object to check.
NOT_LINKED = {"arch/x86_64/asm-offsets.c"}


def kernel_objects() -> list[Path]:
    objs = []
    for d in SRCDIRS:
        for src in sorted((REPO_ROOT / d).rglob("*")):
            rel = src.relative_to(REPO_ROOT).as_posix()
            if src.suffix in (".c", ".S") and rel not in NOT_LINKED:
                obj = REPO_ROOT / "build" / src.relative_to(REPO_ROOT).with_suffix(".o")
                if not obj.is_file():
                    pytest.fail(f"{obj} does not exist: run make first", pytrace=False)
                objs.append(obj)
    return objs


def test_kernel_passes():
    res = run_checker(kernel_objects(), REPO_ROOT / "build", ALLOW)
    assert res.returncode == 0, res.stderr
    assert "all one way" in res.stdout


def test_kernel_with_a_wrong_way_call_fails(tmp_path):
    """The kernel's objects plus one in kernel/ that calls the e1000
    driver's PCI registration: the checker names it, and only it."""
    build = tmp_path / "build"
    objs = []
    for obj in kernel_objects():
        dest = build / obj.relative_to(REPO_ROOT / "build")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(obj, dest)
        objs.append(dest)
    tree = Tree(tmp_path)
    tree.call("kernel/inject.c", "pci_register_driver")
    res = run_checker(objs + tree.objs, build, ALLOW)
    assert_wrong_way(res, "kernel/inject.c", "pci_register_driver",
                     "drivers/pci/pci-driver.c", "kernel -> drivers")
    assert res.stderr.count("goes the wrong way") == 1, res.stderr
