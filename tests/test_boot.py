"""Booting to the shell prompt under BIOS (SeaBIOS) and UEFI (OVMF).

Checks the boot log (banner, the command line including what fw_cfg added,
which firmware booted us, memory), and what a fresh boot answers to the
read-only commands: cat /proc/cmdline, cat /proc/meminfo (Linux's format,
MemTotal following QEMU's -m), uname -a, dmesg (timestamps), help.
"""

import re

import pytest

from harness import SHARED_CMDLINE, QemuFactory, log_name
from qemu import Qemu, split_lines, strip_timestamp

TOKEN = "irqlab.testtoken=42"
assert TOKEN in SHARED_CMDLINE

TIMESTAMP = r"^\[\s*\d+\.\d{6}\] "
MEMINFO_LINE = re.compile(r"^(\w+):\s+(\d+) kB$")
COMMANDS = ("help", "cat", "uname", "dmesg", "poweroff")


@pytest.fixture(scope="module", params=["bios", "uefi"])
def booted(request, iso_path) -> Qemu:
    """A shell booted under each firmware, -m 256M, with TOKEN on its
    command line; torn down before the next firmware boots."""
    factory = QemuFactory(iso_path, log_name(f"{request.module.__name__}-{request.param}"))
    try:
        yield factory(firmware=request.param, mem="256M", cmdline=SHARED_CMDLINE).boot()
    finally:
        factory.close_all()


def boot_lines(q: Qemu) -> list[str]:
    return [strip_timestamp(line) for line in split_lines(q.boot_log)]


def find_line(lines: list[str], pattern: str) -> str | None:
    return next((line for line in lines if re.search(pattern, line)), None)


def show(lines: list[str], n: int = 60) -> str:
    return "\n".join(lines[-n:])


def require_line(lines: list[str], pattern: str, what: str) -> str:
    line = find_line(lines, pattern)
    if line is None:
        pytest.fail(f"no {what} (regex {pattern!r}) in:\n{show(lines)}")
    return line


def meminfo(q: Qemu) -> dict[str, int]:
    """cat /proc/meminfo as {field: kB}, after checking the lines' format."""
    out = q.run("cat /proc/meminfo")
    fields = {}
    for line in out:
        m = MEMINFO_LINE.match(line)
        if m:
            fields[m.group(1)] = int(m.group(2))
    for name in ("MemTotal", "MemFree"):
        if name not in fields:
            pytest.fail(
                f"no line matching '^{name}:\\s+\\d+ kB$' in cat /proc/meminfo:\n"
                + "\n".join(out)
            )
    return fields


def mem_kb(size: str) -> int:
    assert size.endswith("M")
    return int(size[:-1]) * 1024


# ---- the boot log -----------------------------------------------------------


def test_banner(booted):
    require_line(boot_lines(booted), r"irqlab version", "banner line containing 'irqlab version'")


def test_command_line_has_fw_cfg_part(booted):
    line = require_line(boot_lines(booted), r"Command line: ", "'Command line: ' line")
    assert TOKEN in line, f"the fw_cfg cmdline {TOKEN!r} is missing from {line!r}"


def test_firmware_line(booted):
    line = require_line(boot_lines(booted), r"Firmware: ", "'Firmware: ' line")
    expected = f"Firmware: {booted.firmware.upper()}"
    assert expected in line, f"booted under {booted.firmware}, expected {expected!r} in {line!r}"


def test_memory_line(booted):
    require_line(boot_lines(booted), r"Memory: ", "'Memory: ' line")


# ---- read-only commands ----------------------------------------------------------


def test_proc_cmdline(booted):
    out = booted.run("cat /proc/cmdline")
    assert len(out) == 1, f"cat /proc/cmdline should print one line, got {out!r}"
    assert TOKEN in out[0], f"{TOKEN!r} missing from /proc/cmdline: {out[0]!r}"
    logged = require_line(boot_lines(booted), r"Command line: ", "'Command line: ' line")
    logged = logged.split("Command line: ", 1)[1]
    assert out[0].strip() == logged.strip(), "/proc/cmdline differs from the boot log's"


def test_meminfo(booted):
    fields = meminfo(booted)
    total, free = fields["MemTotal"], fields["MemFree"]
    size = mem_kb(booted.mem)
    assert 0.8 * size <= total <= size, (
        f"MemTotal {total} kB is not within 80-100% of -m {booted.mem} ({size} kB)"
    )
    assert 0 < free <= total, f"MemFree {free} kB vs MemTotal {total} kB"


def test_uname(booted):
    out = booted.run("uname -a")
    assert len(out) == 1 and out[0].startswith("irqlab "), f"uname -a printed {out!r}"


def test_dmesg_has_timestamped_banner(booted):
    out = booted.run("dmesg", timeout=60)
    banner = [line for line in out if "irqlab version" in line]
    assert banner, "no 'irqlab version' banner in dmesg:\n" + show(out)
    assert re.match(TIMESTAMP, banner[0]), (
        f"banner line lacks a '[    0.000000] ' timestamp: {banner[0]!r}"
    )


def test_help_lists_commands(booted):
    out = booted.run("help")
    text = "\n".join(out)
    missing = [c for c in COMMANDS if not re.search(rf"(?m)^\s*{c}\b", text)]
    assert not missing, f"help does not list {missing}:\n{text}"


# ---- MemTotal follows -m -----------------------------------------------------------


@pytest.mark.parametrize("booted", ["bios"], indirect=True)  # BIOS only: time
def test_meminfo_scales_with_memory_size(qemu, booted):
    small = meminfo(booted)["MemTotal"]
    big_vm = qemu(firmware="bios", mem="512M", cmdline=SHARED_CMDLINE).boot()
    fields = meminfo(big_vm)
    big = fields["MemTotal"]
    assert 0.8 * mem_kb("512M") <= big <= mem_kb("512M"), (
        f"MemTotal {big} kB is not within 80-100% of -m 512M"
    )
    assert fields["MemFree"] <= big
    grown = big - small
    assert 0.8 * mem_kb("256M") <= grown <= 1.05 * mem_kb("256M"), (
        f"-m 256M -> 512M grew MemTotal by {grown} kB ({small} -> {big}), "
        "expected about 262144 kB"
    )
