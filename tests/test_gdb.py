"""Source-level debugging through QEMU's gdb stub.

QEMU starts halted (-S) with its gdb stub on a free port of 127.0.0.1; gdb
loads build/irqlab.elf, sets a hardware breakpoint on kmain and continues.
The breakpoint must be hit in kmain, and gdb must know its source file
(kernel/main.c), i.e. the ELF's symbols and debug info match the kernel
that GRUB loaded.
"""

import re
import shutil
import socket
import subprocess

import pytest

from qemu import scaled

GDB_TIMEOUT = 180.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gdb_breaks_in_kmain(qemu, elf_path, iso_elf_mismatch):
    gdb = shutil.which("gdb")
    if gdb is None:
        pytest.skip("gdb is not installed (apt-get install gdb)")
    if iso_elf_mismatch:
        # The breakpoint would be on an address the booted kernel never runs.
        pytest.fail(iso_elf_mismatch, pytrace=False)

    for _attempt in range(3):
        port = free_port()
        q = qemu(firmware="bios", extra_args=["-S", "-gdb", f"tcp:127.0.0.1:{port}"])
        cmd = [
            gdb, "-batch", "-nx",
            "-ex", "set pagination off",
            "-ex", "set tcp connect-timeout 60",
            "-ex", f"file {elf_path}",
            "-ex", f"target remote 127.0.0.1:{port}",
            "-ex", "hbreak kmain",
            "-ex", "continue",
            "-ex", "bt",
            "-ex", "info source",
        ]
        timeout = scaled(GDB_TIMEOUT)
        try:
            res = subprocess.run(
                cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
            )
        except subprocess.TimeoutExpired as e:
            out = e.stdout or ""
            if isinstance(out, bytes):  # TimeoutExpired keeps bytes even with text=True
                out = out.decode(errors="replace")
            pytest.fail(
                f"gdb did not finish within {timeout:.0f} s (waiting for the "
                f"breakpoint on kmain to be hit); its output:\n{out}\n"
                + q.describe_failure("QEMU's serial output:"),
                pytrace=False,
            )
        # Another process may have taken the port between our probe and QEMU.
        if "Address already in use" in q.output:
            q.close()
            continue
        break

    out = res.stdout + res.stderr
    context = f"\n--- gdb output ---\n{out}\n" + q.describe_failure("--- QEMU ---", n=20)
    assert re.search(r"Breakpoint 1, (?:0x[0-9a-f]+ in )?kmain \(", out), (
        "gdb did not report 'Breakpoint 1, kmain (...)'" + context
    )
    assert re.search(r"^#0\s+(?:0x[0-9a-f]+ in )?kmain \(", out, re.M), (
        "the backtrace does not start in kmain" + context
    )
    assert re.search(r"Current source file is \S*kernel/main\.c", out), (
        "gdb shows no source file kernel/main.c for kmain" + context
    )
